/**
 * The in-page interface between the always-loaded content script and the bundles it loads
 * lazily into the same isolated world (converters and the reader). They meet on one global.
 */
import type { ConvertFn, Target } from '../convert/types';
import type { Issue } from '../epaper/types';
import type { ReaderPrefs } from '../settings/schema';

export interface OpenCCModule {
  Converter: (o: { from: string; to: string }) => (s: string) => string;
}

export type ReaderMode = { kind: 'article' } | { kind: 'collection'; scope: 'section' | 'issue' };

/** What the content script lends the reader. */
export interface ReaderHost {
  issue: Issue | null;
  prefs: ReaderPrefs;
  savePrefs(p: ReaderPrefs): void;
  /** i18n lookup (browser.i18n.getMessage with an English fallback). */
  t(key: string, subs?: string[]): string;
  /** The converter for the page's current conversion, or null when the page shows its original. */
  currentConversion(): Promise<{ target: Target; convert: ConvertFn } | null>;
  /** Called when the reader closes (by Esc, the close button or the host). */
  onClosed(): void;
  /** Elements the spam pass hid, so the extractor drops them. */
  isSpam(el: Element): boolean;
  /** The Traditional repair's fixes in document order, empty when no repair is shown. */
  repairFixes?(): RepairFix[];
  /** The page's Traditional repair while applied (for articles fetched from elsewhere), or null. */
  currentRepair?(): { variant: 'tw' | 'hk' | 'hant'; convert: ConvertFn } | null;
}

/** One place the Traditional repair changed, with the text around it. */
export interface RepairFix {
  before: string;
  after: string;
  /** Text just before and after the place (as it reads now). */
  head: string;
  tail: string;
}

export interface ReaderApi {
  open(host: ReaderHost, mode: ReaderMode): void;
  close(): void;
  isOpen(): boolean;
  /** Re-applies the page's conversion state inside the reader. */
  refreshConversion(): Promise<void>;
}

export interface QingduGlobal {
  opencc?: Partial<Record<'hans' | 'hant', OpenCCModule>>;
  reader?: ReaderApi;
}

export function qingduGlobal(): QingduGlobal {
  const g = globalThis as unknown as { __qingdu?: QingduGlobal };
  g.__qingdu ??= {};
  return g.__qingdu;
}
