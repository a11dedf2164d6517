import { describe, expect, it } from 'vitest';
import { PageConverter } from '../../../lib/convert';
import { convertBatch, SEPARATOR, splitRun } from '../../../lib/convert/batch';
import { counted, domOf } from './helpers';

/** A toy converter: 发→發, 后→後, 现→現, 来→來, and the phrase 软件→軟體 (length preserving) or U盘→隨身碟 (longer). */
function toy(s: string): string {
  return s
    .replace(/U盘/g, '隨身碟')
    .replace(/软件/g, '軟體')
    .replace(/发/g, '發')
    .replace(/后/g, '後')
    .replace(/现/g, '現')
    .replace(/来/g, '來');
}

describe('convertBatch', () => {
  it('converts many texts with one call', () => {
    const spy = counted(toy);
    expect(convertBatch(['发现', '然后', 'abc'], spy.convert)).toEqual(['發現', '然後', 'abc']);
    expect(spy.calls).toEqual([['发现', '然后', 'abc'].join(SEPARATOR)]);
  });

  it('falls back text by text when the converter does not keep the separator count', () => {
    const eatsSeparators = counted((s: string) => toy(s).split(SEPARATOR).join(''));
    expect(convertBatch(['发现', '然后', '出发'], eatsSeparators.convert)).toEqual(['發現', '然後', '出發']);
    expect(eatsSeparators.calls.length).toBe(4);
    const doubles = counted((s: string) => toy(s).replace(/\uFFFF/g, SEPARATOR + SEPARATOR));
    expect(convertBatch(['发现', '然后'], doubles.convert)).toEqual(['發現', '然後']);
  });

  it('converts a text holding the separator on its own', () => {
    expect(convertBatch([`发${SEPARATOR}后`, '发'], toy)).toEqual([`發${SEPARATOR}後`, '發']);
  });

  it('keeps a text unchanged when the converter throws', () => {
    expect(
      convertBatch(['发现'], () => {
        throw new Error('boom');
      }),
    ).toEqual(['发现']);
  });
});

describe('splitRun', () => {
  it('splits a length-preserving conversion at the original boundaries', () => {
    expect(splitRun(['买软', '件了'], toy('买软件了'), toy)).toEqual(['买軟', '體了']);
  });

  it('keeps the whole conversion when a phrase that changes length straddles a boundary', () => {
    const pieces = splitRun(['插上U', '盘后'], toy('插上U盘后'), toy);
    expect(pieces.join('')).toBe('插上隨身碟後');
    expect(pieces.length).toBe(2);
    expect(splitRun(['插上', 'U盘', '后'], toy('插上U盘后'), toy)).toEqual(['插上', '隨身碟', '後']);
  });
});

describe('page batching fallback', () => {
  it('converts the page correctly when the converter mangles separators', () => {
    const doc = domOf('<body><p>出发</p><p>然后<b>发</b>现</p><p title="后来">软件</p></body>').window.document;
    const spy = counted((s: string) => toy(s).replace(/\uFFFF/g, ''));
    new PageConverter(doc).apply('tw', spy.convert);
    expect(doc.body.innerHTML).toBe('<p>出發</p><p>然後<b>發</b>現</p><p title="後來">軟體</p>');
    expect(spy.calls.length).toBeGreaterThan(1);
  });
});
