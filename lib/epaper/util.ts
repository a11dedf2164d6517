/** Shared helpers for e-paper adapters: links, labels, dates, metadata comments. Pure DOM. */
import type { ArticleRef, Issue, SectionRef } from './types';

// ---------------------------------------------------------------- links

/** The URL relative links resolve against: `<base href>` when present, else the page URL. */
export function documentBase(doc: Document, pageUrl: URL): URL {
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  if (base) {
    try {
      return new URL(base.trim(), pageUrl);
    } catch {
      // A malformed <base> is ignored, as browsers fall back to the document URL.
    }
  }
  return pageUrl;
}

/**
 * Resolves `href` and keeps it only when it is an http(s) URL on the page's own host.
 * Empty, fragment-only (`#`, used by JS-driven buttons), javascript:, data: and off-site
 * links return null.
 */
export function sameSiteUrl(href: string | null | undefined, base: URL, pageUrl: URL): string | null {
  if (href == null) return null;
  const raw = href.trim();
  if (raw === '' || raw.startsWith('#')) return null;
  let resolved: URL;
  try {
    resolved = new URL(raw, base);
  } catch {
    return null;
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return null;
  if (resolved.host !== pageUrl.host) return null;
  return resolved.href;
}

/** Same as sameSiteUrl for an element's `href`/`src` attribute. */
export function elementUrl(el: Element | null | undefined, attr: string, base: URL, pageUrl: URL): string | null {
  if (!el) return null;
  return sameSiteUrl(el.getAttribute(attr), base, pageUrl);
}

/** A URL without its query and fragment, for comparing "is this the page I am on". */
export function urlKey(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

/** The last path segment (`node_2.htm`). */
export function fileName(url: string | URL): string {
  const path = typeof url === 'string' ? new URL(url).pathname : url.pathname;
  return path.slice(path.lastIndexOf('/') + 1);
}

// ---------------------------------------------------------------- cheap hooks

/*
 * Detection runs on every page, so these use id/tag lookups rather than selector matching,
 * which costs hundreds of milliseconds on 50,000-node pages in some DOMs.
 */

/** The first `a#pageLink` (Founder's 版面 anchors all share that id), or null. */
export function firstPageLink(doc: Document): Element | null {
  const el = doc.getElementById('pageLink');
  return el && el.tagName === 'A' ? el : null;
}

export function hasPagePicMap(doc: Document): boolean {
  const maps = doc.getElementsByTagName('map');
  for (let i = 0; i < maps.length; i++) {
    if ((maps[i].getAttribute('name') ?? '').toLowerCase() === 'pagepicmap') return true;
  }
  return false;
}

export function hasAnyId(doc: Document, ids: readonly string[]): boolean {
  return ids.some((id) => doc.getElementById(id) !== null);
}

/** A `<script src>` whose file name is `name` (e.g. Founder's `mp.js`). */
export function hasScriptFile(doc: Document, name: string): boolean {
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const src = (scripts[i].getAttribute('src') ?? '').toLowerCase();
    if (src.endsWith(`/${name}`) || src === name) return true;
  }
  return false;
}

// ---------------------------------------------------------------- text

/** An element's text without `<script>`/`<style>` content, whitespace-trimmed. */
export function elementText(el: Element): string {
  if (!el.querySelector('script, style')) return (el.textContent ?? '').trim();
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (tag !== 'SCRIPT' && tag !== 'STYLE') walk(child);
      }
    }
  };
  walk(el);
  return out.trim();
}

/** Text with all whitespace removed, for matching button words split by `<br>` (`上<br>一<br>期`). */
export function compactText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, '');
}

// ---------------------------------------------------------------- section labels

/** `第07版:社會工作`, `第A1版：头版`, `01版：要闻`, `第02版：综 合`, `第A01版`. */
const LABEL_RE = /^第?\s*([A-Za-z]{0,2}\d{1,3})\s*版\s*(?:[:：]\s*([\s\S]*))?$/;

/** True when the whole text is a 版 label. */
export function isSectionLabel(text: string): boolean {
  return text.length <= 40 && LABEL_RE.test(text.trim());
}

export interface ParsedLabel {
  label: string;
  number: string;
  name: string;
}

/** Splits a 版 label into number and name; the label itself is kept as shown, trimmed. */
export function parseSectionLabel(text: string): ParsedLabel {
  const label = text.trim();
  const m = LABEL_RE.exec(label);
  if (!m) return { label, number: '', name: '' };
  return { label, number: m[1].toUpperCase(), name: (m[2] ?? '').trim() };
}

/** Numbers compare equal across zero padding (`A01` = `A1`, `7` = `07`). */
export function sameSectionNumber(a: string, b: string): boolean {
  if (!a || !b) return false;
  const norm = (s: string) => s.toUpperCase().replace(/^([A-Z]*)0+(?=\d)/, '$1');
  return norm(a) === norm(b);
}

/**
 * Builds the section list from anchors, dropping off-site/script links and duplicates
 * (some templates list a 版 twice: a bare `第01版` and the full label; the full one wins).
 */
export function sectionsFromAnchors(
  anchors: Iterable<Element>,
  base: URL,
  pageUrl: URL,
  parse: (text: string) => ParsedLabel | null = parseSectionLabel,
): SectionRef[] {
  const out: SectionRef[] = [];
  const byUrl = new Map<string, SectionRef>();
  for (const a of anchors) {
    const url = elementUrl(a, 'href', base, pageUrl);
    if (!url) continue;
    const parsed = parse(elementText(a));
    if (!parsed?.label) continue;
    const key = urlKey(url);
    const seen = byUrl.get(key);
    if (seen) {
      if (!seen.name && parsed.name) Object.assign(seen, parsed);
      continue;
    }
    const ref: SectionRef = { ...parsed, url, current: false };
    byUrl.set(key, ref);
    out.push(ref);
  }
  return out;
}

/** Articles from title anchors, deduplicated by URL (query ignored), empty titles dropped. */
export function articlesFromAnchors(
  anchors: Iterable<Element>,
  base: URL,
  pageUrl: URL,
  titleOf: (a: Element) => string = elementText,
  attr = 'href',
): ArticleRef[] {
  const out: ArticleRef[] = [];
  const seen = new Set<string>();
  for (const a of anchors) {
    const url = elementUrl(a, attr, base, pageUrl);
    if (!url) continue;
    const key = urlKey(url);
    if (seen.has(key)) continue;
    const title = titleOf(a);
    if (!title) continue;
    seen.add(key);
    out.push({ title, url, current: false });
  }
  return out;
}

/** Marks the entry whose URL is the page's (query/fragment ignored); returns its index or -1. */
export function markCurrentByUrl<T extends { url: string; current: boolean }>(items: T[], pageUrl: URL): number {
  const here = urlKey(pageUrl.href);
  const idx = items.findIndex((it) => urlKey(it.url) === here);
  if (idx >= 0) items[idx].current = true;
  return idx;
}

/** Marks the section whose number matches; returns its index or -1. */
export function markCurrentByNumber(sections: SectionRef[], number: string): number {
  if (!number) return -1;
  const idx = sections.findIndex((s) => sameSectionNumber(s.number, number));
  if (idx >= 0) sections[idx].current = true;
  return idx;
}

/** Neighbours of index `i` in a list, as URLs. */
export function neighbours(items: { url: string }[], i: number): { prev?: string; next?: string } {
  if (i < 0) return {};
  return { prev: items[i - 1]?.url, next: items[i + 1]?.url };
}

/**
 * Finds anchors by their (whitespace-free) text, e.g. 上一版/下一篇/上一期, and returns the
 * first real same-site URL among them.
 */
export function linkByText(doc: Document, words: readonly string[], base: URL, pageUrl: URL): string | undefined {
  const anchors = doc.getElementsByTagName('a');
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    const text = compactText(a);
    if (text.length > 8 || !words.includes(text)) continue;
    const url = elementUrl(a, 'href', base, pageUrl);
    if (url) return url;
  }
  return undefined;
}

/** First `<a href$=.pdf>` on the page that is not part of the 版面 list rows. */
export function findPdf(doc: Document, base: URL, pageUrl: URL, preferIn?: Element | null): string | undefined {
  const scope: ParentNode = preferIn ?? doc;
  const list = scope.querySelectorAll('a[href$=".pdf" i]');
  for (const a of Array.from(list)) {
    // A row holding exactly one 版 link is a 版面 list entry, whose PDF belongs to that 版.
    const row = a.closest('tr, li');
    if (row && row.querySelectorAll('a[id="pageLink"]').length === 1) continue;
    const url = elementUrl(a, 'href', base, pageUrl);
    if (url) return url;
  }
  if (preferIn) return findPdf(doc, base, pageUrl);
  return undefined;
}

/** The page scan: the image bound to the PagePicMap hot-spots. */
export function findPageImage(doc: Document, base: URL, pageUrl: URL): string | undefined {
  for (const img of Array.from(doc.querySelectorAll('img[usemap]'))) {
    const url = elementUrl(img, 'src', base, pageUrl);
    if (url) return url;
  }
  return undefined;
}

// ---------------------------------------------------------------- dates

function validIso(y: number, m: number, d: number): string {
  if (m < 1 || m > 12 || d < 1 || d > 31) return '';
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return '';
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && validIso(+m[1], +m[2], +m[3]) === s;
}

/** `YYYY-MM/DD/`, `YYYYMM/DD/` or `_YYYYMMDD_` in a URL path → ISO date, or ''. */
export function dateFromPath(path: string): string {
  let m = /\/(\d{4})-(\d{2})\/(\d{2})\//.exec(path);
  if (m) return validIso(+m[1], +m[2], +m[3]);
  m = /\/(\d{4})(\d{2})\/(\d{2})\//.exec(path);
  if (m) return validIso(+m[1], +m[2], +m[3]);
  m = /_(\d{4})(\d{2})(\d{2})_/.exec(path);
  if (m) return validIso(+m[1], +m[2], +m[3]);
  return '';
}

/** `2023年02月10日`, `2014年5月21日`, `2022-02-13 00:00` → ISO date, or ''. */
export function dateFromText(text: string): string {
  let m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (m) return validIso(+m[1], +m[2], +m[3]);
  m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (m) return validIso(+m[1], +m[2], +m[3]);
  return '';
}

/** Adds `days` calendar days to an ISO date. */
export function shiftIsoDate(iso: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const dt = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days));
  return dt.toISOString().slice(0, 10);
}

export function isoParts(iso: string): { y: string; m: string; d: string } | null {
  if (!isIsoDate(iso)) return null;
  return { y: iso.slice(0, 4), m: iso.slice(5, 7), d: iso.slice(8, 10) };
}

// ---------------------------------------------------------------- metadata comments

/**
 * The body of Founder's `<!--mpproperty …-->` / `<!--enpproperty …-->` comment, or ''.
 * It usually sits after `</html>` (a Document child), so look there before walking the tree.
 */
export function propertyComment(doc: Document): string {
  const isProp = (s: string) => /^\s*(?:mpproperty|enpproperty)\b/.test(s);
  for (let n = doc.lastChild; n; n = n.previousSibling) {
    if (n.nodeType === 8 && isProp(n.nodeValue ?? '')) return n.nodeValue ?? '';
  }
  const walker = doc.createTreeWalker(doc, 128 /* NodeFilter.SHOW_COMMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (isProp(n.nodeValue ?? '')) return n.nodeValue ?? '';
  }
  return '';
}

/** `<founder-papername>河南商报</founder-papername>` → `河南商报`. */
export function propertyField(comment: string, tag: string): string {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(comment);
  return m ? m[1].trim() : '';
}

// ---------------------------------------------------------------- paper name

const EPAPER_WORD = /(数字报|數字報|电子报|電子報|电子版|電子版|数字版|數字版|数字报刊|數位報|手机版|手機版)$/;

/** `科技日报--数字报` → `科技日报`; `标题_潇湘晨报数字报` → `潇湘晨报`; `人民日报-人民网` → `人民日报`. */
export function paperFromTitle(title: string): string {
  const parts = title
    .split(/--|_|—|\||-/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    if (!EPAPER_WORD.test(parts[i])) continue;
    const stripped = parts[i].replace(EPAPER_WORD, '').trim();
    if (stripped) return stripped;
    if (i > 0) return parts[i - 1];
    return parts[i + 1] ?? '';
  }
  return parts[0] ?? '';
}

/**
 * Previous/next section and article: the page's own 上一版/下一版/上一篇/下一篇 links first,
 * otherwise the neighbours of the current entry in the page's lists. Also the PDF and page scan.
 */
export function navigationLinks(
  doc: Document,
  base: URL,
  pageUrl: URL,
  lists: { sections: { url: string }[]; currentSection: number; articles: { url: string }[]; currentArticle: number },
  pdfPreferIn?: Element | null,
): Pick<Issue, 'prevSection' | 'nextSection' | 'prevArticle' | 'nextArticle' | 'pdf' | 'pageImage'> {
  const section = neighbours(lists.sections, lists.currentSection);
  const article = neighbours(lists.articles, lists.currentArticle);
  return {
    prevSection: linkByText(doc, ['上一版'], base, pageUrl) ?? section.prev,
    nextSection: linkByText(doc, ['下一版'], base, pageUrl) ?? section.next,
    prevArticle: linkByText(doc, ['上一篇'], base, pageUrl) ?? article.prev,
    nextArticle: linkByText(doc, ['下一篇'], base, pageUrl) ?? article.next,
    pdf: findPdf(doc, base, pageUrl, pdfPreferIn),
    pageImage: findPageImage(doc, base, pageUrl),
  };
}

/**
 * Previous/next issue: a real 上一期/下一期 link when the page has one, otherwise the front
 * section of the day before/after, from the system's `frontFor(isoDate)`.
 */
export function issueLinks(
  doc: Document,
  base: URL,
  pageUrl: URL,
  date: string,
  frontFor: (isoDate: string) => string | null,
  words: { prev: readonly string[]; next: readonly string[] } = { prev: ['上一期'], next: ['下一期'] },
): Pick<Issue, 'prevIssue' | 'nextIssue'> {
  const derived = (days: number) => (date ? (frontFor(shiftIsoDate(date, days)) ?? undefined) : undefined);
  return {
    prevIssue: linkByText(doc, words.prev, base, pageUrl) ?? derived(-1),
    nextIssue: linkByText(doc, words.next, base, pageUrl) ?? derived(1),
  };
}
