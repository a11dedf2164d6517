/**
 * Benchmark of lib/convert in Chromium: the first conversion including loading the converter (the
 * built lazy bundle evaluated in the page, then makeConverter) against a second conversion; the
 * converter over compiled dictionaries against opencc-js (still the reference) on the same text as
 * one string; DOM conversion against one-string conversion, restore against conversion.
 * Pages: the seed page, and a ~200,000-character page generated at run time from OpenCC's golden
 * input (many <p>, with inline elements inside).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { BenchContext, BenchRow } from './types';

interface PageFigures {
  /** Evaluating the built lazy bundle and makeConverter. */
  loadMs: number;
  /** loadMs plus the first DOM conversion. */
  firstMs: number;
  /** The conversion right after (restored in between). */
  secondMs: number;
  /** The converter calls within the first conversion. */
  firstConvertMs: number;
  /** Building opencc-js's converter (what loading cost before). */
  openccBuildMs: number;
  convertMs: number;
  /** The compiled converter on the page's text as one string. */
  oneStringMs: number;
  /** opencc-js on the same string. */
  baselineMs: number;
  /** Median over runs of (compiled one string ÷ opencc-js one string). */
  compiledRatio: number;
  /** The compiled converter's output equals opencc-js's on the page text. */
  identical: boolean;
  restoreMs: number;
  layoutMs: number;
  /** Median over runs of (DOM conversion ÷ one-string) and (restore ÷ DOM conversion): steadier on a busy machine. */
  convertRatio: number;
  restoreRatio: number;
  titleWriteMs: number;
  chars: number;
  textNodes: number;
  changedNodes: number;
  exact: boolean;
}

const GLOBAL = 'QingduConvertBench';
const RUNS = 7;

async function bundle(repoRoot: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        "import * as Cn2t from 'opencc-js/cn2t';",
        "import * as T2cn from 'opencc-js/t2cn';",
        "import { PageConverter, PageRepairer, makeConverter, previewRepair, roundTrip } from './lib/convert/index.ts';",
        "import { qingduGlobal } from './lib/messaging/bridge.ts';",
        'export { Cn2t, T2cn, PageConverter, PageRepairer, makeConverter, previewRepair, qingduGlobal, roundTrip };',
      ].join('\n'),
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'browser',
    target: 'es2020',
  });
  return result.outputFiles[0].text;
}

/**
 * Runs inside the page: times the first conversion including evaluating the built lazy bundle
 * (`bundleCode`, as the background injects it) and a second one, then `runs` × `inner`
 * apply/restore and the one-string conversions.
 */
async function measure(
  page: Page,
  target: string,
  source: string | undefined,
  runs: number,
  inner: number,
  bundleCode: string,
): Promise<PageFigures> {
  return page.evaluate(
    ({ target, source, runs, inner, globalName, bundleCode }) => {
      const lib = (window as any)[globalName];
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const before = document.documentElement.outerHTML;
      const which = target === 'hans' ? 'hans' : 'hant';
      // The bridge the lazy bundles register on (a symbol-keyed property): forget the converter so
      // that each run evaluates the bundle afresh, as the first click does.
      const bridge = lib.qingduGlobal();
      bridge.opencc = undefined;
      const script = document.createElement('script');
      script.textContent = bundleCode;
      const t0 = performance.now();
      document.head.append(script);
      const convert = lib.makeConverter(bridge.opencc[which], target, source);
      const loadMs = performance.now() - t0;
      const converter = new lib.PageConverter(document);
      // The converter's own share of the first conversion (the rest is the DOM pass, also cold).
      let firstConvertMs = 0;
      const timed = (s: string) => {
        const t = performance.now();
        const out = convert(s);
        firstConvertMs += performance.now() - t;
        return out;
      };
      const stats = converter.apply(target, timed);
      const firstMs = performance.now() - t0;
      converter.restore();
      script.remove();
      let t1 = performance.now();
      converter.apply(target, convert);
      const secondMs = performance.now() - t1;
      converter.restore();
      t1 = performance.now();
      const reference = target === 'hans' ? lib.makeConverter(lib.T2cn, 'hans', source) : lib.makeConverter(lib.Cn2t, target);
      const openccBuildMs = performance.now() - t1;

      // The text the page shows: script and style contents (our own bundle among them) excluded.
      const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          /^(script|style|noscript|template)$/i.test(n.parentElement?.localName ?? '')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      const parts: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
      const text = parts.join('');

      const identical = convert(text) === reference(text);
      const convertTimes: number[] = [];
      const restoreTimes: number[] = [];
      const baselineTimes: number[] = [];
      const oneStringTimes: number[] = [];
      const compiledRatios: number[] = [];
      const layoutTimes: number[] = [];
      const convertRatios: number[] = [];
      const restoreRatios: number[] = [];
      let sink = 0;
      for (let r = 0; r < runs; r++) {
        let convertSum = 0;
        let restoreSum = 0;
        let baselineSum = 0;
        let oneStringSum = 0;
        for (let i = 0; i < inner; i++) {
          let t = performance.now();
          sink += reference(text).length;
          baselineSum += performance.now() - t;
          t = performance.now();
          sink += convert(text).length;
          oneStringSum += performance.now() - t;
          t = performance.now();
          converter.apply(target, convert);
          convertSum += performance.now() - t;
          t = performance.now();
          converter.restore();
          restoreSum += performance.now() - t;
        }
        convertTimes.push(convertSum / inner);
        restoreTimes.push(restoreSum / inner);
        baselineTimes.push(baselineSum / inner);
        oneStringTimes.push(oneStringSum / inner);
        compiledRatios.push(oneStringSum / baselineSum);
        convertRatios.push(convertSum / oneStringSum);
        restoreRatios.push(restoreSum / convertSum);
        // For information: conversion followed by the forced re-layout of the page.
        void document.body.offsetHeight;
        const t = performance.now();
        converter.apply(target, convert);
        void document.body.offsetHeight;
        layoutTimes.push(performance.now() - t);
        converter.restore();
      }
      // Writing the <title> text makes the browser update the tab title: a fixed cost of every toggle.
      let titleWriteMs = 0;
      const titleText = document.querySelector('title')?.firstChild;
      if (titleText && titleText.nodeType === 3) {
        const original = (titleText as Text).data;
        const t = performance.now();
        for (let i = 0; i < 20; i++) (titleText as Text).data = i % 2 ? original : `${original}·`;
        titleWriteMs = (performance.now() - t) / 20;
        (titleText as Text).data = original;
      }
      return {
        convertRatio: median(convertRatios),
        restoreRatio: median(restoreRatios),
        titleWriteMs,
        loadMs,
        firstMs,
        secondMs,
        firstConvertMs,
        openccBuildMs,
        convertMs: median(convertTimes),
        oneStringMs: median(oneStringTimes),
        baselineMs: median(baselineTimes),
        compiledRatio: median(compiledRatios),
        identical,
        restoreMs: median(restoreTimes),
        layoutMs: median(layoutTimes),
        chars: sink > 0 ? text.length : 0,
        textNodes: parts.length,
        changedNodes: stats.changedNodes,
        exact: document.documentElement.outerHTML === before,
      };
    },
    { target, source, runs, inner, globalName: GLOBAL, bundleCode },
  );
}

/** ~200,000 characters: the golden input repeated, one <p> per line, inline elements every few phrases. */
function generatedPage(input: string): string {
  const lines = input.split('\n').filter((l) => l.trim().length > 0);
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs: string[] = [];
  let chars = 0;
  for (let round = 0; chars < 200_000; round++) {
    for (const line of lines) {
      const pieces = line.split(/(?<=[，。；：])/);
      const inline = pieces.map((piece, i) => {
        const text = escapeHtml(piece);
        if (i % 4 === 1) return `<span>${text}</span>`;
        if (i % 4 === 2) return `<b>${text}</b>`;
        if (i % 4 === 3) return `<a href="#r${round}">${text}</a>`;
        return text;
      });
      paragraphs.push(`<p>${inline.join('')}</p>`);
      chars += line.length;
      if (chars >= 200_000) break;
    }
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>宪法全文</title></head><body><div id="content">${paragraphs.join('\n')}</div></body></html>`;
}

/** `firstLimit`: the limit on (first conversion incl. load ÷ second conversion), where the issue sets one. */
function rows(label: string, f: PageFigures, bundleFile: string, firstLimit?: number): BenchRow[] {
  const { convertRatio, restoreRatio } = f;
  const firstRatio = f.firstMs / f.convertMs;
  return [
    { figure: `${label}: text (${f.textNodes} text nodes, ${f.changedNodes} changed)`, value: f.chars, unit: 'count' },
    {
      figure: `${label}: converter load alone (evaluating ${bundleFile} + makeConverter)`,
      value: round(f.loadMs),
      unit: 'ms',
      ...(firstLimit ? { limit: '≤ 30 ms', pass: f.loadMs <= 30 } : {}),
    },
    { figure: `${label}: first conversion incl. load`, value: round(f.firstMs), unit: 'ms' },
    {
      figure: `${label}: of which the converter (information: its first run, before the optimising compiler)`,
      value: round(f.firstConvertMs),
      unit: 'ms',
    },
    { figure: `${label}: second conversion (information: one sample)`, value: round(f.secondMs), unit: 'ms' },
    {
      figure: `${label}: first conversion incl. load ÷ a later conversion`,
      value: round(firstRatio),
      unit: 'ratio',
      baseline: 'DOM conversion (apply), median of the runs, same page',
      ...(firstLimit ? { limit: `≤ ${firstLimit}`, pass: firstRatio <= firstLimit } : {}),
    },
    {
      figure: `${label}: building opencc-js's converter (information: the load before)`,
      value: round(f.openccBuildMs),
      unit: 'ms',
    },
    { figure: `${label}: compiled converter on the text as one string`, value: round(f.oneStringMs), unit: 'ms' },
    { figure: `${label}: opencc-js on the same string`, value: round(f.baselineMs), unit: 'ms' },
    {
      figure: `${label}: compiled converter ÷ opencc-js on the same string`,
      value: round(f.compiledRatio),
      unit: 'ratio',
      baseline: 'opencc-js, same string, same run (median of per-run ratios)',
    },
    {
      figure: `${label}: compiled output identical to opencc-js's`,
      value: f.identical ? 1 : 0,
      unit: 'count',
      limit: '= 1',
      pass: f.identical,
    },
    { figure: `${label}: DOM conversion (apply)`, value: round(f.convertMs), unit: 'ms' },
    {
      figure: `${label}: DOM conversion ÷ one-string conversion`,
      value: round(convertRatio),
      unit: 'ratio',
      baseline: 'compiled converter, one string, same run (median of per-run ratios)',
      limit: '≤ 1.5',
      pass: convertRatio <= 1.5,
    },
    { figure: `${label}: restore`, value: round(f.restoreMs), unit: 'ms' },
    {
      figure: `${label}: restore ÷ DOM conversion`,
      value: round(restoreRatio),
      unit: 'ratio',
      baseline: 'DOM conversion, same run (median of per-run ratios)',
      limit: '≤ 0.2',
      pass: restoreRatio <= 0.2,
    },
    { figure: `${label}: DOM conversion + forced re-layout (information)`, value: round(f.layoutMs), unit: 'ms' },
    {
      figure: `${label}: one write of the <title> text (information; twice per toggle)`,
      value: round(f.titleWriteMs),
      unit: 'ms',
    },
    { figure: `${label}: page identical after all toggles`, value: f.exact ? 1 : 0, unit: 'count', limit: '= 1', pass: f.exact },
  ];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

interface RepairFigures {
  repairMs: number;
  convertMs: number;
  /** One DOM conversion of the same page Simplified → Taiwan: the heavier of the round trip's two directions. */
  toTwMs: number;
  toTwRatio: number;
  restoreMs: number;
  previewMs: number;
  ratio: number;
  fixes: number;
  exact: boolean;
}

/** Runs inside the page: the Traditional repair (tw round trip through the DOM pipeline) against one DOM conversion to Simplified. */
async function measureRepair(page: Page, runs: number): Promise<RepairFigures> {
  return page.evaluate(
    ({ runs, globalName }) => {
      const lib = (window as any)[globalName];
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const before = document.documentElement.outerHTML;
      const toHans = lib.makeConverter(lib.T2cn, 'hans', 'tw');
      const toTw = lib.makeConverter(lib.Cn2t, 'tw');
      const repair = lib.roundTrip({ toHans, toHant: toTw });
      const repairer = new lib.PageRepairer(document);
      const converter = new lib.PageConverter(document);
      // Warm both paths once (converters' first calls, JIT).
      const fixes = repairer.apply(repair).fixes;
      repairer.restore();
      converter.apply('hans', toHans);
      converter.restore();
      converter.apply('tw', toTw);
      converter.restore();
      const toTwTimes: number[] = [];
      const toTwRatios: number[] = [];
      const repairTimes: number[] = [];
      const convertTimes: number[] = [];
      const restoreTimes: number[] = [];
      const ratios: number[] = [];
      for (let r = 0; r < runs; r++) {
        let t = performance.now();
        repairer.apply(repair);
        const repairMs = performance.now() - t;
        t = performance.now();
        repairer.restore();
        restoreTimes.push(performance.now() - t);
        t = performance.now();
        converter.apply('hans', toHans);
        const convertMs = performance.now() - t;
        converter.restore();
        t = performance.now();
        converter.apply('tw', toTw);
        const toTwMs = performance.now() - t;
        converter.restore();
        toTwTimes.push(toTwMs);
        toTwRatios.push(repairMs / toTwMs);
        repairTimes.push(repairMs);
        convertTimes.push(convertMs);
        ratios.push(repairMs / convertMs);
      }
      const t = performance.now();
      lib.previewRepair(document, repair);
      const previewMs = performance.now() - t;
      return {
        repairMs: median(repairTimes),
        convertMs: median(convertTimes),
        toTwMs: median(toTwTimes),
        toTwRatio: median(toTwRatios),
        restoreMs: median(restoreTimes),
        previewMs,
        ratio: median(ratios),
        fixes,
        exact: document.documentElement.outerHTML === before,
      };
    },
    { runs, globalName: GLOBAL },
  );
}

/**
 * The 200k-character page as a botched Traditional page: its correct Taiwan conversion with every
 * third converted character put back to Simplified (the leftovers of a character-by-character mirror).
 */
async function botchedTraditional(input: string): Promise<string> {
  const Cn2t = await import('opencc-js/cn2t');
  const toTw = Cn2t.Converter({ from: 'cn', to: 'tw' });
  const tw = toTw(input);
  const chars = [...tw];
  const src = [...input];
  let k = 0;
  for (let i = 0; i < chars.length; i++) if (chars[i] !== src[i] && k++ % 3 === 0) chars[i] = src[i];
  return chars.join('');
}

function repairRows(label: string, f: RepairFigures): BenchRow[] {
  return [
    { figure: `${label}: characters repaired`, value: f.fixes, unit: 'count' },
    { figure: `${label}: repair (tw round trip through the DOM pipeline)`, value: round(f.repairMs), unit: 'ms' },
    { figure: `${label}: one DOM conversion of it to Simplified`, value: round(f.convertMs), unit: 'ms' },
    {
      figure: `${label}: repair ÷ one conversion`,
      value: round(f.ratio),
      unit: 'ratio',
      baseline: 'DOM conversion to Simplified, same run (median of per-run ratios)',
      limit: '≤ 2',
      pass: f.ratio <= 2,
    },
    {
      figure: `${label}: one DOM conversion of it Simplified → Taiwan (the heavier direction)`,
      value: round(f.toTwMs),
      unit: 'ms',
    },
    {
      figure: `${label}: repair ÷ one conversion Simplified → Taiwan`,
      value: round(f.toTwRatio),
      unit: 'ratio',
      baseline: 'DOM conversion to Taiwan, same run (median of per-run ratios)',
      limit: '≤ 2',
      pass: f.toTwRatio <= 2,
    },
    { figure: `${label}: undo of the repair`, value: round(f.restoreMs), unit: 'ms' },
    { figure: `${label}: counting the fixes on an inert copy (the popup's estimate)`, value: round(f.previewMs), unit: 'ms' },
    {
      figure: `${label}: page identical after all repairs and undos`,
      value: f.exact ? 1 : 0,
      unit: 'count',
      limit: '= 1',
      pass: f.exact,
    },
  ];
}

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const script = await bundle(ctx.repoRoot);
  const built = (name: string) => readFileSync(join(ctx.repoRoot, '.output/chrome-mv3', name), 'utf8');
  const out: BenchRow[] = [];
  const page = await ctx.browser.newPage();
  try {
    const seedHtml = readFileSync(join(ctx.corpusDir, 'seed', 'gysb-20220726-content_23602-article-hant-spam.html'), 'utf8')
      // The page's own scripts and stylesheet are not in the corpus; keep the markup only.
      .replace(/<script[^>]*src=[^>]*><\/script>/gi, '')
      .replace(/<link[^>]*>/gi, '')
      .replace(/ onLoad="[^"]*"/i, '');
    await page.setContent(seedHtml);
    await page.addScriptTag({ content: script });
    out.push(...rows('seed page → hans', await measure(page, 'hans', 't', RUNS, 40, built('opencc-hans.js')), 'opencc-hans.js'));

    const input = readFileSync(join(ctx.corpusDir, 'opencc-cases', 'golden', 'input', 'us_constitution_zhs.txt'), 'utf8');
    await page.setContent(generatedPage(input));
    await page.addScriptTag({ content: script });
    out.push(
      ...rows(
        '200k-char page → tw',
        await measure(page, 'tw', undefined, RUNS, 1, built('opencc-hant.js')),
        'opencc-hant.js',
        1.5,
      ),
    );

    await page.setContent(generatedPage(await botchedTraditional(input)));
    await page.addScriptTag({ content: script });
    out.push(...repairRows('200k-char botched Traditional page, repair', await measureRepair(page, RUNS)));
  } finally {
    await page.close();
  }
  return out;
}
