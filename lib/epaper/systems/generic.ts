/**
 * Fallback for any e-paper whose links form a 版面 list: several same-site anchors whose whole
 * text is a 版 label (`第A1版：要聞`, `05版`, `第3版`) with distinct numbers.
 */
import { dateInPath, movedToDate } from '../dates';
import { defineProfile } from '../profile';
import { dateFromText, elementText, fileName, isSectionLabel } from '../util';

/** Fewer distinct 版 than this is prose mentioning a page, not a 版面 list. */
export const MIN_GENERIC_SECTIONS = 3;
/** Cap on anchors inspected, to stay cheap on huge pages. */
const MAX_ANCHORS = 5000;

function labelAnchors(doc: Document): Element[] {
  const anchors = doc.getElementsByTagName('a');
  const limit = Math.min(anchors.length, MAX_ANCHORS);
  const out: Element[] = [];
  for (let i = 0; i < limit; i++) {
    const a = anchors[i];
    const raw = a.textContent ?? '';
    if (raw.length > 60 || !raw.includes('版')) continue;
    if (isSectionLabel(elementText(a))) out.push(a);
  }
  return out;
}

function distinctNumbers(numbers: string[]): number {
  return new Set(numbers.map((n) => n.toUpperCase().replace(/^([A-Z]*)0+(?=\d)/, '$1'))).size;
}

export const generic = defineProfile({
  id: 'generic',
  name: 'Generic 版面 reader (any other system)',
  detect(doc) {
    const anchors = labelAnchors(doc);
    if (anchors.length < MIN_GENERIC_SECTIONS) return false;
    return distinctNumbers(anchors.map((a) => elementText(a).replace(/版[\s\S]*$/, ''))) >= MIN_GENERIC_SECTIONS;
  },
  sections: { rules: [], find: labelAnchors },
  current: [{ byClass: true }],
  articles: { rules: [{ select: 'li a[href], td a[href]', href: /content|article|detail/i, text: 'not-label' }] },
  date: [{ hook: (doc, url) => dateInPath(url.pathname)?.iso || dateFromText((doc.body?.textContent ?? '').slice(0, 20000)) }],
  paper: [{ title: true }],
  issueWords: { prev: ['上一期', '上期'], next: ['下一期', '下期'] },
  frontSectionUrl(url, iso, issue) {
    const front = new URL(issue?.frontSection ?? url.href);
    const found = dateInPath(front.pathname);
    return found ? movedToDate(front, iso, found.form, fileName(front)) : null;
  },
  hooks: {
    kind: (_doc, _url, issue, currentArticle) => (currentArticle >= 0 && issue.currentSection < 0 ? 'article' : 'section'),
    finish: (issue) => (distinctNumbers(issue.sections.map((s) => s.number)) < MIN_GENERIC_SECTIONS ? null : issue),
  },
  // Containers and credit lines common on sites of no particular system.
  article: {
    titleBlocks: [],
    body: ['#neir', '.article-content', '#content_text'],
    byline: ['.author', '.byline', '[itemprop="author"]'],
    date: ['p.ly', '.date', '.time'],
    sectionLabel: [],
    navigation: [],
  },
});
