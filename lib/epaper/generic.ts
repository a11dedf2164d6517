/**
 * Fallback for any e-paper whose links form a 版面 list: several same-site anchors whose whole
 * text is a 版 label (`第A1版：要聞`, `05版`, `第3版`) with distinct numbers.
 */
import type { EpaperAdapter } from './adapter';
import type { Issue, SectionRef } from './types';
import {
  articlesFromAnchors,
  dateFromText,
  documentBase,
  elementText,
  isoParts,
  isSectionLabel,
  issueLinks,
  markCurrentByUrl,
  navigationLinks,
  paperFromTitle,
  sameSiteUrl,
  sectionsFromAnchors,
  urlKey,
} from './util';

/** Fewer distinct 版 than this is prose mentioning a page, not a 版面 list. */
export const MIN_GENERIC_SECTIONS = 3;
/** Cap on anchors inspected, to stay cheap on huge pages. */
const MAX_ANCHORS = 5000;
const CURRENT_CLASS_RE = /(?:^|\s)(?:cur|current|active|on|selected|hover)(?:\s|$)/i;

/** Date layouts seen in e-paper paths, each with the way to write a new date the same way. */
const PATH_DATES: { re: RegExp; write: (y: string, m: string, d: string) => string }[] = [
  { re: /\/(\d{4})-(\d{2})\/(\d{2})\//, write: (y, m, d) => `/${y}-${m}/${d}/` },
  { re: /\/(\d{4})(\d{2})\/(\d{2})\//, write: (y, m, d) => `/${y}${m}/${d}/` },
  { re: /\/(\d{4})-(\d{2})-(\d{2})\//, write: (y, m, d) => `/${y}-${m}-${d}/` },
  { re: /\/(\d{4})(\d{2})(\d{2})\//, write: (y, m, d) => `/${y}${m}${d}/` },
];

function pathDate(path: string): { iso: string; layout: (typeof PATH_DATES)[number] } | null {
  for (const layout of PATH_DATES) {
    const m = layout.re.exec(path);
    if (!m) continue;
    const iso = dateFromText(`${m[1]}-${m[2]}-${m[3]}`);
    if (iso) return { iso, layout };
  }
  return null;
}

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

function distinctNumbers(sections: SectionRef[]): number {
  return new Set(sections.map((s) => s.number.replace(/^([A-Z]*)0+(?=\d)/, '$1'))).size;
}

/** Without a URL match, a 版 flagged as current by class or aria-current (`li.cur > a`). */
function markCurrentByClass(sections: SectionRef[], anchors: Element[], base: URL, url: URL): number {
  for (const a of anchors) {
    const flagged =
      !!a.getAttribute('aria-current') ||
      CURRENT_CLASS_RE.test(a.getAttribute('class') ?? '') ||
      CURRENT_CLASS_RE.test(a.parentElement?.getAttribute('class') ?? '');
    if (!flagged) continue;
    const target = sameSiteUrl(a.getAttribute('href'), base, url);
    const idx = target ? sections.findIndex((s) => urlKey(s.url) === urlKey(target)) : -1;
    if (idx >= 0) {
      sections[idx].current = true;
      return idx;
    }
  }
  return -1;
}

function frontSectionUrl(url: URL, isoDate: string, issue?: Issue): string | null {
  const parts = isoParts(isoDate);
  const front = new URL(issue?.frontSection ?? url.href);
  const found = pathDate(front.pathname);
  if (!parts || !found) return null;
  front.pathname = front.pathname.replace(found.layout.re, found.layout.write(parts.y, parts.m, parts.d));
  front.search = '';
  front.hash = '';
  return front.href;
}

export const generic: EpaperAdapter = {
  id: 'generic',

  matches(doc) {
    const anchors = labelAnchors(doc);
    if (anchors.length < MIN_GENERIC_SECTIONS) return false;
    const numbers = new Set(anchors.map((a) => elementText(a).replace(/版[\s\S]*$/, '')));
    return numbers.size >= MIN_GENERIC_SECTIONS;
  },

  parse(doc, url) {
    const base = documentBase(doc, url);
    const anchors = labelAnchors(doc);
    const sections = sectionsFromAnchors(anchors, base, url);
    if (distinctNumbers(sections) < MIN_GENERIC_SECTIONS) return null;
    let currentSection = markCurrentByUrl(sections, url);
    if (currentSection < 0) currentSection = markCurrentByClass(sections, anchors, base, url);

    const titleLinks = Array.from(doc.querySelectorAll('li a[href], td a[href]')).filter(
      (a) => /content|article|detail/i.test(a.getAttribute('href') ?? '') && !isSectionLabel(elementText(a)),
    );
    const articles = articlesFromAnchors(titleLinks, base, url);
    const currentArticle = markCurrentByUrl(articles, url);

    const date = pathDate(url.pathname)?.iso || dateFromText((doc.body?.textContent ?? '').slice(0, 20000));

    const issue: Issue = {
      system: 'generic',
      kind: currentArticle >= 0 && currentSection < 0 ? 'article' : 'section',
      paper: paperFromTitle(doc.title),
      date,
      sections,
      currentSection,
      articles,
      ...navigationLinks(doc, base, url, { sections, currentSection, articles, currentArticle }),
      frontSection: sections[0]?.url,
    };
    Object.assign(
      issue,
      issueLinks(doc, base, url, date, (iso) => frontSectionUrl(url, iso, issue), {
        prev: ['上一期', '上期'],
        next: ['下一期', '下期'],
      }),
    );
    return issue;
  },

  frontSectionUrl,
};
