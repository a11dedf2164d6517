// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps, safeLink } from '../../../components/Popup';
import type { Issue } from '../../../lib/epaper/types';
import type { PageState } from '../../../lib/messaging/protocol';

const PAGE = 'https://epaper.example.com/html/2024-03/05/node_2.htm';
const abs = (p: string) => new URL(p, PAGE).href;

/** Fake i18n: the key, plus `[subs]` when there are substitutions. */
const t = (key: string, subs?: string[]) => (subs?.length ? `${key}[${subs.join('|')}]` : key);

function issue(patch: Partial<Issue> = {}): Issue {
  return {
    system: 'founder' as Issue['system'],
    kind: 'section',
    paper: '某某日报',
    date: '2024-03-05',
    sections: [
      { label: '第01版：要闻', number: '01', name: '要闻', url: abs('node_1.htm'), current: false },
      { label: '第02版：综 合', number: '02', name: '综 合', url: abs('node_2.htm'), current: true },
      { label: '第03版：国际', number: '03', name: '国际', url: abs('node_3.htm'), current: false },
    ],
    currentSection: 1,
    articles: [
      { title: '头条新闻', url: abs('content_1.htm'), current: false },
      { title: '第二篇', url: abs('content_2.htm'), current: false },
    ],
    prevIssue: 'https://epaper.example.com/html/2024-03/04/node_1.htm',
    nextIssue: undefined,
    ...patch,
  };
}

function state(patch: Partial<PageState> = {}): PageState {
  return {
    url: PAGE,
    issue: issue(),
    script: 'hans',
    converted: null,
    convertTarget: 'hant',
    spamCount: 3,
    spamShown: false,
    spamEnabled: true,
    hijack: null,
    readerOpen: false,
    problems: [],
    ...patch,
  };
}

let root: HTMLElement;
let props: PopupProps;

function mount(patch: Partial<PopupProps> = {}) {
  props = {
    t,
    state: state(),
    rule: { convert: null, reader: false, spam: null },
    onNavigate: vi.fn(),
    onToggleReader: vi.fn(),
    onToggleConvert: vi.fn(),
    onToggleSpam: vi.fn(),
    onReadCollection: vi.fn(),
    onJumpToDate: vi.fn(),
    onRule: vi.fn(),
    onOpenOptions: vi.fn(),
    ...patch,
  };
  render(<Popup {...props} />, root);
  return root;
}

const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(sel: string) => [...root.querySelectorAll<E>(sel)];
const texts = (sel: string) => $$(sel).map((e) => e.textContent);

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('safeLink', () => {
  it('keeps same-host http(s) links, resolved to absolute', () => {
    expect(safeLink('node_3.htm', PAGE)).toBe(abs('node_3.htm'));
    expect(safeLink('/html/x.htm', PAGE)).toBe('https://epaper.example.com/html/x.htm');
    expect(safeLink('http://epaper.example.com/a', PAGE)).toBe('http://epaper.example.com/a');
  });

  it.each([
    ['undefined', undefined],
    ['empty', ''],
    ['javascript:', 'javascript:alert(1)'],
    ['JavaScript: with spaces', '  JavaScript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['other host', 'https://evil.example.org/node_1.htm'],
    ['protocol-relative other host', '//evil.example.org/x'],
    ['sibling subdomain', 'https://www.example.com/x'],
    ['malformed', 'http://[::1'],
    ['ftp', 'ftp://epaper.example.com/x'],
  ])('drops %s', (_name, url) => {
    expect(safeLink(url, PAGE)).toBeNull();
  });

  it('returns null when the page URL itself is malformed', () => {
    expect(safeLink('https://a.com/', 'not a url')).toBeNull();
  });
});

describe('Popup on an e-paper page', () => {
  it('lists the sections with their labels exactly and marks only the current one', () => {
    mount();
    const links = $$<HTMLAnchorElement>('nav[data-list="sections"] a');
    expect(links.map((a) => a.textContent)).toEqual(['第01版：要闻', '第02版：综 合', '第03版：国际']);
    expect(links.map((a) => a.getAttribute('aria-current'))).toEqual([null, 'page', null]);
    expect(links.map((a) => a.href)).toEqual([abs('node_1.htm'), abs('node_2.htm'), abs('node_3.htm')]);
    expect($('nav[data-list="sections"]')!.getAttribute('aria-label')).toBe('sections');
  });

  it('lists the titles', () => {
    mount();
    expect(texts('nav[data-list="titles"] a')).toEqual(['头条新闻', '第二篇']);
    expect($$('nav[data-list="titles"] a[aria-current]')).toHaveLength(0);
  });

  it('shows the paper and date', () => {
    mount();
    expect($('header h1')!.textContent).toBe('某某日报');
    expect($('header .date')!.textContent).toBe('2024-03-05');
  });

  it('falls back to unknownPaper and omits the date when the issue has none', () => {
    mount({ state: state({ issue: issue({ paper: '', date: '' }) }) });
    expect($('header h1')!.textContent).toBe('unknownPaper');
    expect($('header .date')).toBeNull();
  });

  it('enables prev/next issue only when their URLs exist (and are safe)', () => {
    mount();
    const prev = $<HTMLButtonElement>('[data-action="prev-issue"]')!;
    const next = $<HTMLButtonElement>('[data-action="next-issue"]')!;
    expect(prev.disabled).toBe(false);
    expect(next.disabled).toBe(true);
    prev.click();
    expect(props.onNavigate).toHaveBeenCalledWith('https://epaper.example.com/html/2024-03/04/node_1.htm');
    next.click();
    expect(props.onNavigate).toHaveBeenCalledTimes(1);

    mount({ state: state({ issue: issue({ prevIssue: 'javascript:alert(1)', nextIssue: 'node_9.htm' }) }) });
    expect($<HTMLButtonElement>('[data-action="prev-issue"]')!.disabled).toBe(true);
    expect($<HTMLButtonElement>('[data-action="next-issue"]')!.disabled).toBe(false);
    $<HTMLButtonElement>('[data-action="next-issue"]')!.click();
    expect(props.onNavigate).toHaveBeenCalledWith(abs('node_9.htm'));
  });

  it('does not render unsafe links from the issue', () => {
    const bad = ['javascript:alert(1)', 'data:text/html,x', 'https://evil.example.org/node_4.htm', 'http://[bad'];
    mount({
      state: state({
        issue: issue({
          sections: [
            ...bad.map((url, i) => ({ label: `bad${i}`, number: '', name: '', url, current: false })),
            { label: 'good', number: '', name: '', url: 'node_5.htm', current: false },
          ],
          articles: bad.map((url, i) => ({ title: `bad${i}`, url, current: false })),
        }),
      }),
    });
    expect(texts('nav[data-list="sections"] a')).toEqual(['good']);
    expect($('nav[data-list="titles"]')).toBeNull();
    for (const a of $$<HTMLAnchorElement>('a')) {
      expect(a.href.startsWith('https://epaper.example.com/')).toBe(true);
    }
  });

  it('calls onNavigate with the absolute URL on a section click, and does not navigate', () => {
    mount({
      state: state({ issue: issue({ sections: [{ label: 'rel', number: '', name: '', url: 'node_7.htm', current: false }] }) }),
    });
    const a = $<HTMLAnchorElement>('nav[data-list="sections"] a')!;
    const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
    a.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(props.onNavigate).toHaveBeenCalledExactlyOnceWith(abs('node_7.htm'));
    expect(window.location.href).not.toContain('node_7');
  });

  it('calls onNavigate on a title click', () => {
    mount();
    const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
    $$('nav[data-list="titles"] a')[1].dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(props.onNavigate).toHaveBeenCalledExactlyOnceWith(abs('content_2.htm'));
  });

  it('submitting the date form calls onJumpToDate with the input value', () => {
    mount();
    const input = $<HTMLInputElement>('input[data-field="date"]')!;
    expect(input.value).toBe('2024-03-05');
    input.value = '2024-02-29';
    const form = $<HTMLFormElement>('form.date-form')!;
    const ev = new Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(props.onJumpToDate).toHaveBeenCalledExactlyOnceWith('2024-02-29');
  });

  it('the go button submits the form', () => {
    mount();
    $<HTMLInputElement>('input[data-field="date"]')!.value = '2024-01-02';
    $<HTMLButtonElement>('[data-action="go-date"]')!.click();
    expect(props.onJumpToDate).toHaveBeenCalledExactlyOnceWith('2024-01-02');
  });

  it('does not call onJumpToDate with an empty date', () => {
    mount();
    $<HTMLInputElement>('input[data-field="date"]')!.value = '';
    $('form.date-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(props.onJumpToDate).not.toHaveBeenCalled();
  });

  it('read section / read issue call onReadCollection', () => {
    mount();
    $<HTMLButtonElement>('[data-action="read-section"]')!.click();
    $<HTMLButtonElement>('[data-action="read-issue"]')!.click();
    expect(vi.mocked(props.onReadCollection).mock.calls).toEqual([['section'], ['issue']]);
  });
});

describe('Popup actions', () => {
  it.each([
    ['hans', 'convertTo[script_hans]'],
    ['hant', 'convertTo[script_hant]'],
    ['twp', 'convertTo[script_twp]'],
    ['restore', 'convertRestore'],
  ] as const)('convert button for target %s', (convertTarget, label) => {
    mount({ state: state({ convertTarget, converted: convertTarget === 'restore' ? 'hant' : null }) });
    const btn = $<HTMLButtonElement>('[data-action="convert"]')!;
    expect(btn.dataset.target).toBe(convertTarget);
    expect(btn.textContent).toBe(label);
    btn.click();
    expect(props.onToggleConvert).toHaveBeenCalledOnce();
  });

  it('spam button shows the count and aria-pressed follows spamShown', () => {
    mount({ state: state({ spamCount: 7, spamShown: false }) });
    let btn = $<HTMLButtonElement>('[data-action="spam"]')!;
    expect(btn.textContent).toBe('spamShow[7]');
    expect(btn.getAttribute('aria-pressed')).toBe('false');
    expect(btn.dataset.count).toBe('7');
    btn.click();
    expect(props.onToggleSpam).toHaveBeenCalledOnce();

    mount({ state: state({ spamCount: 12, spamShown: true }) });
    btn = $<HTMLButtonElement>('[data-action="spam"]')!;
    expect(btn.textContent).toBe('spamHide[12]');
    expect(btn.textContent).toContain('12');
    expect(btn.getAttribute('aria-pressed')).toBe('true');
  });

  it('reader button label and aria-pressed follow readerOpen', () => {
    mount({ state: state({ readerOpen: true }) });
    const btn = $<HTMLButtonElement>('[data-action="reader"]')!;
    expect(btn.textContent).toBe('readerClose');
    expect(btn.getAttribute('aria-pressed')).toBe('true');
    btn.click();
    expect(props.onToggleReader).toHaveBeenCalledOnce();
  });

  it('without an issue shows the no-issue note and keeps convert and spam', () => {
    mount({ state: state({ issue: null, noIssueReason: 'not-epaper' }) });
    expect($('[data-note="no-issue"]')!.textContent).toBe('noIssue');
    expect($('[data-action="convert"]')).not.toBeNull();
    expect($('[data-action="spam"]')).not.toBeNull();
    expect($('[data-action="reader"]')).not.toBeNull();
    expect($('nav')).toBeNull();
    expect($('[data-action="prev-issue"]')).toBeNull();
    expect($('form.date-form')).toBeNull();
  });

  it('with an issue there is no no-issue note', () => {
    mount();
    expect($('[data-note="no-issue"]')).toBeNull();
  });

  it('without state shows the error, or loading', () => {
    mount({ state: null, error: 'cannot reach page' });
    expect($('[role="status"]')!.textContent).toBe('cannot reach page');
    expect($('[data-action="convert"]')).toBeNull();
    mount({ state: null });
    expect($('[role="status"]')!.textContent).toBe('loading');
  });

  it('shows the hijack warning and problems', () => {
    mount({
      state: state({ hijack: { hijacked: true } as PageState['hijack'], problems: ['a', 'b'] }),
    });
    expect($('[role="alert"]')!.textContent).toBe('hijackWarning');
    expect($('[data-note="problems"]')!.textContent).toBe('problems[a; b]');
  });

  it('site rule checkboxes reflect the rule and call onRule', () => {
    mount({ rule: { convert: null, reader: true, spam: false } });
    const convert = $<HTMLInputElement>('input[data-rule="convert"]')!;
    const reader = $<HTMLInputElement>('input[data-rule="reader"]')!;
    const spam = $<HTMLInputElement>('input[data-rule="spam"]')!;
    expect([convert.checked, reader.checked, spam.checked]).toEqual([false, true, false]);
    convert.click();
    spam.click();
    expect(vi.mocked(props.onRule).mock.calls).toEqual([[{ convert: 'hant' }], [{ spam: true }]]);
  });

  it('options button calls onOpenOptions', () => {
    mount();
    $<HTMLButtonElement>('[data-action="options"]')!.click();
    expect(props.onOpenOptions).toHaveBeenCalledOnce();
  });
});

describe('Popup: repair Traditional', () => {
  const offer = (fixes: number) => ({ fixes, variant: 'tw' as const, applied: false });

  it('offers no repair while nothing is known, or when there is nothing to repair', () => {
    mount({ state: state({ script: 'hant', convertTarget: 'hans' }) });
    expect($('[data-action="repair"]')).toBeNull();
    mount({ state: state({ script: 'hant', convertTarget: 'hans' }), repair: offer(0), onToggleRepair: vi.fn() });
    expect($('[data-action="repair"]')).toBeNull();
    expect($('[data-rule="repair"]')).toBeNull();
  });

  it('offers "Repair Traditional (N fixes)" and calls onToggleRepair', () => {
    const onToggleRepair = vi.fn();
    mount({ state: state({ script: 'hant', convertTarget: 'hans' }), repair: offer(23), onToggleRepair });
    const button = $<HTMLButtonElement>('[data-action="repair"]')!;
    expect(button.textContent).toBe('repairOffer[23]');
    expect(button.getAttribute('data-count')).toBe('23');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    button.click();
    expect(onToggleRepair).toHaveBeenCalledOnce();
    expect($('[data-action="repair-marks"]')).toBeNull();
  });

  it('while applied: the button undoes, with the applied count, and the marks switch shows', () => {
    const onRepairMarks = vi.fn();
    mount({
      state: state({ script: 'hant', convertTarget: 'hans', repaired: 23, repairMarks: true }),
      repair: { fixes: 23, variant: 'tw', applied: true },
      onToggleRepair: vi.fn(),
      onRepairMarks,
    });
    const button = $<HTMLButtonElement>('[data-action="repair"]')!;
    expect(button.textContent).toBe('repairUndo[23]');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    const marks = $<HTMLInputElement>('[data-action="repair-marks"]')!;
    expect(marks.checked).toBe(true);
    marks.click();
    expect(onRepairMarks).toHaveBeenCalledWith(false);
  });

  it('the always-repair rule shows with an offer and calls onRepairRule', () => {
    const onRepairRule = vi.fn();
    mount({ state: state({ script: 'hant' }), repair: offer(5), onToggleRepair: vi.fn(), repairRule: false, onRepairRule });
    const box = $<HTMLInputElement>('[data-rule="repair"]')!;
    expect(box.checked).toBe(false);
    box.click();
    expect(onRepairRule).toHaveBeenCalledWith(true);
  });
});
