import { CONVERTED_ATTRS, convertAttribute, convertTree } from './pipeline';
import type { WriteLog } from './records';
import { hasHan, isInsideExcluded } from './skip';
import type { ConvertFn } from './types';

/** Conversions of the same mutation target allowed per window; more means a loop with a script. */
const MAX_PER_TARGET = 8;
const WINDOW_MS = 1000;

interface Budget {
  count: number;
  since: number;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Converts what the page adds or rewrites while a conversion is applied. Mutations are coalesced
 * into one pass per microtask (before the next paint, so no flash of the other script); the
 * observer is disconnected while we write, and a target converted too often is left alone, so
 * a page script or another extension that rewrites on every mutation cannot loop with us.
 */
export class LiveConverter {
  private readonly observer: MutationObserver | null;
  private pending: MutationRecord[] = [];
  private scheduled = false;
  private connected = false;
  private readonly budgets = new WeakMap<Node, Budget>();
  /** Set by the owner; null while nothing is applied. */
  convert: ConvertFn | null = null;

  constructor(
    private readonly root: Node,
    private readonly log: WriteLog,
    private readonly skipOwnUi: boolean,
  ) {
    const Observer = (root.ownerDocument?.defaultView ?? globalThis).MutationObserver;
    this.observer = typeof Observer === 'function' ? new Observer((records) => this.enqueue(records)) : null;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  connect(): void {
    if (!this.observer || this.connected) return;
    this.observer.observe(this.root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...CONVERTED_ATTRS],
    });
    this.connected = true;
  }

  /** Stops observing; page mutations not yet handled are kept for the next flush. */
  disconnect(): void {
    if (!this.observer || !this.connected) return;
    const left = this.observer.takeRecords();
    if (left.length > 0) this.pending.push(...left);
    this.observer.disconnect();
    this.connected = false;
  }

  /** Drops queued mutations (after a restore nothing should be converted). */
  discard(): void {
    this.observer?.takeRecords();
    this.pending = [];
  }

  /** Runs `write` with the observer off, so our own writes are never observed. */
  paused<T>(write: () => T): T {
    const was = this.connected;
    this.disconnect();
    try {
      return write();
    } finally {
      if (was) this.connect();
    }
  }

  private enqueue(records: MutationRecord[]): void {
    this.pending.push(...records);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      try {
        this.flush();
      } catch {
        // Never throw into the page.
      }
    });
  }

  /** Handles every queued mutation now. */
  flush(): void {
    const convert = this.convert;
    if (!convert || !this.connected) {
      this.pending = [];
      return;
    }
    this.paused(() => {
      const more = this.observer?.takeRecords() ?? [];
      const records = more.length > 0 ? this.pending.concat(more) : this.pending;
      this.pending = [];
      const { roots, attrs } = this.collectTargets(records);
      for (const node of roots) convertTree(node, convert, this.log, { skipOwnUi: this.skipOwnUi });
      for (const [el, names] of attrs) {
        for (const name of names) convertAttribute(el, name, convert, this.log);
      }
    });
  }

  private collectTargets(records: MutationRecord[]): { roots: Set<Node>; attrs: Map<Element, Set<string>> } {
    const roots = new Set<Node>();
    const attrs = new Map<Element, Set<string>>();
    // One charge per target per flush: a page appending 100 items at once is one burst, not 100.
    const verdicts = new Map<Node, boolean>();
    const withinBudget = (target: Node): boolean => {
      let verdict = verdicts.get(target);
      if (verdict === undefined) {
        verdict = this.charge(target, time);
        verdicts.set(target, verdict);
      }
      return verdict;
    };
    const time = now();
    for (const record of records) {
      const target = record.target;
      if (record.type === 'childList') {
        const added = record.addedNodes;
        if (added.length === 0) continue;
        let wanted = false;
        for (let i = 0; i < added.length; i++) {
          const node = added[i];
          if (!node.isConnected || roots.has(node)) continue;
          if (node.nodeType === 3 && (this.log.isOurs(node as Text) || !hasHan((node as Text).data))) continue;
          if (node.nodeType !== 1 && node.nodeType !== 3) continue;
          if (!wanted) {
            if (!withinBudget(target)) break;
            if (isInsideExcluded(target, this.skipOwnUi)) break;
            wanted = true;
          }
          roots.add(node);
        }
      } else if (record.type === 'characterData') {
        const text = target as Text;
        if (roots.has(text) || !text.isConnected || this.log.isOurs(text) || !hasHan(text.data)) continue;
        if (!withinBudget(text) || isInsideExcluded(text, this.skipOwnUi)) continue;
        roots.add(text);
      } else if (record.type === 'attributes' && record.attributeName) {
        const el = target as Element;
        const name = record.attributeName;
        const value = el.getAttribute(name);
        if (!el.isConnected || value === null || !hasHan(value) || this.log.isOurAttr(el, name, value)) continue;
        if (!withinBudget(el) || isInsideExcluded(el, this.skipOwnUi)) continue;
        const names = attrs.get(el) ?? new Set<string>();
        names.add(name);
        attrs.set(el, names);
      }
    }
    return { roots, attrs };
  }

  private charge(target: Node, time: number): boolean {
    const budget = this.budgets.get(target);
    if (!budget || time - budget.since > WINDOW_MS) {
      this.budgets.set(target, { count: 1, since: time });
      return true;
    }
    budget.count++;
    return budget.count <= MAX_PER_TARGET;
  }
}
