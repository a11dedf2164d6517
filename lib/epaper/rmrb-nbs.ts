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
  isoParts,
  isSectionLabel,
  issueLinks,
  markCurrentByNumber,
  markCurrentByUrl,
  navigationLinks,
  paperFromTitle,
  sectionsFromAnchors,
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

    const issue: Issue = {
      system: 'rmrb-nbs',
      kind: file.kind,
      paper: paperName(doc, file.code),
      date,
      sections,
      currentSection,
      articles,
      ...navigationLinks(doc, base, url, { sections, currentSection, articles, currentArticle }),
      frontSection: sections[0]?.url ?? (date ? (frontSectionUrl(url, date) ?? undefined) : undefined),
    };
    Object.assign(
      issue,
      issueLinks(doc, base, url, date, (iso) => frontSectionUrl(url, iso)),
    );
    return issue;
  },

  frontSectionUrl: (url, isoDate) => frontSectionUrl(url, isoDate),
};
