/**
 * Bench: continuous reading of the fixture issue (tests/fixtures/issue) in Chromium, served by a
 * local HTTP server, at the politeness limits (2 in flight, 200 ms between starts).
 * Uses lib/extract's extractArticle and lib/epaper's detectIssue when they exist; otherwise a
 * DOMParser + textContent extractor / a `div.title a` list parser (the row names say which).
 * Started from the front section page, whose title list is read from the open page.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import type { BenchContext, BenchRow } from './types';

const DELAY_MS = 200;
const CONCURRENCY = 2;
const RUNS = 5;
const FRONT = '/fxrb/html/2024-03/15/node_1.htm';

const TYPES: Record<string, string> = { '.htm': 'text/html', '.html': 'text/html', '.png': 'image/png', '.jpg': 'image/jpeg' };

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
      return;
    }
    // No charset in the header, like many Founder servers: pages declare their own.
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function exportsName(file: string, name: string): boolean {
  if (!existsSync(file)) return false;
  const source = readFileSync(file, 'utf8');
  return new RegExp(`export\\s+(async\\s+)?function\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b`).test(source);
}

async function bundle(repoRoot: string, useExtract: boolean, useEpaper: boolean): Promise<string> {
  const entry = `
    import * as collect from './lib/collect/index.ts';
    import * as exporter from './lib/export/index.ts';
    import { validateEpub } from './lib/export/validate-epub.ts';
    ${useExtract ? "import { extractArticle } from './lib/extract/index.ts';" : ''}
    ${useEpaper ? "import { detectIssue } from './lib/epaper/index.ts';" : ''}
    export { collect, exporter, validateEpub };
    export const extractArticleImpl = ${useExtract ? 'extractArticle' : 'null'};
    export const detectIssueImpl = ${useEpaper ? 'detectIssue' : 'null'};
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: repoRoot, loader: 'ts', sourcefile: 'bench-collect-entry.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'QingduCollectBench',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

interface RunResult {
  firstMs: number;
  allMs: number;
  requests: number;
  maxInFlight: number;
  done: number;
  errors: number;
  epubMs: number;
  epubBytes: number;
  epubProblems: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const useExtract = exportsName(join(ctx.repoRoot, 'lib/extract/index.ts'), 'extractArticle');
  const useEpaper = exportsName(join(ctx.repoRoot, 'lib/epaper/index.ts'), 'detectIssue');
  const script = await bundle(ctx.repoRoot, useExtract, useEpaper);
  const server = await serve(join(ctx.repoRoot, 'tests/fixtures/issue'));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const page = await ctx.browser.newPage();
  try {
    await page.goto(origin + FRONT, { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ content: script });

    const runOnce = (delayMs: number) =>
      page.evaluate(
        async ({ delayMs, concurrency }) => {
          const api = (window as any).QingduCollectBench;
          const parser = new DOMParser();
          const parse = (html: string) => parser.parseFromString(html, 'text/html');
          const listOf = (doc: Document, url: string) => {
            const issue = api.detectIssueImpl ? api.detectIssueImpl(doc, url) : null;
            if (issue && issue.articles.length > 0)
              return issue.articles.map((a: { title: string; url: string }) => ({ title: a.title, url: a.url }));
            return Array.from(doc.querySelectorAll('div.title a[href*="content_"]')).map((a) => ({
              title: (a.textContent ?? '').trim(),
              url: new URL(a.getAttribute('href') ?? '', url).href,
            }));
          };
          const extract = (html: string, url: string) => {
            const doc = parse(html);
            if (api.extractArticleImpl) return api.extractArticleImpl(doc, url);
            const title = doc.querySelector('td.font01, h1')?.textContent?.trim() ?? '';
            const text = doc.querySelector('#ozoom')?.textContent?.trim() ?? '';
            if (!text) return null;
            const paragraphs = text.split(/\s*\n\s*/).filter(Boolean);
            return {
              kicker: '',
              title,
              subtitle: '',
              byline: '',
              date: '',
              paper: '',
              section: '',
              contentHtml: paragraphs
                .map((p: string) => `<p>${p.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`)
                .join(''),
              textContent: paragraphs.join('\n'),
              images: [],
              lang: 'zh-Hans',
              url,
            };
          };
          const here = location.href.split('?')[0];
          // As the reader does: the current section's list comes from the open page, the rest are fetched.
          const sections = Array.from(document.querySelectorAll('a#pageLink')).map((a) => {
            const url = new URL(a.getAttribute('href') ?? '', location.href).href;
            return { label: (a.textContent ?? '').trim(), url, articles: url === here ? listOf(document, here) : undefined };
          });
          let inFlight = 0;
          let maxInFlight = 0;
          let requests = 0;
          const countingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
            requests++;
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            try {
              return await fetch(input, { ...init, cache: 'no-store' });
            } finally {
              inFlight--;
            }
          }) as typeof fetch;
          const fetchPage = api.collect.createPoliteFetcher(countingFetch, { concurrency, delayMs, origin: location.origin });
          const t0 = performance.now();
          let firstMs = -1;
          const state = await api.collect.collectIssue({
            origin: location.origin,
            sections,
            fetchPage,
            parseSection: (html: string, url: string) => listOf(parse(html), url),
            extract,
            concurrency,
            delayMs,
            onUpdate: (s: { sections: { items: { status: string }[] }[] }) => {
              if (firstMs < 0 && s.sections.some((sec) => sec.items.some((i) => i.status === 'done')))
                firstMs = performance.now() - t0;
            },
          });
          const allMs = performance.now() - t0;
          const items = state.sections.flatMap((s: { items: { status: string; article?: unknown }[] }) => s.items);
          const book = {
            paper: '飞霞日报',
            date: '2024-03-15',
            lang: 'zh-Hans',
            title: '飞霞日报 2024-03-15',
            sourceUrl: location.href,
            sections: state.sections.map((s: { label: string; items: { article?: unknown }[] }) => ({
              label: s.label,
              articles: s.items.flatMap((i) => (i.article ? [i.article] : [])),
            })),
          };
          const e0 = performance.now();
          const epub = api.exporter.buildEpub(book);
          const epubMs = performance.now() - e0;
          const problems = api.validateEpub(epub, new DOMParser());
          return {
            firstMs,
            allMs,
            requests,
            maxInFlight,
            done: items.filter((i: { status: string }) => i.status === 'done').length,
            errors: items.filter((i: { status: string }) => i.status === 'error').length,
            epubMs,
            epubBytes: epub.length,
            epubProblems: problems.length,
          };
        },
        { delayMs, concurrency: CONCURRENCY },
      ) as Promise<RunResult>;

    await runOnce(0); // warm-up: parsers, JIT
    const polite: RunResult[] = [];
    for (let i = 0; i < RUNS; i++) polite.push(await runOnce(DELAY_MS));
    const unpaced: RunResult[] = [];
    for (let i = 0; i < RUNS; i++) unpaced.push(await runOnce(0));

    const last = polite[polite.length - 1];
    const floorMs = (last.requests - 1) * DELAY_MS; // starts must be DELAY_MS apart
    const allMs = median(polite.map((r) => r.allMs));
    const extractor = useExtract ? 'lib/extract' : 'DOMParser+textContent stub';
    const lister = useEpaper ? 'lib/epaper' : 'div.title parser';
    return [
      {
        figure: `collect: first article shown (${extractor}, ${lister})`,
        value: median(polite.map((r) => r.firstMs)),
        unit: 'ms',
        limit: '≤ 1000',
        pass: median(polite.map((r) => r.firstMs)) <= 1000,
      },
      { figure: `collect: whole issue loaded, ${last.requests} requests at 2 × ${DELAY_MS} ms`, value: allMs, unit: 'ms' },
      {
        figure: 'collect: whole issue ÷ politeness floor',
        value: allMs / floorMs,
        unit: 'ratio',
        baseline: `(requests − 1) × ${DELAY_MS} ms = ${floorMs} ms`,
        limit: '≤ 1.5',
        pass: allMs / floorMs <= 1.5,
      },
      {
        figure: 'collect: whole issue, no pause (fetch+decode+extract cost)',
        value: median(unpaced.map((r) => r.allMs)),
        unit: 'ms',
      },
      {
        figure: 'collect: max requests in flight',
        value: Math.max(...polite.map((r) => r.maxInFlight)),
        unit: 'count',
        limit: '≤ 2',
        pass: polite.every((r) => r.maxInFlight <= 2),
      },
      {
        figure: 'collect: articles loaded / failed (expected 11 / 1)',
        value: last.done,
        unit: 'count',
        limit: '= 11, 1 failed',
        pass: last.done === 11 && last.errors === 1,
      },
      { figure: 'export: buildEpub for the issue', value: median(polite.map((r) => r.epubMs)), unit: 'ms' },
      { figure: 'export: EPUB size', value: last.epubBytes, unit: 'bytes' },
      {
        figure: 'export: validateEpub problems in Chromium',
        value: last.epubProblems,
        unit: 'count',
        limit: '= 0',
        pass: last.epubProblems === 0,
      },
    ];
  } finally {
    await page.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
