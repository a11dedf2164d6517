/**
 * Text comparison by 4-character shingles. The extraction chain uses it to tell whether one
 * extractor's body holds another's; the differential test over the news corpus and
 * `npm run bench` use the same functions, so all three speak of the same figures. Whitespace
 * and punctuation are left out: they differ between extractors only by formatting.
 */

const SHINGLE = 4;
const NOT_TEXT = /[\s\u00a0\u3000\p{P}\p{S}]+/gu;

/** The text a comparison looks at: letters and digits only. */
export function comparableText(text: string): string {
  return text.replace(NOT_TEXT, '');
}

/** The set of 4-character shingles of a text (a short text is one shingle). */
export function shingles(text: string): Set<string> {
  const chars = Array.from(comparableText(text));
  const out = new Set<string>();
  if (chars.length === 0) return out;
  if (chars.length < SHINGLE) {
    out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + SHINGLE <= chars.length; i++) out.add(chars.slice(i, i + SHINGLE).join(''));
  return out;
}

/** Share of `reference`'s shingles found in `candidate` (1 when the reference is empty). */
export function recall(candidate: Set<string>, reference: Set<string>): number {
  if (reference.size === 0) return 1;
  let hit = 0;
  for (const s of reference) if (candidate.has(s)) hit++;
  return hit / reference.size;
}

/** Share of `candidate`'s shingles found in `reference` (1 when the candidate is empty). */
export function precision(candidate: Set<string>, reference: Set<string>): number {
  return recall(reference, candidate);
}

/** Shingles of each line on its own: no shingle spans two lines that were not adjacent. */
export function lineShingles(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const line of lines) for (const s of shingles(line)) out.add(s);
  return out;
}
