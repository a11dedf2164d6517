/**
 * People's Daily / Guangming Daily layout of 2012–2025: `…/html/YYYY-MM/DD/nbs.D110000renmrb_NN.htm`
 * sections and `nw.D110000renmrb_YYYYMMDD_K-NN.htm` articles (K-th article on 版 NN),
 * `#pageList` 版面 and `#titleList` 标题 lists.
 */
import type { EpaperAdapter } from './adapter';
import type { Issue } from './types';
import {
  articlesFromAnchors,
  dateFromPath,
  documentBase,
  elementText,
  fileName,
  findPageImage,
  findPdf,
  isoParts,
  isSectionLabel,
  linkByText,
  markCurrentByNumber,
  markCurrentByUrl,
  neighbours,
  paperFromTitle,
  sectionsFromAnchors,
  shiftIsoDate,
} from './util';

const SECTION_FILE_RE = /^nbs\.(D\d+[a-z]+)_([A-Za-z]?\d+)\.htm$/i;
const ARTICLE_FILE_RE = /^nw\.(D\d+[a-z]+)_\d{8}_\d+-([A-Za-z]?\d+)\.htm$/i;
const DATED_DIR_RE = /\/(\d{4}-\d{2})\/(\d{2})\/[^/]*$/;
const PAPER_BY_CODE: Record<string, string> = { renmrb: '人民日报', gmrb: '光明日报' };

function fileParts(url: URL): { code: string; section: string; kind: 'section' | 'article' } | null {
  const name = fileName(url);
  const s = SECTION_FILE_RE.exec(name);
  if (s) return { code: s[1], section: s[2], kind: 'section' };
  const a = ARTICLE_FILE_RE.exec(name);
  if (a) return { code: a[1], section: a[2], kind: 'article' };
  return null;
}

/** Some years wrote titles with `<script>document.write(view("标题"))</script>`. */
function titleText(a: Element): string {
  const text = elementText(a);
  if (text) return text;
  const script = a.querySelector('script')?.textContent ?? '';
  const m = /view\(\s*["']([^"']*)["']\s*\)/.exec(script);
  return m ? m[1].trim() : '';
}

function paperName(doc: Document, code: string): string {
  const key = code.replace(/^D\d+/, '').toLowerCase();
  return PAPER_BY_CODE[key] ?? paperFromTitle(doc.title);
}

function frontSectionUrl(url: URL, isoDate: string): string | null {
  const parts = isoParts(isoDate);
  const file = fileParts(url);
  if (!parts || !file || !DATED_DIR_RE.test(url.pathname)) return null;
  const next = new URL(url.href);
  next.pathname = url.pathname.replace(DATED_DIR_RE, `/${parts.y}-${parts.m}/${parts.d}/nbs.${file.code}_01.htm`);
  next.search = '';
  next.hash = '';
  return next.href;
}

export const rmrbNbs: EpaperAdapter = {
  id: 'rmrb-nbs',

  matches(_doc, url) {
    return fileParts(url) !== null && DATED_DIR_RE.test(url.pathname);
  },

  parse(doc, url) {
    const file = fileParts(url);
    if (!file) return null;
    const base = documentBase(doc, url);

    const listed = Array.from(doc.querySelectorAll('#pageList a[href], a[id="pageLink"]')).filter((a) =>
      isSectionLabel(elementText(a)),
    );
    const sections = sectionsFromAnchors(listed, base, url);
    let currentSection = markCurrentByUrl(sections, url);
    if (currentSection < 0) currentSection = markCurrentByNumber(sections, file.section);
    const articles = articlesFromAnchors(doc.querySelectorAll('#titleList a[href]'), base, url, titleText);
    const currentArticle = markCurrentByUrl(articles, url);

    const date = dateFromPath(url.pathname);
    const sectionNb = neighbours(sections, currentSection);
    const articleNb = neighbours(articles, currentArticle);

    const issue: Issue = {
      system: 'rmrb-nbs',
      kind: file.kind,
      paper: paperName(doc, file.code),
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
      frontSection: sections[0]?.url ?? (date ? (frontSectionUrl(url, date) ?? undefined) : undefined),
    };
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
