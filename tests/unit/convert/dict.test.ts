/**
 * The converter over compiled dictionaries (lib/convert/dict.ts, tables from scripts/gen-dicts.mjs)
 * against opencc-js, its reference: byte-identical output on OpenCC's own test cases (every
 * configuration, compiled in memory from opencc-js's full preset), on the golden documents and on
 * the text of every corpus page, for every direction and variant Qingdu offers; and every entry
 * of every dictionary group reads back as opencc-js's trie stores it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as Full from 'opencc-js';
import * as Cn2t from 'opencc-js/cn2t';
import { Trie } from 'opencc-js/core';
import * as FullPreset from 'opencc-js/preset';
import * as Cn2tPreset from 'opencc-js/preset/cn2t';
import * as T2cnPreset from 'opencc-js/preset/t2cn';
import * as T2cn from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { makeConverter, PageConverter, type Target } from '../../../lib/convert';
import { type CompiledDicts, compiledOpenCC, TrieReader } from '../../../lib/convert/dict';
import { dicts as hansDicts } from '../../../lib/convert/dict-hans.generated';
import { dicts as hantDicts } from '../../../lib/convert/dict-hant.generated';
// @ts-expect-error: a plain .mjs build script without types
import { compilePreset } from '../../../scripts/gen-dicts.mjs';
import { corpusDir, readCorpusText, requireCorpus } from '../../corpus';
import { CONFIG_OPTIONS, domOf, parseCases } from './helpers';

const hant = compiledOpenCC(hantDicts);
const hans = compiledOpenCC(hansDicts);

/** Every direction and variant Qingdu offers: compiled and reference converters. */
const OFFERED: { name: string; target: Target; source?: 't' | 'tw' | 'hk' }[] = [
  { name: 's2t', target: 'hant' },
  { name: 's2tw', target: 'tw' },
  { name: 's2twp', target: 'twp' },
  { name: 's2hk', target: 'hk' },
  { name: 't2s', target: 'hans', source: 't' },
  { name: 'tw2s', target: 'hans', source: 'tw' },
  { name: 'hk2s', target: 'hans', source: 'hk' },
];
const pairs = OFFERED.map(({ name, target, source }) => ({
  name,
  compiled: makeConverter(target === 'hans' ? hans : hant, target, source),
  reference: makeConverter(target === 'hans' ? T2cn : Cn2t, target, source),
}));

/** Converts each text both ways and lists where they differ (first few). */
function differences(texts: string[]): string[] {
  const out: string[] = [];
  for (const { name, compiled, reference } of pairs) {
    for (const text of texts) {
      const a = compiled(text);
      const b = reference(text);
      if (a !== b && out.length < 10) {
        let i = 0;
        while (a[i] === b[i]) i++;
        out.push(
          `${name}: …${text.slice(Math.max(0, i - 8), i + 8)}… → …${a.slice(Math.max(0, i - 8), i + 8)}… ≠ …${b.slice(Math.max(0, i - 8), i + 8)}…`,
        );
      }
    }
  }
  return out;
}

describe('compiled dictionaries: tables', () => {
  it('every entry of every dictionary group reads back as opencc-js stores it', () => {
    let checked = 0;
    for (const [preset, dicts] of [
      [Cn2tPreset, hantDicts],
      [T2cnPreset, hansDicts],
    ] as const) {
      const configs = preset.configs as unknown as Record<string, { conversionChain: string[][] }>;
      for (const [name, config] of Object.entries(dicts.configs)) {
        config.chain.forEach((trieIndex, g) => {
          const group = configs[name].conversionChain[g];
          const reference = new Trie();
          reference.loadDictGroup(group);
          const compiled = new TrieReader(dicts.tries[trieIndex]);
          for (const dict of group) {
            for (const line of dict.split('|')) {
              const key = line.split(' ')[0];
              expect(compiled.convert(key)).toBe(reference.convert(key));
              checked++;
            }
          }
        });
      }
    }
    expect(checked).toBeGreaterThan(50_000);
  });

  it('the lazy bundles hold only what Qingdu offers, and say which opencc-js they come from', () => {
    expect(Object.keys(hantDicts.configs).sort()).toEqual(['s2hk', 's2t', 's2tw', 's2twp']);
    expect(Object.keys(hansDicts.configs).sort()).toEqual(['hk2s', 't2s', 'tw2s']);
    const installed = JSON.parse(readFileSync(join(__dirname, '../../../node_modules/opencc-js/package.json'), 'utf8'));
    expect(hantDicts.version).toBe(installed.version);
  });

  it('holds no character Chrome refuses in a script (noncharacters) and no raw surrogate in its indexes', () => {
    for (const dicts of [hantDicts, hansDicts]) {
      for (const t of dicts.tries) {
        expect(/[\uFDD0-\uFDEF\uFFFE\uFFFF]/.test(t.labels + t.values + t.direct)).toBe(false);
        expect(/[\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/.test(t.info + t.blocks + t.root + t.offsets + t.starts)).toBe(false);
      }
    }
  });
});

describe('compiled dictionaries: the converter', () => {
  it('converts like opencc-js on edge cases: surrogates, ideographic description sequences, the batch separator', () => {
    const texts = [
      '',
      '\uFFFF',
      '头发\uFFFF发展\uFFFF\uFFFF理发',
      '𠮷野家的𩸽鱼，𡃁仔',
      '\uD842 孤立的代理\uDFB7对',
      '⿰木木林⿱⿰发发发森⿲发发发发⿳干干干干',
      '⿰',
      '⿰干',
      '⿲发发',
      '发⿰发',
      '干部干燥干杯，后面后来皇后',
      '鍾書鐘錶，着陆着急',
      'ＡＢＣ abc 123 的士 🀄',
      '着'.repeat(50),
      '乾隆乾燥',
      '豐',
      // CJK compatibility ideographs (normalised first) and one outside the BMP.
      '\uF900\uF901发\uF902头\uD87E\uDC00发',
    ];
    expect(differences(texts)).toEqual([]);
  });

  it('throws as opencc-js does on a locale it does not hold', () => {
    expect(() => hant.Converter({ from: 'xx', to: 't' })).toThrow('Unknown `from` locale: xx');
    expect(() => Cn2t.Converter({ from: 'xx', to: 't' })).toThrow('Unknown `from` locale: xx');
    expect(() => hans.Converter({ from: 'cn', to: 'cn' })).toThrow('Unknown `from` locale: cn');
    expect(() => T2cn.Converter({ from: 'cn', to: 'cn' })).toThrow('Unknown `from` locale: cn');
  });

  it('converts a page through the DOM as opencc-js does', () => {
    const html = '<html><head><title>头发</title></head><body><p>头<b>发</b>和软件</p><p>乾隆皇帝</p></body></html>';
    for (const target of ['tw', 'twp', 'hk', 'hant'] as const) {
      const a = domOf(html).window.document;
      const b = domOf(html).window.document;
      new PageConverter(a).apply(target, makeConverter(hant, target));
      new PageConverter(b).apply(target, makeConverter(Cn2t, target));
      expect(a.documentElement.outerHTML).toBe(b.documentElement.outerHTML);
    }
  });
});

/** All files under `dir` whose name ends with `.html`. */
function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

/**
 * The page's text: what lies between its tags outside script and style, each piece separated by
 * the batch separator as PageConverter joins text nodes (entities left as written: still text).
 */
function pageText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split(/<[^>]*>/)
    .filter((t) => t.trim() !== '')
    .join('\uFFFF');
}

const run = requireCorpus();
describe.runIf(run)('compiled dictionaries against opencc-js on the corpus', () => {
  const cases = run ? parseCases(readCorpusText('opencc-cases', 'testcases.json')) : [];

  it('all OpenCC configurations, compiled: byte-identical to opencc-js, 540 of 543 expectations, the same three misses', () => {
    const compiledFull = compiledOpenCC({ version: 'test', ...(compilePreset(FullPreset) as Omit<CompiledDicts, 'version'>) });
    let total = 0;
    const missesCompiled: string[] = [];
    const missesReference: string[] = [];
    const differ: string[] = [];
    const converters = new Map<string, [(s: string) => string, (s: string) => string]>();
    for (const c of cases) {
      for (const [config, expected] of Object.entries(c.expected)) {
        let pair = converters.get(config);
        if (!pair) {
          pair = [compiledFull.Converter(CONFIG_OPTIONS[config]), Full.Converter(CONFIG_OPTIONS[config])];
          converters.set(config, pair);
        }
        total++;
        const a = pair[0](c.input);
        const b = pair[1](c.input);
        if (a !== b) differ.push(`${c.id}/${config}: ${a} ≠ ${b}`);
        if (a !== expected) missesCompiled.push(`${c.id}/${config}`);
        if (b !== expected) missesReference.push(`${c.id}/${config}`);
      }
    }
    expect(differ).toEqual([]);
    expect(total).toBe(543);
    expect(missesCompiled).toHaveLength(3);
    expect(missesCompiled).toEqual(missesReference);
  });

  it('the shipped tables, every offered direction and variant: OpenCC test case inputs', () => {
    expect(differences(cases.map((c) => c.input))).toEqual([]);
  });

  it('the shipped tables through the DOM: each OpenCC case, whole and split into inline pieces, as opencc-js converts the string', () => {
    const inputs = cases.map((c) => c.input);
    const mismatches: string[] = [];
    for (const { name, compiled, reference } of pairs) {
      const doc = domOf('<!DOCTYPE html><html><head><title>t</title></head><body></body></html>').window.document;
      const whole: HTMLElement[] = [];
      const split: HTMLElement[] = [];
      for (const input of inputs) {
        const p = doc.createElement('p');
        p.textContent = input;
        const chars = Array.from(input);
        const a = Math.max(1, Math.floor(chars.length / 3));
        const q = doc.createElement('p');
        const bold = doc.createElement('b');
        bold.textContent = chars.slice(a).join('');
        q.append(chars.slice(0, a).join(''), bold);
        doc.body.append(p, q);
        whole.push(p);
        split.push(q);
      }
      new PageConverter(doc).apply('hant', compiled);
      inputs.forEach((input, i) => {
        const expected = reference(input);
        if (whole[i].textContent !== expected) mismatches.push(`${name} whole ${input}`);
        if (split[i].textContent !== expected) mismatches.push(`${name} split ${input}`);
      });
    }
    expect(mismatches).toEqual([]);
  });

  it('the shipped tables, every offered direction and variant: the golden documents', () => {
    const golden = join(corpusDir, 'opencc-cases', 'golden');
    const texts = [
      ...readdirSync(join(golden, 'input')).map((f) => readFileSync(join(golden, 'input', f), 'utf8')),
      ...readdirSync(join(golden, 'output')).map((f) => readFileSync(join(golden, 'output', f), 'utf8')),
    ];
    expect(texts.length).toBeGreaterThan(5);
    expect(differences(texts)).toEqual([]);
  });

  it('the shipped tables, every offered direction and variant: the text of every corpus page', () => {
    const files = htmlFiles(corpusDir);
    expect(files.length).toBeGreaterThan(50);
    const texts = files.map((f) => pageText(readFileSync(f, 'utf8')));
    expect(texts.join('').length).toBeGreaterThan(100_000);
    expect(differences(texts)).toEqual([]);
  }, 120_000);
});
