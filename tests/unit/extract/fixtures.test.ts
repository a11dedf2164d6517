/** Extraction on our own invented pages, each covering one hard case. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { extractArticle, sanitizeHtml } from '../../../lib/extract';
import { fixturesDir } from '../../corpus';

const URL_BASE = 'http://epaper.example.cn/qswb/html/2031-03/04/content_901.htm';
const read = (name: string) => readFileSync(join(fixturesDir, 'extract', name));
const utf8 = (name: string) => read(name).toString('utf8');
const extractFrom = (html: string, url = URL_BASE) => extractArticle(new JSDOM(html, { url }).window.document, url);

describe('GBK page (Founder classic, 引题/副题, photo table, pure byline)', () => {
  const bytes = read('gbk-founder-classic.html');
  const html = new TextDecoder('gbk').decode(bytes);

  test('the fixture really is GBK', () => {
    expect(bytes.toString('utf8')).not.toContain('青石镇');
    expect(html).toContain('青石镇');
  });

  test('title block, metadata and body', () => {
    const a = extractFrom(html);
    expect(a).not.toBeNull();
    if (!a) return;
    expect(a.kicker).toBe('旧粮仓里飘书香');
    expect(a.title).toBe('青石镇社区图书馆借阅量翻番');
    expect(a.subtitle).toBe('线上预约让年轻读者回到书架前');
    expect(a.byline).toBe('本报记者 林小禾');
    expect(a.paper).toBe('青山晚报');
    expect(a.date).toBe('2031-03-04');
    expect(a.section).toBe('第A02版：城事');
    expect(a.lang).toBe('zh-Hans');
    expect(a.textContent.startsWith('清晨六点')).toBe(true);
    expect(a.textContent.split('\n')).toHaveLength(5);
    // Navigation and pager stay out.
    for (const nav of ['第A01版', '老街夜市重新开张', '河堤步道年底完工', '下一篇', '版权所有']) {
      expect(a.contentHtml).not.toContain(nav);
    }
  });

  test('the photo keeps its caption, its URL is absolute, the page scan is not an article image', () => {
    const a = extractFrom(html);
    expect(a?.images).toEqual([
      { src: 'http://epaper.example.cn/qswb/images/2031-03/04/A02/p5_b.jpg', caption: '读者在改建后的阅览室里看书' },
    ]);
    expect(a?.contentHtml).toMatch(
      /<figure><img src="http:\/\/epaper\.example\.cn\/[^"]+p5_b\.jpg"><figcaption>读者在改建后的阅览室里看书<\/figcaption><\/figure>/,
    );
  });
});

describe('elements hidden by lib/spam', () => {
  test('are dropped from the article; the page keeps them', () => {
    const dom = new JSDOM(utf8('founder-classic-hidden-spam.html'), { url: URL_BASE });
    const a = extractArticle(dom.window.document, URL_BASE);
    expect(a?.title).toBe('河堤步道年底完工');
    expect(a?.subtitle).toBe('全长八公里，串起沿河五个公园');
    expect(a?.kicker).toBe('');
    expect(a?.contentHtml).not.toContain('蜘蛛池');
    expect(dom.window.document.querySelector('[data-qingdu-hidden]')?.textContent).toContain('蜘蛛池');
  });
});

describe('ordinary news page with <br><br> paragraphs and a layout table', () => {
  const a = extractFrom(utf8('generic-br-body.html'), 'http://news.example.cn/city/2031/0304/a901.html');

  test('finds the article', () => {
    expect(a).not.toBeNull();
    expect(a?.kicker).toBe('旧粮仓里飘书香');
    expect(a?.title).toBe('青石镇社区图书馆借阅量翻番');
    expect(a?.subtitle).toBe('线上预约让年轻读者回到书架前');
    expect(a?.paper).toBe('青山新闻网');
  });

  test('splits the body into paragraphs and leaves the layout table and sidebar behind', () => {
    const lines = a?.textContent.split('\n') ?? [];
    expect(lines[0]?.startsWith('清晨六点')).toBe(true);
    expect(lines.filter((l) => /。$/.test(l)).length).toBe(5);
    expect(a?.contentHtml).not.toMatch(/<table|<td/);
    for (const side of ['热门文章', '春季招聘会下周举行', '首页', 'Copyright']) expect(a?.contentHtml).not.toContain(side);
  });
});

describe('a page with no article', () => {
  test('returns null', () => {
    expect(extractFrom(utf8('no-article-section.html'))).toBeNull();
  });

  test('an empty document returns null', () => {
    expect(extractFrom('<!DOCTYPE html><html><head></head><body></body></html>')).toBeNull();
  });

  test('the issue hint of a section page returns null', () => {
    const issue = {
      system: 'generic' as const,
      kind: 'section' as const,
      paper: '',
      date: '',
      sections: [],
      currentSection: -1,
      articles: [],
    };
    const doc = new JSDOM(utf8('no-article-section.html'), { url: URL_BASE }).window.document;
    expect(extractArticle(doc, URL_BASE, { issue })).toBeNull();
  });
});

describe('inline scripts that throw', () => {
  test('do not stop extraction from the parsed DOM', () => {
    const errors: unknown[] = [];
    const virtualConsole = new VirtualConsole();
    virtualConsole.on('jsdomError', (e) => errors.push(e));
    const dom = new JSDOM(utf8('throwing-scripts.html'), { url: URL_BASE, runScripts: 'dangerously', virtualConsole });
    expect(errors.length).toBeGreaterThan(0); // the fixture's scripts did run and throw
    const a = extractArticle(dom.window.document, URL_BASE);
    expect(a?.title).toBe('老街夜市重新开张');
    expect(a?.textContent.startsWith('清晨六点')).toBe(true);
    expect(a?.contentHtml).not.toContain('<script');
  });
});

describe('XSS payloads in a page', () => {
  const a = extractFrom(utf8('xss-payloads.html'));

  test('the article survives, the payloads do not', () => {
    expect(a?.title).toBe('图书馆读者留言整理');
    const html = a?.contentHtml ?? '';
    expect(html).toContain('馆方表示会逐条回复');
    for (const bad of [
      /onerror/i,
      /onload/i,
      /onclick/i,
      /javascript:/i,
      /<svg/i,
      /<iframe/i,
      /<form/i,
      /<input/i,
      /<style/i,
      /<script/i,
      /alert\(/,
    ]) {
      expect(html).not.toMatch(bad);
    }
  });

  test('links open safely in a new tab', () => {
    const doc = new JSDOM(`<body>${a?.contentHtml ?? ''}</body>`).window.document;
    const links = Array.from(doc.querySelectorAll('a[href]'));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.getAttribute('href')).toMatch(/^https?:/);
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.getAttribute('target')).toBe('_blank');
    }
  });
});

describe('sanitizeHtml', () => {
  const doc = new JSDOM('<!DOCTYPE html><body></body>').window.document;

  test('removes scripts, handlers, javascript: URLs, iframes, forms and styles', () => {
    const out = sanitizeHtml(
      '<p style="color:red" onclick="x()">正文<script>x()</script><a href="javascript:x()">链</a></p><iframe src="//e"></iframe><form><input></form><style>p{}</style><svg onload="x()"></svg><img src="a.jpg" onerror="x()">',
      doc,
    );
    expect(out).toContain('<p>正文<a>链</a></p>'); // the javascript: href is gone, so no link remains
    expect(out).toContain('<img src="a.jpg">');
    expect(out).not.toMatch(/script|onclick|onerror|onload|javascript|iframe|form|input|style|svg/i);
  });

  test('keeps figures and captions', () => {
    expect(sanitizeHtml('<figure><img src="http://e.cn/a.jpg" alt="图"><figcaption>说明</figcaption></figure>', doc)).toBe(
      '<figure><img src="http://e.cn/a.jpg" alt="图"><figcaption>说明</figcaption></figure>',
    );
  });
});
