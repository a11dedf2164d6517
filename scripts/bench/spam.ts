/**
 * Spam pass cost in Chromium: a 50,000-node e-paper-like page with a wall and hidden links,
 * the same page without any candidate block, and the seed page. Medians of 7 runs, measured
 * inside the page with performance.now(); each run re-scans (nothing hidden in between).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';

interface BenchRow { figure: string; value: number; unit: 'ms' | 'ratio' | 'bytes' | 'count'; baseline?: string; limit?: string; pass?: boolean }

const RUNS = 7;

function bigPage(withSpam: boolean): string {
  const parts: string[] = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>基准页</title></head><body>'];
  // ~50,000 elements: 10,000 blocks of a heading, a paragraph and same-site links.
  for (let i = 0; i < 10000; i++) {
    parts.push(`<div class="item"><h3>栏目${i}</h3><p>这是第${i}段正文内容，用来撑起页面的规模与文本量。</p>`);
    parts.push(withSpam || i % 200 !== 0 ? `<span>${i}</span>` : `<ul><li><a href="/n${i}a">新闻${i}</a></li><li><a href="/n${i}b">评论${i}</a></li><li><a href="/n${i}c">图片${i}</a></li></ul>`);
    parts.push('</div>');
  }
  if (withSpam) {
    parts.push('<div class="w">主站蜘蛛池模板：');
    for (let i = 0; i < 40; i++) parts.push(`<a href="http://q${i}x7z${i}.test/">亚洲综合国产精品${i}</a>|`);
    parts.push('</div><div style="display:none"><a href="http://b1.k9.test/">百家乐</a></div>');
  }
  parts.push('</body></html>');
  return parts.join('');
}

export async function bench(ctx: { browser: Browser; corpusDir: string; repoRoot: string }): Promise<BenchRow[]> {
  const out = await build({
    entryPoints: [join(ctx.repoRoot, 'lib/spam/index.ts')],
    bundle: true, format: 'iife', globalName: 'QingduSpam', write: false, logLevel: 'silent',
  });
  const bundle = out.outputFiles[0].text;
  const pages: [string, string][] = [
    ['50k-node page with a wall', bigPage(true)],
    ['50k-node page, no candidate block', bigPage(false)],
    ['seed page', readFileSync(join(ctx.corpusDir, 'seed/gysb-20220726-content_23602-article-hant-spam.html'), 'utf8')],
  ];
  const rows: BenchRow[] = [];
  for (const [name, html] of pages) {
    const page = await ctx.browser.newPage();
    try {
      await page.route('**/*', (r) => r.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: bundle });
      const result = await page.evaluate((runs) => {
        const api = (window as any).QingduSpam;
        const times: number[] = [];
        let found = 0;
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          found = api.scanForSpam(document).length;
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return { median: times[Math.floor(times.length / 2)], found, nodes: document.getElementsByTagName('*').length };
      }, RUNS);
      rows.push({ figure: `spam scan, ${name} (${result.nodes} elements)`, value: Number(result.median.toFixed(2)), unit: 'ms', limit: '< 250 ms' , pass: result.median < 250 });
      rows.push({ figure: `spam verdicts, ${name}`, value: result.found, unit: 'count' });
    } finally {
      await page.close();
    }
  }
  return rows;
}
