/**
 * E-paper fixture pages that carry their expectations (the way Readability keeps test-pages/):
 * `tests/fixtures/epaper/<slug>/{source.html, url.txt, expected.json}`, plus `charset.txt` when
 * the server's HTTP charset differs from what the page's `<meta>` claims. `observe` is what the
 * code makes of a page; the unit test compares it with expected.json, and
 * scripts/write-expected.ts writes it there for a person to review.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { detectIssue } from '../lib/epaper';
import { extractArticle } from '../lib/extract';
import { fixturesDir } from './corpus';

export const EPAPER_PAGES_DIR = join(fixturesDir, 'epaper');

export interface EpaperPage {
  slug: string;
  dir: string;
  url: string;
  /** The charset the server sends (charset.txt), else the page's own `<meta>`, else UTF-8. */
  charset: string;
  bytes: Buffer;
}

export interface ArticleExpectation {
  kicker: string;
  title: string;
  subtitle: string;
  byline: string;
  firstSentence: string;
  lastSentence: string;
}

/** What the code makes of a page; `system: null` means "not an e-paper". */
export interface Observation {
  system: string | null;
  kind?: string;
  paper?: string;
  date?: string;
  sections?: string[];
  currentSection?: string | null;
  articles?: string[];
  currentArticle?: string | null;
  prevSection?: string | null;
  nextSection?: string | null;
  prevIssue?: string | null;
  nextIssue?: string | null;
  pdf?: string | null;
  article?: ArticleExpectation | null;
}

/** The charset a page declares in its first bytes. */
export function metaCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

export function epaperPages(): EpaperPage[] {
  if (!existsSync(EPAPER_PAGES_DIR)) return [];
  return readdirSync(EPAPER_PAGES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(EPAPER_PAGES_DIR, d.name, 'url.txt')))
    .map((d) => {
      const dir = join(EPAPER_PAGES_DIR, d.name);
      const bytes = readFileSync(join(dir, 'source.html'));
      const charsetFile = join(dir, 'charset.txt');
      const charset = existsSync(charsetFile)
        ? readFileSync(charsetFile, 'utf8').trim().toLowerCase()
        : (metaCharset(bytes) ?? 'utf-8');
      return { slug: d.name, dir, url: readFileSync(join(dir, 'url.txt'), 'utf8').trim(), charset, bytes };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

export function expectedOf(page: EpaperPage): Observation | null {
  const file = join(page.dir, 'expected.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Observation) : null;
}

/** The page as a browser would parse it: decoded with the HTTP charset, scripts not run. */
export function pageDocument(page: EpaperPage, url = page.url): Document {
  const html = new TextDecoder(page.charset).decode(page.bytes);
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

/** First and last sentence of a text (sentences end in 。！？ or a line end). */
export function sentences(text: string): { first: string; last: string } {
  const all = text
    .split(/(?<=[。！？!?])(?![”’」』）)])|(?<=[。！？!?][”’」』）)])|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { first: all[0] ?? '', last: all.at(-1) ?? '' };
}

export function observe(page: EpaperPage): Observation {
  const doc = pageDocument(page);
  const issue = detectIssue(doc, page.url);
  if (!issue) return { system: null };
  const current = issue.sections[issue.currentSection];
  const obs: Observation = {
    system: issue.system,
    kind: issue.kind,
    paper: issue.paper,
    date: issue.date,
    sections: issue.sections.map((s) => s.label),
    currentSection: current?.label ?? null,
    articles: issue.articles.map((a) => a.title),
    currentArticle: issue.articles.find((a) => a.current)?.title ?? null,
    prevSection: issue.prevSection ?? null,
    nextSection: issue.nextSection ?? null,
    prevIssue: issue.prevIssue ?? null,
    nextIssue: issue.nextIssue ?? null,
    pdf: issue.pdf ?? null,
    article: null,
  };
  if (issue.kind === 'article') {
    const a = extractArticle(pageDocument(page), page.url, { issue });
    if (a) {
      const { first, last } = sentences(a.textContent);
      obs.article = {
        kicker: a.kicker,
        title: a.title,
        subtitle: a.subtitle,
        byline: a.byline,
        firstSentence: first,
        lastSentence: last,
      };
    }
  }
  return obs;
}
