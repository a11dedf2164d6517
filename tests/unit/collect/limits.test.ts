// @vitest-environment jsdom
/** Whole-issue reading is bounded: caps with their numbers, incremental state, giving up on a dead site (issue 13, item 3). */
import { describe, expect, it, vi } from 'vitest';
import {
  type CollectState,
  collectIssue,
  createCollector,
  DEFAULT_LIMITS,
  type FetchedPage,
  FetchLimitError,
  MAX_ARTICLES,
  MAX_ARTICLES_PER_SECTION,
  MAX_SECTIONS,
} from '../../../lib/collect';

const ORIGIN = 'http://paper.limits.test';
const page = (title: string): FetchedPage => ({
  ok: true,
  status: 200,
  bytes: new TextEncoder().encode(`<title>${title}</title><p>${title}</p>`).buffer as ArrayBuffer,
  contentType: 'text/html; charset=utf-8',
});
const links = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ title: `${prefix}${i}`, url: `${ORIGIN}/${prefix}/content_${i}.htm` }));

function options(sections: { label: string; url: string; articles?: { title: string; url: string }[] }[]) {
  const requested: string[] = [];
  return {
    requested,
    opts: {
      origin: ORIGIN,
      sections,
      fetchPage: async (url: string) => {
        requested.push(url);
        return page(url);
      },
      parseSection: () => [],
      extract: (html: string, url: string) => ({
        kicker: '',
        title: url,
        subtitle: '',
        byline: '',
        date: '',
        paper: '',
        section: '',
        contentHtml: html,
        textContent: url,
        images: [],
        lang: 'zh-Hans' as const,
        url,
      }),
      delayMs: 0,
      onUpdate: () => {},
    },
  };
}

describe('collection caps', () => {
  it('states its numbers', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxSections: MAX_SECTIONS,
      maxArticlesPerSection: MAX_ARTICLES_PER_SECTION,
      maxArticles: MAX_ARTICLES,
      maxConsecutiveTimeouts: 4,
      maxDurationMs: 300_000,
    });
    expect([MAX_SECTIONS, MAX_ARTICLES_PER_SECTION, MAX_ARTICLES]).toEqual([64, 100, 400]);
  });

  it(`a section listing 20,000 links costs ${MAX_ARTICLES_PER_SECTION} requests, and says so`, async () => {
    const { opts, requested } = options([{ label: '第01版', url: `${ORIGIN}/node_1.htm`, articles: links('a', 20_000) }]);
    const state = await collectIssue(opts);
    expect(state.total).toBe(MAX_ARTICLES_PER_SECTION);
    expect(requested).toHaveLength(MAX_ARTICLES_PER_SECTION);
    expect(state.limited).toEqual([{ reason: 'section-articles', count: 20_000 - MAX_ARTICLES_PER_SECTION, limit: 100 }]);
  });

  it(`an issue takes at most ${MAX_ARTICLES} articles and ${MAX_SECTIONS} sections`, async () => {
    const sections = Array.from({ length: 70 }, (_, i) => ({
      label: `第${i + 1}版`,
      url: `${ORIGIN}/node_${i + 1}.htm`,
      articles: links(`s${i}-`, 10),
    }));
    const { opts, requested } = options(sections);
    const state = await collectIssue(opts);
    expect(state.sections).toHaveLength(MAX_SECTIONS);
    expect(state.total).toBe(MAX_ARTICLES);
    expect(requested).toHaveLength(MAX_ARTICLES);
    expect(state.limited).toEqual([
      { reason: 'sections', count: 6, limit: MAX_SECTIONS },
      { reason: 'articles', count: 640 - MAX_ARTICLES, limit: MAX_ARTICLES },
    ]);
  });

  it('gives up on a site whose requests keep timing out, without requesting the rest', async () => {
    const { opts, requested } = options([{ label: '第01版', url: `${ORIGIN}/node_1.htm`, articles: links('t', 30) }]);
    const state = await collectIssue({
      ...opts,
      fetchPage: async (url: string) => {
        requested.push(url);
        throw new FetchLimitError('Timed out after 20000 ms', 'timeout');
      },
    });
    expect(requested).toHaveLength(4);
    expect(state.done).toBe(30);
    expect(state.sections[0].items.slice(4).every((i) => i.status === 'error' && /stopped answering/.test(i.error ?? ''))).toBe(
      true,
    );
    expect(state.limited).toEqual([{ reason: 'not-answering', count: 26, limit: 4 }]);
  });
});

it('stops starting requests once the collection has run for its maximum time', async () => {
  vi.useFakeTimers();
  try {
    const { opts, requested } = options([{ label: '第01版', url: `${ORIGIN}/node_1.htm`, articles: links('slow', 20) }]);
    // Each page takes 100 s to arrive (but arrives): after 300 s no new request starts.
    const running = collectIssue({
      ...opts,
      fetchPage: async (url: string) => {
        requested.push(url);
        await new Promise((r) => setTimeout(r, 100_000));
        return page(url);
      },
    });
    await vi.runAllTimersAsync();
    const state = await running;
    expect(requested.length).toBeLessThan(20);
    expect(requested.length).toBeGreaterThanOrEqual(6);
    expect(state.finished).toBe(true);
    const skipped = state.sections[0].items.filter((i) => /took too long/.test(i.error ?? ''));
    expect(skipped.length).toBe(20 - requested.length);
    expect(state.limited).toEqual([{ reason: 'too-long', count: skipped.length, limit: 300 }]);
  } finally {
    vi.useRealTimers();
  }
});

describe('incremental state', () => {
  it('updates keep unchanged sections and articles as the same objects', async () => {
    const updates: CollectState[] = [];
    const { opts } = options([
      { label: '一', url: `${ORIGIN}/node_1.htm`, articles: links('x', 5) },
      { label: '二', url: `${ORIGIN}/node_2.htm`, articles: links('y', 5) },
    ]);
    await collectIssue({ ...opts, onUpdate: (s) => updates.push(s) });
    let sharedSections = 0;
    let sharedItems = 0;
    for (let n = 1; n < updates.length; n++) {
      const [before, after] = [updates[n - 1], updates[n]];
      expect(after).not.toBe(before);
      before.sections.forEach((s, i) => {
        if (after.sections[i] === s) sharedSections++;
        s.items.forEach((item, j) => {
          if (after.sections[i].items[j] === item) sharedItems++;
          else expect(after.sections[i].items[j]).not.toEqual(item); // only changed entries are new
        });
      });
    }
    expect(sharedSections).toBeGreaterThan(0);
    expect(sharedItems).toBeGreaterThan(updates.length);
    // Published states are never changed afterwards.
    expect(updates[0].sections[0].items.every((i) => i.status === 'pending')).toBe(true);
  });

  it('4,000 links (limits raised) are read in one pass', { timeout: 8000 }, async () => {
    const sections = Array.from({ length: 40 }, (_, i) => ({
      label: `第${i + 1}版`,
      url: `${ORIGIN}/node_${i + 1}.htm`,
      articles: links(`p${i}-`, 100),
    }));
    const { opts } = options(sections);
    let updates = 0;
    const collector = createCollector({
      ...opts,
      limits: { maxSections: 40, maxArticles: 4000 },
      onUpdate: () => {
        updates++;
      },
    });
    const state = await collector.start();
    expect(state.total).toBe(4000);
    expect(state.done).toBe(4000);
    expect(updates).toBeGreaterThanOrEqual(8000);
  });
});
