/**
 * Founder newer e-paper template (jQuery/Bootstrap; 西藏日报 and others):
 * `…/YYYYMM/DD/node_NN.html` sections, `content_N.html` articles, `h2#Title`,
 * `#goPrePeriod`/`#goNextPeriod` buttons (JS-driven), `span#paperdate`, `enpproperty` comment.
 */
import type { EpaperAdapter } from './adapter';
import type { Issue } from './types';
import {
  articlesFromAnchors,
  dateFromPath,
  dateFromText,
  documentBase,
  elementText,
  fileName,
  findPageImage,
  findPdf,
  hasAnyId,
  isoParts,
  isSectionLabel,
  linkByText,
  markCurrentByUrl,
  neighbours,
  propertyComment,
  propertyField,
  sectionsFromAnchors,
  shiftIsoDate,
} from './util';

const PATH_RE = /\/\d{6}\/\d{2}\/(?:node|content)_\d+\.html$/i;
const DATED_DIR_RE = /\/(\d{6})\/(\d{2})\/[^/]*$/;
/** The template always numbers the front 版 `node_01.html`. */
const FRONT_FILE = 'node_01.html';

function hasTemplateHooks(doc: Document): boolean {
  return hasAnyId(doc, ['goPrePeriod', 'goNextPeriod', 'paperdate']) || doc.getElementById('Title')?.tagName === 'H2';
}

function sectionAnchors(doc: Document): Element[] {
  const byId = Array.from(doc.querySelectorAll('a[id="pageLink"]'));
  if (byId.length) return byId;
  return Array.from(doc.querySelectorAll('a[href*="node_"]')).filter((a) => isSectionLabel(elementText(a)));
}

function titleAnchors(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('li a[href*="content_"]'));
}

function paperName(doc: Document): string {
  const current = doc.querySelector('.top a.curr, a.curr');
  const text = current
    ? elementText(current)
        .replace(/[《》]/g, '')
        .trim()
    : '';
  return text || doc.querySelector('.top img[alt]')?.getAttribute('alt')?.trim() || '';
}

function frontSectionUrl(url: URL, isoDate: string): string | null {
  const parts = isoParts(isoDate);
  if (!parts || !DATED_DIR_RE.test(url.pathname)) return null;
  const next = new URL(url.href);
  next.pathname = url.pathname.replace(DATED_DIR_RE, `/${parts.y}${parts.m}/${parts.d}/${FRONT_FILE}`);
  next.search = '';
  next.hash = '';
  return next.href;
}

export const founderNewtpl: EpaperAdapter = {
  id: 'founder-newtpl',

  matches(doc, url) {
    return PATH_RE.test(url.pathname) && hasTemplateHooks(doc);
  },

  parse(doc, url) {
    const base = documentBase(doc, url);
    const prop = propertyComment(doc);
    const kind = /^content_\d+/i.test(fileName(url)) ? 'article' : 'section';

    const sections = sectionsFromAnchors(sectionAnchors(doc), base, url);
    const currentSection = markCurrentByUrl(sections, url);
    const articles = articlesFromAnchors(titleAnchors(doc), base, url);
    const currentArticle = markCurrentByUrl(articles, url);

    const paperDate = doc.getElementById('paperdate');
    const date =
      (paperDate ? dateFromText(paperDate.textContent ?? '') : '') ||
      dateFromText(propertyField(prop, 'date')) ||
      dateFromPath(url.pathname);
    const sectionNb = neighbours(sections, currentSection);
    const articleNb = neighbours(articles, currentArticle);
    const front = sections[0]?.url ?? (date ? (frontSectionUrl(url, date) ?? undefined) : undefined);

    const issue: Issue = {
      system: 'founder-newtpl',
      kind,
      paper: paperName(doc),
      date,
      sections,
      currentSection,
      articles,
      prevSection: linkByText(doc, ['上一版'], base, url) ?? sectionNb.prev,
      nextSection: linkByText(doc, ['下一版'], base, url) ?? sectionNb.next,
      prevArticle: linkByText(doc, ['上一篇'], base, url) ?? articleNb.prev,
      nextArticle: linkByText(doc, ['下一篇'], base, url) ?? articleNb.next,
      pdf: findPdf(doc, base, url),
      pageImage: findPageImage(doc, base, url),
      frontSection: front,
    };
    // #goPrePeriod/#goNextPeriod are `href="#"` buttons, so real links rarely exist.
    issue.prevIssue = linkByText(doc, ['上一期'], base, url) ?? derived(url, date, -1);
    issue.nextIssue = linkByText(doc, ['下一期'], base, url) ?? derived(url, date, 1);
    return issue;
  },

  frontSectionUrl: (url, isoDate) => frontSectionUrl(url, isoDate),
};

function derived(url: URL, date: string, days: number): string | undefined {
  if (!date) return undefined;
  return frontSectionUrl(url, shiftIsoDate(date, days)) ?? undefined;
}
