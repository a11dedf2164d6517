/**
 * The demo issue (tests/fixtures/demo-issue) collected the way the reader does it — lib/collect
 * over a fake same-origin site, lib/epaper for section lists, lib/spam then lib/extract for
 * articles — and made into a Book with its images and cover. Needs a DOM (jsdom environment).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectIssue, type FetchedPage } from '../../../lib/collect';
import { detectIssue } from '../../../lib/epaper';
import { articleImageUrls, type Book, fetchBookImages } from '../../../lib/export';
import { extractArticle } from '../../../lib/extract';
import { hideVerdicts, scanForSpam } from '../../../lib/spam';
import { fixturesDir } from '../../corpus';

export const DEMO_ORIGIN = 'http://qxrb.demo.test';
export const DEMO_FRONT = `${DEMO_ORIGIN}/qxrb/html/2025-06/18/node_1.htm`;
const root = join(fixturesDir, 'demo-issue');

async function fetchDemo(url: string): Promise<FetchedPage> {
  const file = join(root, new URL(url).pathname);
  if (!existsSync(file)) return { ok: false, status: 404, bytes: new ArrayBuffer(0), contentType: 'text/html' };
  const body = readFileSync(file);
  const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  return { ok: true, status: 200, bytes, contentType: url.endsWith('.png') ? 'image/png' : 'text/html; charset=utf-8' };
}

function parse(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  return doc;
}

export async function demoBook(): Promise<Book> {
  const front = parse(new TextDecoder().decode((await fetchDemo(DEMO_FRONT)).bytes), DEMO_FRONT);
  const issue = detectIssue(front, DEMO_FRONT);
  if (!issue) throw new Error('the demo front page is not detected as an issue');
  const state = await collectIssue({
    origin: DEMO_ORIGIN,
    sections: issue.sections.map((s) => ({ label: s.label, url: s.url })),
    fetchPage: fetchDemo,
    delayMs: 0,
    parseSection: (html, url) => detectIssue(parse(html, url), url)?.articles.map((a) => ({ title: a.title, url: a.url })) ?? [],
    extract(html, url) {
      const page = parse(html, url);
      hideVerdicts(page, scanForSpam(page));
      return extractArticle(page, url, { issue: detectIssue(page, url) });
    },
    onUpdate: () => {},
  });
  const sections = state.sections.map((s) => ({
    label: s.label,
    articles: s.items.flatMap((i) => (i.article ? [i.article] : [])),
  }));
  const signal = new AbortController().signal;
  const images = await fetchBookImages(articleImageUrls(sections.flatMap((s) => s.articles)), fetchDemo, signal);
  const coverUrl = issue.pageImage ? new URL(issue.pageImage, DEMO_FRONT).href : '';
  const cover = coverUrl ? (await fetchBookImages([coverUrl], fetchDemo, signal)).get(coverUrl) : undefined;
  return {
    paper: issue.paper,
    date: issue.date,
    lang: 'zh-Hans',
    title: [issue.paper, issue.date].filter(Boolean).join(' '),
    sourceUrl: DEMO_FRONT,
    cover,
    sections,
    images,
    modified: '2025-06-18T08:00:00Z',
  };
}
