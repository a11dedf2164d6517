/**
 * The differential test over the ordinary Chinese web (`../shared/corpus/news/`, 62 pages of
 * 31 sites): wherever plain Readability finds an article, so do we, holding (nearly) all of
 * its body, adding no link text of the page, with a title free of site parts.
 */
import { readdirSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, describe, expect, test } from 'vitest';
import { extractArticle } from '../../../lib/extract';
import { corpusPath, readCorpusText, requireCorpus } from '../../corpus';
import { formatSummary, newsPageUrl, observePage, type PageScore, scorePage, summarize } from '../../support/differential';
import { NEWS_EXPECTATIONS, TITLE_EXPECTATIONS } from './news-expectations';

const run = requireCorpus();

function newsPages(): string[] {
  if (!run) return [];
  const root = corpusPath('news', 'pages');
  return readdirSync(root)
    .sort()
    .flatMap((site) =>
      readdirSync(`${root}/${site}`)
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => `${site}/${f}`),
    );
}

const pages = newsPages();
const scores: PageScore[] = [];
const quiet = new VirtualConsole(); // the saved pages' scripts do not run; their errors are noise

describe.runIf(run)('news corpus against plain Readability', () => {
  test('the corpus has its 62 pages', () => {
    expect(pages.length).toBe(62);
  });

  test.each(pages)(
    '%s',
    (page) => {
      const url = newsPageUrl(page);
      // Every file is UTF-8, whatever its <meta> says (see the corpus README).
      const doc = new JSDOM(readCorpusText('news', 'pages', page), { url, virtualConsole: quiet }).window.document;
      const before = doc.documentElement.outerHTML;
      const s = scorePage(observePage(page, doc, url, extractArticle));
      scores.push(s);
      expect(doc.documentElement.outerHTML).toBe(before);
      if (!s.plainFound) return;
      expect(s.oursFound).toBe(true);
      const exp = NEWS_EXPECTATIONS[page];
      // The article's prose is always all there; where Readability adds menus or lists, less of the rest.
      expect(s.proseRecall).toBeGreaterThanOrEqual(0.95);
      expect(s.recall).toBeGreaterThanOrEqual(exp?.minRecall ?? 0.95);
      expect(s.addedLinkLines).toEqual([]);
      if (!TITLE_EXPECTATIONS[page]) expect(s.titleProblem).toBe('');
    },
    60_000,
  );

  test('the expectations name only pages where Readability is really beaten', () => {
    for (const page of Object.keys(NEWS_EXPECTATIONS)) expect(pages).toContain(page);
  });

  afterAll(() => {
    if (scores.length === 0) return;
    console.log(formatSummary(summarize(scores)));
    for (const s of scores.filter((x) => x.recall < 0.95 || x.titleProblem)) {
      console.log(`  ${s.page}: recall ${s.recall.toFixed(3)}${s.titleProblem ? `; title: ${s.titleProblem}` : ''}`);
    }
  });
});
