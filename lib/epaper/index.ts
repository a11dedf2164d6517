/** Public API of lib/epaper: detect the e-paper issue a page belongs to, and move between dates. */
import { adapterFor, adapters, EPAPER_IDS, EPAPER_PATH_RE } from './registry';
import type { Issue } from './types';
import { hasAnyId, hasPagePicMap, isIsoDate } from './util';

export type { EpaperAdapter } from './adapter';
export type { ArticleRef, Issue, SectionRef, SystemId } from './types';
export { adapters, EPAPER_PATH_RE };

function toUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Cheap pre-check so the content script can skip ordinary pages: URL shape or a template hook,
 * or else a handful of 版-label anchors. False negatives only cost the generic fallback.
 */
export function looksLikeEpaper(doc: Document, url: string): boolean {
  try {
    const u = toUrl(url);
    if (u && EPAPER_PATH_RE.test(u.pathname)) return true;
    if (hasAnyId(doc, EPAPER_IDS) || hasPagePicMap(doc)) return true;
    const generic = adapterFor('generic');
    return !!generic && generic.matches(doc, u ?? new URL('about:blank'));
  } catch {
    return false;
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
