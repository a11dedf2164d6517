import { HANS_ONLY, HANT_ONLY } from './generated';

/** Characters used only in Simplified / only in Traditional text (from OpenCC's tables). */
export const hansOnly: ReadonlySet<string> = new Set(HANS_ONLY);
export const hantOnly: ReadonlySet<string> = new Set(HANT_ONLY);

export interface ScriptCounts {
  /** CJK ideographs seen. */
  han: number;
  hans: number;
  hant: number;
}

/** Counts Han characters and those specific to each script in `text`. */
export function countScriptChars(text: string, into: ScriptCounts = { han: 0, hans: 0, hant: 0 }): ScriptCounts {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff) continue;
    into.han++;
    const ch = text[i];
    if (hansOnly.has(ch)) into.hans++;
    else if (hantOnly.has(ch)) into.hant++;
  }
  return into;
}

/**
 * Classifies counts: `none` without Han text, otherwise the script whose specific characters
 * dominate; `mixed` when both are substantial. Text with Han characters but no script-specific
 * ones (e.g. 中国人民) reads the same in both scripts and counts as `hans` only if nothing says
 * otherwise — callers treat that case as convertible either way.
 */
export function classifyCounts(c: ScriptCounts): 'hans' | 'hant' | 'mixed' | 'none' {
  if (c.han === 0) return 'none';
  const specific = c.hans + c.hant;
  if (specific === 0) return 'hans';
  const hansShare = c.hans / specific;
  if (hansShare >= 0.8) return 'hans';
  if (hansShare <= 0.2) return 'hant';
  return 'mixed';
}
