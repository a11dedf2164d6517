/**
 * Marks the places a repair changed with the CSS Custom Highlight API: ranges registered with
 * `CSS.highlights` are underlined by one `::highlight()` rule, without wrapping or otherwise
 * touching the page's text. Where the API is missing there are no marks. Hovering a mark shows
 * the original characters in a small tooltip of our own (marked as our UI, so never converted);
 * moving the caret or selection into a mark (caret browsing, a screen reader that follows focus
 * and selection) says them in a polite live region.
 */
import type { RepairPlace } from './repair-page';
import { OWN_UI_ATTR } from './skip';

export const MARK_HIGHLIGHT = 'qingdu-repair';
const STYLE_ID = 'qingdu-repair-style';
const TIP_ID = 'qingdu-repair-tip';
const LIVE_ID = 'qingdu-repair-live';
const RULE = `::highlight(${MARK_HIGHLIGHT}){text-decoration:underline dotted #d0731a 2px;text-underline-offset:3px}`;

interface HighlightWindow {
  CSS?: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: Range[]) => unknown;
}

/** Whether this browser can mark ranges without touching the DOM. */
export function canMark(doc: Document): boolean {
  const win = doc.defaultView as unknown as HighlightWindow | null;
  return !!win?.CSS?.highlights && typeof win.Highlight === 'function';
}

/**
 * Underlines `places` and returns the function that removes the marks. `label(before, after)`
 * is the tooltip text for one place.
 */
export function showRepairMarks(
  doc: Document,
  places: readonly RepairPlace[],
  label: (before: string, after: string) => string,
): () => void {
  const win = doc.defaultView as unknown as (HighlightWindow & Window) | null;
  if (!win || !canMark(doc) || places.length === 0) return () => {};
  const registry = win.CSS!.highlights!;
  const byNode = new Map<Text, RepairPlace[]>();
  const ranges: Range[] = [];
  for (const place of places) {
    try {
      const range = doc.createRange();
      range.setStart(place.node, place.start);
      range.setEnd(place.node, place.end);
      ranges.push(range);
      const list = byNode.get(place.node) ?? [];
      list.push(place);
      byNode.set(place.node, list);
    } catch {
      // A node the page changed meanwhile: no mark for it.
    }
  }
  try {
    registry.set(MARK_HIGHLIGHT, new win.Highlight!(...ranges));
  } catch {
    return () => {};
  }
  ensureStyle(doc);
  const stopHover = listenForHover(doc, byNode, label);
  const stopCaret = listenForCaret(doc, byNode, label);
  return () => {
    stopHover();
    stopCaret();
    try {
      registry.delete(MARK_HIGHLIGHT);
      doc.getElementById(STYLE_ID)?.remove();
    } catch {
      // Never throw into the page.
    }
  };
}

function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.setAttribute(OWN_UI_ATTR, '');
  style.textContent = RULE;
  (doc.head ?? doc.documentElement).append(style);
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text node and offset under the pointer. */
function caretAt(doc: CaretDoc, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** The place at `offset` of `node`, while the node still shows the repair there. */
function placeAt(byNode: Map<Text, RepairPlace[]>, node: Node | null, offset: number): RepairPlace | undefined {
  if (node?.nodeType !== 3) return undefined;
  return byNode
    .get(node as Text)
    ?.find((p) => offset >= p.start && offset <= p.end && p.node.data.slice(p.start, p.end) === p.after);
}

/** Says the original characters when the caret or selection enters a mark. */
function listenForCaret(
  doc: Document,
  byNode: Map<Text, RepairPlace[]>,
  label: (before: string, after: string) => string,
): () => void {
  let live: HTMLElement | null = null;
  let last: RepairPlace | undefined;
  const onChange = () => {
    try {
      const sel = doc.getSelection();
      const place = sel && sel.rangeCount > 0 ? placeAt(byNode, sel.anchorNode, sel.anchorOffset) : undefined;
      if (place === last) return;
      last = place;
      if (!place) return;
      if (!live) {
        live = doc.createElement('div');
        live.id = LIVE_ID;
        live.setAttribute(OWN_UI_ATTR, '');
        live.setAttribute('role', 'status');
        live.setAttribute('aria-live', 'polite');
        live.style.cssText =
          'position:fixed!important;width:1px!important;height:1px!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;';
        (doc.body ?? doc.documentElement).append(live);
      }
      live.textContent = label(place.before, place.after);
    } catch {
      // Never throw into the page.
    }
  };
  doc.addEventListener('selectionchange', onChange);
  return () => {
    doc.removeEventListener('selectionchange', onChange);
    live?.remove();
    live = null;
  };
}

/** Shows the original characters of the mark under the pointer; one pointer check per frame. */
function listenForHover(
  doc: Document,
  byNode: Map<Text, RepairPlace[]>,
  label: (before: string, after: string) => string,
): () => void {
  const win = doc.defaultView;
  if (!win) return () => {};
  let tip: HTMLElement | null = null;
  let pending = false;
  let lastX = 0;
  let lastY = 0;
  const hide = () => {
    if (tip) tip.hidden = true;
  };
  const check = () => {
    pending = false;
    try {
      const caret = caretAt(doc as CaretDoc, lastX, lastY);
      // The caret lands before or after the character under the pointer.
      const place = caret ? placeAt(byNode, caret.node, caret.offset) : undefined;
      if (!place) return hide();
      if (!tip) {
        tip = doc.createElement('div');
        tip.id = TIP_ID;
        tip.setAttribute(OWN_UI_ATTR, '');
        tip.setAttribute('role', 'tooltip');
        tip.style.cssText =
          'all:initial;position:fixed;z-index:2147483646;padding:2px 6px;border-radius:4px;background:#333;color:#fff;font:13px/1.5 sans-serif;pointer-events:none;';
        (doc.body ?? doc.documentElement).append(tip);
      }
      tip.textContent = label(place.before, place.after);
      tip.style.left = `${lastX + 12}px`;
      tip.style.top = `${lastY + 16}px`;
      tip.hidden = false;
    } catch {
      hide();
    }
  };
  const onMove = (e: MouseEvent) => {
    lastX = e.clientX;
    lastY = e.clientY;
    if (pending) return;
    pending = true;
    win.requestAnimationFrame(check);
  };
  doc.addEventListener('mousemove', onMove, { passive: true, capture: true });
  return () => {
    doc.removeEventListener('mousemove', onMove, { capture: true });
    tip?.remove();
    tip = null;
  };
}
