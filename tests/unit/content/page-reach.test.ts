// @vitest-environment jsdom
/** What a page can do to the extension's in-page parts (issue 13, item 5). */
import { describe, expect, it, vi } from 'vitest';
import { listenForShortcuts } from '../../../entrypoints/content/shortcuts';
import { qingduGlobal } from '../../../lib/messaging/bridge';
import { hideVerdicts, SPAM_HIDING_CSS } from '../../../lib/spam';

describe('page-level shortcuts', () => {
  it('ignore synthetic keydown events (isTrusted false)', () => {
    const run = vi.fn();
    const stop = listenForShortcuts(document, { 'toggle-reader': 'Alt+Shift+Y' }, run);
    const key = new KeyboardEvent('keydown', { key: 'Y', code: 'KeyY', altKey: true, shiftKey: true, bubbles: true });
    expect(key.isTrusted).toBe(false);
    document.body.dispatchEvent(key);
    expect(run).not.toHaveBeenCalled();
    expect(key.defaultPrevented).toBe(false); // the page's own handlers still see its keys
    stop();
  });
});

describe('the bundles’ meeting point', () => {
  it('cannot be clobbered by a named element or a page global', () => {
    const anchor = document.createElement('a');
    anchor.id = '__qingdu';
    document.body.append(anchor);
    // As named access would expose it on window.
    Object.defineProperty(globalThis, '__qingdu', { value: anchor, configurable: true, writable: true });
    const state = qingduGlobal();
    expect(state).not.toBe(anchor);
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
    const reader = { open() {}, close() {}, isOpen: () => true, async refreshConversion() {} };
    state.reader = reader;
    expect(qingduGlobal().reader).toBe(reader);
    expect((globalThis as Record<string, unknown>).__qingdu).toBe(anchor); // the page's own value is left alone
    expect(() => {
      (globalThis as Record<symbol, unknown>)[Symbol.for('qingdu.bridge')] = {};
    }).toThrow();
    expect(qingduGlobal().reader).toBe(reader);
  });
});

describe('the in-page spam stylesheet', () => {
  it('is added even when the page pre-created an element with its id', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = '<div id="qingdu-spam-style"></div><style id="qingdu-spam-style"></style><div id=wall>久久</div>';
    const wall = doc.getElementById('wall')!;
    expect(hideVerdicts(doc, [{ element: wall, reason: 'wall', score: 9, signals: [] } as never])).toBe(1);
    const ours = [...doc.querySelectorAll('style')].filter((s) => s.textContent === SPAM_HIDING_CSS);
    expect(ours).toHaveLength(1);
    expect(ours[0].isConnected).toBe(true);
    // When the page removes it, the next hide puts it back.
    ours[0].remove();
    const more = doc.createElement('div');
    doc.body.append(more);
    hideVerdicts(doc, [{ element: more, reason: 'wall', score: 9, signals: [] } as never]);
    expect([...doc.querySelectorAll('style')].filter((s) => s.textContent === SPAM_HIDING_CSS)).toHaveLength(1);
  });
});
