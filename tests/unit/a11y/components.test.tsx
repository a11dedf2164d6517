// @vitest-environment jsdom
/** Accessible markup of the popup, the reader and the section view (names, lang, order, dialogs). */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COLLECTION_TITLE_ID, CollectionView } from '../../../components/collection/CollectionView';
import { Popup, type PopupProps } from '../../../components/Popup';
import { DEFAULT_PREFS, Reader } from '../../../components/reader/Reader';
import type { CollectState } from '../../../lib/collect';
import type { Issue } from '../../../lib/epaper/types';
import type { Article } from '../../../lib/extract/types';
import type { PageState } from '../../../lib/messaging/protocol';

const t = (key: string, subs?: string[]) => (subs?.length ? `${key}[${subs.join('|')}]` : key);
const PAGE = 'https://epaper.example.com/html/2024-03/05/node_2.htm';
const abs = (p: string) => new URL(p, PAGE).href;

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});
const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const $$ = <E extends Element = HTMLElement>(sel: string) => [...root.querySelectorAll<E>(sel)];

function issue(): Issue {
  return {
    system: 'founder-classic',
    kind: 'section',
    paper: '公益時報',
    date: '2024-03-05',
    sections: [
      { label: '第01版：要聞', number: '01', name: '要聞', url: abs('node_1.htm'), current: false },
      { label: '第02版：中文', number: '02', name: '中文', url: abs('node_2.htm'), current: true },
    ],
    currentSection: 1,
    articles: [{ title: '慈善觀察', url: abs('content_1.htm'), current: false }],
  };
}

function popupState(patch: Partial<PageState> = {}): PageState {
  return {
    url: PAGE,
    issue: issue(),
    script: 'hant',
    converted: null,
    convertTarget: 'hans',
    spamCount: 0,
    spamShown: false,
    spamEnabled: true,
    hijack: null,
    readerOpen: false,
    problems: [],
    ...patch,
  };
}

function mountPopup(state: PageState) {
  const props: PopupProps = {
    t,
    state,
    rule: { convert: null, reader: false, spam: null },
    onNavigate: vi.fn(),
    onToggleReader: vi.fn(),
    onToggleConvert: vi.fn(),
    onToggleSpam: vi.fn(),
    onReadCollection: vi.fn(),
    onJumpToDate: vi.fn(),
    onRule: vi.fn(),
    onOpenOptions: vi.fn(),
  };
  render(<Popup {...props} />, root);
}

describe('popup', () => {
  it('gives the paper, sections and titles the lang of their script (the page’s script for neutral text)', () => {
    mountPopup(popupState());
    expect($('h1')?.getAttribute('lang')).toBe('zh-Hant');
    expect($$('nav[data-list="sections"] a').map((a) => a.getAttribute('lang'))).toEqual(['zh-Hant', 'zh-Hant']);
    expect($('nav[data-list="titles"] a')?.getAttribute('lang')).toBe('zh-Hant');
  });

  it('prefers the page’s own Chinese lang for neutral text', () => {
    mountPopup(popupState({ pageLang: 'zh-TW' }));
    expect($$('nav[data-list="sections"] a').map((a) => a.getAttribute('lang'))).toEqual(['zh-Hant', 'zh-TW']);
  });

  it('puts the main actions and the reading actions before the date field and the long lists', () => {
    mountPopup(popupState());
    const order = $$('button, input, a').map((el) => el.getAttribute('data-action') ?? el.getAttribute('data-field') ?? 'link');
    expect(order.slice(0, 5)).toEqual(['reader', 'convert', 'spam', 'read-section', 'read-issue']);
    expect(order.indexOf('read-section')).toBeLessThan(order.indexOf('link'));
  });

  it('has one heading one off e-paper pages and while loading', () => {
    mountPopup(popupState({ issue: null }));
    expect($$('h1').map((h) => h.textContent)).toEqual(['extShortName']);
    render(
      <Popup {...({ t, state: null, rule: { convert: null, reader: false, spam: null } } as unknown as PopupProps)} />,
      root,
    );
    expect($$('h1').length).toBe(1);
  });
});

const article = (patch: Partial<Article> = {}): Article =>
  ({
    title: '慈善觀察',
    kicker: '',
    subtitle: '',
    byline: '記者 某某',
    paper: '公益時報',
    section: '第07版',
    date: '2022-07-26',
    url: 'https://epaper.example.com/a.htm',
    lang: 'zh-Hant',
    contentHtml: '<p>正文內容。</p>',
    textContent: '正文內容。',
    images: [],
    ...patch,
  }) as Article;

describe('reader', () => {
  const mountReader = (a: Article | null = article()) =>
    render(
      <Reader
        article={a}
        nav={{
          prevArticle: { title: '上一篇的標題', url: abs('content_0.htm') },
          nextArticle: { title: '下一篇的标题', url: abs('content_2.htm') },
          sections: [{ label: '第01版：要聞', url: abs('node_1.htm'), current: true }],
        }}
        prefs={DEFAULT_PREFS}
        onPrefsChange={() => {}}
        onClose={() => {}}
        onPrint={() => {}}
        t={t}
        uiLang="en-US"
        pageLang="zh-Hant"
      />,
      root,
    );

  it('is a labelled modal dialog in the UI language, its article in the article’s', () => {
    mountReader();
    const dialog = $('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('lang')).toBe('en-US');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('慈善觀察');
    expect($('article')?.getAttribute('lang')).toBe('zh-Hant');
  });

  it('names each control with its visible text first; no toolbar role', () => {
    mountReader();
    for (const action of ['font-smaller', 'font-larger', 'font']) {
      const button = $(`[data-action="${action}"]`)!;
      expect(button.getAttribute('aria-label')!.startsWith(button.textContent!.trim()), action).toBe(true);
    }
    expect($('[role="toolbar"]')).toBeNull();
    expect($('fieldset.qd-toolbar legend')?.textContent).toBe('readerToolbar');
  });

  it('names previous/next with their titles, each title in its own script', () => {
    mountReader();
    const prev = $('[data-action="prev-article"]')!;
    const next = $('[data-action="next-article"]')!;
    expect(prev.textContent).toBe('readerPrevArticle 上一篇的標題');
    expect(prev.querySelector('[lang]')?.getAttribute('lang')).toBe('zh-Hant');
    expect(next.querySelector('[lang]')?.getAttribute('lang')).toBe('zh-Hans');
    expect($('.qd-sections a')?.getAttribute('lang')).toBe('zh-Hant');
  });
});

describe('reader pager without a known title', () => {
  it('says "Previous", not a bare "Previous:"', () => {
    const english = (key: string) => ({ readerPrevArticle: 'Previous:', readerNextArticle: '下一篇：' })[key] ?? key;
    render(
      <Reader
        article={article()}
        nav={{ prevArticle: { title: '', url: abs('content_0.htm') }, nextArticle: { title: '', url: abs('content_2.htm') } }}
        prefs={DEFAULT_PREFS}
        onPrefsChange={() => {}}
        onClose={() => {}}
        onPrint={() => {}}
        t={english}
      />,
      root,
    );
    expect($('[data-action="prev-article"]')?.textContent).toBe('Previous');
    expect($('[data-action="next-article"]')?.textContent).toBe('下一篇');
  });
});

describe('section view', () => {
  const done = (url: string, title: string) => ({
    item: { section: '第01版', sectionUrl: abs('node_1.htm'), title, url },
    status: 'done' as const,
    article: article({ title, url, lang: 'zh-Hans', textContent: '正文内容。' }),
  });
  const state: CollectState = {
    sections: [
      {
        label: '第01版：要闻',
        url: abs('node_1.htm'),
        // Two URLs that the old ids (the URL's last 60 characters, punctuation folded) made equal.
        items: [done('https://a.example/x/content_1.htm', '第一篇'), done('https://a.example/x-content_1.htm', '第二篇')],
      },
    ],
    done: 2,
    total: 2,
    finished: true,
  };
  const mountView = () =>
    render(
      <CollectionView
        t={t}
        scope="section"
        paper="飞霞日报"
        date="2024-03-15"
        state={state}
        exporting={null}
        onRetry={() => {}}
        onExport={() => {}}
        onClose={() => {}}
        pageLang="zh-CN"
      />,
      root,
    );

  it('has a title for its dialog, no toolbar role and no main landmark of its own', () => {
    mountView();
    expect($(`#${COLLECTION_TITLE_ID}`)?.textContent).toContain('飞霞日报');
    expect($('[role="toolbar"]')).toBeNull();
    expect($('main')).toBeNull();
  });

  it('gives every entry its own id, and each contents link points at its entry', () => {
    mountView();
    const ids = $$('article').map((a) => a.id);
    expect(new Set(ids).size).toBe(2);
    expect($$('nav[data-list="toc"] a').map((a) => a.getAttribute('href'))).toEqual(ids.map((id) => `#${id}`));
    expect($$('article').every((a) => a.tabIndex === -1 && a.getAttribute('lang') === 'zh-Hans')).toBe(true);
  });

  it('a contents link focuses its article and leaves the location alone', () => {
    mountView();
    const before = location.href;
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.id);
    };
    const link = $$<HTMLAnchorElement>('nav[data-list="toc"] a')[1];
    act(() => link.click());
    const target = link.getAttribute('href')!.slice(1);
    expect(document.activeElement?.id).toBe(target);
    expect(scrolled).toEqual([target]);
    expect(location.href).toBe(before);
  });
});
