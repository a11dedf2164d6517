// @vitest-environment jsdom
/** The reader's modality on a page: the page behind goes inert and comes back; Tab wraps inside. */
import { afterEach, describe, expect, it } from 'vitest';
import { inertBackground, keepTabInside, tabStops } from '../../../entrypoints/reader/modal';

afterEach(() => {
  document.body.innerHTML = '';
});

function page() {
  document.body.innerHTML = `
    <header id="top"><a href="/a">a</a></header>
    <div id="already" inert><a href="/b">b</a></div>
    <main id="main"><a href="/c">c</a><input id="field"></main>
    <script id="s"></script>`;
  const host = document.createElement('qingdu-reader');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = `
    <div role="dialog" tabindex="-1" id="dialog">
      <button id="first">A−</button>
      <button disabled>x</button>
      <select id="theme"><option>light</option></select>
      <article id="art" tabindex="-1"><p>text</p><a href="/in">link</a></article>
      <button id="last">✕</button>
    </div>`;
  document.body.append(host);
  return { host, shadow, dialog: shadow.getElementById('dialog') as HTMLElement };
}

function tab(shift = false): KeyboardEvent {
  return new KeyboardEvent('keydown', { key: 'Tab', shiftKey: shift, bubbles: true, cancelable: true });
}

describe('inertBackground', () => {
  it('makes every page child but the reader inert, and restores only what it set', () => {
    const { host } = page();
    const restore = inertBackground(document, host);
    expect(document.getElementById('top')!.hasAttribute('inert')).toBe(true);
    expect(document.getElementById('main')!.hasAttribute('inert')).toBe(true);
    expect(document.getElementById('s')!.hasAttribute('inert')).toBe(false);
    expect(host.hasAttribute('inert')).toBe(false);
    restore();
    expect(document.getElementById('top')!.hasAttribute('inert')).toBe(false);
    expect(document.getElementById('main')!.hasAttribute('inert')).toBe(false);
    // The page's own inert element stays as the page made it.
    expect(document.getElementById('already')!.hasAttribute('inert')).toBe(true);
  });

  it('also covers elements the page adds while the reader is open', async () => {
    const { host } = page();
    const restore = inertBackground(document, host);
    const late = document.createElement('div');
    document.body.append(late);
    await new Promise((r) => setTimeout(r, 0));
    expect(late.hasAttribute('inert')).toBe(true);
    restore();
    expect(late.hasAttribute('inert')).toBe(false);
    const after = document.createElement('div');
    document.body.append(after);
    await new Promise((r) => setTimeout(r, 0));
    expect(after.hasAttribute('inert')).toBe(false);
  });
});

describe('keepTabInside', () => {
  it('lists the stops in order, skipping disabled and tabindex=-1', () => {
    const { dialog } = page();
    expect(tabStops(dialog).map((el) => el.id || el.getAttribute('href'))).toEqual(['first', 'theme', '/in', 'last']);
  });

  it('wraps from the last stop to the first and back', () => {
    const { shadow, dialog } = page();
    (shadow.getElementById('last') as HTMLElement).focus();
    const forward = tab();
    expect(keepTabInside(forward, dialog)).toBe(true);
    expect(forward.defaultPrevented).toBe(true);
    expect(shadow.activeElement?.id).toBe('first');
    keepTabInside(tab(true), dialog);
    expect(shadow.activeElement?.id).toBe('last');
  });

  it('moves on from the dialog itself and from a focused article that is not a stop', () => {
    const { shadow, dialog } = page();
    dialog.focus();
    keepTabInside(tab(), dialog);
    expect(shadow.activeElement?.id).toBe('first');
    (shadow.getElementById('art') as HTMLElement).focus();
    keepTabInside(tab(), dialog);
    expect(shadow.activeElement?.getAttribute('href')).toBe('/in');
    (shadow.getElementById('art') as HTMLElement).focus();
    keepTabInside(tab(true), dialog);
    expect(shadow.activeElement?.id).toBe('theme');
  });

  it('pulls focus in from the page', () => {
    const { shadow, dialog } = page();
    (document.getElementById('field') as HTMLElement).focus();
    keepTabInside(tab(), dialog);
    expect(shadow.activeElement?.id).toBe('first');
  });

  it('leaves other keys and modified Tabs alone', () => {
    const { dialog } = page();
    const other = new KeyboardEvent('keydown', { key: 'ArrowDown', cancelable: true });
    expect(keepTabInside(other, dialog)).toBe(false);
    expect(other.defaultPrevented).toBe(false);
    const ctrlTab = new KeyboardEvent('keydown', { key: 'Tab', ctrlKey: true, cancelable: true });
    expect(keepTabInside(ctrlTab, dialog)).toBe(false);
  });
});
