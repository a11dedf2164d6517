// @vitest-environment jsdom
/** The reader overlay's presentational component, rendered with Preact in jsdom. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_PREFS, Reader, type ReaderPrefs, type ReaderProps, readerKeyHandler } from '../../../components/reader/Reader';
import { readerCss } from '../../../components/reader/reader.css';
import { repoRoot } from '../../corpus';

const locales = Object.fromEntries(
  ['en', 'zh_CN', 'zh_TW'].map((l) => [
    l,
    JSON.parse(readFileSync(join(repoRoot, 'public/_locales', l, 'messages.json'), 'utf8')),
  ]),
) as Record<string, Record<string, { message: string }>>;

import type { Article } from '../../../lib/extract/types';

const article: Article = {
  kicker: '旧粮仓里飘书香',
  title: '青石镇社区图书馆借阅量翻番',
  subtitle: '线上预约让年轻读者回到书架前',
  byline: '本报记者 林小禾',
  date: '2031-03-04',
  paper: '青山晚报',
  section: '第A02版：城事',
  contentHtml: '<figure><img src="http://e.cn/p5.jpg"><figcaption>阅览室</figcaption></figure><p>清晨六点，图书馆亮起了灯。</p>',
  textContent: '清晨六点，图书馆亮起了灯。',
  images: [
    { src: 'http://e.cn/p5.jpg', caption: '阅览室' },
    { src: 'http://e.cn/extra.jpg', caption: '新书架' },
  ],
  lang: 'zh-Hant',
  url: 'http://e.cn/content_901.htm',
};

// Marks every string as translated, so a missing t() call shows up as raw text.
const t = (key: string) => `«${key}»`;

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.appendChild(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

function mount(over: Partial<ReaderProps> = {}) {
  const props: ReaderProps = {
    article,
    prefs: DEFAULT_PREFS,
    onPrefsChange: vi.fn(),
    onClose: vi.fn(),
    onPrint: vi.fn(),
    t,
    ...over,
  };
  act(() => render(h(Reader, props), host));
  return props;
}
const click = (sel: string) => act(() => (host.querySelector(sel) as HTMLElement).click());

describe('Reader with an article', () => {
  test('one <article> whose <h1> is the title, with the title block and one meta line', () => {
    mount();
    expect(host.querySelectorAll('article')).toHaveLength(1);
    expect(host.querySelector('article h1')?.textContent).toBe(article.title);
    expect(host.querySelector('.qd-kicker')?.textContent).toBe(article.kicker);
    expect(host.querySelector('.qd-subtitle')?.textContent).toBe(article.subtitle);
    expect(host.querySelectorAll('.qd-meta')).toHaveLength(1);
    expect(host.querySelector('.qd-meta')?.textContent).toBe('青山晚报 · 第A02版：城事 · 2031-03-04 · 本报记者 林小禾');
    expect(host.querySelector('article')?.getAttribute('lang')).toBe('zh-Hant');
  });

  test('renders the body HTML and each image once, captions included', () => {
    mount();
    expect(host.querySelector('.qd-body p')?.textContent).toBe('清晨六点，图书馆亮起了灯。');
    expect(host.querySelectorAll('img[src="http://e.cn/p5.jpg"]')).toHaveLength(1);
    const extra = host.querySelector('img[src="http://e.cn/extra.jpg"]');
    expect(extra?.closest('figure')?.querySelector('figcaption')?.textContent).toBe('新书架');
  });

  test('empty kicker and subtitle leave no empty lines', () => {
    mount({ article: { ...article, kicker: '', subtitle: '', byline: '' } });
    expect(host.querySelector('.qd-kicker')).toBeNull();
    expect(host.querySelector('.qd-subtitle')).toBeNull();
    expect(host.querySelector('.qd-meta')?.textContent).toBe('青山晚报 · 第A02版：城事 · 2031-03-04');
  });

  test('the dialog is focusable and labelled by the title', () => {
    mount();
    const dialog = host.querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog.tabIndex).toBe(-1);
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(article.title);
  });

  test('a Traditional article gets a TC font stack, a Simplified one an SC stack', () => {
    mount();
    const tc = (host.querySelector('.qd-reader') as HTMLElement).style.getPropertyValue('--qd-font');
    expect(tc).toContain('Noto Serif CJK TC');
    mount({ article: { ...article, lang: 'zh-Hans' }, prefs: { ...DEFAULT_PREFS, font: 'sans' } });
    const sc = (host.querySelector('.qd-reader') as HTMLElement).style.getPropertyValue('--qd-font');
    expect(sc).toContain('Noto Sans CJK SC');
  });

  test('controls call back with changed prefs', () => {
    const prefs: ReaderPrefs = { fontSize: 18, lineHeight: 1.8, width: 36, theme: 'light', font: 'serif' };
    const p = mount({ prefs });
    const changed = p.onPrefsChange as ReturnType<typeof vi.fn>;
    click('[data-action="font-larger"]');
    expect(changed).toHaveBeenLastCalledWith({ ...prefs, fontSize: 19 });
    click('[data-action="font-smaller"]');
    expect(changed).toHaveBeenLastCalledWith({ ...prefs, fontSize: 17 });
    click('[data-action="line-height"]');
    expect(changed.mock.lastCall?.[0].lineHeight).toBeGreaterThan(1.8);
    click('[data-action="width"]');
    expect(changed.mock.lastCall?.[0].width).not.toBe(36);
    click('[data-action="font"]');
    expect(changed).toHaveBeenLastCalledWith({ ...prefs, font: 'sans' });
    const select = host.querySelector('select[data-action="theme"]') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['auto', 'light', 'sepia', 'dark']);
    act(() => {
      select.value = 'sepia';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(changed).toHaveBeenLastCalledWith({ ...prefs, theme: 'sepia' });
    click('[data-action="print"]');
    expect(p.onPrint).toHaveBeenCalledTimes(1);
    click('[data-action="close"]');
    expect(p.onClose).toHaveBeenCalledTimes(1);
  });

  test('Escape inside the dialog closes it; other keys do not', () => {
    const p = mount();
    const dialog = host.querySelector('[role="dialog"]') as HTMLElement;
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    });
    expect(p.onClose).not.toHaveBeenCalled();
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(p.onClose).toHaveBeenCalledTimes(1);
  });

  test('nav shows previous/next articles and the sections with the current one marked', () => {
    mount({
      nav: {
        prevArticle: { title: '老街夜市重新开张', url: 'http://e.cn/content_900.htm' },
        nextArticle: { title: '河堤步道年底完工', url: 'http://e.cn/content_902.htm' },
        sections: [
          { label: '第A01版：头版', url: 'http://e.cn/node_11.htm', current: false },
          { label: '第A02版：城事', url: 'http://e.cn/node_12.htm', current: true },
        ],
      },
    });
    expect(host.querySelector('[data-action="prev-article"]')?.getAttribute('href')).toBe('http://e.cn/content_900.htm');
    expect(host.querySelector('[data-action="next-article"]')?.textContent).toContain('河堤步道年底完工');
    const links = Array.from(host.querySelectorAll('nav[data-list="sections"] a'));
    expect(links.map((a) => a.textContent)).toEqual(['第A01版：头版', '第A02版：城事']);
    expect(links.map((a) => a.getAttribute('aria-current'))).toEqual([null, 'page']);
  });

  test('no nav, no nav markup', () => {
    mount();
    expect(host.querySelector('nav')).toBeNull();
  });

  test('extra actions render inside the labelled group of reader controls', () => {
    mount({ children: h('button', { 'data-action': 'export-epub' }, 'EPUB') });
    expect(host.querySelector('fieldset.qd-toolbar [data-action="export-epub"]')).not.toBeNull();
    expect(host.querySelector('fieldset.qd-toolbar > legend')?.textContent).toBeTruthy();
  });

  test('every visible control label goes through t()', () => {
    mount();
    for (const el of Array.from(host.querySelectorAll('[role="toolbar"] button, [role="toolbar"] select'))) {
      expect(el.getAttribute('aria-label')).toMatch(/^«reader\w+»$/);
    }
  });
});

describe('Reader without an article', () => {
  test('says so and offers to close', () => {
    const p = mount({ article: null });
    expect(host.querySelector('article')).toBeNull();
    expect(host.textContent).toContain('«readerNoArticle»');
    click('[data-action="close"]');
    expect(p.onClose).toHaveBeenCalledTimes(1);
  });
});

describe('readerKeyHandler', () => {
  test('calls onClose on Escape only, and not while an IME is composing', () => {
    const onClose = vi.fn();
    const handler = readerKeyHandler(onClose);
    handler(new KeyboardEvent('keydown', { key: 'Enter' }));
    handler(new KeyboardEvent('keydown', { key: 'Escape', isComposing: true }));
    expect(onClose).not.toHaveBeenCalled();
    handler(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('messages and CSS', () => {
  test('every key the reader uses has en, zh_CN and zh_TW text', () => {
    const used = new Set<string>();
    const spy = (key: string) => {
      used.add(key);
      return key;
    };
    mount({
      t: spy,
      nav: {
        prevArticle: { title: 'a', url: 'http://e.cn/1' },
        nextArticle: { title: 'b', url: 'http://e.cn/2' },
        sections: [{ label: 'x', url: 'http://e.cn/3', current: true }],
      },
    });
    mount({ t: spy, prefs: { ...DEFAULT_PREFS, font: 'sans' } });
    mount({ t: spy, article: null });
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) {
      for (const locale of ['en', 'zh_CN', 'zh_TW']) expect(locales[locale][key]?.message, `${key}.${locale}`).toBeTruthy();
    }
  });

  test('the stylesheet hides controls in print and defines each theme', () => {
    const print = readerCss.slice(readerCss.indexOf('@media print'));
    expect(print).toMatch(/\.qd-toolbar[^{]*\{[^}]*display:\s*none/);
    for (const theme of ['sepia', 'dark']) expect(readerCss).toContain(`[data-theme="${theme}"]`);
    expect(readerCss).toMatch(/prefers-color-scheme:\s*dark\)\s*\{\s*\.qd-reader\[data-theme="auto"\]/);
  });
});
