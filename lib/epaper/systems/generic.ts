/**
 * The generic reader, for 版面 pages of systems nobody has met (structure.ts): the section list
 * by its structure and label forms (`第01版：要闻`, `01版：要闻`, `A1 封面`, `(GA01) 封面`,
 * `00001`, `0607`, `01 - 封面`; ads and editor rows skipped), the current section (URL,
 * aria-current, class, bold, heading), the title list (the scan's `<map>` or the nearest list),
 * the issue date from the URL (`YYYYMMDD`, `YYYY-MM/DD`, `YYYYMM/DD`, `YYYY-MM-DD`) or the page,
 * and 上一期/下一期 from the date in the URL when the page has only script links.
 */
import { dateInPath, movedToDate } from '../dates';
import { parseLooseLabel } from '../labels';
import { defineProfile } from '../profile';
import { articleListAnchors, headingSectionNumber, MIN_SECTIONS, markedSection, sectionListAnchors } from '../structure';
import { dateFromText, fileName } from '../util';

export const MIN_GENERIC_SECTIONS = MIN_SECTIONS;

function distinctNumbers(numbers: string[]): number {
  return new Set(numbers.map((n) => n.toUpperCase().replace(/^([A-Z]*)0+(?=\d)/, '$1'))).size;
}

export const generic = defineProfile({
  id: 'generic',
  name: 'Generic 版面 reader (any other system)',
  detect: (doc) => sectionListAnchors(doc).length >= MIN_SECTIONS,
  labels: 'loose',
  sections: { rules: [], find: sectionListAnchors },
  current: [{ anchor: (doc) => markedSection(sectionListAnchors(doc)) }, { hook: (doc) => headingSectionNumber(doc) }],
  articles: {
    rules: [],
    find: (doc, url) => {
      const found = articleListAnchors(doc, url, sectionListAnchors(doc));
      if (found.length) return found;
      // Older rule: title links whose URL says article.
      return Array.from(doc.querySelectorAll('li a[href], td a[href]')).filter(
        (a) => /content|article|detail/i.test(a.getAttribute('href') ?? '') && !parseLooseLabel(a.textContent ?? ''),
      );
    },
  },
  date: [{ hook: (doc, url) => dateInPath(url.pathname)?.iso || dateFromText((doc.body?.textContent ?? '').slice(0, 20000)) }],
  paper: [{ title: true }],
  issueWords: { prev: ['上一期', '上期', '前一期'], next: ['下一期', '下期', '后一期'] },
  frontSectionUrl(url, iso, issue) {
    const front = new URL(issue?.frontSection ?? url.href);
    const found = dateInPath(front.pathname);
    if (!found) return null;
    // Files named by the date too (`20250918/20250918_001.html`) follow the directory.
    const compact = (d: string) => d.replace(/-/g, '');
    const file = fileName(front).split(compact(found.iso)).join(compact(iso));
    const moved = movedToDate(front, iso, found.form, file);
    if (!moved) return null;
    const out = new URL(moved);
    out.pathname = out.pathname.split(`/${compact(found.iso)}_`).join(`/${compact(iso)}_`);
    return out.href;
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
