import * as T2cn from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { countScriptChars } from '../../../lib/charsets';
import { detectScript, makeConverter, PageConverter } from '../../../lib/convert';
import { readCorpusText, readManifest, requireCorpus } from '../../corpus';
import { domOf, fixtureHtml } from './helpers';

const run = requireCorpus();
describe.runIf(run)('detectScript on the seed page', () => {
  const manifest = run ? readManifest('seed') : null;
  const entry = manifest?.files[0];
  const html = run ? readCorpusText('seed', entry.file) : '';
  const wallSelector: string = entry?.expected.spam[0].css_selector;

  it('reads the page as traditional once the simplified wall is hidden', () => {
    const doc = domOf(html).window.document;
    doc.querySelector(wallSelector)!.setAttribute('data-qingdu-hidden', 'wall');
    expect(entry.script.startsWith('hant')).toBe(true);
    expect(detectScript(doc)).toBe('hant');
  });

  it('reads it as mixed while the wall shows: the wall is all simplified-only characters', () => {
    const doc = domOf(html).window.document;
    const wall = countScriptChars(doc.querySelector(wallSelector)!.textContent ?? '');
    expect(wall.hans).toBeGreaterThan(100);
    expect(wall.hant).toBe(0);
    expect(detectScript(doc)).toBe('mixed');
  });

  it('converts the article to the simplified sample of the manifest', () => {
    const doc = domOf(html).window.document;
    const sample = entry.expected.convert_sample;
    const paragraph = () => (doc.querySelector(sample.selector)!.textContent ?? '').replace(/^\s+/, '');
    expect(paragraph().startsWith(sample.starts_hant)).toBe(true);
    const converter = new PageConverter(doc);
    converter.apply('hans', makeConverter(T2cn, 'hans'));
    expect(paragraph().startsWith(sample.starts_hans)).toBe(true);
    expect(detectScript(doc)).toBe('hans');
    converter.restore();
    expect(paragraph().startsWith(sample.starts_hant)).toBe(true);
  });
});

describe('detectScript on own fixtures', () => {
  it('reads a simplified page as hans and ignores its head, scripts and hidden parts', () => {
    const doc = domOf(fixtureHtml('simplified-page.html')).window.document;
    expect(detectScript(doc)).toBe('hans');
  });

  it('skips hidden text: hidden attribute, inline display:none, data-qingdu-hidden, noscript, template', () => {
    const hidden = '<p>這裡說的話</p>'.repeat(20);
    const doc = domOf(`<body><p>这里说的话</p>
      <div hidden>${hidden}</div><div style="display: none">${hidden}</div>
      <div data-qingdu-hidden="wall">${hidden}</div><noscript>${hidden}</noscript>
      <template>${hidden}</template><script>var s = "${hidden}";</script></body>`).window.document;
    expect(detectScript(doc)).toBe('hans');
    doc.querySelector('[hidden]')!.removeAttribute('hidden');
    expect(detectScript(doc)).toBe('hant');
  });

  it('gives none without Han text, and honours the root argument', () => {
    const doc = domOf('<body><p>Plain English only.</p><div id="t">這裡說的話，還有許多繁體字</div></body>').window.document;
    expect(detectScript(doc, doc.querySelector('p')!)).toBe('none');
    expect(detectScript(doc, doc.querySelector('#t')!)).toBe('hant');
  });

  it('stops reading once it has a large sample (a page that turns traditional late still reads hans)', () => {
    const doc = domOf('<body></body>').window.document;
    const add = (text: string, times: number) => {
      for (let i = 0; i < times; i++) doc.body.appendChild(doc.createElement('p')).textContent = text;
    };
    // 400 × 20 simplified Han characters fill the sample; 1500 × 20 traditional ones follow.
    add('这里说的话都是简体字我们来测试读取上限', 400);
    add('這裡說的話都是繁體字我們來測試讀取上限', 1500);
    expect(detectScript(doc)).toBe('hans');
    // The same traditional text read first decides the other way, so the cap is what held it.
    doc.body.prepend(...Array.from(doc.body.children).slice(400));
    expect(detectScript(doc)).toBe('hant');
  });
});
