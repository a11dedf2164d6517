import * as Full from 'opencc-js';
import * as Cn2t from 'opencc-js/cn2t';
import * as T2cn from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { type ConvertFn, type HantSource, makeConverter, PageConverter, type Target } from '../../../lib/convert';
import { readCorpusText, requireCorpus } from '../../corpus';
import { CONFIG_OPTIONS, domOf, parseCases } from './helpers';

/** The configurations the extension offers, as makeConverter builds them from the split bundles. */
const OFFERED: Record<string, { target: Target; source?: HantSource }> = {
  s2t: { target: 'hant' },
  s2tw: { target: 'tw' },
  s2twp: { target: 'twp' },
  s2hk: { target: 'hk' },
  t2s: { target: 'hans', source: 't' },
  tw2s: { target: 'hans', source: 'tw' },
  hk2s: { target: 'hans', source: 'hk' },
};

function offeredConverter(config: string): ConvertFn {
  const { target, source } = OFFERED[config];
  return makeConverter(target === 'hans' ? T2cn : Cn2t, target, source);
}

/** One <p> per case, plus the same case split at two points into <span> and <b> pieces. */
function buildDocument(inputs: string[]) {
  const dom = domOf('<!DOCTYPE html><html><head><title>t</title></head><body></body></html>');
  const doc = dom.window.document;
  const whole: HTMLElement[] = [];
  const split: HTMLElement[] = [];
  for (const input of inputs) {
    const p = doc.createElement('p');
    p.textContent = input;
    doc.body.append(p);
    whole.push(p);
    const chars = Array.from(input);
    const a = Math.max(1, Math.floor(chars.length / 3));
    const b = Math.max(a, Math.floor((2 * chars.length) / 3));
    const q = doc.createElement('p');
    const span = doc.createElement('span');
    span.textContent = chars.slice(a, b).join('');
    const bold = doc.createElement('b');
    bold.textContent = chars.slice(b).join('');
    q.append(chars.slice(0, a).join(''), span, bold);
    doc.body.append(q);
    split.push(q);
  }
  return { doc, whole, split };
}

const run = requireCorpus();
describe.runIf(run)('OpenCC test cases through the DOM pipeline', () => {
  const cases = run ? parseCases(readCorpusText('opencc-cases', 'testcases.json')) : [];

  it('opencc-js Converter matches OpenCC on at least 540 of its expectations', () => {
    let total = 0;
    let matched = 0;
    const misses: string[] = [];
    const converters = new Map<string, ConvertFn>();
    for (const c of cases) {
      for (const [config, expected] of Object.entries(c.expected)) {
        let convert = converters.get(config);
        if (!convert) {
          convert = Full.Converter(CONFIG_OPTIONS[config]);
          converters.set(config, convert);
        }
        total++;
        if (convert(c.input) === expected) matched++;
        else misses.push(`${c.id}/${config}`);
      }
    }
    console.log(`opencc-js matches OpenCC on ${matched}/${total}; misses: ${misses.join(', ')}`);
    expect(total).toBe(543);
    expect(matched).toBeGreaterThanOrEqual(540);
  });

  for (const config of Object.keys(CONFIG_OPTIONS)) {
    it(`${config}: the page converts exactly as the plain string does`, () => {
      const inputs = cases.filter((c) => config in c.expected).map((c) => c.input);
      expect(inputs.length).toBeGreaterThan(0);
      const convert = config in OFFERED ? offeredConverter(config) : Full.Converter(CONFIG_OPTIONS[config]);
      const { doc, whole, split } = buildDocument(inputs);
      new PageConverter(doc).apply('hant', convert);
      const mismatches: string[] = [];
      inputs.forEach((input, i) => {
        const plain = convert(input);
        if (whole[i].textContent !== plain) mismatches.push(`whole ${input} → ${whole[i].textContent} ≠ ${plain}`);
        if (split[i].textContent !== plain) mismatches.push(`split ${input} → ${split[i].textContent} ≠ ${plain}`);
      });
      expect(mismatches).toEqual([]);
    });
  }

  it('the split bundles give what the full bundle gives for the offered configurations', () => {
    for (const config of Object.keys(OFFERED)) {
      const viaMake = offeredConverter(config);
      const viaFull = Full.Converter(CONFIG_OPTIONS[config]);
      for (const c of cases) if (config in c.expected) expect(viaMake(c.input)).toBe(viaFull(c.input));
    }
  });
});
