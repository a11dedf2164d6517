/**
 * 版 labels in every form the wild uses, for the generic reader and loose profiles:
 * `第01版：要闻`, `01版：要闻`, `第A01版`, `A1 封面`, `(GA01) 封面`, `00001`, combined `0607`,
 * `01 - 封面`, names with inner spaces (`要 闻`). Ads and editor rows are not sections.
 */
import type { ParsedLabel } from './util';
import { parseSectionLabel } from './util';

/** Rows that sit in 版面 lists but are not sections. */
export const NOT_A_SECTION = /^(?:广告|廣告|本版责编|本版責編|责任编辑|責任編輯)|本版责编|本版責編/;

const NAME_MAX = 14;
/** A 版 that is all advertising (`第A04版：广告`) is not something to read. */
const isAdName = (name: string) => /^(?:广告|廣告)$/.test(name.replace(/\s+/g, ''));
const FORMS: { re: RegExp; number: (m: RegExpExecArray) => string; name: (m: RegExpExecArray) => string }[] = [
  // (GA01) 封面, （A01）要闻
  { re: /^[(（]\s*([A-Za-z]{0,2}\d{1,3})\s*[)）]\s*(.*)$/, number: (m) => m[1], name: (m) => m[2] },
  // A1 封面, A01版 要闻, B2：财经, A1
  { re: /^([A-Za-z]{1,2}\d{1,3})\s*版?(?:\s*[:：\-–—]\s*|\s+)(\S.*)$/, number: (m) => m[1], name: (m) => m[2] },
  { re: /^([A-Za-z]{1,2}\d{1,3})\s*版?$/, number: (m) => m[1], name: () => '' },
  // 01 - 封面, 01：要闻, 01 要闻, 0405 - 特刊
  { re: /^(\d{1,5})(?:\s*[:：\-–—]\s*|\s+)(\S.*)$/, number: (m) => digitsNumber(m[1]), name: (m) => m[2] },
  // 0607 (two facing pages), 00001, 01
  { re: /^(\d{1,5})$/, number: (m) => digitsNumber(m[1]), name: () => '' },
];

/** `0607` → `06-07` (two facing pages), `00001` → `01`, `7` → `07`. */
function digitsNumber(digits: string): string {
  const pair = /^(\d{2})(\d{2})$/.exec(digits);
  if (pair && +pair[2] === +pair[1] + 1) return `${pair[1]}-${pair[2]}`;
  return digits.replace(/^0+(?=\d)/, '').padStart(2, '0');
}

/** A 版 label in any known form, or null (also for ads, editor rows and empty text). */
export function parseLooseLabel(text: string): ParsedLabel | null {
  const label = text.replace(/\s+/g, ' ').trim();
  if (!label || label.length > 30 || NOT_A_SECTION.test(label.replace(/\s+/g, ''))) return null;
  const strict = parseSectionLabel(label);
  if (strict.number) return strict.name.length <= NAME_MAX && !isAdName(strict.name) ? strict : null;
  for (const form of FORMS) {
    const m = form.re.exec(label);
    if (!m) continue;
    const name = form.name(m).trim();
    // A long name or sentence punctuation means prose that happens to start with a number.
    if (name.length > NAME_MAX || /[，。！？,.!?；;]/.test(name) || isAdName(name)) return null;
    return { label, number: form.number(m).toUpperCase(), name };
  }
  return null;
}
