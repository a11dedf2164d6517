/**
 * `npm run bench`: the figures the issues name, measured in Chromium in one run — bundle bytes,
 * the spam pass, conversion, extraction and whole-issue loading — as values and ratios against
 * baselines measured in the same run. Prints one table and rewrites the README's bench table.
 * Benchmarks print numbers; tests never assert wall-clock times.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { corpusDir, repoRoot } from '../tests/corpus';
import { browserPath } from '../tests/e2e/browsers';
import type { BenchRow } from './bench/types';

function fileBytes(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

function bundleRows(): BenchRow[] {
  const out = join(repoRoot, '.output/chrome-mv3');
  const rows: BenchRow[] = [
    {
      figure: 'bundle: always-loaded content script (content-scripts/content.js)',
      value: fileBytes(join(out, 'content-scripts/content.js')),
      unit: 'bytes',
    },
    {
      figure: 'bundle: lazy opencc-hans.js (繁→简 tables), loaded on first use',
      value: fileBytes(join(out, 'opencc-hans.js')),
      unit: 'bytes',
    },
    {
      figure: 'bundle: lazy opencc-hant.js (简→繁 tables), loaded on first use',
      value: fileBytes(join(out, 'opencc-hant.js')),
      unit: 'bytes',
    },
    {
      figure: 'bundle: lazy reader.js (extraction, reader UI, whole-issue reading, EPUB)',
      value: fileBytes(join(out, 'reader.js')),
      unit: 'bytes',
    },
    { figure: 'bundle: background.js', value: fileBytes(join(out, 'background.js')), unit: 'bytes' },
  ];
  const chunks = join(out, 'chunks');
  if (existsSync(chunks)) {
    const total = readdirSync(chunks).reduce((n, f) => n + fileBytes(join(chunks, f)), 0);
    rows.push({ figure: 'bundle: popup + options pages (chunks/)', value: total, unit: 'bytes' });
  }
  return rows;
}

function format(row: BenchRow): string {
  const v =
    row.unit === 'bytes'
      ? `${(row.value / 1024).toFixed(1)} KB`
      : row.unit === 'ms'
        ? `${row.value.toFixed(2)} ms`
        : row.unit === 'ratio'
          ? `${row.value.toFixed(2)}×`
          : String(row.value);
  const verdict = row.pass === undefined ? '' : row.pass ? 'yes' : '**no**';
  return `| ${row.figure} | ${v} | ${row.baseline ?? ''} | ${row.limit ?? ''} | ${verdict} |`;
}

/**
 * Bundles a bench module with esbuild before importing it: functions handed to page.evaluate
 * must be plain, and tsx's transform adds a `__name` helper that does not exist in the page.
 */
async function loadBench(name: string) {
  const { build } = await import('esbuild');
  const outdir = join(repoRoot, 'node_modules/.cache/qingdu-bench');
  const outfile = join(outdir, `${name}.mjs`);
  await build({
    entryPoints: [join(repoRoot, 'scripts/bench', `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    keepNames: false,
    outfile,
    logLevel: 'silent',
  });
  return import(pathToFileURL(outfile).href);
}

const modules = ['spam', 'convert', 'extract', 'collect'];
const only = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: browserPath('chromium')!,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const sections: { name: string; rows: BenchRow[] }[] = [{ name: 'bundle', rows: bundleRows() }];
try {
  for (const name of modules) {
    if (only.length && !only.includes(name)) continue;
    const started = Date.now();
    try {
      const mod = await loadBench(name);
      const rows: BenchRow[] = await mod.bench({ browser, corpusDir, repoRoot });
      sections.push({ name, rows });
    } catch (err) {
      sections.push({
        name,
        rows: [{ figure: `${name}: benchmark failed: ${String(err).slice(0, 120)}`, value: 0, unit: 'count', pass: false }],
      });
    }
    console.error(`bench ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await browser.close();
}

const header = '| figure | value | baseline (same run) | limit | within |\n|---|---|---|---|---|';
const table = [header, ...sections.flatMap((s) => s.rows.map(format))].join('\n');
const stamp = `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Chromium ${browser.version()}, ${process.arch}, Node ${process.version}).`;
console.log(`\n${table}\n\n${stamp}`);

if (!only.length) {
  const readme = join(repoRoot, 'README.md');
  if (existsSync(readme)) {
    const text = readFileSync(readme, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    if (text.includes(start) && text.includes(end)) {
      const next = `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n\n${stamp}\n${text.slice(text.indexOf(end))}`;
      writeFileSync(readme, next);
      console.log('README bench table updated.');
    }
  }
}
const failed = sections.flatMap((s) => s.rows).filter((r) => r.pass === false);
if (failed.length) console.log(`${failed.length} figure(s) outside their limit.`);
