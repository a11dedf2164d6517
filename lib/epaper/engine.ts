/** The one engine: (profile, document, url) → `Issue`. Profiles hold the knowledge, this the method. */
import type { EpaperAdapter } from './adapter';
import { parseLooseLabel } from './labels';
import type { AnchorList, CurrentSource, DateSource, EpaperProfile, PaperSource } from './profile';
import type { ArticleRef, Issue, SectionRef, SystemId } from './types';
import {
  articlesFromAnchors,
  dateFromPath,
  dateFromText,
  documentBase,
  elementText,
  fileName,
  isSectionLabel,
  issueLinks,
  markCurrentByNumber,
  markCurrentByUrl,
  navigationLinks,
  paperFromTitle,
  parseSectionLabel,
  propertyComment,
  propertyField,
  sameSiteUrl,
  sectionsFromAnchors,
  urlKey,
} from './util';

const CURRENT_CLASS_RE = /(?:^|\s)(?:cur|curr|current|active|on|selected|hover)(?:\s|$)/i;
const DEFAULT_ISSUE_WORDS = { prev: ['上一期'], next: ['下一期'] } as const;
/** Editor credit rows sit in title lists looking exactly like articles (人民日报 `本版责编`). */
const EDITOR_ROW = /^\s*(?:本版责编|本版責編|本版编辑|本版編輯|责任编辑|責任編輯)/;

/**
 * Without any marker, the page's own 上一版/下一版 links tell: the current section is the one
 * before the 下一版 target (or after the 上一版 target).
 */
function markCurrentByNeighbour(sections: SectionRef[], prev?: string, next?: string): number {
  const at = (u?: string) => (u ? sections.findIndex((s) => urlKey(s.url) === urlKey(u)) : -1);
  const n = at(next);
  const p = at(prev);
  const idx = n > 0 ? n - 1 : p >= 0 && p + 1 < sections.length ? p + 1 : -1;
  if (idx >= 0) sections[idx].current = true;
  return idx;
}

/** The anchors an `AnchorList` selects, in page order per rule. */
export function collectAnchors(doc: Document, url: URL, list: AnchorList, isLabel: (text: string) => boolean): Element[] {
  if (list.find) return list.find(doc, url);
  const out: Element[] = [];
  for (const rule of list.rules) {
    const found: Element[] = [];
    for (const match of Array.from(doc.querySelectorAll(rule.select))) {
      if (rule.id && !rule.id.test(match.id)) continue;
      const el = rule.closest ? match.closest(rule.closest) : match;
      if (!el) continue;
      if (rule.href && !rule.href.test(el.getAttribute('href') ?? '')) continue;
      if (rule.text) {
        const label = isLabel(elementText(el));
        if (label !== (rule.text === 'label')) continue;
      }
      found.push(el);
    }
    out.push(...found);
    if (list.mode === 'first' && found.length) break;
  }
  return out;
}

/** Without a URL match, a 版 flagged as current by class or aria-current (`li.cur > a`). */
export function markCurrentByClass(sections: SectionRef[], anchors: Element[], base: URL, url: URL): number {
  for (const a of anchors) {
    const flagged =
      !!a.getAttribute('aria-current') ||
      CURRENT_CLASS_RE.test(a.getAttribute('class') ?? '') ||
      CURRENT_CLASS_RE.test(a.parentElement?.getAttribute('class') ?? '');
    if (!flagged) continue;
    const target = sameSiteUrl(a.getAttribute('href'), base, url);
    const idx = target ? sections.findIndex((s) => urlKey(s.url) === urlKey(target)) : -1;
    if (idx >= 0) {
      sections[idx].current = true;
      return idx;
    }
  }
  return -1;
}

/** Number of the 版 shown as current (`第07版:<strong>社會工作</strong>`), or ''. */
function strongLabelNumber(doc: Document): string {
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

function pdfBeside(anchors: Element[], sectionUrl: string, base: URL, url: URL): string | undefined {
  const same = (a: Element) => {
    const u = sameSiteUrl(a.getAttribute('href'), base, url);
    return !!u && urlKey(u) === urlKey(sectionUrl);
  };
  const anchor = anchors.find(same);
  // The row holding this 版's link and no other 版's (`<dl><dt>版</dt><dd>PDF</dd></dl>`).
  for (let row = anchor?.parentElement, depth = 0; row && depth < 2; row = row.parentElement, depth++) {
    if (anchors.some((a) => a !== anchor && row?.contains(a))) break;
    const pdf = row.querySelector('a[href$=".pdf" i]');
    const found = pdf ? sameSiteUrl(pdf.getAttribute('href'), base, url) : null;
    if (found) return found;
  }
  return undefined;
}

interface PageContext {
  doc: Document;
  url: URL;
  base: URL;
  prop: string;
  anchors: Element[];
  parseLabel: (text: string) => { number: string };
}

function currentFrom(sources: readonly CurrentSource[], sections: SectionRef[], ctx: PageContext): number {
  for (const source of sources) {
    let idx = -1;
    if ('property' in source) idx = markCurrentByNumber(sections, propertyField(ctx.prop, source.property));
    else if ('label' in source) {
      const shown = ctx.doc.querySelector(source.label);
      if (shown) idx = markCurrentByNumber(sections, ctx.parseLabel(shown.textContent ?? '').number);
    } else if ('strongLabel' in source) idx = markCurrentByNumber(sections, strongLabelNumber(ctx.doc));
    else if ('byClass' in source) idx = markCurrentByClass(sections, ctx.anchors, ctx.base, ctx.url);
    else if ('anchor' in source) {
      const a = source.anchor(ctx.doc, ctx.url);
      const target = a ? sameSiteUrl(a.getAttribute('href'), ctx.base, ctx.url) : null;
      idx = target ? sections.findIndex((s) => urlKey(s.url) === urlKey(target)) : -1;
      if (idx >= 0) sections[idx].current = true;
    } else if ('hook' in source) idx = markCurrentByNumber(sections, source.hook(ctx.doc, ctx.url));
    else idx = markCurrentByNumber(sections, source.fromUrl(ctx.url));
    if (idx >= 0) return idx;
  }
  return -1;
}

function dateFrom(sources: readonly DateSource[], ctx: PageContext): string {
  for (const source of sources) {
    let iso = '';
    if ('text' in source) {
      const el = ctx.doc.querySelector(source.text);
      iso = el ? dateFromText(el.textContent ?? '') : '';
    } else if ('property' in source) iso = dateFromText(propertyField(ctx.prop, source.property));
    else if ('hook' in source) iso = source.hook(ctx.doc, ctx.url);
    else iso = dateFromPath(ctx.url.pathname);
    if (iso) return iso;
  }
  return '';
}

function ownText(el: Element): string {
  let own = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) own += n.nodeValue ?? '';
  return own.trim();
}

function paperFrom(sources: readonly PaperSource[], ctx: PageContext): string {
  for (const source of sources) {
    let name = '';
    if ('property' in source) name = propertyField(ctx.prop, source.property);
    else if ('title' in source) name = paperFromTitle(ctx.doc.title);
    else if ('text' in source) {
      const el = ctx.doc.querySelector(source.text);
      if (el) name = (source.ownText ? ownText(el) : elementText(el)).replace(source.strip ?? /^$/, '').trim();
    } else if ('attr' in source) name = ctx.doc.querySelector(source.attr)?.getAttribute(source.name)?.trim() ?? '';
    else name = source.hook(ctx.doc, ctx.url);
    if (name) return name;
  }
  return '';
}

/** Full parse of `doc` as `profile`'s system; null when the page turns out not to be one. */
export function parseIssue(profile: EpaperProfile, doc: Document, url: URL): Issue | null {
  const base = documentBase(doc, url);
  const loose = profile.labels === 'loose';
  const isLabel = loose ? (t: string) => parseLooseLabel(t) !== null : isSectionLabel;
  const parseLabel = loose ? (t: string) => parseLooseLabel(t) ?? { number: '' } : parseSectionLabel;
  const prop = propertyComment(doc);

  const anchors = collectAnchors(doc, url, profile.sections, isLabel);
  const sections = sectionsFromAnchors(anchors, base, url, loose ? parseLooseLabel : undefined);
  const ctx: PageContext = { doc, url, base, prop, anchors, parseLabel };
  let currentSection = markCurrentByUrl(sections, url);
  if (currentSection < 0) currentSection = currentFrom(profile.current ?? [], sections, ctx);

  const titleOf = profile.articles.title ?? elementText;
  const skip = profile.articles.skip;
  let articles: ArticleRef[] = articlesFromAnchors(
    collectAnchors(doc, url, profile.articles, isLabel),
    base,
    url,
    titleOf,
    profile.articles.attr,
  );
  articles = articles.filter((a) => !EDITOR_ROW.test(a.title) && !skip?.test(a.title));
  const currentArticle = markCurrentByUrl(articles, url);
  if (profile.requireLists && sections.length === 0 && articles.length === 0) return null;

  const date = dateFrom(profile.date, ctx);
  const articleFile = profile.articleFile;
  const issue: Issue = {
    system: profile.id as SystemId,
    kind: articleFile?.test(fileName(url)) ? 'article' : 'section',
    paper: paperFrom(profile.paper, ctx),
    date,
    sections,
    currentSection,
    articles,
    ...navigationLinks(
      doc,
      base,
      url,
      { sections, currentSection, articles, currentArticle },
      profile.pdfIn ? doc.querySelector(profile.pdfIn) : undefined,
    ),
    frontSection: sections[0]?.url,
  };
  if (currentSection < 0 && sections.length) {
    const neighbourly = markCurrentByNeighbour(sections, issue.prevSection, issue.nextSection);
    if (neighbourly >= 0) {
      issue.currentSection = neighbourly;
      const around = navigationLinks(doc, base, url, { sections, currentSection: neighbourly, articles, currentArticle });
      issue.prevSection = around.prevSection;
      issue.nextSection = around.nextSection;
    }
  }
  // The PDF beside the current 版's own link beats the first PDF on the page.
  const ownPdf = currentSection >= 0 ? pdfBeside(anchors, sections[currentSection].url, base, url) : undefined;
  if (ownPdf) issue.pdf = ownPdf;
  if (profile.hooks?.kind) issue.kind = profile.hooks.kind(doc, url, issue, currentArticle);
  if (!issue.frontSection && date) issue.frontSection = profile.frontSectionUrl(url, date, issue) ?? undefined;
  Object.assign(
    issue,
    issueLinks(
      doc,
      base,
      url,
      date,
      (iso) => profile.frontSectionUrl(url, iso, issue),
      profile.issueWords ?? DEFAULT_ISSUE_WORDS,
    ),
  );
  return profile.hooks?.finish ? (profile.hooks.finish(issue, doc, url) as Issue | null) : issue;
}

/** The adapter view of a profile (detect / parse / move to a date), as the registry lists them. */
export function adapterOf(profile: EpaperProfile): EpaperAdapter {
  return {
    id: profile.id as SystemId,
    matches: (doc, url) => profile.detect(doc, url),
    parse: (doc, url) => parseIssue(profile, doc, url),
    frontSectionUrl: (url, isoDate, issue) => profile.frontSectionUrl(url, isoDate, issue),
  };
}
