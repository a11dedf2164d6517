/**
 * The article title on the ordinary web. Chinese sites put the site and channel names around
 * the headline in `<title>` (`标题_读书频道_新浪网`, `标题 - 汀州晚报`, `站名 | 标题`); the
 * headline is the part that the page's `<h1>`, `og:title` or title element agree on, or,
 * without such agreement, what is left once the parts that look like site or channel names are
 * taken off the ends. A dash or bar inside the headline (`棱镜|数据业大整顿`) stays.
 */
import { normalizeSpace } from './text';

/** Separators between headline, channel and site. `——` is a Chinese dash inside headlines. */
const SEPARATOR = /\s+[-–—|｜·]\s+|\s*(?:_+|-{2,}|[|｜–]|(?<!—)—(?!—))\s*|(?<=[^\x00-\x7f])-|-(?=[^\x00-\x7f])/g;

/** Words that end the name of a site or channel (网 site, 报 paper, 频道 channel, …). */
const SITE_WORD =
  /(?:网|網|网站|網站|门户|門戶|频道|頻道|官网|官網|新闻|新聞|资讯|資訊|中心|订阅|訂閱|在线|在線|传媒|傳媒|社区|社區|论坛|論壇|博客|空间|空間|手记|手記|日记|日記|之家|报|報|报社|報社|电视台|電視台|公报|公報|政府|设计|設計|栏目|欄目|专栏|專欄|首页|首頁)$/;
/** A host or an all-Latin brand after a Chinese headline (`CSDN.NET`, `The Paper`, `cjn.cn`). */
const LATIN_BRAND = /^[A-Za-z0-9][A-Za-z0-9 .&'-]*$/;

/** Labels of page controls that are never a title. */
const UI_LABELS = new Set([
  '显示',
  '顯示',
  '隐藏',
  '隱藏',
  '首页',
  '首頁',
  '登录',
  '登錄',
  '注册',
  '註冊',
  '搜索',
  '搜尋',
  '菜单',
  '選單',
  '导航',
  '導航',
  '正文',
  '详情',
  '詳情',
  '内容',
  '內容',
  '返回',
  '更多',
  '分享',
  '打印',
  '关闭',
  '關閉',
  '评论',
  '評論',
  '目录',
  '目錄',
  '收藏',
  '字号',
  '字號',
  '大',
  '中',
  '小',
]);

/** Channel names between the headline and the site name are short. */
const MAX_CHANNEL_CHARS = 12;

export interface TitleSources {
  /** `<title>` of the page. */
  documentTitle: string;
  /** `og:title` (or another declared title). */
  ogTitle?: string;
  /** `og:site_name`, `application-name` …: the site's own name, when declared. */
  siteNames?: string[];
  /** Visible headline candidates: `<h1>` texts, title elements. */
  headings?: string[];
}

/** A one-word control label (显示, 首页, 登录 …) or nothing at all. */
export function isUiLabel(text: string): boolean {
  const t = normalizeSpace(text);
  return t.length === 0 || UI_LABELS.has(t) || /^[\p{P}\p{S}\d\s]*$/u.test(t);
}

/** A name of a site or a channel rather than a headline. */
export function isSiteName(text: string, siteNames: readonly string[] = []): boolean {
  const t = normalizeSpace(text);
  if (!t) return false;
  if (siteNames.some((n) => n && (t === n || (n.length >= 2 && t.includes(n) && t.length <= n.length + 6)))) return true;
  return t.length <= 20 && (SITE_WORD.test(t) || (LATIN_BRAND.test(t) && /[A-Za-z]{2}/.test(t)));
}

interface Part {
  text: string;
  /** The separator before this part ('' for the first). */
  sep: string;
}

function splitParts(title: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  let sep = '';
  for (const m of title.matchAll(SEPARATOR)) {
    const index = m.index ?? 0;
    if (index === 0 && parts.length === 0 && last === 0) {
      last = m[0].length;
      continue;
    }
    parts.push({ text: title.slice(last, index), sep });
    sep = m[0];
    last = index + m[0].length;
  }
  parts.push({ text: title.slice(last), sep });
  return parts.map((p) => ({ ...p, text: p.text.trim() })).filter((p) => p.text);
}

const join = (parts: Part[]): string => parts.map((p, i) => (i === 0 ? p.text : p.sep + p.text)).join('');

/** Strips site-like parts from both ends, then channel parts next to a stripped site name. */
function stripByShape(title: string, siteNames: readonly string[]): string {
  let parts = splitParts(title);
  if (parts.length < 2) {
    // `…一块顶十块GPU-EDN 电子技术设计`: a hyphen between Latin letters cuts off a site only
    // when what follows is named like one (a headline's `Mate20-Pro` stays).
    const hyphen = /^(.{4,}?[A-Za-z0-9])-([A-Za-z][^-]*)$/.exec(title);
    if (hyphen && SITE_WORD.test(hyphen[2]) && isSiteName(hyphen[2], siteNames)) return hyphen[1];
    return title;
  }
  let strippedEnd = false;
  while (parts.length > 1 && isSiteName(parts[parts.length - 1].text, siteNames)) {
    parts = parts.slice(0, -1);
    strippedEnd = true;
  }
  // `标题_10%公司_澎湃新闻`: once the site is gone, short parts before it are channels.
  while (strippedEnd && parts.length > 1 && Array.from(parts[parts.length - 1].text).length <= MAX_CHANNEL_CHARS) {
    const channel = parts[parts.length - 1].text;
    const rest = join(parts.slice(0, -1));
    if (Array.from(rest).length < Array.from(channel).length) break;
    parts = parts.slice(0, -1);
  }
  while (parts.length > 1 && isSiteName(parts[0].text, siteNames)) parts = parts.slice(1);
  return join(parts);
}

/** `reference` is `full` minus parts before or after it, cut at a separator or a space. */
export function agreesAsPart(full: string, reference: string): boolean {
  if (reference.length < 4 || reference === full) return false;
  const cut = (rest: string) => /^(?:\s|[-–—_|｜·])/.test(rest);
  if (full.startsWith(reference) && cut(full.slice(reference.length))) return true;
  if (full.endsWith(reference) && /(?:\s|[-–—_|｜·])$/.test(full.slice(0, full.length - reference.length))) return true;
  return false;
}

/**
 * The headline of a page title. A visible heading or `og:title` that `title` contains as one
 * of its separated parts is the headline; otherwise site and channel parts are stripped by
 * their shape. A title that is all site name, or a control label, is kept out: returns ''.
 */
export function cleanTitle(title: string, sources: TitleSources): string {
  const raw = normalizeSpace(title);
  if (!raw) return '';
  const siteNames = (sources.siteNames ?? []).map(normalizeSpace).filter(Boolean);
  const references = [sources.ogTitle ?? '', ...(sources.headings ?? [])]
    .map(normalizeSpace)
    .filter((r) => r && !isUiLabel(r) && !isSiteName(r, siteNames));
  for (const ref of references) {
    if (agreesAsPart(raw, ref)) return ref;
  }
  const stripped = stripByShape(raw, siteNames);
  return isUiLabel(stripped) ? '' : stripped;
}

/** The whole text names a site, not an article (`某某省人民政府网站`, a declared site name). */
function isBareSiteName(text: string, siteNames: readonly string[]): boolean {
  const t = normalizeSpace(text);
  return siteNames.includes(t) || /(?:网站|網站|官网|官網|官方网站|官方網站|门户|門戶)$/.test(t);
}

/**
 * Picks the article title from candidates in order of trust (system knowledge first, then
 * visible headings and declared titles, the document title last), each cleaned; skips control
 * labels and bare site names.
 */
export function chooseTitle(candidates: readonly string[], sources: TitleSources): string {
  for (const candidate of candidates) {
    const t = cleanTitle(candidate, sources);
    if (t && !isBareSiteName(t, sources.siteNames ?? [])) return t;
  }
  // Every candidate looked like a site name: a site name still beats no title.
  for (const candidate of candidates) {
    const t = cleanTitle(candidate, sources);
    if (t) return t;
  }
  return '';
}
