/** Serves tests/fixtures/issue as a fake same-origin site, counting requests in flight. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchedPage } from '../../../lib/collect';
import { fixturesDir } from '../../corpus';

export const ORIGIN = 'http://paper.fxrb.test';
export const ISSUE_DIR = `${ORIGIN}/fxrb/html/2024-03/15/`;
export const issueRoot = join(fixturesDir, 'issue');

export function fixtureBytes(path: string): Uint8Array {
  return readFileSync(join(issueRoot, path));
}

export interface FakeSite {
  fetchPage: (url: string, signal: AbortSignal) => Promise<FetchedPage>;
  requested: string[];
  maxInFlight: () => number;
  /** Paths (under the fixture root) answering 404 even when the file exists. */
  broken: Set<string>;
  /** Extra files served from memory. */
  extra: Map<string, Uint8Array>;
}

export function createFakeSite(respondAfter: () => Promise<void> = () => Promise.resolve()): FakeSite {
  const requested: string[] = [];
  const broken = new Set<string>();
  const extra = new Map<string, Uint8Array>();
  let inFlight = 0;
  let max = 0;
  const fetchPage = async (url: string, signal: AbortSignal): Promise<FetchedPage> => {
    requested.push(url);
    inFlight++;
    max = Math.max(max, inFlight);
    try {
      await respondAfter();
      if (signal.aborted) throw Object.assign(new Error('Aborted'), { name: 'AbortError' });
      const parsed = new URL(url);
      const path = parsed.pathname.replace(/^\//, '');
      const file = join(issueRoot, path);
      const body = extra.get(path) ?? (!broken.has(path) && existsSync(file) ? readFileSync(file) : null);
      if (!body) return { ok: false, status: 404, bytes: new ArrayBuffer(0), contentType: 'text/html' };
      const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
      // Like many Founder servers: no charset in the header, so the page's meta decides.
      return { ok: true, status: 200, bytes, contentType: 'text/html' };
    } finally {
      inFlight--;
    }
  };
  return { fetchPage, requested, maxInFlight: () => max, broken, extra };
}

/** Founder classic title list: the `content_N.htm` links of `div.title`, in page order. */
export function parseFounderSection(html: string, url: string): { title: string; url: string }[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.querySelectorAll('div.title a[href*="content_"]')).map((a) => ({
    title: (a.textContent ?? '').trim(),
    url: new URL(a.getAttribute('href') ?? '', url).href,
  }));
}

/** A small stand-in for lib/extract: title from `td.font01`, body from `#ozoom p`. */
export function extractFounderArticle(html: string, url: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const title = doc.querySelector('td.font01')?.textContent?.trim() ?? '';
  const paragraphs = Array.from(doc.querySelectorAll('#ozoom p')).map((p) => (p.textContent ?? '').trim());
  if (!title || paragraphs.length === 0) return null;
  return {
    kicker: '',
    title,
    subtitle: '',
    byline: '',
    date: '2024-03-15',
    paper: '飞霞日报',
    section: '',
    contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    textContent: paragraphs.join('\n'),
    images: [],
    lang: 'zh-Hans' as const,
    url,
  };
}

export function sectionsOfFixture(): { label: string; url: string }[] {
  const html = new TextDecoder().decode(fixtureBytes('fxrb/html/2024-03/15/node_1.htm'));
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.querySelectorAll('a#pageLink')).map((a) => ({
    label: (a.textContent ?? '').trim(),
    url: new URL(a.getAttribute('href') ?? '', ISSUE_DIR).href,
  }));
}
