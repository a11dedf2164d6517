/**
 * Benchmark of lib/extract in Chromium: extractArticle on each corpus article page, as a ratio
 * against plain `new Readability(document.cloneNode(true)).parse()` measured in the same page and
 * run (interleaved, median of RUNS), plus the time on a generated ~50,000-node e-paper page; and
 * the differential figures on the news corpus (pages with an article, recall and precision
 * against plain Readability, clean titles), scored by the same code as the unit test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { newsPageUrl, type PageObservation, scorePage, summarize } from '../../tests/support/differential';
import type { BenchContext, BenchRow } from './types';

const RUNS = 7;
const BIG_PAGE_RUNS = 3;
const GLOBAL = 'QingduExtractBench';
const NEWS_GLOBAL = 'QingduNewsBench';

interface ManifestFile {
  file: string;
  kind: string;
  url_if_known?: string | null;
  url_if_served?: string;
  expected: { title?: string | null };
}

async function bundle(repoRoot: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { extractArticle } from './lib/extract/index.ts'; export { Readability } from '@mozilla/readability';`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The extractor and the differential observation, as one script for the page. */
async function newsBundle(repoRoot: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { extractArticle } from './lib/extract/index.ts'; export { observePage } from './tests/support/differential.ts';`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: NEWS_GLOBAL,
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * The differential check on `news/` in Chromium: each page loaded without its own scripts (the
 * unit test does not run them either), both extractors run in the page, the figures computed by
 * the unit test's code.
 */
async function newsRows(ctx: BenchContext): Promise<BenchRow[]> {
  const root = join(ctx.corpusDir, 'news', 'pages');
  if (!existsSync(root)) return [];
  const script = await newsBundle(ctx.repoRoot);
  const context = await ctx.browser.newContext();
  await context.route('**/*', (route) => route.abort());
  const page = await context.newPage();
  const observations: PageObservation[] = [];
  try {
    for (const site of readdirSync(root).sort()) {
      for (const file of readdirSync(join(root, site)).sort()) {
        if (!file.endsWith('.html')) continue;
        const name = `${site}/${file}`;
        const html = readFileSync(join(root, site, file), 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
        await page.setContent(html, { waitUntil: 'domcontentloaded' });
        await page.evaluate(script);
        observations.push(
          await page.evaluate(
            ({ name, url, globalName }) => {
              const lib = (globalThis as unknown as Record<string, any>)[globalName];
              return lib.observePage(name, document, url, lib.extractArticle);
            },
            { name, url: newsPageUrl(name), globalName: NEWS_GLOBAL },
          ),
        );
      }
    }
  } finally {
    await context.close();
  }
  const s = summarize(observations.map(scorePage));
  const base = `plain Readability, same page: ${s.plainArticles} of ${s.pages}`;
  return [
    {
      figure: `news corpus (${s.pages} pages, 31 sites): pages with an article where Readability has one`,
      value: s.oursWherePlain,
      unit: 'count',
      baseline: base,
      limit: `= ${s.plainArticles}`,
      pass: s.oursWherePlain === s.plainArticles,
    },
    {
      figure: "news corpus: mean recall of Readability's body (4-character shingles)",
      value: Number(s.meanRecall.toFixed(3)),
      unit: 'count',
      baseline: 'plain Readability, same page',
      limit: '≥ 0.95',
      pass: s.meanRecall >= 0.95,
    },
    {
      figure: 'news corpus: mean precision against Readability (information: where we differ, we leave out its menus and lists)',
      value: Number(s.meanPrecision.toFixed(3)),
      unit: 'count',
      baseline: 'plain Readability, same page',
    },
    {
      figure: 'news corpus: titles without a site or channel part',
      value: s.titlesClean,
      unit: 'count',
      limit: `= ${s.oursArticles}`,
      pass: s.titlesClean === s.oursArticles,
    },
  ];
}

function articlePages(corpusDir: string): { name: string; html: string; url: string }[] {
  const pages: { name: string; html: string; url: string }[] = [];
  for (const dir of ['seed', 'epaper']) {
    const manifest = JSON.parse(readFileSync(join(corpusDir, dir, 'MANIFEST.json'), 'utf8')) as { files: ManifestFile[] };
    for (const f of manifest.files) {
      if (f.kind !== 'article' || !f.expected.title) continue;
      const url =
        f.url_if_known ?? f.url_if_served?.replace('PORT', '8123') ?? 'http://127.0.0.1:8123/html/2014-05/21/content_1.htm';
      const html = readFileSync(join(corpusDir, dir, f.file), 'utf8').replace(/^\uFEFF/, '');
      pages.push({ name: f.file.replace(/\.html$/, ''), html, url });
    }
  }
  return pages;
}

/** A page with a huge link sidebar added: about 50,000 elements. */
function bigPage(html: string): string {
  const items: string[] = [];
  for (let i = 0; i < 25000; i++) items.push(`<li><a href="content_${i}.htm?div=-1">第${i}条标题导航</a></li>`);
  return html.replace('</body>', `<div class="side"><ul>${items.join('')}</ul></div></body>`);
}

interface Timing {
  extract: number;
  readability: number;
  nodes: number;
  found: boolean;
}

async function measure(page: Page, script: string, html: string, url: string, runs = RUNS): Promise<Timing> {
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  await page.addScriptTag({ content: script });
  return page.evaluate(
    ({ runs, url, globalName }) => {
      const lib = (window as unknown as Record<string, any>)[globalName];
      const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const te: number[] = [];
      const tr: number[] = [];
      let found = false;
      for (let i = 0; i < runs; i++) {
        let t0 = performance.now();
        found = lib.extractArticle(document, url) !== null;
        te.push(performance.now() - t0);
        t0 = performance.now();
        new lib.Readability(document.cloneNode(true)).parse();
        tr.push(performance.now() - t0);
      }
      return { extract: median(te), readability: median(tr), nodes: document.getElementsByTagName('*').length, found };
    },
    { runs, url, globalName: GLOBAL },
  );
}

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const script = await bundle(ctx.repoRoot);
  const context = await ctx.browser.newContext();
  // Saved pages reference remote scripts and images: the bench measures extraction, not the network.
  await context.route('**/*', (route) => route.abort());
  const page = await context.newPage();
  const rows: BenchRow[] = [];
  const ratios: number[] = [];
  try {
    const pages = articlePages(ctx.corpusDir);
    for (const p of pages) {
      const t = await measure(page, script, p.html, p.url);
      const ratio = t.extract / Math.max(t.readability, 0.01);
      ratios.push(ratio);
      rows.push({
        figure: `extract ${p.name} (${t.nodes} elements)${t.found ? '' : ' — NO ARTICLE'}`,
        value: Number(ratio.toFixed(2)),
        unit: 'ratio',
        baseline: `Readability alone ${t.readability.toFixed(1)} ms; extractArticle ${t.extract.toFixed(1)} ms`,
        limit: '≤ 3',
        pass: t.found && ratio <= 3,
      });
    }
    if (ratios.length) {
      const sorted = ratios.slice().sort((a, b) => a - b);
      const med = sorted[Math.floor(sorted.length / 2)];
      rows.push({
        figure: 'extract: median ratio over corpus article pages',
        value: Number(med.toFixed(2)),
        unit: 'ratio',
        baseline: 'Readability alone, same run',
        limit: '≤ 3',
        pass: med <= 3,
      });
    }
    // Known body container (seed page) and Readability path (our generic news-page fixture).
    const big = [
      { label: 'e-paper page', source: pages.find((p) => p.name.startsWith('gysb')) },
      {
        label: 'news page without a known container',
        source: {
          html: readFileSync(join(ctx.repoRoot, 'tests/fixtures/extract/generic-br-body.html'), 'utf8'),
          url: 'http://news.example.cn/a.html',
        },
      },
    ];
    for (const { label, source } of big) {
      if (!source) continue;
      // Fewer runs: plain Readability takes seconds here and the whole bench must stay short.
      const t = await measure(page, script, bigPage(source.html), source.url, BIG_PAGE_RUNS);
      rows.push({
        figure: `extract on a generated ${t.nodes}-element ${label}`,
        value: Number(t.extract.toFixed(1)),
        unit: 'ms',
        baseline: `Readability alone ${t.readability.toFixed(1)} ms`,
        limit: '≤ 500 ms',
        pass: t.found && t.extract <= 500,
      });
    }
  } finally {
    await context.close();
  }
  rows.push(...(await newsRows(ctx)));
  return rows;
}
