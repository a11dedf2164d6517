import * as Cn2t from 'opencc-js/cn2t';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ConvertFn, makeConverter, PageConverter } from '../../../lib/convert';
import { counted, domOf, fixtureHtml, settle } from './helpers';

let toTw: ConvertFn;
beforeAll(() => {
  toTw = makeConverter(Cn2t, 'tw');
});

function watchedPage() {
  const dom = domOf(fixtureHtml('simplified-page.html'));
  const doc = dom.window.document;
  const spy = counted((s: string) => toTw(s));
  const converter = new PageConverter(doc);
  converter.apply('tw', spy.convert);
  converter.watch();
  return { dom, doc, converter, spy };
}

describe('live conversion while applied', () => {
  it('converts added nodes, rewritten text and changed attributes', async () => {
    const { doc } = watchedPage();
    const p = doc.createElement('p');
    p.innerHTML = '后来<b>发</b>现的新闻 <img alt="新闻图片">';
    doc.querySelector('#ozoom')!.append(p);
    const headline = doc.querySelector('#headline')!.firstChild as Text;
    headline.data = '页面更新了标题';
    doc.querySelector('#pageLink')!.setAttribute('title', '页面更新了提示');
    doc.title = '页面更新的网页标题';
    await settle();
    expect(p.textContent).toBe(toTw('后来发现的新闻 '));
    expect(p.querySelector('img')!.getAttribute('alt')).toBe(toTw('新闻图片'));
    expect(headline.data).toBe(toTw('页面更新了标题'));
    expect(doc.querySelector('#pageLink')!.getAttribute('title')).toBe(toTw('页面更新了提示'));
    expect(doc.title).toBe(toTw('页面更新的网页标题'));
  });

  it('restores page-added text to what the page wrote', async () => {
    const { doc, converter } = watchedPage();
    const p = doc.createElement('p');
    p.textContent = '后来发现的新闻';
    doc.body.append(p);
    await settle();
    expect(p.textContent).toBe(toTw('后来发现的新闻'));
    converter.restore();
    expect(p.textContent).toBe('后来发现的新闻');
    // Not applied any more: new text stays as written.
    const q = doc.createElement('p');
    q.textContent = '后来';
    doc.body.append(q);
    await settle();
    expect(q.textContent).toBe('后来');
  });

  it('leaves added text in excluded places alone', async () => {
    const { doc } = watchedPage();
    doc.querySelector('#editor')!.append(doc.createTextNode('用户输入的后续文字'));
    doc.querySelector('#code-para code')!.textContent = '代码里的后续';
    const reader = doc.querySelector('#reader')!;
    reader.append(doc.createElement('p'));
    reader.lastElementChild!.textContent = '阅读器的后续';
    await settle();
    expect(doc.querySelector('#editor')!.textContent).toContain('用户输入的后续文字');
    expect(doc.querySelector('#code-para code')!.textContent).toBe('代码里的后续');
    expect(reader.lastElementChild!.textContent).toBe('阅读器的后续');
  });

  it('does not convert again a converted node the page moves', async () => {
    const { doc, spy } = watchedPage();
    await settle();
    const calls = spy.calls.length;
    const p2 = doc.querySelector('#p2')!;
    doc.body.append(p2);
    await settle();
    expect(spy.calls.length).toBe(calls);
  });

  it('stops when unwatched', async () => {
    const { doc, converter } = watchedPage();
    converter.unwatch();
    const p = doc.createElement('p');
    p.textContent = '后来';
    doc.body.append(p);
    await settle();
    expect(p.textContent).toBe('后来');
  });

  it('cannot loop with a page script that rewrites the text on every mutation', async () => {
    const { dom, doc, spy } = watchedPage();
    const target = doc.querySelector('#p2')!;
    let rewrites = 0;
    // The page insists on its simplified text; left unbounded, we and it would ping-pong forever.
    const pageObserver = new dom.window.MutationObserver(() => {
      if (rewrites >= 1000) return;
      if (target.textContent !== '后来发现') {
        rewrites++;
        target.textContent = '后来发现';
      }
    });
    pageObserver.observe(target, { childList: true, characterData: true, subtree: true });
    target.textContent = '后来发现';
    for (let i = 0; i < 20; i++) await settle(2);
    const callsAfter = spy.calls.length;
    expect(rewrites).toBeLessThan(20);
    await settle(10);
    expect(spy.calls.length).toBe(callsAfter);
    pageObserver.disconnect();
  });

  it('cannot loop with another extension converting back to simplified', async () => {
    const { dom, doc, spy } = watchedPage();
    const target = doc.querySelector('#p3')!;
    let reversals = 0;
    const toSimplified = (s: string) => s.replace(/後/g, '后').replace(/發/g, '发');
    const other = new dom.window.MutationObserver((records) => {
      for (const record of records) {
        const node = record.type === 'characterData' ? record.target : null;
        if (node && reversals < 1000 && node.nodeValue !== toSimplified(node.nodeValue ?? '')) {
          reversals++;
          node.nodeValue = toSimplified(node.nodeValue ?? '');
        }
      }
    });
    other.observe(target, { characterData: true, subtree: true });
    (target.firstChild as Text).data = '后来发现';
    for (let i = 0; i < 20; i++) await settle(2);
    expect(reversals).toBeLessThan(20);
    expect(spy.calls.length).toBeLessThan(30);
    other.disconnect();
  });
});
