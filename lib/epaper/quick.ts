/**
 * The quick "looks like an e-paper" test, the only part of lib/epaper in the always-loaded
 * content script (the profiles load lazily, entrypoints/epaper.ts). It holds each profile's
 * `quick` data by id; tests/unit/epaper/registry.test.ts fails when this copy and the registry
 * differ, so a new system's file stays the one source.
 */
import { MIN_SECTIONS, sectionListAnchors } from './structure';
import { hasAnyId, hasPagePicMap } from './util';

/** Each system's path shape and template ids, as its profile's `quick` declares them. */
export const QUICK: Record<string, { path?: RegExp; ids?: readonly string[] }> = {
  'rmrb-nbs': { path: /\/(?:nbs|nw)\.D\d+[a-z]+_[\d_-]+\.htm$/i, ids: ['pageList', 'titleList'] },
  'gmrb-layout': { path: /\/html\/(?:layout|content)\/\d{6}\/\d{2}\/(?:node|content)_\d+\.html$/ },
  'rmrb-pc': { path: /\/(?:pc|pad)\/(?:layout|content)\/\d{6}\/\d{2}\/(?:node|content)_\d+\.html$/i },
  nfdaily: { path: /\/nfdaily\/html\/\d{6}\/\d{2}\/(?:node_[A-Za-z]?\d+|content_\d+)\.html$/ },
  'founder-chunkicon': { path: /\/(?:pc|PC)\/(?:layout|content)\/\d{6}\/\d{2}\/(?:node_[A-Za-z]?\d+|content_\d+)\.html$/ },
  'founder-newtpl': {
    path: /\/\d{6}\/\d{2}\/(?:node_?[A-Za-z]?\d+|l\d+|col\d+|content_\d+|c\d+)\.html$/i,
    ids: ['goPrePeriod'],
  },
  'founder-classic': { path: /\/html\/\d{4}-\d{2}\/\d{2}\/(?:node|content)_\d+\.htm$/i, ids: ['pageLink'] },
  paperindex: { path: /\/\d{8}\/(?:Page\d+[A-Za-z]{2}|Articel\d+[A-Za-z]{2}|IssueIndex)\.htm$/ },
  joyhua: { path: /\/\d{8}\/html\/(?:page_[A-Za-z]?\d+(?:_content_\d+)?|content_\d+)\.htm$/ },
  qpaper: { path: /\/Html\/\d{4}-\d{2}-\d{2}\/Qpaper[\w-]*\.html$/i, ids: ['bancilist'] },
  shtml: { path: /\/shtml\/[a-z]+\/\d{8}\/(?:v[A-Za-z]?\d+|\d+)\.shtml$/ },
  grrb: { path: /\/papers\/[a-z]+\/(\d{4})\/(\d{2})\/(\d{2})\/(\d+)\/(?:page|news-\d+)\.html$/ },
  generic: {},
};

const PATH_RES = Object.values(QUICK)
  .map((q) => q.path)
  .filter((re): re is RegExp => !!re);
const IDS = [...new Set(Object.values(QUICK).flatMap((q) => q.ids ?? []))];

/**
 * Cheap pre-check so the content script can skip ordinary pages: a system's URL shape or
 * template ids, a page-scan map, or else a 版面 list the generic reader recognises.
 */
export function looksLikeEpaper(doc: Document, url: string): boolean {
  try {
    let path = '';
    try {
      path = new URL(url).pathname;
    } catch {
      // Not a URL: only the document can tell.
    }
    if (path && PATH_RES.some((re) => re.test(path))) return true;
    if (hasAnyId(doc, IDS) || hasPagePicMap(doc)) return true;
    return sectionListAnchors(doc).length >= MIN_SECTIONS;
  } catch {
    return false;
  }
}
