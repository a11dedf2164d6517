/**
 * People's Daily layout used since 2024-12 (`rmrb/pc/layout/YYYYMM/DD/node_NN.html`,
 * `…/content/YYYYMM/DD/content_N.html`): `.swiper-slide a#pageLink` "01版：要闻",
 * `ul.news-list` titles, `span.prev`/`span.next` issue buttons without href.
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
  isoParts,
  issueLinks,
  markCurrentByNumber,
  markCurrentByUrl,
  navigationLinks,
  paperFromTitle,
  parseSectionLabel,
  sectionsFromAnchors,
} from './util';

/** `/pc/layout/…`, `/pad/layout/…`, `/pc/content/…`; 光明日报 2025 uses `/html/layout/…`. */
const DATED_DIR_RE = /\/(pc|pad|html)\/(?:layout|content)\/(\d{6})\/(\d{2})\/[^/]*$/;
const FRONT_FILE = 'node_01.html';

function paperName(doc: Document): string {
  const dateLine = doc.querySelector('.date-box p.date, p.date');
  if (dateLine) {
    let own = '';
    for (let n = dateLine.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) own += n.nodeValue ?? '';
    own = own.trim();
    if (own) return own;
  }
  return paperFromTitle(doc.title);
}

function frontSectionUrl(url: URL, isoDate: string): string | null {
  const parts = isoParts(isoDate);
  const m = DATED_DIR_RE.exec(url.pathname);
  if (!parts || !m) return null;
  const next = new URL(url.href);
  next.pathname = url.pathname.replace(DATED_DIR_RE, `/${m[1]}/layout/${parts.y}${parts.m}/${parts.d}/${FRONT_FILE}`);
  next.search = '';
  next.hash = '';
  return next.href;
}

export const rmrbPc: EpaperAdapter = {
  id: 'rmrb-pc',

  matches(doc, url) {
    if (DATED_DIR_RE.test(url.pathname) && /(?:node|content)_\d+\.html$/i.test(url.pathname)) {
      return !!firstPageLink(doc) || doc.getElementsByClassName('news-list').length > 0;
    }
    return !!firstPageLink(doc)?.closest('.swiper-slide') && doc.getElementsByClassName('news-list').length > 0;
  },

  parse(doc, url) {
    const base = documentBase(doc, url);
    const kind = /^content_\d+/i.test(fileName(url)) ? 'article' : 'section';

    const sections = sectionsFromAnchors(doc.querySelectorAll('a[id="pageLink"]'), base, url);
    let currentSection = markCurrentByUrl(sections, url);
    if (currentSection < 0) {
      const shown = doc.querySelector('.paper-bot p.ban, p.ban');
      if (shown) currentSection = markCurrentByNumber(sections, parseSectionLabel(shown.textContent ?? '').number);
    }
    const articles = articlesFromAnchors(doc.querySelectorAll('ul.news-list li a'), base, url);
    const currentArticle = markCurrentByUrl(articles, url);
    if (sections.length === 0 && articles.length === 0) return null;

    const newstime = doc.querySelector('.newstime');
    const date = (newstime ? dateFromText(newstime.textContent ?? '') : '') || dateFromPath(url.pathname);

    const issue: Issue = {
      system: 'rmrb-pc',
      kind,
      paper: paperName(doc),
      date,
      sections,
      currentSection,
      articles,
      ...navigationLinks(doc, base, url, { sections, currentSection, articles, currentArticle }, doc.querySelector('.paper-bot')),
      frontSection: sections[0]?.url ?? (date ? (frontSectionUrl(url, date) ?? undefined) : undefined),
    };
    // 上一期/下一期 are `<span onClick=goPrePeriod()>`: derive the neighbouring days' front pages.
    Object.assign(
      issue,
      issueLinks(doc, base, url, date, (iso) => frontSectionUrl(url, iso)),
    );
    return issue;
  },

  frontSectionUrl: (url, isoDate) => frontSectionUrl(url, isoDate),
};
