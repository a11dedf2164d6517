import { describe, expect, it } from 'vitest';
import { canMark, MARK_HIGHLIGHT, showRepairMarks } from '../../../lib/convert/repair-marks';
import type { RepairPlace } from '../../../lib/convert/repair-page';
import { domOf } from './helpers';

/** jsdom has no Highlight API: a stand-in with the same shape (a registry and a Highlight set of ranges). */
function withHighlightApi(win: Window) {
  const registry = new Map<string, Set<Range>>();
  class Highlight extends Set<Range> {
    constructor(...ranges: Range[]) {
      super(ranges);
    }
  }
  Object.assign(win, { Highlight });
  Object.defineProperty(win, 'CSS', { value: { highlights: registry }, configurable: true });
  return registry;
}

function page() {
  const dom = domOf('<html><head></head><body><p id="p">按摩後開始，鑑於老人</p></body></html>');
  const doc = dom.window.document;
  const node = doc.getElementById('p')!.firstChild as Text;
  const places: RepairPlace[] = [
    { node, start: 2, end: 3, before: '后', after: '後', chars: 1 },
    { node, start: 6, end: 8, before: '鑒于', after: '鑑於', chars: 2 },
  ];
  return { dom, doc, node, places };
}

describe('repair marks', () => {
  it('without the Highlight API there are no marks and nothing is written', () => {
    const { doc, places } = page();
    const html = doc.documentElement.outerHTML;
    expect(canMark(doc)).toBe(false);
    showRepairMarks(doc, places, (b, a) => `${b}→${a}`)();
    expect(doc.documentElement.outerHTML).toBe(html);
  });

  it('registers one range per place over the repaired characters, leaves the text nodes alone, and clears', () => {
    const { dom, doc, node, places } = page();
    const registry = withHighlightApi(dom.window as unknown as Window);
    expect(canMark(doc)).toBe(true);
    const clear = showRepairMarks(doc, places, (b, a) => `${b}→${a}`);
    const ranges = [...(registry.get(MARK_HIGHLIGHT) ?? [])];
    expect(ranges.map((r) => r.toString())).toEqual(['後', '鑑於']);
    expect(doc.getElementById('p')!.childNodes.length).toBe(1);
    expect(doc.getElementById('p')!.firstChild).toBe(node);
    // One stylesheet of our own underlines them.
    const style = doc.getElementById('qingdu-repair-style')!;
    expect(style.hasAttribute('data-qingdu-ui')).toBe(true);
    expect(style.textContent).toContain(`::highlight(${MARK_HIGHLIGHT})`);
    clear();
    expect(registry.has(MARK_HIGHLIGHT)).toBe(false);
    expect(doc.getElementById('qingdu-repair-style')).toBeNull();
  });

  it('skips a place whose node no longer holds it', () => {
    const { dom, doc, places } = page();
    const registry = withHighlightApi(dom.window as unknown as Window);
    const stale = { ...places[1], start: 40, end: 42 };
    showRepairMarks(doc, [places[0], stale], (b, a) => `${b}→${a}`);
    expect([...(registry.get(MARK_HIGHLIGHT) ?? [])].map((r) => r.toString())).toEqual(['後']);
  });
});

describe('repair marks for assistive technology', () => {
  it('moving the selection into a mark says the original characters in a polite live region of our own', () => {
    const { dom, doc, node, places } = page();
    withHighlightApi(dom.window as unknown as Window);
    const clear = showRepairMarks(doc, places, (b, a) => `${b}→${a}`);
    const select = (offset: number) => {
      doc.getSelection()!.collapse(node, offset);
      doc.dispatchEvent(new dom.window.Event('selectionchange'));
    };
    select(0);
    expect(doc.getElementById('qingdu-repair-live')).toBeNull();
    select(7);
    const live = doc.getElementById('qingdu-repair-live')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.hasAttribute('data-qingdu-ui')).toBe(true);
    expect(live.textContent).toBe('鑒于→鑑於');
    select(2);
    expect(live.textContent).toBe('后→後');
    clear();
    expect(doc.getElementById('qingdu-repair-live')).toBeNull();
  });
});
