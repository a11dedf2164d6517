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
  hasAnyId,
  isoParts,
  isSectionLabel,
  issueLinks,
  markCurrentByUrl,
  navigationLinks,
  propertyComment,
  propertyField,
  sectionsFromAnchors,
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
    const front = sections[0]?.url ?? (date ? (frontSectionUrl(url, date) ?? undefined) : undefined);

    const issue: Issue = {
      system: 'founder-newtpl',
      kind,
      paper: paperName(doc),
      date,
      sections,
      currentSection,
      articles,
      ...navigationLinks(doc, base, url, { sections, currentSection, articles, currentArticle }),
      frontSection: front,
    };
    // #goPrePeriod/#goNextPeriod are `href="#"` buttons, so real links rarely exist.
    Object.assign(
      issue,
      issueLinks(doc, base, url, date, (iso) => frontSectionUrl(url, iso)),
    );
    return issue;
  },

  frontSectionUrl: (url, isoDate) => frontSectionUrl(url, isoDate),
};
