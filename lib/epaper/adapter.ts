/** The contract every e-paper system implements; one file per system, listed in registry.ts. */
import type { Issue, SystemId } from './types';

export interface EpaperAdapter {
  id: SystemId;
  /** Cheap test (URL shape, a few selectors): may this adapter parse the page? */
  matches(doc: Document, url: URL): boolean;
  /** Full parse; null when the page turns out not to be this system's. */
  parse(doc: Document, url: URL): Issue | null;
  /** The front section (第01版) URL of `isoDate` for the paper `url` belongs to, or null when unknown. */
  frontSectionUrl(url: URL, isoDate: string, issue?: Issue): string | null;
}
