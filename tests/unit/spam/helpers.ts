import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../corpus';

/**
 * Replaces the jsdom test document's tree with `html`. Parsed by DOMParser, whose scripts are
 * inert even after adoption, so the page's own scripts never run in unit tests.
 */
export function loadPage(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.adoptNode(parsed.documentElement), document.documentElement);
  return document;
}

export function readFixture(name: string): string {
  return readFileSync(join(fixturesDir, 'spam', name), 'utf8');
}
