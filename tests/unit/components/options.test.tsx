// @vitest-environment node
/**
 * Runs Options.tsx in its own JSDOM under the node environment (written before vitest.config.ts had
 * the `@` alias; it still works and keeps the DOM under the test's control).
 */
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Options, type OptionsProps } from '../../../components/Options';
import { defaultSettings, type Settings, type SiteRule } from '../../../lib/settings/schema';

vi.mock('@/lib/settings/schema', () => import('../../../lib/settings/schema'));

const t = (key: string, subs?: string[]) => (subs?.length ? `${key}[${subs.join('|')}]` : key);

const rule = (host: string, patch: Partial<SiteRule> = {}): SiteRule => ({
  host,
  convert: null,
  reader: false,
  spam: null,
  hideSelectors: [],
  ...patch,
});

const GLOBALS = ['window', 'document', 'Event', 'MouseEvent', 'InputEvent', 'Node', 'HTMLElement', 'SVGElement'] as const;
let dom: JSDOM;
const saved: Record<string, unknown> = {};
beforeAll(() => {
  dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://options.test/' });
  const g = globalThis as Record<string, unknown>;
  for (const k of GLOBALS) {
    saved[k] = g[k];
    g[k] = k === 'window' ? dom.window : (dom.window as unknown as Record<string, unknown>)[k];
  }
});
afterAll(() => {
  const g = globalThis as Record<string, unknown>;
  for (const k of GLOBALS) {
    if (saved[k] === undefined) delete g[k];
    else g[k] = saved[k];
  }
  dom.window.close();
});

let root: HTMLElement;
let props: OptionsProps;
let onChange: ReturnType<typeof vi.fn<(s: Settings) => void>>;

function mount(settings: Settings) {
  onChange = vi.fn<(s: Settings) => void>();
  props = {
    t,
    settings,
    shortcuts: [{ name: 'toggle-reader', description: 'Reader', shortcut: 'Alt+R' }],
    onChange,
    onExport: vi.fn(),
    onImport: vi.fn(),
    onReset: vi.fn(),
  };
  render(<Options {...props} />, root);
}

const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(sel: string) => [...root.querySelectorAll<E>(sel)];

function typeHost(value: string) {
  const input = $<HTMLInputElement>('input[data-field="new-host"]')!;
  input.value = value;
  // act() flushes preact's deferred re-render, so the next submit sees the new state.
  act(() => {
    input.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  });
}
function submitAdd() {
  act(() => {
    $<HTMLButtonElement>('[data-action="add-rule"]')!.click();
  });
}
function change(el: HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement, value?: string) {
  if (value !== undefined) el.value = value;
  el.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
}

const base = (): Settings => ({
  ...structuredClone(defaultSettings),
  rules: [rule('a.com', { convert: 'hans', spam: false, hideSelectors: ['.ad', '#x'] }), rule('*.b.com', { reader: true })],
});

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Options', () => {
  it('renders one row per rule with its values', () => {
    mount(base());
    const rows = $$('tr[data-rule-host]');
    expect(rows.map((r) => r.dataset.ruleHost)).toEqual(['a.com', '*.b.com']);
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual(['a.com', '*.b.com']);
    const [a, b] = rows;
    expect(a.querySelector<HTMLSelectElement>('[data-field="convert"]')!.value).toBe('hans');
    expect(a.querySelector<HTMLSelectElement>('[data-field="spam"]')!.value).toBe('off');
    expect(a.querySelector<HTMLInputElement>('[data-field="reader"]')!.checked).toBe(false);
    expect(a.querySelector<HTMLTextAreaElement>('[data-field="hideSelectors"]')!.value).toBe('.ad\n#x');
    expect(b.querySelector<HTMLSelectElement>('[data-field="convert"]')!.value).toBe('');
    expect(b.querySelector<HTMLSelectElement>('[data-field="spam"]')!.value).toBe('');
    expect(b.querySelector<HTMLInputElement>('[data-field="reader"]')!.checked).toBe(true);
  });

  it('renders no rows without rules', () => {
    mount(structuredClone(defaultSettings));
    expect($$('tr[data-rule-host]')).toHaveLength(0);
  });

  it('adding a host calls onChange with a new, normalised rule and clears the input', () => {
    const s = base();
    mount(s);
    typeHost('  HTTPS://EPaper.Example.com/html/index.htm ');
    submitAdd();
    expect(onChange).toHaveBeenCalledOnce();
    const next = onChange.mock.calls[0][0];
    expect(next.rules).toEqual([...s.rules, rule('epaper.example.com')]);
    expect(next.hantVariant).toBe(s.hantVariant);
    expect($<HTMLInputElement>('input[data-field="new-host"]')!.value).toBe('');
    expect($('.error')).toBeNull();
  });

  it('adds a wildcard host', () => {
    mount(structuredClone(defaultSettings));
    typeHost('*.example.org');
    submitAdd();
    expect(onChange.mock.calls[0][0].rules).toEqual([rule('*.example.org')]);
  });

  it('an invalid host shows the error and does not call onChange', () => {
    mount(base());
    typeHost('not a host!');
    submitAdd();
    expect(onChange).not.toHaveBeenCalled();
    expect($('.error')!.textContent).toBe('optBadHost');
    expect($('input[data-field="new-host"]')!.getAttribute('aria-invalid')).toBe('true');
    expect($<HTMLInputElement>('input[data-field="new-host"]')!.value).toBe('not a host!');

    typeHost('');
    submitAdd();
    expect(onChange).not.toHaveBeenCalled();

    typeHost('ok.com');
    submitAdd();
    expect(onChange).toHaveBeenCalledOnce();
    expect($('.error')).toBeNull();
  });

  it('adding an existing host does not call onChange', () => {
    mount(base());
    typeHost('http://A.com/');
    submitAdd();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('remove calls onChange without that rule', () => {
    const s = base();
    mount(s);
    $$('tr[data-rule-host]')[0].querySelector<HTMLButtonElement>('[data-action="remove-rule"]')!.click();
    expect(onChange).toHaveBeenCalledOnce();
    expect(onChange.mock.calls[0][0].rules).toEqual([s.rules[1]]);
    expect(s.rules).toHaveLength(2);
  });

  it('changing the variant select calls onChange with it', () => {
    mount(base());
    const select = $<HTMLSelectElement>('select[data-field="hantVariant"]')!;
    expect(select.value).toBe('tw');
    expect([...select.options].map((o) => o.value)).toEqual(['hant', 'tw', 'twp', 'hk']);
    // Never chosen: the page says the variant follows the browser language.
    expect($('[data-note="variant-follows-browser"]')).not.toBeNull();
    change(select, 'twp');
    expect(onChange).toHaveBeenCalledOnce();
    expect(onChange.mock.calls[0][0]).toEqual({ ...base(), hantVariant: 'twp', hantVariantChosen: true });
    mount({ ...base(), hantVariant: 'twp', hantVariantChosen: true });
    expect($('[data-note="variant-follows-browser"]')).toBeNull();
  });

  it('editing a rule row calls onChange with the patched rule only', () => {
    const s = base();
    mount(s);
    const row = $$('tr[data-rule-host]')[1];
    change(row.querySelector<HTMLSelectElement>('[data-field="convert"]')!, 'hant');
    change(row.querySelector<HTMLSelectElement>('[data-field="spam"]')!, 'on');
    change(row.querySelector<HTMLTextAreaElement>('[data-field="hideSelectors"]')!, ' .x \n\n  div.y ');
    const calls = onChange.mock.calls.map((c) => c[0].rules);
    expect(calls[0]).toEqual([s.rules[0], { ...s.rules[1], convert: 'hant' }]);
    expect(calls[1]).toEqual([s.rules[0], { ...s.rules[1], spam: true }]);
    expect(calls[2]).toEqual([s.rules[0], { ...s.rules[1], hideSelectors: ['.x', 'div.y'] }]);
  });

  it('the always-repair switch of a rule row sets or drops `repair`', () => {
    const s = base();
    mount(s);
    const box = $$('tr[data-rule-host]')[0].querySelector<HTMLInputElement>('[data-field="repair"]')!;
    expect(box.checked).toBe(false);
    box.click();
    expect(onChange.mock.calls[0][0].rules[0]).toEqual({ ...s.rules[0], repair: true });
    mount({ ...s, rules: [{ ...s.rules[0], repair: true }] });
    const on = $$('tr[data-rule-host]')[0].querySelector<HTMLInputElement>('[data-field="repair"]')!;
    expect(on.checked).toBe(true);
    on.click();
    expect(onChange.mock.calls[0][0].rules[0]).toEqual(s.rules[0]);
  });

  it('spam default toggle and reader prefs call onChange', () => {
    mount(base());
    $<HTMLInputElement>('input[data-field="spamHiding"]')!.click();
    expect(onChange.mock.calls[0][0].spamHiding).toBe(false);
    change($<HTMLInputElement>('input[data-field="fontSize"]')!, '22');
    expect(onChange.mock.calls[1][0].reader).toEqual({ ...defaultSettings.reader, fontSize: 22 });
    change($<HTMLSelectElement>('select[data-field="theme"]')!, 'dark');
    expect(onChange.mock.calls[2][0].reader.theme).toBe('dark');
  });

  it('export / reset buttons call their handlers', () => {
    mount(base());
    $<HTMLButtonElement>('[data-action="export-settings"]')!.click();
    $<HTMLButtonElement>('[data-action="reset-settings"]')!.click();
    expect(props.onExport).toHaveBeenCalledOnce();
    expect(props.onReset).toHaveBeenCalledOnce();
    expect($('.shortcuts kbd')!.textContent).toBe('Alt+R');
  });
});
