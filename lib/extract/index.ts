/**
 * Article extraction: a cleaned clone of the page → the title block and metadata → the body,
 * found by a chain of extractors that cannot lose the article (see `extract`) → a sanitised
 * `Article`.
 */

import { Readability } from '@mozilla/readability';
import { articleHintsFor } from '../epaper/hints';
import type { Issue } from '../epaper/types';
import { absolutizeUrls, blockText, figuresBefore, findBodyContainer, runReadability, tidyBody } from './body';
import { choosePlainOrTuned } from './choose';
import { dropNavigation, dropNonContent, flattenLayoutTables, photoTablesToFigures } from './clean';
import { largestTextBlock } from './largest-block';
import { findTitleBlock, type PropertyMap, paperFromDocumentTitle, readPropertyComments } from './metadata';
import { isRealProse, proseWeight } from './prose';
import { sanitizeHtml } from './sanitize';
import { countHan, dateFromUrl, detectLang, normalizeSpace, pureByline, toIsoDate } from './text';
import { agreesAsPart, chooseTitle, type TitleSources } from './title';
import type { Article, ArticleHints, ArticleImage } from './types';

export { sanitizeHtml } from './sanitize';
export type { Article, ArticleHints, ArticleImage } from './types';

/** Below this much Han text there is no article to read (section pages, indexes). */
const MIN_ARTICLE_HAN = 40;
const MIN_ARTICLE_CHARS = 200;
const UNTITLED_MIN_HAN = 500;
/**
 * Above this many elements plain Readability is not run as a second opinion when the tuned step
 * already found prose: each Readability pass walks the whole page several times, and on a page
 * of tens of thousands of nodes (huge link sidebars) a second pass costs a second or more.
 */
const SECOND_OPINION_MAX_ELEMENTS = 15_000;
/** The prose (Han characters in sentences) a page the adapter calls a section page must hold to be read as an article. */
const SECTION_OVERRIDE_PROSE = 200;

/** Extracts the page's article, or null when it has none. Never throws; never modifies `doc`. */
export function extractArticle(
  doc: Document,
  url: string,
  hints?: { issue?: Issue | null; article?: ArticleHints },
): Article | null {
  try {
    return extract(doc, url, hints?.issue ?? null, hints?.article ?? articleHintsFor(hints?.issue?.system));
  } catch {
    return null;
  }
}

function metaContent(doc: Document, selector: string): string {
  return normalizeSpace(doc.querySelector(selector)?.getAttribute('content'));
}

/** The URL relative links resolve against: the page's own `<base>` if any, else `url`. */
function baseHref(doc: Document, url: string): string {
  const own = doc.querySelector('base[href]')?.getAttribute('href');
  try {
    return own ? new URL(own, url).href : new URL(url).href;
  } catch {
    return url;
  }
}

function setBase(clone: Document, href: string): void {
  for (const b of Array.from(clone.querySelectorAll('base'))) b.remove();
  const head = clone.head ?? clone.documentElement;
  if (!head) return;
  const base = clone.createElement('base');
  base.setAttribute('href', href);
  head.insertBefore(base, head.firstChild);
}

const SECTION_LABEL = /第\s*[A-Za-z]?\d+\s*版\s*[：:]\s*\S+(?:\s\S+)?/;

/** A selector list from hints, or one that matches nothing. */
const anyOf = (selectors: readonly string[]): string => (selectors.length ? selectors.join(', ') : ':not(*)');

function findSectionLabel(doc: Document, issue: Issue | null, hints: ArticleHints): string {
  const current = issue && issue.currentSection >= 0 ? issue.sections[issue.currentSection] : undefined;
  if (current?.label) return current.label;
  for (const el of Array.from(doc.querySelectorAll(anyOf(hints.sectionLabel)))) {
    const m = SECTION_LABEL.exec(normalizeSpace(el.textContent));
    if (m) return m[0];
  }
  return '';
}

function findDate(doc: Document, props: PropertyMap, issue: Issue | null, url: string, hints: ArticleHints): string {
  const candidates = [
    props.date,
    issue?.date,
    metaContent(doc, 'meta[property="article:published_time"], meta[name="publishdate"], meta[name="PubDate"]'),
    ...Array.from(doc.querySelectorAll(anyOf(hints.date))).map((e) => e.textContent ?? ''),
  ];
  for (const c of candidates) {
    const iso = toIsoDate(c);
    if (iso) return iso;
  }
  return dateFromUrl(url);
}

function findByline(doc: Document, props: PropertyMap, readabilityByline: string, hints: ArticleHints): string {
  if (props.author) return props.author;
  const el = doc.querySelector(anyOf(hints.byline));
  const own = normalizeSpace(el?.textContent);
  if (own && own.length <= 40) return own;
  return readabilityByline.length <= 40 ? readabilityByline : '';
}

/** Labels and titles the issue lists: they are navigation wherever they appear. */
function navTextsOf(issue: Issue | null): Set<string> {
  const texts = new Set<string>();
  if (!issue) return texts;
  for (const s of issue.sections) if (s.label) texts.add(normalizeSpace(s.label));
  for (const a of issue.articles) if (a.title) texts.add(normalizeSpace(a.title));
  return texts;
}

function imagesOf(root: Element): ArticleImage[] {
  const images: ArticleImage[] = [];
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.getAttribute('src');
    if (!src || !/^https?:/i.test(src)) continue;
    const caption =
      normalizeSpace(img.closest('figure')?.querySelector('figcaption')?.textContent) || normalizeSpace(img.getAttribute('alt'));
    images.push({ src, caption });
  }
  return images;
}

/** A cloned document, based at `base`, without what the reader must never show. */
function cleanClone(doc: Document, base: string): Document | null {
  const clone = doc.cloneNode(true) as Document;
  if (!clone.body) return null;
  setBase(clone, base);
  dropNonContent(clone);
  return clone;
}

/** What the reader shows above the body; the same whichever step finds the body. */
interface Heading {
  kicker: string;
  title: string;
  subtitle: string;
  /** The page has a visible or declared title (not only `<title>`). */
  titled: boolean;
}

/**
 * Texts of short title-like elements: the headings a `<title>` may agree with. Read from the
 * page itself (the cleaned clone has lost its `<form>`s, and some sites put all in one); only
 * a text that is a whole separated part of the `<title>` is ever taken, so a wide net is safe.
 */
function headingTexts(root: ParentNode): string[] {
  const els = Array.from(root.querySelectorAll('h1, h2, h3, [class*="title"], [id*="title"], [class*="tit"], .bt'));
  return els
    .filter((el) => !el.closest('a, nav, [data-qingdu-hidden], script, style, template'))
    .map((el) => normalizeSpace(el.textContent))
    .filter((t) => t.length >= 4 && t.length <= 100);
}

function titleSources(doc: Document): TitleSources {
  return {
    documentTitle: normalizeSpace(doc.title),
    ogTitle: metaContent(doc, 'meta[property="og:title"]'),
    siteNames: [
      metaContent(doc, 'meta[property="og:site_name"]'),
      metaContent(doc, 'meta[name="application-name"]'),
      metaContent(doc, 'meta[name="apple-mobile-web-app-title"]'),
    ].filter(Boolean),
    headings: doc.body ? headingTexts(doc.body) : [],
  };
}

/** The result of one step of the chain: a body element, before tidying. */
interface Found {
  body: Element;
  /** Where it came from, which decides the checks it must pass. */
  step: 'system' | 'tuned' | 'plain' | 'largest-block';
  readabilityByline: string;
  /** Read from a known body container (no title needed: the container says it is the body). */
  container?: boolean;
}

/** Containers only Founder's systems make (`#ozoom`, one holding `<founder-content>`, `<!--enpcontent-->`). */
function isFounderContainer(el: Element): boolean {
  if (el.matches('#ozoom, founder-content') || el.querySelector('founder-content')) return true;
  return Array.from(el.childNodes).some((n) => n.nodeType === 8 && /^\s*enpcontent\s*$/.test((n as Comment).data));
}

/**
 * Steps 1 and 2: the system's known body container, else Readability tuned for Chinese. The
 * container selectors are also used by ordinary sites (`#articleContent` on a portal holds the
 * comments too): such a container counts as system knowledge only on a page known to be an
 * e-paper or Founder page (`systemPage`); elsewhere the page goes to tuned Readability.
 */
function tunedStep(
  clone: Document,
  issue: Issue | null,
  title: string,
  systemPage: boolean,
  hints: ArticleHints,
): Found | 'section' | null {
  if (!clone.body) return null;
  photoTablesToFigures(clone.body);
  const container = findBodyContainer(clone, hints.body);
  if (container && (systemPage || isFounderContainer(container))) {
    // The system told us where the body is: read only that, then put its photos back in front.
    const figures = figuresBefore(container);
    clone.body.replaceChildren(container);
    flattenLayoutTables(clone.body);
    const containerHan = countHan(clone.body.textContent ?? '');
    const fallback = clone.body.cloneNode(true) as Element;
    let body = runReadability(clone);
    // Readability may judge short Chinese paragraphs as noise: keep the container then.
    if (!body || countHan(body.textContent ?? '') < containerHan * 0.8) body = fallback;
    body.prepend(...figures);
    return { body, step: 'system', readabilityByline: '', container: true };
  }
  // A section page lists articles but has none of its own.
  if (issue?.kind === 'section') return 'section';
  dropNavigation(clone.body, navTextsOf(issue), title, hints.navigation);
  flattenLayoutTables(clone.body);
  const readabilityByline = normalizeSpace(clone.querySelector('.author, .byline')?.textContent);
  const body = runReadability(clone);
  return body ? { body, step: 'tuned', readabilityByline } : null;
}

/**
 * Step 3: Readability exactly as a user of it would run it, on its own fresh clone. Only what
 * lib/spam hid goes first (the reader never shows it); not even the tuned step's cleaning,
 * which removes `<form>`s, and ASP.NET sites wrap the whole page in one.
 */
function plainStep(doc: Document, base: string): Found | null {
  const clone = doc.cloneNode(true) as Document;
  if (!clone.body) return null;
  setBase(clone, base);
  for (const el of Array.from(clone.querySelectorAll('[data-qingdu-hidden]'))) el.remove();
  const result = new Readability<Element>(clone, { serializer: (el: Node) => el as Element }).parse();
  const body = result?.content;
  if (!body || typeof body !== 'object') return null;
  return { body, step: 'plain', readabilityByline: normalizeSpace(result?.byline) };
}

/** Step 4: the block with the most prose of its own, on a fresh clone without navigation. */
function largestBlockStep(doc: Document, base: string, issue: Issue | null, title: string, hints: ArticleHints): Found | null {
  const clone = cleanClone(doc, base);
  if (!clone?.body) return null;
  dropNavigation(clone.body, navTextsOf(issue), title, hints.navigation);
  const block = largestTextBlock(clone.body);
  return block ? { body: block, step: 'largest-block', readabilityByline: '' } : null;
}

interface PageFacts {
  doc: Document;
  url: string;
  base: string;
  issue: Issue | null;
  props: PropertyMap;
  heading: Heading;
  /** The matched e-paper profile's selectors (every profile's when none matched). */
  hints: ArticleHints;
}

/** Tidies a found body into an `Article`, or null when it is no article. */
function finish(found: Found, page: PageFacts): Article | null {
  const { doc, url, base, issue, props, heading, hints } = page;
  const body = found.body;
  const titleLines = new Set([heading.title, heading.kicker, heading.subtitle].filter(Boolean));
  // The later steps read the page with its title block still in place: the reader shows it above.
  for (const h of Array.from(body.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    if (titleLines.has(normalizeSpace(h.textContent))) h.remove();
  }
  // The reader wraps each article in its own <article>; a page's own (blog posts) become <div>s.
  for (const inner of Array.from(body.querySelectorAll('article'))) {
    const div = body.ownerDocument.createElement('div');
    while (inner.firstChild) div.appendChild(inner.firstChild);
    inner.replaceWith(div);
  }
  const tidied = tidyBody(body, titleLines, pureByline);
  absolutizeUrls(body, base);
  const textContent = blockText(body);
  if (found.step === 'system' || found.step === 'tuned') {
    if (countHan(textContent) < MIN_ARTICLE_HAN && textContent.length < MIN_ARTICLE_CHARS) return null;
    // Without a visible or declared title only a long text counts as an article.
    if (!heading.titled && !found.container && countHan(textContent) < UNTITLED_MIN_HAN) return null;
  } else if (!isRealProse(textContent)) {
    // The later steps take any page: only sentences make their result an article.
    return null;
  }

  const contentHtml = sanitizeHtml(body.innerHTML, doc);
  // An inert document: nothing parsed into it loads or runs.
  const Parser = (doc.defaultView as (Window & typeof globalThis) | null)?.DOMParser ?? DOMParser;
  const contentRoot = new Parser().parseFromString(contentHtml, 'text/html').body;
  return {
    kicker: heading.kicker,
    title: heading.title,
    subtitle: heading.subtitle,
    byline: tidied.byline || findByline(doc, props, found.readabilityByline, hints),
    date: findDate(doc, props, issue, url, hints),
    paper:
      props.papername ||
      issue?.paper ||
      metaContent(doc, 'meta[property="og:site_name"]') ||
      paperFromDocumentTitle(doc.title, heading.title),
    section: findSectionLabel(doc, issue, hints),
    contentHtml,
    textContent,
    images: imagesOf(contentRoot),
    lang: detectLang(`${heading.title}\n${textContent}`),
    url,
  };
}

/**
 * `中华人民共和国监察法-纪检`: when the body opens with a line that the title holds as one of its
 * separated parts, that line is the headline the page printed, and the rest a channel name.
 * Only for a title taken from `<title>` on an ordinary page; the line moves from body to title.
 */
function headlineFromFirstLine(article: Article, doc: Document): Article {
  const first = article.textContent.split('\n')[0] ?? '';
  const title = article.title;
  if (!first || first === title || first.length > 80 || !agreesAsPart(title, first)) return article;
  if (!normalizeSpace(doc.title).includes(title)) return article;
  const Parser = (doc.defaultView as (Window & typeof globalThis) | null)?.DOMParser ?? DOMParser;
  const root = new Parser().parseFromString(article.contentHtml, 'text/html').body;
  const line = Array.from(root.querySelectorAll('p, div, h1, h2, h3, h4, span, strong, b, font')).find(
    (el) => normalizeSpace(el.textContent) === first,
  );
  if (!line) return article;
  line.remove();
  return {
    ...article,
    title: first,
    contentHtml: root.innerHTML,
    textContent: article.textContent.split('\n').slice(1).join('\n'),
  };
}

/**
 * The extraction chain. Each step exists because the one before it can fail:
 * 1. system knowledge, on pages an adapter or Founder metadata recognises: the body container
 *    (and, via the issue, that a section page has no article). Exact where it applies, so its
 *    prose is taken as is;
 * 2. Readability tuned for Chinese (clause marks, thresholds) after dropping navigation: better
 *    than plain Readability on e-papers and on most pages with short paragraphs;
 * 3. plain Readability with its defaults on a fresh clone: the floor the reader must never fall
 *    below. The tuned cleaning can take too much away, or its candidate search land on the wrong
 *    block; where the two disagree, `choosePlainOrTuned` keeps the one that holds the other's
 *    prose with less noise;
 * 4. the largest prose block: for pages both Readability runs give up on.
 * "No article" only when every step fails.
 */
function extract(doc: Document, url: string, issue: Issue | null, hints: ArticleHints): Article | null {
  if (!doc.documentElement) return null;
  const props = readPropertyComments(doc);
  const base = baseHref(doc, url);
  const clone = cleanClone(doc, base);
  if (!clone?.body) return null;

  const knownTitle = props.title ?? '';
  const block = findTitleBlock(clone.body, knownTitle, hints.titleBlocks);
  const ogTitle = metaContent(doc, 'meta[property="og:title"]');
  // An adapter recognised the page, or it carries Founder property comments.
  const systemPage = issue !== null || Object.keys(props).length > 0;
  const sources = titleSources(doc);
  // An e-paper's own title block is exact; on other pages every title is cleaned of site parts.
  const title =
    systemPage && (block?.title || knownTitle)
      ? block?.title || knownTitle
      : chooseTitle([block?.title ?? '', ogTitle, normalizeSpace(doc.title)], sources);
  const heading: Heading = {
    kicker: block?.kicker || props.introtitle || '',
    title,
    subtitle: block?.subtitle || props.subtitle || '',
    titled: Boolean(block?.title || knownTitle || ogTitle),
  };
  for (const el of block?.elements ?? []) el.remove();
  const page: PageFacts = { doc, url, base, issue, props, heading, hints };

  const tunedFound = tunedStep(clone, issue, title, systemPage, hints);
  if (tunedFound === 'section') {
    // The adapter judged this a section page. The generic adapter judges by shape, and an
    // unknown system's article page has the same 版面 list: only plain Readability's verdict
    // of a full article's prose overrides it.
    const plainFound = plainStep(doc, base);
    const plain = plainFound ? finish(plainFound, page) : null;
    return plain && proseWeight(plain.textContent) >= SECTION_OVERRIDE_PROSE ? plain : null;
  }
  const tuned = tunedFound ? finish(tunedFound, page) : null;
  if (tuned && tunedFound?.step === 'system' && isRealProse(tuned.textContent)) return tuned;

  const big = doc.getElementsByTagName('*').length > SECOND_OPINION_MAX_ELEMENTS;
  if (tuned && big && isRealProse(tuned.textContent)) return tuned;
  const plainFound = plainStep(doc, base);
  const plain = plainFound ? finish(plainFound, page) : null;
  const ordinary = (a: Article | null) => (a && !systemPage ? headlineFromFirstLine(a, doc) : a);
  if (tuned && plain) return ordinary(choosePlainOrTuned(tuned.textContent, plain.textContent) === 'plain' ? plain : tuned);
  if (tuned || plain) return ordinary(tuned ?? plain);

  const blockFound = largestBlockStep(doc, base, issue, title, hints);
  return ordinary(blockFound ? finish(blockFound, page) : null);
}
