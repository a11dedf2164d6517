/**
 * Is a text an article? Real prose is made of sentences: lines with clause marks and enough Han
 * (or Latin words) between them. Link lists, menus, dates, counters and the copyright notice
 * at the foot of a page are not, however long.
 */
import { countHan, normalizeSpace } from './text';

const CLAUSE = /[，。、；：！？,.;:!?]/g;
/** A full stop or semicolon ends sentences, not headlines. */
const SENTENCE_END = /[。；;]/;
const COMMA = /[，,]/;
/** Site boilerplate that reads like prose but is never an article: rights notices, ICP numbers. */
const BOILERPLATE =
  /版权|版權|Copyright|©|ICP|未经.{0,20}(?:授权|许可)|未經.{0,20}(?:授權|許可)|All Rights Reserved|免责声明|免責聲明/i;

/** A line that reads as a sentence rather than a label, a link title or a notice. */
export function isProseLine(line: string): boolean {
  const t = normalizeSpace(line);
  if (BOILERPLATE.test(t)) return false;
  const han = countHan(t);
  const marks = t.match(CLAUSE)?.length ?? 0;
  // Headlines and link titles carry a colon, a question mark or a comma, but they are short:
  // a short line is a sentence by its full stop, a longer one by a comma too.
  if (han >= 10) return SENTENCE_END.test(t) || (han >= 20 && COMMA.test(t)) || (han >= 40 && marks >= 1);
  // Latin prose: at least a dozen words and a sentence mark.
  return t.split(' ').length >= 12 && marks >= 1;
}

/** The weight of a text's prose lines: Han characters plus Latin words. */
export function proseWeight(text: string): number {
  let weight = 0;
  for (const line of text.split('\n')) {
    if (!isProseLine(line)) continue;
    const han = countHan(line);
    weight += han > 0 ? han : normalizeSpace(line).split(' ').length;
  }
  return weight;
}

/** Below this much prose a text is a fragment, a notice or a list, not an article. */
export const MIN_PROSE_WEIGHT = 80;

/** Whether `text` (lines separated by `\n`) holds an article's worth of prose. */
export function isRealProse(text: string): boolean {
  return proseWeight(text) >= MIN_PROSE_WEIGHT;
}

/** Only the prose lines of a text. */
export function proseLines(text: string): string[] {
  return text.split('\n').filter((l) => isProseLine(l));
}
