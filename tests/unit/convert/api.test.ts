import * as Cn2t from 'opencc-js/cn2t';
import * as T2cn from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { convertText, makeConverter, type OpenCCLike, otherScriptTarget, targetLang } from '../../../lib/convert';

function recording(): { opencc: OpenCCLike; seen: { from: string; to: string }[] } {
  const seen: { from: string; to: string }[] = [];
  return {
    seen,
    opencc: {
      Converter: (o) => {
        seen.push(o);
        return (s: string) => s;
      },
    },
  };
}

describe('makeConverter', () => {
  it('picks the opencc-js Converter config for each target', () => {
    const { opencc, seen } = recording();
    makeConverter(opencc, 'hans');
    makeConverter(opencc, 'hans', 'hk');
    makeConverter(opencc, 'hant');
    makeConverter(opencc, 'tw');
    makeConverter(opencc, 'twp');
    makeConverter(opencc, 'hk');
    expect(seen).toEqual([
      { from: 't', to: 'cn' },
      { from: 'hk', to: 'cn' },
      { from: 'cn', to: 't' },
      { from: 'cn', to: 'tw' },
      { from: 'cn', to: 'twp' },
      { from: 'cn', to: 'hk' },
    ]);
  });

  it('works with the split opencc-js bundles, with phrase segmentation', () => {
    expect(makeConverter(Cn2t, 'twp')('软件')).toBe('軟體');
    expect(makeConverter(Cn2t, 'tw')('头发')).toBe('頭髮');
    expect(makeConverter(T2cn, 'hans', 'tw')('軟體')).toBe('软体');
  });
});

describe('targets and languages', () => {
  it('maps targets to BCP 47 tags', () => {
    expect(['hans', 'hant', 'tw', 'twp', 'hk'].map((t) => targetLang(t as never))).toEqual([
      'zh-Hans',
      'zh-Hant',
      'zh-TW',
      'zh-TW',
      'zh-HK',
    ]);
  });

  it('goes to the other script, traditional in the chosen variant', () => {
    expect(otherScriptTarget('hant', 'tw')).toBe('hans');
    expect(otherScriptTarget('mixed', 'hk')).toBe('hans');
    expect(otherScriptTarget('hans', 'twp')).toBe('twp');
    expect(otherScriptTarget('none', 'hant')).toBe('hant');
  });
});

describe('convertText', () => {
  it('converts a selection and survives a failing converter', () => {
    expect(convertText('头发', makeConverter(Cn2t, 'tw'))).toBe('頭髮');
    expect(
      convertText('头发', () => {
        throw new Error('not loaded');
      }),
    ).toBe('头发');
  });
});
