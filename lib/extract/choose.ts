/**
 * Choosing between the tuned Readability result and plain Readability's. Both are good on most
 * pages; where they differ, one of them lost prose (the tuned step's stricter cleaning can drop
 * a paragraph, or its wider candidate search can land on a small block) or took in noise (a
 * comment box, a list of other articles). Prose is what the reader is for: the result that
 * holds the other's prose wins; between two that hold each other's, the one with less noise.
 */
import { proseLines, proseWeight } from './prose';
import { lineShingles, recall, shingles } from './shingles';

/** A result "holds" another's prose when it has this share of its shingles. */
const HOLDS = 0.95;
/** Plain Readability wins on noise only when the tuned result carries clearly more of it. */
const NOISE_MARGIN_SHARE = 0.3;
const NOISE_MARGIN_MIN = 60;

function noise(text: string): number {
  return Math.max(0, shingles(text).size - lineShingles(proseLines(text)).size);
}

export type Choice = 'tuned' | 'plain';

/** Which body the reader shows, given the texts (lines separated by `\n`) of both. */
export function choosePlainOrTuned(tunedText: string, plainText: string): Choice {
  const tunedAll = shingles(tunedText);
  const plainAll = shingles(plainText);
  const tunedProse = lineShingles(proseLines(tunedText));
  const plainProse = lineShingles(proseLines(plainText));
  const tunedHoldsPlain = recall(tunedAll, plainProse);
  const plainHoldsTuned = recall(plainAll, tunedProse);
  if (tunedHoldsPlain < HOLDS) {
    // The tuned result misses prose that plain Readability found.
    if (plainHoldsTuned >= HOLDS || plainHoldsTuned > tunedHoldsPlain) return 'plain';
    return proseWeight(plainText) > proseWeight(tunedText) ? 'plain' : 'tuned';
  }
  // The tuned result holds plain's prose. It may hold more: short paragraphs plain Readability
  // dropped (a gain), or a wider block with comments and lists of other articles (noise).
  const proseGain = (1 - plainHoldsTuned) * tunedProse.size;
  const noiseExcess = noise(tunedText) - noise(plainText);
  const margin = Math.max(NOISE_MARGIN_MIN, NOISE_MARGIN_SHARE * plainProse.size);
  return noiseExcess > margin && noiseExcess > proseGain ? 'plain' : 'tuned';
}
