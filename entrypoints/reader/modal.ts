/**
 * What makes the reader a modal dialog on someone else's page: the page behind is `inert`
 * while it is open (out of the tab order and the accessibility tree), and Tab / Shift+Tab move
 * through the dialog's own controls, wrapping at either end.
 */

const TABBABLE = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  'audio[controls]',
  'video[controls]',
  'summary',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]',
].join(',');

/** Elements that never take part in layout or focus: left alone. */
const NOT_CONTENT = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'BASE']);

/**
 * Sets `inert` on every element child of <body> (and of <html>, beside <body>) except `keep`,
 * including children the page adds while the dialog is open. Returns the undo, which removes
 * only the `inert` it set.
 */
export function inertBackground(doc: Document, keep: Element): () => void {
  const marked: Element[] = [];
  const mark = (el: Element) => {
    if (el === keep || el.contains(keep) || NOT_CONTENT.has(el.tagName) || el.hasAttribute('inert')) return;
    el.setAttribute('inert', '');
    marked.push(el);
  };
  const parents = [doc.body, doc.documentElement].filter((p): p is HTMLElement => !!p);
  for (const parent of parents) for (const child of parent.children) if (child !== doc.body) mark(child);
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && n !== doc.body) mark(n as Element);
  });
  for (const parent of parents) observer.observe(parent, { childList: true });
  return () => {
    observer.disconnect();
    for (const el of marked) el.removeAttribute('inert');
    marked.length = 0;
  };
}

function isShown(el: HTMLElement): boolean {
  // checkVisibility is in every browser the extension supports; test DOMs may lack it.
  return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
}

/** The elements Tab stops at inside `container`, in document order. */
export function tabStops(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.closest('[inert]') && isShown(el),
  );
}

/**
 * Handles Tab and Shift+Tab for a modal `container`: focus moves to the next (previous) stop
 * inside it, wrapping around, from wherever focus is now. Returns whether it moved focus.
 */
export function keepTabInside(event: KeyboardEvent, container: HTMLElement): boolean {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return false;
  const stops = tabStops(container);
  event.preventDefault();
  event.stopPropagation();
  if (stops.length === 0) {
    container.focus();
    return true;
  }
  const root = container.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement as HTMLElement | null;
  const back = event.shiftKey;
  const at = active ? stops.indexOf(active) : -1;
  let next: HTMLElement | undefined;
  if (at >= 0) {
    next = stops[(at + (back ? -1 : 1) + stops.length) % stops.length];
  } else if (active && container.contains(active) && active !== container) {
    // Focus is on something that is not a stop (an article reached from the contents): go on from there.
    const after = stops.filter((el) => active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    const before = stops.filter((el) => !after.includes(el) && !el.contains(active));
    next = back ? (before.at(-1) ?? stops.at(-1)) : (after[0] ?? stops[0]);
  } else {
    next = back ? stops.at(-1) : stops[0];
  }
  next?.focus();
  return true;
}
