/** Extraction on every page of the shared corpus, checked against the MANIFEST values. */
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../../lib/extract';
import { readCorpusText, readManifest, requireCorpus } from '../../corpus';

const run = requireCorpus();

interface Entry {
  file: string;
  kind: string;
  url_if_known?: string | null;
  url_if_served?: string;
  expected: Record<string, any>;
}

function entries(): { dir: 'seed' | 'epaper'; entry: Entry }[] {
  if (!run) return [];
  return (['seed', 'epaper'] as const).flatMap((dir) =>
    readManifest<{ files: Entry[] }>(dir).files.map((entry) => ({ dir, entry })),
  );
}

function pageUrl(e: Entry): string {
  const url = e.url_if_known ?? e.url_if_served?.replace('PORT', '8123');
  // The one page without a known URL still needs a base for its relative links.
  return url ?? 'http://127.0.0.1:8123/html/2014-05/21/content_2782508.htm';
}

function load(dir: 'seed' | 'epaper', e: Entry): JSDOM {
  return new JSDOM(readCorpusText(dir, e.file), { url: pageUrl(e) });
}

/** All text a reader would see in the body, captions included. */
function visibleText(html: string): string {
  return new JSDOM(`<body>${html}</body>`).window.document.body.textContent ?? '';
}

const articles = entries().filter(({ entry }) => entry.kind === 'article' && entry.expected.title);
const sections = entries().filter(({ entry }) => entry.kind === 'section');

describe.runIf(run)('corpus article pages', () => {
  test('the corpus has article pages to check', () => {
    expect(articles.length).toBeGreaterThanOrEqual(5);
  });

  test.each(articles.map((a) => [a.entry.file, a] as const))('%s', (_file, { dir, entry }) => {
    const dom = load(dir, entry);
    const doc = dom.window.document;
    const before = doc.documentElement.outerHTML;
    const article = extractArticle(doc, pageUrl(entry));
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(article).not.toBeNull();
    if (!article) return;
    const exp = entry.expected;

    expect(article.title).toBe(exp.title);
    const first: string = exp.first_body_sentence ?? exp.first_sentence_of_body;
    expect(article.textContent.startsWith(first)).toBe(true);
    if (exp.last_body_sentence) expect(article.textContent).toContain(exp.last_body_sentence);
    if (exp.subtitle) expect(article.subtitle).toBe(exp.subtitle);
    if (exp.byline) expect(article.byline).toBe(exp.byline);
    if (exp.paper) expect(article.paper).toBe(exp.paper);
    if (exp.issue_date) expect(article.date).toBe(exp.issue_date);

    const body = visibleText(article.contentHtml);
    const labels: string[] = [...(exp.sections ?? []), ...(exp.current_section ? [exp.current_section] : [])];
    for (const label of labels) expect(body).not.toContain(label);
    const titles: string[] = exp.article_titles ?? exp.article_titles_on_this_page ?? [];
    for (const t of titles) if (t !== exp.title) expect(body).not.toContain(t);
    for (const spam of exp.spam ?? []) {
      const wallLinks = Array.from(doc.querySelectorAll(`${spam.css_selector} a`)).map((a) => (a.textContent ?? '').trim());
      expect(wallLinks.length).toBeGreaterThan(0);
      for (const text of wallLinks) if (text) expect(body).not.toContain(text);
      if (spam.sample_text) expect(body).not.toContain(spam.sample_text);
    }

    // Captioned article photos come with their captions and absolute URLs.
    for (const img of (exp.images ?? []).filter((i: any) => i.caption)) {
      const abs = new URL(img.src, pageUrl(entry)).href;
      expect(article.images).toContainEqual({ src: abs, caption: img.caption });
    }
    for (const img of article.images) expect(img.src).toMatch(/^https?:\/\//);
  });
});

describe.runIf(run)('corpus section pages', () => {
  test.each(sections.map((s) => [s.entry.file, s] as const))('%s has no article', (_file, { dir, entry }) => {
    expect(extractArticle(load(dir, entry).window.document, pageUrl(entry))).toBeNull();
  });
});

describe.runIf(run)('the control page (not an e-paper) still yields its article', () => {
  test('nonepaper article', () => {
    const control = entries().find(({ entry }) => entry.file.includes('nonepaper'));
    expect(control).toBeDefined();
    if (!control) return;
    const article = extractArticle(load(control.dir, control.entry).window.document, pageUrl(control.entry));
    expect(article?.title).toBe(control.entry.expected.title);
    expect(article?.textContent.startsWith(control.entry.expected.first_sentence_of_body)).toBe(true);
  });
});
