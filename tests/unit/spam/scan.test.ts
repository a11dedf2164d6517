// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { countHidden, hideVerdicts, isHiddenSpam, isSpamShown, scanForSpam, setSpamShown } from '../../../lib/spam';
import { loadPage, readFixture } from './helpers';

const labelled = (doc: Document, label: string) => Array.from(doc.querySelectorAll(`[data-label="${label}"]`));
const touched = (el: Element) => isHiddenSpam(el) || el.querySelector('[data-qingdu-hidden]') !== null;

describe('scanForSpam on a traditional page with traditional lists (no layout in jsdom)', () => {
  let doc: Document;
  beforeEach(() => {
    doc = loadPage(readFixture('hant-edition.html'));
  });
  it('hides the simplified wall as a wall and nothing else', () => {
    const verdicts = scanForSpam(doc);
    expect(verdicts.map((v) => v.reason)).toEqual(['wall']);
    expect(verdicts[0].element.getAttribute('data-label')).toBe('spam');
    expect(verdicts[0].signals).toContain('script-mismatch');
    expect(hideVerdicts(doc, verdicts)).toBe(1);
    for (const el of labelled(doc, 'legit')) expect(touched(el)).toBe(false);
  });
  it('does not flag the wall when told the page is simplified (no mismatch, fewer signals)', () => {
    const withHant = scanForSpam(doc)[0].score;
    const withHans = scanForSpam(doc, { pageScript: 'hans' })[0]?.score ?? 0;
    expect(withHans).toBeLessThan(withHant);
  });
});

describe('scanForSpam on the technique fixture (lexical and CSS checks)', () => {
  let doc: Document;
  beforeEach(() => {
    doc = loadPage(readFixture('techniques.html'));
  });
  it('flags the visible wall, display:none blocks and sold links in the mixed block', () => {
    const verdicts = scanForSpam(doc);
    hideVerdicts(doc, verdicts);
    expect(isHiddenSpam(doc.querySelector('.seo-links')!)).toBe(true);
    expect(doc.querySelector('.seo-links')!.getAttribute('data-qingdu-hidden')).toBe('wall');
    const mixedSpam = doc.querySelectorAll('.friend-mixed a[data-label="spam"]');
    for (const a of mixedSpam) expect(a.getAttribute('data-qingdu-hidden')).toBe('link');
    const displayNone = doc.querySelector('div[style="display:none"]')!;
    expect(displayNone.getAttribute('data-qingdu-hidden')).toBe('hidden-link');
  });
  it('leaves every trap alone: skip/sr-only links, collapsed menu, ticker, lists, partners, footer', () => {
    hideVerdicts(doc, scanForSpam(doc));
    const legit = labelled(doc, 'legit');
    expect(legit.length).toBeGreaterThan(10);
    for (const el of legit) expect(touched(el), el.outerHTML.slice(0, 80)).toBe(false);
  });
  it('honours the article root: links inside it are not wall candidates', () => {
    const article = doc.getElementById('main')!;
    article.insertAdjacentHTML(
      'beforeend',
      '<p><a href="/a">亚洲综合运动会</a> <a href="/b">国产精品牌</a> <a href="/c">久久为功</a></p>',
    );
    const verdicts = scanForSpam(doc, { articleRoot: article });
    expect(verdicts.some((v) => article.contains(v.element))).toBe(false);
  });
  it('skips elements already hidden and applies user selectors, ignoring invalid ones', () => {
    const first = scanForSpam(doc);
    const n = hideVerdicts(doc, first);
    expect(n).toBe(countHidden(doc));
    expect(scanForSpam(doc)).toEqual([]);
    const user = scanForSpam(doc, { extraSelectors: ['.inline-nav', '::::bad'] });
    expect(user.map((v) => v.reason)).toEqual(['user']);
  });
});

describe('hiding by attribute and stylesheet', () => {
  it('adds one stylesheet, counts hidden items and toggles the shown state', () => {
    const doc = loadPage(readFixture('hant-edition.html'));
    hideVerdicts(doc, scanForSpam(doc));
    hideVerdicts(doc, scanForSpam(doc, { extraSelectors: ['#btdh'] }));
    expect(doc.querySelectorAll('#qingdu-spam-style').length).toBe(1);
    expect(countHidden(doc)).toBe(2);
    const rule = doc.getElementById('qingdu-spam-style')!.textContent!;
    expect(rule).toContain('[data-qingdu-hidden]');
    expect(rule).toContain(':not([data-qingdu-spam-shown])');
    expect(isSpamShown(doc)).toBe(false);
    setSpamShown(doc, true);
    expect(isSpamShown(doc)).toBe(true);
    expect(doc.querySelector('html:not([data-qingdu-spam-shown]) [data-qingdu-hidden]')).toBeNull();
    setSpamShown(doc, false);
    expect(doc.querySelector('html:not([data-qingdu-spam-shown]) [data-qingdu-hidden]')).not.toBeNull();
    expect(doc.querySelector('.sitemap')).not.toBeNull(); // hidden, never deleted
  });
});

describe('scanForSpam on a 友情链接 block with sold betting links among real partners', () => {
  it('hides the sold links, keeps the block, its heading and every real partner link', () => {
    const doc = loadPage(readFixture('friend-links-mixed.html'));
    hideVerdicts(doc, scanForSpam(doc));
    const block = doc.querySelector('.flink')!;
    expect(isHiddenSpam(block)).toBe(false);
    const sold = labelled(doc, 'spam');
    expect(sold).toHaveLength(2);
    for (const a of sold) expect(a.getAttribute('data-qingdu-hidden'), a.textContent ?? '').toBe('link');
    const legit = labelled(doc, 'legit');
    expect(legit.length).toBeGreaterThan(8);
    for (const el of legit) expect(touched(el), el.outerHTML.slice(0, 80)).toBe(false);
  });
});
