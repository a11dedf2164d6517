/**
 * Catches walls injected after load (document.write, timers): coalesces mutation records, re-scans
 * only the added subtrees (with their parent, so links appended one by one form a block), caps
 * the work per batch, and ignores its own attribute writes.
 */
import { HIDDEN_ATTR, hideVerdicts, SHOWN_ATTR, STYLE_ID } from './hide';
import { type ScanOptions, scanForSpam } from './scan';

const BATCH_DELAY_MS = 80;
const MAX_ROOTS_PER_BATCH = 60;

export function watchForSpam(doc: Document, onChange: (newlyHidden: number) => void, opts: ScanOptions = {}): () => void {
  const view = doc.defaultView;
  if (!view || typeof view.MutationObserver !== 'function' || !doc.documentElement) return () => {};
  const pending = new Set<Element>();
  let timer: number | null = null;
  let stopped = false;

  const schedule = (): void => {
    if (timer !== null || stopped) return;
    timer = view.setTimeout(flush, BATCH_DELAY_MS);
  };

  const flush = (): void => {
    timer = null;
    if (stopped) return;
    const roots = outermost([...pending].filter((el) => el.isConnected)).slice(0, MAX_ROOTS_PER_BATCH);
    for (const el of roots) pending.delete(el);
    for (const el of [...pending]) if (!el.isConnected) pending.delete(el);
    let hidden = 0;
    for (const el of roots) {
      try {
        hidden += hideVerdicts(doc, scanForSpam(doc, { ...opts, root: el }));
      } catch {
        /* keep watching */
      }
    }
    if (hidden > 0) {
      try {
        onChange(hidden);
      } catch {
        /* a failing callback must not stop the observer */
      }
    }
    if (pending.size > 0) schedule();
  };

  const observer = new view.MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        const name = record.attributeName ?? '';
        if (name === HIDDEN_ATTR || name === SHOWN_ATTR || name.startsWith('data-qingdu')) continue;
        if (record.target.nodeType === 1) addRoot(record.target as Element);
        continue;
      }
      record.addedNodes.forEach((node) => {
        if (node.nodeType !== 1) return;
        const el = node as Element;
        if (el.id === STYLE_ID) return;
        addRoot(el);
      });
    }
    if (pending.size > 0) schedule();
  });

  const addRoot = (el: Element): void => {
    const parent = el.parentElement;
    const scope = parent && parent !== doc.body && parent !== doc.documentElement ? parent : el;
    if (scope.closest(`[${HIDDEN_ATTR}]`)) return;
    if (scope.tagName === 'HEAD' || scope.tagName === 'SCRIPT' || scope.tagName === 'STYLE') return;
    pending.add(scope);
  };

  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['style', 'class', 'hidden'],
  });
  return () => {
    stopped = true;
    observer.disconnect();
    if (timer !== null) view.clearTimeout(timer);
    pending.clear();
  };
}

/** Drops roots inside other roots: one scan of the outer covers them. */
function outermost(roots: Element[]): Element[] {
  const set = new Set(roots);
  return roots.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}
