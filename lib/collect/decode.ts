/** Decodes an HTML page's bytes with its own charset, as a browser would (simplified). */

const SNIFF_BYTES = 2048;

/** The charset parameter of a Content-Type header, lower-cased, or ''. */
export function charsetFromContentType(contentType: string | null): string {
  if (!contentType) return '';
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return match ? match[1].toLowerCase() : '';
}

/** Finds `<meta charset>` or `<meta http-equiv=Content-Type content="…charset=…">` in the first 2 KB. */
export function sniffMetaCharset(bytes: Uint8Array): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  // Latin-1 keeps one char per byte, so ASCII markup survives whatever the real encoding is.
  let text = '';
  for (let i = 0; i < head.length; i++) text += String.fromCharCode(head[i]);
  const metaTags = text.match(/<meta\b[^>]*>/gi) ?? [];
  for (const tag of metaTags) {
    const direct = /\bcharset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(tag);
    if (direct) return direct[1].toLowerCase();
  }
  return '';
}

function bomCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return '';
}

function decoderFor(label: string): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null; // unknown label: fall through to the next source
  }
}

/**
 * A charset named in the page's own `<meta>`: as the HTML spec says, a UTF-16 label there
 * means UTF-8 (bytes read as ASCII to find the tag cannot be UTF-16), x-user-defined windows-1252.
 */
function metaDecoder(label: string): TextDecoder | null {
  const decoder = decoderFor(label);
  if (!decoder) return null;
  if (decoder.encoding.startsWith('utf-16')) return new TextDecoder('utf-8');
  if (decoder.encoding === 'x-user-defined') return new TextDecoder('windows-1252');
  return decoder;
}

/**
 * Decodes bytes: BOM, then the HTTP charset, then the meta charset in the first 2 KB,
 * then UTF-8. gb2312/gbk/gb18030 labels all work through TextDecoder.
 */
export function decodeHtml(bytes: ArrayBuffer, contentType: string | null): string {
  const view = new Uint8Array(bytes);
  const decoder =
    decoderFor(bomCharset(view)) ??
    decoderFor(charsetFromContentType(contentType)) ??
    metaDecoder(sniffMetaCharset(view)) ??
    new TextDecoder('utf-8');
  try {
    return decoder.decode(view);
  } catch {
    return new TextDecoder('utf-8').decode(view);
  }
}
