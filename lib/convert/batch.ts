import type { ConvertFn } from './types';

/** Joins batched texts; a noncharacter absent from every dictionary, so it survives conversion. */
export const SEPARATOR = '\uFFFF';

/** Converts one string; on a converter error the text stays as it was. */
export function safeConvert(text: string, convert: ConvertFn): string {
  try {
    const out = convert(text);
    return typeof out === 'string' ? out : text;
  } catch {
    return text;
  }
}

/**
 * Converts many texts with one converter call: join, convert, split, and check the count.
 * When the count differs (a converter that touched the separator) each text is converted alone.
 */
export function convertBatch(texts: readonly string[], convert: ConvertFn): string[] {
  if (texts.length === 1 && !texts[0].includes(SEPARATOR)) return [safeConvert(texts[0], convert)];
  let clean = true;
  for (let i = 0; i < texts.length && clean; i++) if (texts[i].includes(SEPARATOR)) clean = false;
  if (clean) {
    // The common case: no text holds the separator, so the batch is the texts themselves.
    if (texts.length === 0) return [];
    const parts = safeConvert(texts.join(SEPARATOR), convert).split(SEPARATOR);
    if (parts.length === texts.length) return parts;
    return texts.map((text) => safeConvert(text, convert));
  }
  const out: string[] = new Array(texts.length);
  const batchIndex: number[] = [];
  const batchTexts: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    // A text holding the separator itself cannot be split back apart.
    if (text.includes(SEPARATOR)) out[i] = safeConvert(text, convert);
    else {
      batchIndex.push(i);
      batchTexts.push(text);
    }
  }
  if (batchTexts.length === 0) return out;
  const joined = safeConvert(batchTexts.join(SEPARATOR), convert);
  const parts = joined.split(SEPARATOR);
  if (parts.length === batchTexts.length) {
    for (let j = 0; j < parts.length; j++) out[batchIndex[j]] = parts[j];
  } else {
    for (let j = 0; j < batchTexts.length; j++) out[batchIndex[j]] = safeConvert(batchTexts[j], convert);
  }
  return out;
}

/** Above this length a run whose conversion changed length is split node by node (keeps cost linear). */
const MAX_ALIGNED_RUN = 4000;

/**
 * Splits the conversion of a run (the concatenated text of several nodes) back into one piece per
 * node. The pieces always concatenate to `converted`, so the run reads exactly as the one-string
 * conversion; only when a phrase that changes length straddles a node boundary may its characters
 * land on the other side of that boundary.
 */
export function splitRun(pieces: readonly string[], converted: string, convert: ConvertFn): string[] {
  if (pieces.length === 1) return [converted];
  const source = pieces.join('');
  if (converted.length === source.length) {
    const out: string[] = [];
    let at = 0;
    for (const piece of pieces) {
      out.push(converted.slice(at, at + piece.length));
      at += piece.length;
    }
    return out;
  }
  if (source.length > MAX_ALIGNED_RUN) return convertBatch(pieces, convert);
  const out: string[] = [];
  let offset = 0;
  let previous = 0;
  for (let i = 0; i < pieces.length - 1; i++) {
    offset += pieces[i].length;
    const boundary = Math.min(Math.max(alignBoundary(source, offset, converted, convert), previous), converted.length);
    out.push(converted.slice(previous, boundary));
    previous = boundary;
  }
  out.push(converted.slice(previous));
  return out;
}

/** Where input offset `offset` falls in `converted`: after the converted prefix, or before the converted suffix. */
function alignBoundary(source: string, offset: number, converted: string, convert: ConvertFn): number {
  const prefix = safeConvert(source.slice(0, offset), convert);
  if (converted.startsWith(prefix)) return prefix.length;
  const suffix = safeConvert(source.slice(offset), convert);
  if (converted.endsWith(suffix)) return converted.length - suffix.length;
  let common = 0;
  const limit = Math.min(prefix.length, converted.length);
  while (common < limit && prefix.charCodeAt(common) === converted.charCodeAt(common)) common++;
  return common;
}
