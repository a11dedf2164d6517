import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../corpus';

/**
 * Parses HTML as a browser would (scripts are not run). Needs the jsdom test environment.
 * The page URL is passed to the API separately, as the content script does.
 */
export function domFrom(html: string, _url: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A fixture page's `source.html` (tests/fixtures/epaper/<slug>/), decoded as `encoding`. */
export function fixtureDoc(slug: string, url: string, encoding = 'utf-8'): Document {
  const bytes = readFileSync(join(fixturesDir, 'epaper', slug, 'source.html'));
  return domFrom(new TextDecoder(encoding).decode(bytes), url);
}

export function resolve(href: string, url: string): string {
  return new URL(href, url).href;
}
