import { targetLang } from './lang';
import { LiveConverter } from './live';
import { convertTree } from './pipeline';
import { WriteLog } from './records';
import type { ConvertFn, ConvertStats, Target } from './types';

const NOTHING: ConvertStats = { changedNodes: 0, changedAttrs: 0 };
const PAGE_OPTIONS = { skipOwnUi: true };

/**
 * Converts a page's text to another script and restores it exactly. Only changed nodes are
 * written (the page's listeners, selection and form state stay), originals are stored rather
 * than converted back, and while watching, text the page adds later is converted too.
 */
export class PageConverter {
  private readonly log = new WriteLog();
  private readonly live: LiveConverter | null;
  private watching = false;
  private current: Target | null = null;
  /** `lang` of <html> before we set it (null: absent), and the value we set. */
  private langBefore: string | null = null;
  private langWritten: string | null = null;

  constructor(private readonly doc: Document) {
    const root = doc.documentElement;
    this.live = root ? new LiveConverter(root, this.log, true) : null;
  }

  get target(): Target | null {
    return this.current;
  }

  apply(target: Target, convert: ConvertFn): ConvertStats {
    try {
      if (this.current !== null) this.restore();
      const root = this.doc.documentElement;
      if (!root) return NOTHING;
      // The observer is only connected while watching; without it there is nothing to pause.
      const live = this.live;
      const stats =
        live && live.isConnected
          ? live.paused(() => convertTree(root, convert, this.log, PAGE_OPTIONS))
          : convertTree(root, convert, this.log, PAGE_OPTIONS);
      this.setLang(root, targetLang(target));
      this.current = target;
      if (this.live) {
        this.live.convert = convert;
        if (this.watching) this.live.connect();
      }
      return stats;
    } catch {
      return NOTHING;
    }
  }

  restore(): void {
    try {
      if (this.live) {
        this.live.disconnect();
        this.live.discard();
        this.live.convert = null;
      }
      this.log.restore();
      const root = this.doc.documentElement;
      if (root) this.restoreLang(root);
    } catch {
      // Never throw into the page.
    } finally {
      this.current = null;
    }
  }

  watch(): void {
    this.watching = true;
    if (this.current !== null) this.live?.connect();
  }

  unwatch(): void {
    this.watching = false;
    this.live?.disconnect();
    this.live?.discard();
  }

  /** Converts pending page mutations now instead of at the end of the microtask. */
  flush(): void {
    try {
      this.live?.flush();
    } catch {
      // Never throw into the page.
    }
  }

  /** Converts a detached or extension-owned subtree with the same pipeline; returns its restore. */
  convertSubtree(root: Node, convert: ConvertFn): () => void {
    const log = new WriteLog();
    try {
      convertTree(root, convert, log, { skipOwnUi: false });
    } catch {
      // Whatever was written is still logged and restorable.
    }
    return () => {
      try {
        log.restore();
      } catch {
        // Never throw into the page.
      }
    };
  }

  private setLang(root: Element, lang: string): void {
    const current = root.getAttribute('lang');
    if (this.langWritten === null) this.langBefore = current;
    if (current !== lang) root.setAttribute('lang', lang);
    this.langWritten = lang;
  }

  private restoreLang(root: Element): void {
    if (this.langWritten === null) return;
    // The page set its own lang meanwhile: keep it.
    if (root.getAttribute('lang') === this.langWritten) {
      if (this.langBefore === null) root.removeAttribute('lang');
      else if (this.langBefore !== this.langWritten) root.setAttribute('lang', this.langBefore);
    }
    this.langWritten = null;
    this.langBefore = null;
  }
}
