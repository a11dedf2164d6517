/**
 * Hiding by attribute plus one stylesheet (never deleting nodes): "show spam" flips an
 * attribute on <html> that the stylesheet's selector respects, so nothing is rewritten.
 */
import type { SpamVerdict } from './types';

export const HIDDEN_ATTR = 'data-qingdu-hidden';
export const SHOWN_ATTR = 'data-qingdu-spam-shown';
export const STYLE_ID = 'qingdu-spam-style';
/** The hiding rule; the background also inserts it as user-origin CSS, which no page rule outranks. */
export const SPAM_HIDING_CSS = `html:not([${SHOWN_ATTR}]) [${HIDDEN_ATTR}]{display:none!important}`;

/** Our own style element per document, known by reference: a page can pre-create one with our id. */
const ownStyles = new WeakMap<Document, HTMLStyleElement>();

export function ensureStylesheet(doc: Document): void {
  try {
    const existing = ownStyles.get(doc);
    if (existing?.isConnected && existing.textContent === SPAM_HIDING_CSS && !existing.disabled) return;
    existing?.remove();
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = SPAM_HIDING_CSS;
    // Last in the document: among equally specific author rules the later one wins.
    (doc.head ?? doc.documentElement).appendChild(style);
    ownStyles.set(doc, style);
  } catch {
    /* a page without a document element: nothing to hide into */
  }
}

export function hideVerdicts(doc: Document, verdicts: SpamVerdict[]): number {
  let hidden = 0;
  for (const v of verdicts) {
    try {
      if (!v.element.isConnected || v.element.closest(`[${HIDDEN_ATTR}]`)) continue;
      v.element.setAttribute(HIDDEN_ATTR, v.reason);
      hidden++;
    } catch {
      /* element from another document or detached mid-way */
    }
  }
  if (hidden > 0) ensureStylesheet(doc);
  return hidden;
}

export function countHidden(doc: Document): number {
  try {
    return doc.querySelectorAll(`[${HIDDEN_ATTR}]`).length;
  } catch {
    return 0;
  }
}

export function setSpamShown(doc: Document, shown: boolean): void {
  const root = doc.documentElement;
  if (!root) return;
  if (shown) root.setAttribute(SHOWN_ATTR, '');
  else root.removeAttribute(SHOWN_ATTR);
}

export function isSpamShown(doc: Document): boolean {
  return doc.documentElement?.hasAttribute(SHOWN_ATTR) ?? false;
}

/** For the extractor: true when `el` or an ancestor is hidden as spam. */
export function isHiddenSpam(el: Element): boolean {
  try {
    return el.closest(`[${HIDDEN_ATTR}]`) !== null;
  } catch {
    return false;
  }
}
