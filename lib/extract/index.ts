/**
 * Article extraction: a cleaned clone of the page → the e-paper title block and metadata →
 * the body (known container, else Readability tuned for Chinese) → a sanitised `Article`.
 */
import { articleHintsFor } from '../epaper/hints';
import type { Issue } from '../epaper/types';
import { absolutizeUrls, blockText, figuresBefore, findBodyContainer, runReadability, tidyBody } from './body';
import { dropNavigation, dropNonContent, flattenLayoutTables, photoTablesToFigures } from './clean';
import { findTitleBlock, type PropertyMap, paperFromDocumentTitle, readPropertyComments } from './metadata';
import { sanitizeHtml } from './sanitize';
import { countHan, dateFromUrl, detectLang, normalizeSpace, pureByline, toIsoDate } from './text';
import type { Article, ArticleHints, ArticleImage } from './types';

export { sanitizeHtml } from './sanitize';
export type { Article, ArticleHints, ArticleImage } from './types';

/** Below this much Han text there is no article to read (section pages, indexes). */
const MIN_ARTICLE_HAN = 40;
const MIN_ARTICLE_CHARS = 200;
const UNTITLED_MIN_HAN = 500;

/**
 * Extracts the page's article, or null when it has none. Never throws; never modifies `doc`.
 * `hints.article` are the matched e-paper profile's selectors; without them, those of the
 * issue's system (then of every system) are used.
 */
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

function extract(doc: Document, url: string, issue: Issue | null, hints: ArticleHints): Article | null {
  if (!doc.documentElement) return null;
  const props = readPropertyComments(doc);
  const base = baseHref(doc, url);
  const clone = doc.cloneNode(true) as Document;
  if (!clone.body) return null;
  setBase(clone, base);
  dropNonContent(clone);

  const knownTitle = props.title ?? '';
  const block = findTitleBlock(clone.body, knownTitle, hints.titleBlocks);
  const title = block?.title || knownTitle || metaContent(doc, 'meta[property="og:title"]') || normalizeSpace(clone.title);
  const kicker = block?.kicker || props.introtitle || '';
  const subtitle = block?.subtitle || props.subtitle || '';
  for (const el of block?.elements ?? []) el.remove();

  photoTablesToFigures(clone.body);
  const container = findBodyContainer(clone, hints.body);
  let body: Element | null = null;
  let readabilityByline = '';
  if (container) {
    // The system told us where the body is: read only that, then put its photos back in front.
    const figures = figuresBefore(container);
    clone.body.replaceChildren(container);
    flattenLayoutTables(clone.body);
    const containerHan = countHan(clone.body.textContent ?? '');
    const fallback = clone.body.cloneNode(true) as Element;
    body = runReadability(clone);
    // Readability may judge short Chinese paragraphs as noise: keep the container then.
    if (!body || countHan(body.textContent ?? '') < containerHan * 0.8) body = fallback;
    body.prepend(...figures);
  } else {
    // A section page lists articles but has none of its own.
    if (issue?.kind === 'section') return null;
    dropNavigation(clone.body, navTextsOf(issue), title, hints.navigation);
    flattenLayoutTables(clone.body);
    const bylineProbe = clone.querySelector('.author, .byline');
    readabilityByline = normalizeSpace(bylineProbe?.textContent);
    body = runReadability(clone);
  }
  if (!body) return null;

  const titleLines = new Set([title, kicker, subtitle].filter(Boolean));
  const tidied = tidyBody(body, titleLines, pureByline);
  absolutizeUrls(body, base);
  const textContent = blockText(body);
  if (countHan(textContent) < MIN_ARTICLE_HAN && textContent.length < MIN_ARTICLE_CHARS) return null;
  // Without a visible or declared title only a long text counts as an article.
  const titled = Boolean(block?.title || knownTitle || metaContent(doc, 'meta[property="og:title"]'));
  if (!container && !titled && countHan(textContent) < UNTITLED_MIN_HAN) return null;

  const contentHtml = sanitizeHtml(body.innerHTML, doc);
  // An inert document: nothing parsed into it loads or runs.
  const Parser = (doc.defaultView as (Window & typeof globalThis) | null)?.DOMParser ?? DOMParser;
  const contentRoot = new Parser().parseFromString(contentHtml, 'text/html').body;
  return {
    kicker,
    title,
    subtitle,
    byline: tidied.byline || findByline(doc, props, readabilityByline, hints),
    date: findDate(doc, props, issue, url, hints),
    paper:
      props.papername ||
      issue?.paper ||
      metaContent(doc, 'meta[property="og:site_name"]') ||
      paperFromDocumentTitle(doc.title, title),
    section: findSectionLabel(doc, issue, hints),
    contentHtml,
    textContent,
    images: imagesOf(contentRoot),
    lang: detectLang(`${title}\n${textContent}`),
    url,
  };
}
