/**
 * Cost of the automatic spam pass (scanForSpam + hideVerdicts) in Chromium, measured inside the
 * page with performance.now(). Each run starts from the unhidden page: the previous run's
 * attributes and stylesheet are removed (untimed) so every run does the full pass. Figures:
 *  - the median per corpus page (seed/, epaper/, spam/) and the median of those medians, ≤ 10 ms;
 *  - pages with no candidate block (a 60-paragraph article with a 5-link header nav and a footer,
 *    and a 40,000-element page with few links), ≤ 1 ms;
 *  - a 50,000-node page carrying a wall and hidden links: bounded, must not freeze the tab.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { BenchContext, BenchRow } from './types';

const RUNS = 11;
const CORPUS_LIMIT_MS = 10;
const NO_CANDIDATE_LIMIT_MS = 1;
const BIG_PAGE_LIMIT_MS = 250;
const ORIGIN = 'http://bench.qingdu.test';

/** ~50,000 nodes (elements plus text): 10,000 items of a heading, a paragraph and a span. */
function bigPage(withSpam: boolean): string {
  const parts: string[] = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>基准页</title></head><body>'];
  if (!withSpam) parts.push(navHeader());
  for (let i = 0; i < 10000; i++) {
    parts.push(
      `<div class="item"><h3>栏目${i}</h3><p>这是第${i}段正文内容，用来撑起页面的规模与文本量。</p><span>${i}</span></div>`,
    );
    // A few lone links in the text, never three under one parent.
    if (!withSpam && i % 2500 === 1) parts.push(`<p>相关阅读：<a href="/r${i}.html">第${i}条相关报道</a></p>`);
  }
  if (withSpam) {
    parts.push('<div class="w">主站蜘蛛池模板：');
    for (let i = 0; i < 40; i++) parts.push(`<a href="http://q${i}x7z${i}.test/">亚洲综合国产精品${i}</a>|`);
    parts.push('</div><div style="display:none"><a href="http://b1.k9.test/">百家乐</a></div>');
  } else {
    parts.push(footer());
  }
  parts.push('</body></html>');
  return parts.join('');
}

function navHeader(): string {
  const items = ['首页', '要闻', '国内', '国际', '评论'].map((t, i) => `<li><a href="/c${i}/">${t}</a></li>`).join('');
  return `<header class="top"><div class="logo">示例日报</div><nav><ul>${items}</ul></nav></header>`;
}

function footer(): string {
  return '<footer><p>Copyright © 2024 示例日报社 版权所有 京ICP备00000000号</p><p>地址：北京市东城区示例路1号 电话：010-00000000</p></footer>';
}

/** A realistic page without a candidate block: a long article, a 5-link nav and a footer. */
function articlePage(): string {
  const paras: string[] = [];
  for (let i = 0; i < 60; i++) {
    paras.push(
      `<p>　　第${i + 1}段：记者近日从有关部门获悉，今年以来，本市持续推进城市更新与民生工程建设，` +
        `新建和改造社区服务设施${i + 12}处，惠及居民约${(i + 3) * 1000}户。有关负责人表示，下一步将继续完善配套，` +
        `让群众在家门口享受到更加便捷的公共服务，进一步提升城市治理的精细化水平。</p>`,
    );
  }
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>城市更新惠及万户居民 - 示例日报</title></head><body>' +
    navHeader() +
    '<main><article><h1>城市更新惠及万户居民</h1><div class="meta">2024年12月25日 来源：示例日报 记者 张三</div>' +
    `<div class="content">${paras.join('')}</div></article></main>` +
    footer() +
    '</body></html>'
  );
}

interface Timing {
  median: number;
  found: number;
  hidden: number;
  elements: number;
}

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const out = await build({
    entryPoints: [join(ctx.repoRoot, 'lib/spam/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'QingduSpam',
    write: false,
    logLevel: 'silent',
    target: 'es2020',
  });
  const bundle = out.outputFiles[0].text;

  const measure = async (path: string, body: Buffer | string): Promise<Timing> => {
    const page = await ctx.browser.newPage();
    try {
      // Served from a stable origin so the page has a real URL (same-site tests); no network.
      await page.route('**/*', (r) =>
        r.request().url() === `${ORIGIN}${path}`
          ? r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })
          : r.abort(),
      );
      await page.goto(`${ORIGIN}${path}`, { waitUntil: 'load' });
      await page.addScriptTag({ content: bundle });
      return await page.evaluate((runs) => {
        const api = (window as any).QingduSpam;
        const times: number[] = [];
        let found = 0;
        let hidden = 0;
        for (let i = 0; i < runs; i++) {
          // Undo the previous run (untimed). No named helpers here: tsx's __name is not in the page.
          for (const el of document.querySelectorAll('[data-qingdu-hidden]')) el.removeAttribute('data-qingdu-hidden');
          document.getElementById('qingdu-spam-style')?.remove();
          // A loaded page has its layout done; so does the page before each run.
          void document.documentElement.offsetHeight;
          const t0 = performance.now();
          const verdicts = api.scanForSpam(document);
          hidden = api.hideVerdicts(document, verdicts);
          times.push(performance.now() - t0);
          found = verdicts.length;
        }
        times.sort((a, b) => a - b);
        return {
          median: times[Math.floor(times.length / 2)],
          found,
          hidden,
          elements: document.getElementsByTagName('*').length,
        };
      }, RUNS);
    } finally {
      await page.close();
    }
  };

  const ms = (v: number): number => Number(v.toFixed(2));
  const rows: BenchRow[] = [];
  const corpusMedians: number[] = [];
  for (const sub of ['seed', 'epaper', 'spam']) {
    const dir = join(ctx.corpusDir, sub);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort();
    for (const file of files) {
      const t = await measure(`/${sub}/${file}`, readFileSync(join(dir, file)));
      corpusMedians.push(t.median);
      rows.push({
        figure: `spam pass, ${sub}/${file} (${t.elements} elements, ${t.hidden} hidden)`,
        value: ms(t.median),
        unit: 'ms',
        limit: `≤ ${CORPUS_LIMIT_MS} ms`,
        pass: t.median <= CORPUS_LIMIT_MS,
      });
    }
  }
  corpusMedians.sort((a, b) => a - b);
  const overall = corpusMedians[Math.floor(corpusMedians.length / 2)] ?? 0;
  const worst = corpusMedians[corpusMedians.length - 1] ?? 0;
  rows.push({
    figure: `spam pass, corpus overall (median of ${corpusMedians.length} page medians; worst ${ms(worst)} ms)`,
    value: ms(overall),
    unit: 'ms',
    limit: `≤ ${CORPUS_LIMIT_MS} ms each`,
    pass: worst <= CORPUS_LIMIT_MS,
  });

  const synthetic: [string, string, string, number][] = [
    ['no candidate block: article, 60 paragraphs, 5-link nav, footer', '/article.html', articlePage(), NO_CANDIDATE_LIMIT_MS],
    ['no candidate block: ~40,000 elements, few links', '/big-few-links.html', bigPage(false), NO_CANDIDATE_LIMIT_MS],
    ['50,000-node page with a wall and hidden links', '/big-wall.html', bigPage(true), BIG_PAGE_LIMIT_MS],
  ];
  for (const [name, path, html, limit] of synthetic) {
    const t = await measure(path, html);
    rows.push({
      figure: `spam pass, ${name} (${t.elements} elements, ${t.hidden} hidden)`,
      value: ms(t.median),
      unit: 'ms',
      limit: `≤ ${limit} ms`,
      pass: t.median <= limit,
    });
  }
  return rows;
}
