/**
 * What a system file says about its e-paper family: URL shapes, a cheap detector, and selectors
 * for every list and field. The engine (engine.ts) turns a profile plus a page into an `Issue`;
 * hooks exist only for what a selector cannot say.
 */
import type { ArticleHints } from '../extract/types';
import type { IssueData as Issue } from './types';

/** An anchor source: elements matching `select`, optionally lifted to `closest`, filtered. */
export interface AnchorRule {
  select: string;
  /** Use this ancestor of each match instead (e.g. the `<a>` around `div#mp3`). */
  closest?: string;
  /** Keep only matches whose `id` fits. */
  id?: RegExp;
  /** Keep only anchors whose `href` fits. */
  href?: RegExp;
  /** Keep only anchors whose text is (`label`) or is not (`not-label`) a 版 label. */
  text?: 'label' | 'not-label';
}

export interface AnchorList {
  rules: readonly AnchorRule[];
  /** The attribute holding each entry's URL (default `href`; PaperIndex uses `daoxiang`). */
  attr?: string;
  /** Hook instead of `rules`, for lists found by structure rather than by selector. */
  find?: (doc: Document, url: URL) => Element[];
  /** `first`: the first rule that finds anything wins (variants of one template); `all`: concatenate. */
  mode?: 'all' | 'first';
}

/** Where the current section shows when the URL does not match a section link. */
export type CurrentSource =
  | { property: string }
  | { label: string }
  | { strongLabel: true }
  | { byClass: true }
  | { fromUrl: (url: URL) => string }
  /** The current section's anchor, found by structure. */
  | { anchor: (doc: Document, url: URL) => Element | null }
  /** The current section's number, found by structure. */
  | { hook: (doc: Document, url: URL) => string };

export type DateSource = { text: string } | { property: string } | { path: true } | { hook: (doc: Document, url: URL) => string };

export type PaperSource =
  | { property: string }
  | { title: true }
  | { text: string; ownText?: boolean; strip?: RegExp }
  | { attr: string; name: string }
  | { hook: (doc: Document, url: URL) => string };

export interface EpaperProfile<Id extends string = string> {
  id: Id;
  /** Family name as the README lists it. */
  name: string;
  /** Cheap pre-check material for `looksLikeEpaper`: a path shape, ids only this family uses. */
  quick?: { path?: RegExp; ids?: readonly string[] };
  /** Article file names; any other page of the system is a section page. */
  articleFile?: RegExp;
  /** Cheap test (URL shape, a few ids or classes): may this profile parse the page? */
  detect(doc: Document, url: URL): boolean;
  sections: AnchorList;
  /** Section label forms: `strict` = `第N版：名` family; `loose` = every form the generic reader knows. */
  labels?: 'strict' | 'loose';
  current?: readonly CurrentSource[];
  articles: AnchorList & {
    /** Title text of an anchor (default: its text). */
    title?: (a: Element) => string;
    /** Entries whose title matches are not articles (`本版责编`). */
    skip?: RegExp;
  };
  /** Give up (null) when neither list has an entry. */
  requireLists?: boolean;
  date: readonly DateSource[];
  paper: readonly PaperSource[];
  /** Where to look first for the current section's PDF. */
  pdfIn?: string;
  /** Words of real 上一期/下一期 links. */
  issueWords?: { prev: readonly string[]; next: readonly string[] };
  /** The front section URL of `isoDate` for the paper `url` belongs to, or null. */
  frontSectionUrl(url: URL, isoDate: string, issue?: Issue): string | null;
  /** Hints for the reader: title block, body, byline and date of this family's article pages. */
  article: ArticleHints;
  /** Small hooks for what selectors cannot say. */
  hooks?: {
    /** Page kind when the file name does not tell (generic pages). */
    kind?: (doc: Document, url: URL, issue: Issue, currentArticle: number) => Issue['kind'];
    /** Last word on the issue (e.g. dropping entries a selector cannot tell apart). */
    finish?: (issue: Issue, doc: Document, url: URL) => Issue | null;
  };
}

/** Identity helper that keeps the literal `id` type, so `SystemId` can be derived from the registry. */
export function defineProfile<const Id extends string>(profile: EpaperProfile<Id>): EpaperProfile<Id> {
  return profile;
}
