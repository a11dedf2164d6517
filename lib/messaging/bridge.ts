/**
 * The in-page interface between the always-loaded content script and the bundles it loads
 * lazily into the same isolated world (converters and the reader). They meet on one
 * symbol-keyed property of the isolated world's global (see qingduGlobal).
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

/** The lazily loaded e-paper systems (entrypoints/epaper.ts). */
export interface EpaperApi {
  detectIssue(doc: Document, url: string): Issue | null;
}

export interface QingduGlobal {
  opencc?: Partial<Record<'hans' | 'hant', OpenCCModule>>;
  reader?: ReaderApi;
  epaper?: EpaperApi;
}

/**
 * The meeting point lives under a symbol, not a name: a page's `<a id=__qingdu>` or
 * `<form name=…>` becomes a named property of window, but no markup can make a symbol key.
 * It is defined non-writable and non-configurable, so nothing can replace it afterwards.
 */
const KEY = Symbol.for('qingdu.bridge');

export function qingduGlobal(): QingduGlobal {
  const g = globalThis as unknown as Record<symbol, QingduGlobal | undefined>;
  const existing = Object.getOwnPropertyDescriptor(g, KEY);
  if (existing && typeof existing.value === 'object' && existing.value !== null) return existing.value;
  const state: QingduGlobal = {};
  Object.defineProperty(g, KEY, { value: state, writable: false, configurable: false, enumerable: false });
  return state;
}
