/**
 * The repair applied to a page through the conversion pipeline (segment-aware runs, one batched
 * converter call, only changed nodes written, originals stored for an exact restore, text the
 * page adds later repaired too), recording every changed place for the marks and the
 * proofreading list.
 */
import { LiveConverter } from './live';
import { convertTree } from './pipeline';
import { WriteLog } from './records';
import { diffChanges, type TextChange } from './repair';
import { HIDDEN_SPAM_ATTR, isInvisible, NEVER_CONVERT } from './skip';
import type { ConvertFn } from './types';

/** One changed place: characters `start..end` of `node` now read `after` and read `before`. */
export interface RepairPlace extends TextChange {
  node: Text;
}

const PAGE_OPTIONS = { skipOwnUi: true };
const HIDDEN_SPAM = `[${HIDDEN_SPAM_ATTR}]`;

/** True for text inside a block hidden as spam: it is not the page's text and is left as it is. */
function insideHiddenSpam(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(HIDDEN_SPAM) != null;
}

/** A write log that also records which characters each write changed. */
class RecordingLog extends WriteLog {
  readonly places: RepairPlace[] = [];
  attrFixes = 0;

  override writeText(node: Text, current: string, value: string): void {
    if (insideHiddenSpam(node)) return;
    super.writeText(node, current, value);
    for (const change of diffChanges(current, value)) this.places.push({ node, ...change });
  }

  override writeAttr(el: Element, name: string, original: string, value: string): void {
    if (insideHiddenSpam(el)) return;
    super.writeAttr(el, name, original, value);
    for (const change of diffChanges(original, value)) this.attrFixes += change.chars;
  }
}

/** What a repair changed. */
export interface RepairStats {
  /** Characters changed, in text and in reader-facing attributes. */
  fixes: number;
  places: RepairPlace[];
}

function statsOf(log: RecordingLog): RepairStats {
  const places = log.places.filter((p) => p.node.isConnected && p.node.data.slice(p.start, p.end) === p.after);
  let fixes = log.attrFixes;
  for (const p of places) fixes += p.chars;
  return { fixes, places };
}

/**
 * Repairs a page and restores it exactly. One instance per page; `apply` again re-repairs
 * from the original.
 */
export class PageRepairer {
  private log: RecordingLog | null = null;
  private live: LiveConverter | null = null;
  private watching = false;

  constructor(private readonly doc: Document) {}

  get isApplied(): boolean {
    return this.log !== null;
  }

  apply(repair: ConvertFn): RepairStats {
    this.restore();
    const root = this.doc.documentElement;
    const log = new RecordingLog();
    this.log = log;
    if (!root) return statsOf(log);
    try {
      convertTree(root, repair, log, PAGE_OPTIONS);
    } catch {
      // Whatever was written is logged and restorable.
    }
    this.live = new LiveConverter(root, log, true);
    this.live.convert = repair;
    if (this.watching) this.live.connect();
    return statsOf(log);
  }

  /** The places changed now (places the page has rewritten since are left out). */
  stats(): RepairStats {
    return this.log ? statsOf(this.log) : { fixes: 0, places: [] };
  }

  /** Repairs text the page adds or rewrites while applied. */
  watch(): void {
    this.watching = true;
    this.live?.connect();
  }

  unwatch(): void {
    this.watching = false;
    this.live?.disconnect();
    this.live?.discard();
  }

  /** Repairs pending page mutations now. */
  flush(): void {
    try {
      this.live?.flush();
    } catch {
      // Never throw into the page.
    }
  }

  restore(): void {
    try {
      if (this.live) {
        this.live.disconnect();
        this.live.discard();
        this.live.convert = null;
      }
      this.log?.restore();
    } catch {
      // Never throw into the page.
    } finally {
      this.live = null;
      this.log = null;
    }
  }
}

/**
 * Counts what the repair would change on `doc` without touching it: the same pipeline runs on
 * a copy in an inert document (no scripts run, no images load).
 */
export function previewRepair(doc: Document, repair: ConvertFn): RepairStats {
  const root = doc.documentElement;
  if (!root) return { fixes: 0, places: [] };
  const inert = doc.implementation.createHTMLDocument('');
  const copy = inert.importNode(root, true);
  inert.replaceChild(copy, inert.documentElement);
  const log = new RecordingLog();
  convertTree(copy, repair, log, PAGE_OPTIONS);
  return statsOf(log);
}

/** Up to `limit` characters of the text a reader sees (no hidden spam, scripts or code), for choosing the variant. */
export function visibleTextSample(doc: Document, limit = 20_000): string {
  const root = doc.body ?? doc.documentElement;
  if (!root) return '';
  const parts: string[] = [];
  let read = 0;
  let node: Node | null = root.firstChild;
  while (node && read < limit) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(data);
      read += data.length;
    } else if (node.nodeType === 1) {
      const el = node as Element;
      descend = el.firstChild !== null && !isInvisible(el) && !NEVER_CONVERT.has(el.localName);
      // Block boundaries end words, as in the pipeline's runs.
      if (descend) parts.push('\n');
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return parts.join('').slice(0, limit);
}
