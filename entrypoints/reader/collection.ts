/**
 * Whole-section / whole-issue reading: feeds lib/collect with the issue's sections, a polite
 * same-origin fetcher, lib/epaper to read section title lists and lib/extract (after lib/spam)
 * for each article; and builds the EPUB / Markdown downloads with lib/export.
 */
import {
  type Collector,
  type CollectState,
  createCollector,
  createPoliteFetcher,
  limitNotes,
  MAX_IMAGE_BYTES,
  missingArticles,
} from '@/lib/collect';
import { PageConverter } from '@/lib/convert';
import type { ConvertFn, Target } from '@/lib/convert/types';
import { detectIssue } from '@/lib/epaper';
import type { Issue } from '@/lib/epaper/types';
import { articleImageUrls, type Book, bookFileName, buildEpub, buildMarkdown, fetchBookImages } from '@/lib/export';
import { extractArticle } from '@/lib/extract';
import type { Article } from '@/lib/extract/types';
import type { ReaderHost } from '@/lib/messaging/bridge';
import { hideVerdicts, scanForSpam } from '@/lib/spam';

/** Politeness limits of the issue: at most 2 requests at a time, a pause between them. */
export const POLITE = { concurrency: 2, delayMs: 250 };

function parseHtml(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Resolve relative links against the fetched page, not the reader's page.
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head?.prepend(base);
  }
  return doc;
}

/** Section URL → its page scan, learnt while reading section pages (the cover of the export). */
const scans = new Map<string, string>();

export function startCollection(
  doc: Document,
  host: ReaderHost,
  scope: 'section' | 'issue',
  onUpdate: (s: CollectState) => void,
): { collector: Collector; abort: AbortController } {
  const issue = host.issue;
  const abort = new AbortController();
  const origin = doc.location.origin;
  // The collector paces requests itself; the fetcher adds the same-origin and redirect checks.
  const fetchPage = createPoliteFetcher(fetch.bind(globalThis), { concurrency: POLITE.concurrency, delayMs: 0, origin });
  const sections = sectionInputs(issue, scope);
  const collector = createCollector({
    origin,
    sections,
    fetchPage,
    ...POLITE,
    signal: abort.signal,
    parseSection(html, url) {
      const parsed = detectIssue(parseHtml(html, url), url);
      if (parsed?.pageImage) scans.set(url, parsed.pageImage);
      return parsed?.articles.map((a) => ({ title: a.title, url: a.url })) ?? [];
    },
    extract(html, url) {
      const page = parseHtml(html, url);
      // Structural spam signals only: a parsed page has no layout.
      try {
        hideVerdicts(page, scanForSpam(page));
      } catch {
        // Spam cleaning is best effort; extraction still drops nothing it should keep.
      }
      return extractArticle(page, url, { issue: detectIssue(page, url) });
    },
    onUpdate,
  });
  if (issue?.pageImage && issue.currentSection >= 0) scans.set(issue.sections[issue.currentSection].url, issue.pageImage);
  collector.start();
  return { collector, abort };
}

function sectionInputs(issue: Issue | null, scope: 'section' | 'issue') {
  if (!issue) return [];
  const current = issue.sections[issue.currentSection];
  const currentInput = {
    label: current?.label ?? issue.paper,
    url: current?.url ?? location.href,
    articles: issue.articles.map((a) => ({ title: a.title, url: a.url })),
  };
  if (scope === 'section' || issue.sections.length === 0) return [currentInput];
  return issue.sections.map((s, i) => (i === issue.currentSection ? currentInput : { label: s.label, url: s.url }));
}

/** Converts an article's strings and HTML with the reader's current conversion. */
function convertArticle(article: Article, convert: ConvertFn, lang: Article['lang']): Article {
  // Parsed into an inert document (nothing loads or runs), converted there, serialised back.
  const holder = new DOMParser().parseFromString(article.contentHtml, 'text/html').body;
  new PageConverter(holder.ownerDocument).convertSubtree(holder, convert);
  const c = (s: string) => (s ? convert(s) : s);
  return {
    ...article,
    lang,
    kicker: c(article.kicker),
    title: c(article.title),
    subtitle: c(article.subtitle),
    byline: c(article.byline),
    paper: c(article.paper),
    section: c(article.section),
    contentHtml: holder.innerHTML,
    textContent: c(article.textContent),
  };
}

/** The book's language: its articles' script when they agree, else the page's own Chinese tag, else `zh`. */
export function bookLang(articles: Article[], pageLang: string): string {
  const known = new Set(articles.map((a) => a.lang).filter((l) => l !== 'zh'));
  if (known.size === 1) return [...known][0];
  return /^zh\b/i.test(pageLang) ? pageLang : 'zh';
}

export async function exportCollection(
  doc: Document,
  host: ReaderHost,
  scope: 'section' | 'issue',
  state: CollectState,
  kind: 'epub' | 'markdown',
  conversion: { target: Target; convert: ConvertFn } | null,
  signal = new AbortController().signal,
): Promise<void> {
  const issue = host.issue;
  const convertedLang = conversion?.target === 'hans' ? 'zh-Hans' : 'zh-Hant';
  const conv = conversion ? (a: Article) => convertArticle(a, conversion.convert, convertedLang) : (a: Article) => a;
  const sections = state.sections
    .map((s) => ({
      label: conversion ? conversion.convert(s.label) : s.label,
      articles: s.items.filter((i) => i.status === 'done' && i.article).map((i) => conv(i.article!)),
    }))
    .filter((s) => s.articles.length > 0);
  const first = sections[0]?.articles[0];
  const lang = conversion
    ? convertedLang
    : bookLang(
        sections.flatMap((s) => s.articles),
        doc.documentElement.lang,
      );
  const paper = issue?.paper ? (conversion ? conversion.convert(issue.paper) : issue.paper) : (first?.paper ?? '');
  const sectionLabel = issue?.sections[issue.currentSection]?.label ?? '';
  const book: Book = {
    paper,
    date: issue?.date ?? '',
    lang,
    title: [paper, issue?.date, scope === 'section' ? sectionLabel : ''].filter(Boolean).join(' '),
    sourceUrl: doc.location.href,
    sections,
    // Exported with what has arrived: the rest is listed, not waited for.
    missing: missingArticles(state).map((m) =>
      conversion ? { ...m, section: conversion.convert(m.section), title: conversion.convert(m.title) } : m,
    ),
    notes: limitNotes(state),
  };
  let bytes: Uint8Array | string;
  if (kind === 'epub') {
    const fetchPage = createPoliteFetcher(fetch.bind(globalThis), {
      ...POLITE,
      origin: doc.location.origin,
      maxBytes: MAX_IMAGE_BYTES,
    });
    const articles = sections.flatMap((s) => s.articles);
    book.images = await fetchBookImages(articleImageUrls(articles), fetchPage, signal);
    const frontUrl = scope === 'issue' ? issue?.sections[0]?.url : issue?.sections[issue.currentSection]?.url;
    const coverUrl = (frontUrl && scans.get(frontUrl)) || issue?.pageImage;
    if (coverUrl) {
      const cover = await fetchBookImages([coverUrl], fetchPage, signal);
      book.cover = cover.get(coverUrl);
    }
    bytes = buildEpub(book);
  } else {
    bytes = buildMarkdown(book);
  }
  download(
    doc,
    bytes,
    bookFileName(book, kind === 'epub' ? 'epub' : 'md'),
    kind === 'epub' ? 'application/epub+zip' : 'text/markdown;charset=utf-8',
  );
}

/** Starts a browser download from the page, without the downloads permission. */
function download(doc: Document, data: Uint8Array | string, name: string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.setAttribute('data-qingdu-ui', '');
  a.style.display = 'none';
  (doc.body ?? doc.documentElement).append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
