/**
 * Repair of botched Traditional text (修正繁體): pages converted character by character leave
 * Simplified characters and wrong one-to-many picks (后/後, 干/幹, 于/於). Converting the text
 * Traditional → Simplified → Traditional with a phrase-aware converter puts them right, and a
 * correct page in the same variant passes through unchanged. Pure string functions; the DOM
 * side is in repair-page.ts.
 */
import { hansOnly } from '../charsets';
import { safeConvert } from './batch';
import type { ConvertFn, HantSource } from './types';

/** The Traditional variants a page may be written in, in order of preference on a tie. */
export type RepairVariant = 'tw' | 'hk' | 'hant';
export const REPAIR_VARIANTS: readonly RepairVariant[] = ['tw', 'hk', 'hant'];

/** The two converters of one variant's round trip. */
export interface RoundTripPair {
  /** Traditional (this variant) → Simplified. */
  toHans: ConvertFn;
  /** Simplified → Traditional (this variant). */
  toHant: ConvertFn;
}

/** opencc-js source variant for each repair variant's Traditional → Simplified step. */
export function hansSourceOf(variant: RepairVariant): HantSource {
  return variant === 'hant' ? 't' : variant;
}

/** The repair as one converter: Traditional → Simplified → Traditional. */
export function roundTrip(pair: RoundTripPair): ConvertFn {
  return (text: string) => safeConvert(safeConvert(text, pair.toHans), pair.toHant);
}

/** A run of adjacent characters the repair changes. Offsets are in UTF-16 units of `before`'s text. */
export interface TextChange {
  start: number;
  end: number;
  before: string;
  after: string;
  /** Characters changed in this run (the unit of the fix count). */
  chars: number;
}

/**
 * Where `after` differs from `before`, as runs of adjacent changed characters. The round trip
 * keeps lengths in all but rare cases; when the lengths differ, the middle that differs (after
 * the common start and end) is one run.
 */
export function diffChanges(before: string, after: string): TextChange[] {
  if (before === after) return [];
  const out: TextChange[] = [];
  if (before.length === after.length) {
    let i = 0;
    while (i < before.length) {
      if (before.charCodeAt(i) === after.charCodeAt(i)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < before.length && before.charCodeAt(j) !== after.charCodeAt(j)) j++;
      // A surrogate pair whose high half matched stays whole.
      const start = i > 0 && isLowSurrogate(before.charCodeAt(i)) ? i - 1 : i;
      const b = before.slice(start, j);
      out.push({ start, end: j, before: b, after: after.slice(start, j), chars: countChars(b) });
      i = j;
    }
    return out;
  }
  let head = 0;
  const limit = Math.min(before.length, after.length);
  while (head < limit && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < limit - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const b = before.slice(head, before.length - tail);
  const a = after.slice(head, after.length - tail);
  out.push({ start: head, end: before.length - tail, before: b, after: a, chars: Math.max(countChars(b), countChars(a), 1) });
  return out;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isLowSurrogate(text.charCodeAt(i))) n++;
  return n;
}

/** The number of characters a list of changes fixes. */
export function countFixes(changes: readonly TextChange[]): number {
  let n = 0;
  for (const c of changes) n += c.chars;
  return n;
}

/** How one variant's round trip treats a text. */
export interface VariantScore {
  variant: RepairVariant;
  /** Characters the round trip changes. */
  changed: number;
  /**
   * Of those, characters not every variant's round trip changes: forms some variant holds
   * correct (群, 臥, 為) that this one rewrites. Characters every variant changes (Simplified
   * leftovers such as 后 in 最后) are fixes whatever the variant.
   */
  changedCorrect: number;
}

/** How botched a Traditional or mixed text is, and in which variant to repair it. */
export interface RepairEstimate {
  /** The variant whose round trip changes the fewest of its correct characters. */
  variant: RepairVariant;
  /** Characters the chosen round trip changes. */
  fixes: number;
  /** Simplified-only characters in the text (by OpenCC's tables). */
  simplifiedOnly: number;
  scores: VariantScore[];
}

/** Counts the Simplified-only characters of a text. */
export function countSimplifiedOnly(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x3400 && code <= 0x9fff && hansOnly.has(text[i])) n++;
  }
  return n;
}

/** Each changed character as `offset:before→after`, so variants can be compared place by place. */
function changedKeys(changes: readonly TextChange[]): Set<string> {
  const keys = new Set<string>();
  for (const c of changes) {
    if (c.before.length === c.after.length) {
      for (let i = 0; i < c.before.length; i++) keys.add(`${c.start + i}:${c.before[i]}`);
    } else keys.add(`${c.start}:${c.before}`);
  }
  return keys;
}

/**
 * Chooses the variant: fewest correct characters rewritten (which is also fewest changes), then
 * the order of `pairs` (put the reader's preferred variant first).
 */
export function estimateRepair(text: string, pairs: ReadonlyMap<RepairVariant, RoundTripPair>): RepairEstimate {
  const runs: { variant: RepairVariant; changed: number; keys: Set<string> }[] = [];
  for (const [variant, pair] of pairs) {
    const changes = diffChanges(text, roundTrip(pair)(text));
    runs.push({ variant, changed: countFixes(changes), keys: changedKeys(changes) });
  }
  if (runs.length === 0) throw new Error('no variant to estimate with');
  // Places every variant changes.
  const common = new Set([...runs[0].keys].filter((k) => runs.every((r) => r.keys.has(k))));
  const scores: VariantScore[] = runs.map((r) => ({
    variant: r.variant,
    changed: r.changed,
    changedCorrect: [...r.keys].filter((k) => !common.has(k)).length,
  }));
  let best = scores[0];
  for (const s of scores) {
    if (s.changedCorrect < best.changedCorrect || (s.changedCorrect === best.changedCorrect && s.changed < best.changed))
      best = s;
  }
  return { variant: best.variant, fixes: best.changed, simplifiedOnly: countSimplifiedOnly(text), scores };
}

/** Repairs a plain string; returns the text and what changed. */
export function repairText(text: string, pair: RoundTripPair): { text: string; changes: TextChange[] } {
  const out = roundTrip(pair)(text);
  return { text: out, changes: diffChanges(text, out) };
}
