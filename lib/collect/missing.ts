/**
 * What an export made before the collection finished (or after parts failed) leaves out:
 * every listed article that has not arrived, with the reason, and what the limits cut.
 * Worded in Chinese, like the book it goes into.
 */
import type { CollectLimitNote, CollectState } from './collector';

export interface MissingEntry {
  section: string;
  title: string;
  url: string;
  reason: string;
}

function reasonOf(status: string, error: string | undefined): string {
  if (status === 'pending' || status === 'loading') return '导出时尚未载入';
  if (!error) return '载入失败';
  if (error === 'cancelled') return '已取消';
  if (/^Timed out/.test(error)) return '请求超时';
  if (/^Too large/.test(error)) return '页面过大';
  if (/stopped answering/.test(error)) return '网站无响应，已跳过';
  if (/took too long/.test(error)) return '读取时间过长，已跳过';
  if (/^Refused/.test(error)) return '已拒绝（不在本站）';
  return `载入失败：${error}`;
}

export function missingArticles(state: CollectState): MissingEntry[] {
  const out: MissingEntry[] = [];
  for (const section of state.sections) {
    if (section.error && section.items.length === 0) {
      out.push({ section: section.label, title: '（版面目录）', url: section.url, reason: reasonOf('error', section.error) });
    }
    for (const item of section.items) {
      if (item.status === 'done' && item.article) continue;
      out.push({ section: section.label, title: item.item.title, url: item.item.url, reason: reasonOf(item.status, item.error) });
    }
  }
  return out;
}

const NOTE_TEXT: Record<CollectLimitNote['reason'], (n: CollectLimitNote) => string> = {
  sections: (n) => `本期版面超过 ${n.limit} 个，另有 ${n.count} 个版面未收录。`,
  'section-articles': (n) => `有版面列出的文章超过每版 ${n.limit} 篇，${n.count} 个链接未收录。`,
  articles: (n) => `全期文章超过 ${n.limit} 篇，另有 ${n.count} 篇未收录。`,
  'not-answering': (n) => `网站连续 ${n.limit} 次请求超时，其余 ${n.count} 篇已跳过。`,
  'too-long': (n) => `读取超过 ${n.limit} 秒，其余 ${n.count} 篇已跳过。`,
};

export function limitNotes(state: CollectState): string[] {
  return (state.limited ?? []).map((n) => NOTE_TEXT[n.reason](n));
}
