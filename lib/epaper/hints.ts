/**
 * Article hints for lib/extract from the profiles: the matched system's selectors first, then
 * every other system's, so a page the detector missed still finds its title block and body.
 */
import type { ArticleHints } from '../extract/types';
import type { EpaperProfile } from './profile';
import { profiles } from './registry';

const KEYS = ['titleBlocks', 'body', 'byline', 'date', 'sectionLabel', 'navigation'] as const;

function merged(first: EpaperProfile | undefined): ArticleHints {
  const order = [...(first ? [first] : []), ...(profiles as readonly EpaperProfile[]).filter((p) => p !== first)];
  const out: Record<string, unknown[]> = {};
  for (const key of KEYS) {
    const seen = new Set<string>();
    out[key] = [];
    for (const p of order) {
      for (const item of p.article[key] as readonly unknown[]) {
        const id = JSON.stringify(item);
        if (seen.has(id)) continue;
        seen.add(id);
        out[key].push(item);
      }
    }
  }
  return out as unknown as ArticleHints;
}

const cache = new Map<string, ArticleHints>();

/** Hints for pages of `system` (or for any page, when unknown). */
export function articleHintsFor(system?: string | null): ArticleHints {
  const key = system ?? '';
  let hints = cache.get(key);
  if (!hints) {
    hints = merged((profiles as readonly EpaperProfile[]).find((p) => p.id === system));
    cache.set(key, hints);
  }
  return hints;
}
