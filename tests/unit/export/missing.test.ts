// @vitest-environment jsdom
/** Exporting what has arrived: the rest is listed with its reason (issue 13, item 3). */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type CollectState, createCollector, limitNotes, missingArticles } from '../../../lib/collect';
import { buildEpub, buildMarkdown, MISSING_HEADING } from '../../../lib/export';
import { validateEpub } from '../../../lib/export/validate-epub';
import { createFakeSite, extractFounderArticle, ORIGIN, parseFounderSection, sectionsOfFixture } from '../collect/fixture-site';

describe('an export made while articles are still loading', () => {
  it('has the arrived articles and lists every missing one with its reason', async () => {
    // Requests after the fifth never answer: the collection is exported half-way.
    let requests = 0;
    const site = createFakeSite();
    const hanging = (url: string, signal: AbortSignal) =>
      ++requests <= 5 ? site.fetchPage(url, signal) : new Promise<never>(() => {});
    let latest: CollectState | null = null;
    const collector = createCollector({
      origin: ORIGIN,
      sections: sectionsOfFixture(),
      fetchPage: hanging,
      parseSection: parseFounderSection,
      extract: extractFounderArticle,
      delayMs: 0,
      onUpdate: (s) => {
        latest = s;
      },
    });
    void collector.start();
    await new Promise((r) => setTimeout(r, 100));
    const state = collector.state();
    expect(latest).not.toBeNull();
    expect(state.finished).toBe(false);
    const arrived = state.sections.flatMap((s) => s.items.filter((i) => i.status === 'done'));
    const missing = missingArticles(state);
    expect(arrived.length).toBeGreaterThan(0);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.some((m) => m.reason === '导出时尚未载入')).toBe(true);

    const book = {
      paper: '飞霞日报',
      date: '2024-03-15',
      lang: 'zh-Hans',
      title: '飞霞日报 2024-03-15',
      sourceUrl: `${ORIGIN}/fxrb/html/2024-03/15/node_1.htm`,
      sections: state.sections.map((s) => ({ label: s.label, articles: s.items.flatMap((i) => (i.article ? [i.article] : [])) })),
      missing,
      notes: limitNotes({ ...state, limited: [{ reason: 'section-articles', count: 19_900, limit: 100 }] }),
    };
    const md = buildMarkdown(book);
    expect(md).toContain(`## ${MISSING_HEADING}`);
    for (const m of missing) expect(md).toContain(`<${m.url}>`);
    expect(md).toContain('19900 个链接未收录');

    const epub = buildEpub(book);
    expect(validateEpub(epub, new DOMParser())).toEqual([]);
    const page = strFromU8(unzipSync(epub)['OEBPS/text/missing.xhtml']);
    for (const m of missing) expect(page).toContain(m.url);
    expect(strFromU8(unzipSync(epub)['OEBPS/nav.xhtml'])).toContain(MISSING_HEADING);
  });
});
