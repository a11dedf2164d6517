/**
 * Founder classic 数字报 (`tplimg/mp.js` template): `…/html/YYYY-MM/DD/node_N.htm` sections,
 * `content_N.htm` articles, `a#pageLink` 版面 lists, `div#mpN` title anchors, `mpproperty` comment.
 */
import type { EpaperAdapter } from './adapter';
import type { Issue } from './types';
import {
  articlesFromAnchors,
  dateFromPath,
  dateFromText,
  documentBase,
  fileName,
  firstPageLink,
  hasPagePicMap,
  hasScriptFile,
  isoParts,
  isSectionLabel,
  issueLinks,
  markCurrentByNumber,
  markCurrentByUrl,
  navigationLinks,
  paperFromTitle,
  parseSectionLabel,
  propertyComment,
  propertyField,
  sectionsFromAnchors,
} from './util';

const PATH_RE = /\/html\/\d{4}-\d{2}\/\d{2}\/(?:node|content)_\d+\.htm$/i;
const DATED_DIR_RE = /\/(\d{4}-\d{2})\/(\d{2})\/[^/]*$/;

function hasTemplateHooks(doc: Document): boolean {
  return !!firstPageLink(doc) || hasPagePicMap(doc) || !!doc.querySelector('div[id^="mp"], a.preart');
}

/** Number of the 版 shown as current (`第07版:<strong>社會工作</strong>`), or ''. */
function shownSectionNumber(doc: Document): string {
  const strongs = doc.getElementsByTagName('strong');
  const limit = Math.min(strongs.length, 200);
  for (let i = 0; i < limit; i++) {
    const parent = strongs[i].parentElement;
    if (!parent || parent.closest('a')) continue;
    const text = (parent.textContent ?? '').trim();
    if (isSectionLabel(text)) return parseSectionLabel(text).number;
  }
  return '';
}

/** Title anchors: `<a href=content_N.htm><div id=mpN>标题</div></a>` plus the 标题导航 lists. */
function titleAnchors(doc: Document): Element[] {
  const out: Element[] = [];
  for (const div of Array.from(doc.querySelectorAll('div[id^="mp"]'))) {
    if (!/^mp\d+$/.test(div.id)) continue;
    const a = div.closest('a');
    if (a) out.push(a);
  }
  for (const a of Array.from(doc.querySelectorAll('#btdh a[href], #list a[href], .title a[href]'))) {
    if (/content_\d+/.test(a.getAttribute('href') ?? '')) out.push(a);
  }
  return out;
}

function paperName(doc: Document, prop: string): string {
  return propertyField(prop, 'founder-papername') || paperFromTitle(doc.title);
}

function frontSectionUrl(url: URL, isoDate: string, issue?: Issue): string | null {
  const parts = isoParts(isoDate);
  const front = issue?.frontSection ? fileName(issue.frontSection) : '';
  if (!parts || !front || !DATED_DIR_RE.test(url.pathname)) return null;
  const next = new URL(url.href);
  next.pathname = url.pathname.replace(DATED_DIR_RE, `/${parts.y}-${parts.m}/${parts.d}/${front}`);
  next.search = '';
  next.hash = '';
  return next.href;
}

export const founderClassic: EpaperAdapter = {
  id: 'founder-classic',

  matches(doc, url) {
    if (PATH_RE.test(url.pathname)) return hasTemplateHooks(doc) || !!propertyComment(doc);
    // Mirrors may serve the template under other paths; the 版面 anchors plus mp.js still tell.
    return !!firstPageLink(doc) && (hasScriptFile(doc, 'mp.js') || hasPagePicMap(doc));
  },

  parse(doc, url) {
    const base = documentBase(doc, url);
    const prop = propertyComment(doc);
    const kind = /content_\d+/i.test(fileName(url)) ? 'article' : 'section';

    const sectionRefs = sectionsFromAnchors(doc.querySelectorAll('a[id="pageLink"]'), base, url);
    let currentSection = markCurrentByUrl(sectionRefs, url);
    if (currentSection < 0) {
      const shown = propertyField(prop, 'founder-pagenum') || shownSectionNumber(doc);
      currentSection = markCurrentByNumber(sectionRefs, shown);
    }

    const articles = articlesFromAnchors(titleAnchors(doc), base, url);
    const currentArticle = markCurrentByUrl(articles, url);
    if (sectionRefs.length === 0 && articles.length === 0) return null;

    const date = dateFromText(propertyField(prop, 'founder-date')) || dateFromPath(url.pathname);

    const issue: Issue = {
      system: 'founder-classic',
      kind,
      paper: paperName(doc, prop),
      date,
      sections: sectionRefs,
      currentSection,
      articles,
      ...navigationLinks(doc, base, url, { sections: sectionRefs, currentSection, articles, currentArticle }),
      frontSection: sectionRefs[0]?.url,
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
