import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeHtml, sniffMetaCharset } from '../../../lib/collect';
import { fixtureBytes } from './fixture-site';

const GBK_PAGE = 'fxrb/html/2024-03/15/content_105.htm';
const GBK_TITLE = '山区小学迎来新图书室';

function toBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function replaceAscii(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const latin1 = Buffer.from(bytes).toString('latin1');
  expect(latin1).toContain(from);
  return new Uint8Array(Buffer.from(latin1.replace(from, to), 'latin1'));
}

describe('decodeHtml', () => {
  it('decodes a GBK page from its <meta charset> when the header has no charset', () => {
    const bytes = fixtureBytes(GBK_PAGE);
    expect(new TextDecoder('utf-8').decode(bytes)).not.toContain(GBK_TITLE); // really GBK bytes
    expect(decodeHtml(toBuffer(bytes), 'text/html')).toContain(GBK_TITLE);
    expect(decodeHtml(toBuffer(bytes), null)).toContain(GBK_TITLE);
  });

  it('prefers the HTTP charset over the meta charset', () => {
    const lying = replaceAscii(fixtureBytes(GBK_PAGE), '<meta charset="gbk">', '<meta charset="utf-8">');
    expect(decodeHtml(toBuffer(lying), null)).not.toContain(GBK_TITLE);
    expect(decodeHtml(toBuffer(lying), 'text/html; charset=GBK')).toContain(GBK_TITLE);
  });

  it('reads the http-equiv form and gb2312/gb18030 labels', () => {
    const equiv = replaceAscii(
      fixtureBytes(GBK_PAGE),
      '<meta charset="gbk">',
      '<META http-equiv="Content-Type" content="text/html; charset=gb2312">',
    );
    expect(sniffMetaCharset(equiv)).toBe('gb2312');
    expect(decodeHtml(toBuffer(equiv), null)).toContain(GBK_TITLE);
    expect(decodeHtml(toBuffer(fixtureBytes(GBK_PAGE)), 'text/html;charset="gb18030"')).toContain(GBK_TITLE);
  });

  it('ignores a meta charset beyond the first 2 KB', () => {
    const padding = `<!--${' '.repeat(2100)}-->`;
    const late = replaceAscii(fixtureBytes(GBK_PAGE), '<meta charset="gbk">', `${padding}<meta charset="gbk">`);
    expect(sniffMetaCharset(late)).toBe('');
  });

  it('defaults to UTF-8, honours a BOM and survives unknown labels', () => {
    const utf8 = new TextEncoder().encode('<p>默认编码</p>');
    expect(decodeHtml(toBuffer(utf8), null)).toBe('<p>默认编码</p>');
    expect(decodeHtml(toBuffer(utf8), 'text/html; charset=x-no-such-charset')).toBe('<p>默认编码</p>');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeHtml(toBuffer(bom), 'text/html; charset=gbk')).toBe('<p>默认编码</p>');
  });

  it('parses Content-Type parameters', () => {
    expect(charsetFromContentType('text/html; Charset=UTF-8')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBe('');
    expect(charsetFromContentType(null)).toBe('');
  });
});

describe('UTF-16 labels in <meta>', () => {
  it('are read as UTF-8, as browsers do', () => {
    for (const label of ['utf-16', 'UTF-16LE', 'utf-16be', 'unicode']) {
      const html = `<!doctype html><meta charset="${label}"><title>人民日报</title>`;
      const bytes = new TextEncoder().encode(html);
      expect(decodeHtml(bytes.buffer, 'text/html')).toBe(html);
    }
  });
});
