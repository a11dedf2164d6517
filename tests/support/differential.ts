/**
 * The differential check of lib/extract against plain `@mozilla/readability` on the news corpus
 * (`../shared/corpus/news/`): what to observe on a page and how to score it. Used by
 * tests/unit/extract/news.test.ts (jsdom) and by `npm run bench` (Chromium), so both print the
 * same figures. `observePage` runs in either DOM; it is bundled into the bench page as is.
 */
import { Readability } from '@mozilla/readability';
import { proseLines } from '../../lib/extract/prose';
import { lineShingles, precision, recall, shingles } from '../../lib/extract/shingles';
import type { Article } from '../../lib/extract/types';

/** What one page yields: plain Readability's body text and ours (title block, byline, body). */
export interface PageObservation {
  page: string;
  plainText: string | null;
  ours: { title: string; text: string; bodyLines: string[] } | null;
  documentTitle: string;
  siteName: string;
  /** Texts of the page's links (6+ characters): navigation and lists of other articles. */
  linkTexts: string[];
}

const space = (t: string | null | undefined) => (t ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/** Runs both extractors on `doc` (left unchanged) and collects what the scoring needs. */
export function observePage(
  page: string,
  doc: Document,
  url: string,
  extract: (doc: Document, url: string) => Article | null,
): PageObservation {
  const plain = new Readability(doc.cloneNode(true) as Document).parse();
  const ours = extract(doc, url);
  let ourText: PageObservation['ours'] = null;
  if (ours) {
    const Parser = (doc.defaultView as (Window & typeof globalThis) | null)?.DOMParser ?? DOMParser;
    const body = new Parser().parseFromString(ours.contentHtml, 'text/html').body;
    const visible = body.textContent ?? '';
    ourText = {
      title: ours.title,
      text: [ours.kicker, ours.title, ours.subtitle, ours.byline, visible].join('\n'),
      bodyLines: ours.textContent.split('\n'),
    };
  }
  const linkTexts = Array.from(doc.querySelectorAll('a'))
    .map((a) => space(a.textContent))
    .filter((t) => t.length >= 6);
  return {
    page,
    plainText: plain ? (plain.textContent ?? '') : null,
    ours: ourText,
    documentTitle: space(doc.title),
    siteName: space(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content')),
    linkTexts: Array.from(new Set(linkTexts)),
  };
}

export interface PageScore {
  page: string;
  plainFound: boolean;
  oursFound: boolean;
  /** Share of plain Readability's body that ours holds (1 when Readability found nothing). */
  recall: number;
  /** The same for Readability's prose lines only (its menus and link lists left out). */
  proseRecall: number;
  /** Share of ours that Readability's body holds. */
  precision: number;
  title: string;
  /** Why the title is not clean, or ''. */
  titleProblem: string;
  /** Lines we show that Readability does not, and that are the text of a link on the page. */
  addedLinkLines: string[];
}

/** Separator + a part named like a site or channel, at either end of a title. */
const SITE_AFFIX =
  /(?:[_|｜–—]|\s-\s|--|-)\s*[^_|｜–—]*(?:网|網|网站|频道|頻道|官网|报|報|新闻|新聞|中心|订阅|传媒|手記|手记|NET|\.cn|\.com|The Paper|设计)\s*$|^[^_|｜–—]*(?:网|網|报|報)\s*(?:[_|｜–—]|\s-\s)/i;
const UI_LABEL = /^(?:显示|顯示|首页|首頁|登录|登錄|注册|搜索|正文|详情|返回|更多|分享|打印|关闭|评论|目录)$/;

export function titleProblem(title: string, documentTitle: string, siteName: string): string {
  const t = space(title);
  if (!t) return 'no title';
  if (UI_LABEL.test(t)) return `a UI label: ${t}`;
  if (SITE_AFFIX.test(t)) return `a site or channel part: ${t}`;
  if (/(?:网站|網站|官网|官網|门户|門戶)$/.test(t)) return `a site name: ${t}`;
  if (siteName && t !== siteName && (t.endsWith(siteName) || t.startsWith(siteName))) return `the site name: ${t}`;
  if (siteName && t === siteName && documentTitle !== siteName) return `only the site name: ${t}`;
  return '';
}

export function scorePage(o: PageObservation): PageScore {
  const plain = shingles(o.plainText ?? '');
  const ours = shingles(o.ours?.text ?? '');
  const links = new Set(o.linkTexts);
  const addedLinkLines = (o.ours?.bodyLines ?? []).filter((line) => {
    const t = space(line);
    return t.length >= 6 && links.has(t) && recall(plain, shingles(t)) < 0.5;
  });
  return {
    page: o.page,
    plainFound: o.plainText !== null,
    oursFound: o.ours !== null,
    recall: o.plainText === null ? 1 : o.ours ? recall(ours, plain) : 0,
    proseRecall: o.plainText === null ? 1 : o.ours ? recall(ours, lineShingles(proseLines(o.plainText))) : 0,
    precision: o.ours ? precision(ours, plain) : 0,
    title: o.ours?.title ?? '',
    titleProblem: o.ours ? titleProblem(o.ours.title, o.documentTitle, o.siteName) : '',
    addedLinkLines,
  };
}

export interface Summary {
  pages: number;
  plainArticles: number;
  /** Pages where Readability has an article and so do we. */
  oursWherePlain: number;
  oursArticles: number;
  meanRecall: number;
  meanPrecision: number;
  titlesClean: number;
}

export function summarize(scores: PageScore[]): Summary {
  const withPlain = scores.filter((s) => s.plainFound);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const ours = scores.filter((s) => s.oursFound);
  return {
    pages: scores.length,
    plainArticles: withPlain.length,
    oursWherePlain: withPlain.filter((s) => s.oursFound).length,
    oursArticles: ours.length,
    meanRecall: mean(withPlain.map((s) => s.recall)),
    meanPrecision: mean(withPlain.map((s) => s.precision)),
    titlesClean: ours.filter((s) => !s.titleProblem).length,
  };
}

export function formatSummary(s: Summary): string {
  return [
    `news corpus: ${s.pages} pages; plain Readability has an article on ${s.plainArticles}, Qingdu on ${s.oursWherePlain} of those (${s.oursArticles} in all)`,
    `mean recall of Readability's body: ${s.meanRecall.toFixed(3)}; mean precision against it: ${s.meanPrecision.toFixed(3)}`,
    `titles clean: ${s.titlesClean} / ${s.oursArticles}`,
  ].join('\n');
}

/** Page names (`site/n.html`) of the news corpus, given its directory listing. */
export function newsPageUrl(page: string): string {
  const [site, file] = page.split('/');
  // The corpus keeps no URLs; a stable made-up one per page resolves relative links.
  return `https://www.${site}.example.cn/news/${file}`;
}
