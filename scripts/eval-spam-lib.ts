/**
 * Block-level evaluation of lib/spam in Chromium over the labelled table
 * (tests/unit/spam/labels.ts): every labelled spam block must end up hidden, no legit block may
 * lose anything. Pages are served from a local server so timers and document.write run.
 */

import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { browserPath, CHROMIUM_FLAGS } from '../tests/e2e/browsers';
import { type PageLabels, SPAM_LABELS } from '../tests/unit/spam/labels';

export interface EvalRow {
  page: string;
  selector: string;
  label: 'spam' | 'legit';
  /** How many elements the selector matched (0 = the label table is wrong for this page). */
  matched: number;
  /** spam: all matched blocks hidden; legit: none of them touched. */
  correct: boolean;
}

export interface EvalResult {
  precision: number;
  recall: number;
  rows: EvalRow[];
  hiddenPerPage: Record<string, number>;
}

export async function bundleSpamModule(repoRoot: string): Promise<string> {
  const out = await build({
    entryPoints: [join(repoRoot, 'lib/spam/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'QingduSpam',
    write: false,
    target: 'es2020',
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** Serves /corpus/<path> from the shared corpus and /fixtures/<path> from tests/fixtures. */
export async function startPageServer(corpusDir: string, fixturesDir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const [, top, ...rest] = path.split('/');
    const baseDir = top === 'corpus' ? corpusDir : top === 'fixtures' ? fixturesDir : null;
    const file = baseDir ? normalize(join(baseDir, ...rest)) : '';
    if (!baseDir || !file.startsWith(resolve(baseDir))) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      const type =
        extname(file) === '.html' || extname(file) === '.htm' ? 'text/html; charset=utf-8' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Loads a page, waits for its own timers, runs scan + hide, and judges the labelled blocks. */
async function evaluatePage(
  browser: Browser,
  origin: string,
  bundle: string,
  page: string,
  labels: PageLabels,
): Promise<{ rows: EvalRow[]; hidden: number }> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  try {
    // The closed network: anything not from the local server fails fast instead of hanging.
    await tab.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    await tab.goto(`${origin}/${page}`, { waitUntil: 'load' });
    await tab.waitForTimeout(labels.waitMs ?? 300);
    await tab.addScriptTag({ content: bundle });
    const result = await tab.evaluate(
      ({ spam, legit }) => {
        const api = (window as unknown as { QingduSpam: typeof import('../lib/spam/index') }).QingduSpam;
        const hidden = api.hideVerdicts(document, api.scanForSpam(document));
        const covered = (el: Element): boolean => el.closest('[data-qingdu-hidden]') !== null;
        const spamCaught = (el: Element): boolean => {
          if (covered(el)) return true;
          const links = el.querySelectorAll('a[href]');
          return links.length > 0 && Array.from(links).every(covered);
        };
        const legitKept = (el: Element): boolean => !covered(el) && el.querySelector('[data-qingdu-hidden]') === null;
        // One row per matched element: every labelled block counts once.
        const judge = (selectors: string[], ok: (el: Element) => boolean) =>
          selectors.flatMap((selector) => {
            const els = Array.from(document.querySelectorAll(selector));
            if (els.length === 0) return [{ selector, matched: 0, correct: false }];
            return els.map((el, i) => ({ selector: `${selector} [${i}]`, matched: els.length, correct: ok(el) }));
          });
        return { hidden, spam: judge(spam, spamCaught), legit: judge(legit, legitKept) };
      },
      { spam: labels.spam, legit: labels.legit },
    );
    const rows: EvalRow[] = [
      ...result.spam.map((r) => ({ page, label: 'spam' as const, ...r })),
      ...result.legit.map((r) => ({ page, label: 'legit' as const, ...r })),
    ];
    return { rows, hidden: result.hidden };
  } finally {
    await context.close();
  }
}

export interface EvalOptions {
  browser?: Browser;
  repoRoot?: string;
  corpusDir?: string;
  /** Only pages whose path contains this string. */
  only?: string;
}

export async function runSpamEvaluation(options: EvalOptions = {}): Promise<EvalResult> {
  const repoRoot = options.repoRoot ?? resolve(new URL('..', import.meta.url).pathname);
  const corpusDir = options.corpusDir ?? process.env.QINGDU_CORPUS ?? resolve(repoRoot, '../shared/corpus');
  const bundle = await bundleSpamModule(repoRoot);
  const { server, origin } = await startPageServer(corpusDir, join(repoRoot, 'tests/fixtures'));
  const browser =
    options.browser ??
    (await chromium.launch({ executablePath: browserPath('chromium') ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS }));
  const rows: EvalRow[] = [];
  const hiddenPerPage: Record<string, number> = {};
  try {
    for (const [page, labels] of Object.entries(SPAM_LABELS)) {
      if (options.only && !page.includes(options.only)) continue;
      const result = await evaluatePage(browser, origin, bundle, page, labels);
      rows.push(...result.rows);
      hiddenPerPage[page] = result.hidden;
    }
  } finally {
    if (!options.browser) await browser.close();
    server.close();
  }
  const spamRows = rows.filter((r) => r.label === 'spam');
  const legitRows = rows.filter((r) => r.label === 'legit');
  const truePositive = spamRows.filter((r) => r.correct).length;
  const falsePositive = legitRows.filter((r) => !r.correct).length;
  const recall = spamRows.length ? truePositive / spamRows.length : 1;
  const precision = truePositive + falsePositive ? truePositive / (truePositive + falsePositive) : 1;
  return { precision, recall, rows, hiddenPerPage };
}
