/** Public API of lib/epaper: detect the e-paper issue a page belongs to, and move between dates. */
import { adapterFor, adapters, EPAPER_PATH_RE } from './registry';
import type { Issue } from './types';
import { isIsoDate } from './util';

export type { EpaperAdapter } from './adapter';
export { looksLikeEpaper } from './quick';
export type { ArticleRef, Issue, SectionRef, SystemId } from './types';
export { adapters, EPAPER_PATH_RE };

function toUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The issue the page belongs to, from the first adapter that recognises it; null otherwise. Never throws. */
export function detectIssue(doc: Document, url: string): Issue | null {
  const u = toUrl(url);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  for (const adapter of adapters) {
    try {
      if (!adapter.matches(doc, u)) continue;
      const issue = adapter.parse(doc, u);
      if (issue) return issue;
    } catch {
      // A broken adapter must not hide the page from the others, nor throw into the page.
    }
  }
  return null;
}

/** The front section URL of `isoDate` (`YYYY-MM-DD`) for the same paper and system; null when unknown. */
export function issueUrlForDate(issue: Issue, pageUrl: string, isoDate: string): string | null {
  try {
    const u = toUrl(pageUrl);
    const adapter = adapterFor(issue.system);
    if (!u || !adapter || !isIsoDate(isoDate)) return null;
    return adapter.frontSectionUrl(u, isoDate, issue);
  } catch {
    return null;
  }
}
