import * as Cn2t from 'opencc-js/cn2t';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ConvertFn, makeConverter, PageConverter } from '../../../lib/convert';
import { counted, domOf, fixtureHtml } from './helpers';

let toTwp: ConvertFn;
let toHk: ConvertFn;
beforeAll(() => {
  toTwp = makeConverter(Cn2t, 'twp');
  toHk = makeConverter(Cn2t, 'hk');
});

function page() {
  const dom = domOf(fixtureHtml('simplified-page.html'));
  const doc = dom.window.document;
  const text = (selector: string) => doc.querySelector(selector)!.textContent;
  const attr = (selector: string, name: string) => doc.querySelector(selector)!.getAttribute(name);
  return { dom, doc, text, attr };
}

describe('PageConverter.apply', () => {
  it('converts text, the title and the reader-facing attributes, and sets lang', () => {
    const { doc, text, attr } = page();
    const original = { p2: text('#p2')!, alt: attr('#p4 img', 'alt')!, title: doc.title };
    const converter = new PageConverter(doc);
    const stats = converter.apply('twp', toTwp);
    expect(converter.target).toBe('twp');
    expect(text('#p2')).toBe(toTwp(original.p2));
    expect(text('#p2')).toContain('軟體');
    expect(doc.title).toBe(toTwp(original.title));
    expect(attr('#p4 img', 'alt')).toBe(toTwp(original.alt));
    expect(attr('#pageLink', 'title')).toBe(text('#pageLink'));
    expect(attr('#search', 'placeholder')).not.toBe(page().attr('#search', 'placeholder'));
    expect(attr('#search', 'aria-label')).toBe(toTwp(page().attr('#search', 'aria-label')!));
    expect(attr('#notes', 'placeholder')).toBe(toTwp(page().attr('#notes', 'placeholder')!));
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-TW');
    expect(stats.changedNodes).toBeGreaterThan(10);
    expect(stats.changedAttrs).toBe(7);
  });

  it('converts words split across inline elements as words', () => {
    const { doc } = page();
    const p = doc.querySelector('#p3')!;
    p.innerHTML = '这台电脑的<b>软</b>件很好用';
    new PageConverter(doc).apply('twp', toTwp);
    expect(p.textContent).toBe(toTwp('这台电脑的软件很好用'));
    expect(p.querySelector('b')!.textContent).toBe('軟');
  });

  it('never touches code, pre, textarea, input values, contenteditable, translate=no, .notranslate or own UI', () => {
    const { doc, text } = page();
    const untouched = [
      '#code-para code',
      '#preformatted',
      '#notes',
      '#comment',
      '#no-translate',
      '#no-translate-class',
      '#editor',
      '#reader',
      '#own-ui',
      'script',
      'style',
    ];
    const before = untouched.map((s) => text(s));
    const input = doc.querySelector<HTMLInputElement>('#search')!;
    input.value = '用户正在输入的文字';
    const textarea = doc.querySelector<HTMLTextAreaElement>('#comment')!;
    textarea.value = '用户写的评论';
    new PageConverter(doc).apply('twp', toTwp);
    expect(untouched.map((s) => text(s))).toEqual(before);
    expect(input.value).toBe('用户正在输入的文字');
    expect(input.getAttribute('value')).toBe('输入框里的值');
    expect(textarea.value).toBe('用户写的评论');
    // The text next to the code element is converted.
    expect(text('#code-para')!.startsWith(toTwp('示例代码'))).toBe(true);
  });

  it('keeps the page working: same nodes, listeners still fire', () => {
    const { doc } = page();
    const link = doc.querySelector<HTMLAnchorElement>('#pageLink')!;
    const linkText = link.firstChild as Text;
    const originalText = linkText.data;
    let clicks = 0;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      clicks++;
    });
    const button = doc.querySelector<HTMLButtonElement>('#submit-button')!;
    button.addEventListener('click', () => clicks++);
    const elementsBefore = doc.querySelectorAll('*').length;
    new PageConverter(doc).apply('twp', toTwp);
    expect(link.firstChild).toBe(linkText);
    expect(linkText.data).toBe(toTwp(originalText));
    expect(doc.querySelectorAll('*').length).toBe(elementsBefore);
    link.click();
    button.click();
    expect(clicks).toBe(2);
  });

  it('writes nothing into text that converts to itself', () => {
    const { dom, doc } = page();
    const p = doc.createElement('p');
    p.textContent = '人民 2024';
    doc.body.append(p);
    expect(toTwp('人民 2024')).toBe('人民 2024');
    const observer = new dom.window.MutationObserver(() => undefined);
    observer.observe(p, { characterData: true, subtree: true, childList: true });
    const changing = doc.querySelector('#p2')!;
    observer.observe(changing, { characterData: true, subtree: true, childList: true });
    new PageConverter(doc).apply('twp', toTwp);
    const targets = observer.takeRecords().map((r) => r.target);
    expect(targets).toEqual([changing.firstChild]);
  });

  it('batches: the whole page is one converter call', () => {
    const { doc } = page();
    const spy = counted(toTwp);
    new PageConverter(doc).apply('twp', spy.convert);
    expect(spy.calls.length).toBe(1);
    expect(spy.calls[0].split('\uFFFF').length).toBeGreaterThan(15);
  });

  it('applying another target first restores, then converts from the original text', () => {
    const { doc, text } = page();
    const original = text('#p2')!;
    const converter = new PageConverter(doc);
    converter.apply('twp', toTwp);
    converter.apply('hk', toHk);
    expect(converter.target).toBe('hk');
    expect(text('#p2')).toBe(toHk(original));
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-HK');
  });
});

describe('PageConverter.restore', () => {
  it('restores byte for byte, ten toggles leave the page identical', () => {
    const { doc } = page();
    doc.documentElement.setAttribute('lang', 'zh-CN');
    const before = doc.documentElement.outerHTML;
    const converter = new PageConverter(doc);
    for (let i = 0; i < 10; i++) {
      converter.apply(i % 2 ? 'hk' : 'twp', i % 2 ? toHk : toTwp);
      expect(doc.documentElement.outerHTML).not.toBe(before);
      converter.restore();
    }
    expect(converter.target).toBeNull();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('restores a page without lang to no lang attribute', () => {
    const { doc } = page();
    const before = doc.documentElement.outerHTML;
    const converter = new PageConverter(doc);
    converter.apply('twp', toTwp);
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-TW');
    converter.restore();
    expect(doc.documentElement.hasAttribute('lang')).toBe(false);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('restores stored originals, not a back-conversion (which would be lossy)', () => {
    const { doc } = page();
    const p = doc.querySelector('#p1')!;
    p.textContent = '什么时候发表';
    const converter = new PageConverter(doc);
    converter.apply('twp', toTwp);
    expect(p.textContent).toBe(toTwp('什么时候发表'));
    converter.restore();
    expect(p.textContent).toBe('什么时候发表');
  });

  it('leaves a node the page changed meanwhile as the page wrote it', () => {
    const { doc, text } = page();
    const original = text('#p2');
    const converter = new PageConverter(doc);
    converter.apply('twp', toTwp);
    const headline = doc.querySelector('#headline')!.firstChild as Text;
    headline.data = '页面自己改写的标题';
    doc.querySelector('#p4 img')!.setAttribute('alt', '页面改写的说明');
    converter.restore();
    expect(headline.data).toBe('页面自己改写的标题');
    expect(doc.querySelector('#p4 img')!.getAttribute('alt')).toBe('页面改写的说明');
    expect(text('#p2')).toBe(original);
  });

  it('keeps a lang the page set meanwhile', () => {
    const { doc } = page();
    const converter = new PageConverter(doc);
    converter.apply('twp', toTwp);
    doc.documentElement.setAttribute('lang', 'en');
    converter.restore();
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
  });
});

describe('convertSubtree', () => {
  it("converts an extension-owned subtree (the reader's shadow root) and restores it", () => {
    const { doc } = page();
    const host = doc.querySelector('#reader')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<article><h1 title="阅读视图">阅读视图里的标题</h1><p>乡村图书馆的软件</p></article>';
    const before = shadow.innerHTML;
    const converter = new PageConverter(doc);
    converter.apply('twp', toTwp);
    expect(shadow.innerHTML).toBe(before);
    const undo = converter.convertSubtree(shadow, toTwp);
    expect(shadow.querySelector('p')!.textContent).toBe(toTwp('乡村图书馆的软件'));
    expect(shadow.querySelector('h1')!.getAttribute('title')).toBe(toTwp('阅读视图'));
    undo();
    expect(shadow.innerHTML).toBe(before);
  });

  it('converts a detached fragment', () => {
    const { doc } = page();
    const div = doc.createElement('div');
    div.innerHTML = '<p>发表<span>评论</span></p>';
    const undo = new PageConverter(doc).convertSubtree(div, toTwp);
    expect(div.textContent).toBe(toTwp('发表评论'));
    undo();
    expect(div.innerHTML).toBe('<p>发表<span>评论</span></p>');
  });
});

describe('failures degrade', () => {
  it('a throwing converter leaves the page as it was and does not throw', () => {
    const { doc } = page();
    const before = doc.documentElement.outerHTML;
    const converter = new PageConverter(doc);
    expect(() =>
      converter.apply('twp', () => {
        throw new Error('dictionary not loaded');
      }),
    ).not.toThrow();
    converter.restore();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
