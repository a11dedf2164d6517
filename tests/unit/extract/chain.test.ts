/**
 * The extraction chain: every page where plain Readability finds prose gets an article, on our
 * own pages modelled on real markup (each with its expected output beside it), and the rules
 * that pick between the tuned and the plain result.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { detectIssue } from '../../../lib/epaper';
import { extractArticle } from '../../../lib/extract';
import { choosePlainOrTuned } from '../../../lib/extract/choose';
import { largestTextBlock } from '../../../lib/extract/largest-block';
import { isProseLine, isRealProse } from '../../../lib/extract/prose';
import { fixturesDir } from '../../corpus';

interface Expected {
  title: string;
  lang: string;
  first_body_sentence: string;
  last_body_sentence: string;
  caption?: string;
  not_in_body: string[];
}

const FIXTURES: [string, string][] = [
  ['hant-blog', 'http://hillhut.example.tw/2031/01/18/first-snow/'],
  ['unknown-epaper', 'http://epaper.jcwb.example.cn/jcwb/pc/203103/05/A03/c3071.html'],
];

describe('an unknown e-paper system the generic adapter takes for a section page', () => {
  test('is still read as the article it is', () => {
    const [name, url] = FIXTURES[1];
    const doc = new JSDOM(readFileSync(join(fixturesDir, 'extract', name, 'page.html'), 'utf8'), { url }).window.document;
    const issue = detectIssue(doc, url);
    expect(issue?.system).toBe('generic');
    expect(issue?.kind).toBe('section');
    const a = extractArticle(doc, url, { issue });
    expect(a?.title).toBe('老城区菜市场改造后重新开门');
    expect(a?.textContent.startsWith('昨天清晨六点')).toBe(true);
    expect(a?.section).toBe('A03版：城事');
  });
});

describe.each(FIXTURES)('fixture %s', (name, url) => {
  const html = readFileSync(join(fixturesDir, 'extract', name, 'page.html'), 'utf8');
  const expected = JSON.parse(readFileSync(join(fixturesDir, 'extract', name, 'expected.json'), 'utf8')) as Expected;

  test('has its article, title and body as expected', () => {
    const doc = new JSDOM(html, { url }).window.document;
    const a = extractArticle(doc, url);
    expect(a).not.toBeNull();
    if (!a) return;
    expect(a.title).toBe(expected.title);
    expect(a.lang).toBe(expected.lang);
    expect(a.textContent.startsWith(expected.first_body_sentence)).toBe(true);
    expect(a.textContent.endsWith(expected.last_body_sentence)).toBe(true);
    if (expected.caption) expect(a.images.map((i) => i.caption)).toContain(expected.caption);
    for (const text of expected.not_in_body) expect(a.contentHtml).not.toContain(text);
    // The reader gives each article its own <article>: none inside the body.
    expect(a.contentHtml).not.toMatch(/<article/);
  });
});

const page = (body: string, title = '测试页面') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const extractFrom = (html: string, url = 'http://news.example.cn/a/1.html') =>
  extractArticle(new JSDOM(html, { url }).window.document, url);

const PARAGRAPHS = [
  '昨天上午，青山区图书馆的新阅览室正式开放，三百多个座位很快坐满了前来看书的市民。',
  '馆方介绍，改造后的阅览室增加了自习区和儿童绘本区，开放时间延长到晚上九点，周末也不闭馆。',
  '不少家长带着孩子一早就来排队，有的一家三口在绘本区坐了整整一个上午，临走前又办了借书证。',
];

describe('the chain never loses an article plain Readability finds', () => {
  test('a page wrapped in one <form> (ASP.NET) still has its article', () => {
    const html = page(
      `<form id="form1" method="post" action="./a.aspx"><div class="top"><a href="/">首页</a></div>
       <div class="content"><h1>青山区图书馆新阅览室开放</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></form>`,
      '青山区图书馆新阅览室开放_青山网',
    );
    const a = extractFrom(html);
    expect(a?.title).toBe('青山区图书馆新阅览室开放');
    expect(a?.textContent.split('\n')).toEqual(PARAGRAPHS);
  });

  test('an untitled page with a short article: the tuned step refuses it, plain Readability has it', () => {
    const html = page(`<div class="main"><div class="text">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></div>`, '');
    const a = extractFrom(html);
    expect(a?.textContent.split('\n')).toEqual(PARAGRAPHS);
  });

  test('a page the issue calls a section page, with a few sentences only, has no article', () => {
    const html = page(`<div>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`);
    const issue = {
      system: 'generic' as const,
      kind: 'section' as const,
      paper: '',
      date: '',
      sections: [],
      currentSection: -1,
      articles: [],
    };
    const url = 'http://epaper.example.cn/node_2.htm';
    expect(extractArticle(new JSDOM(html, { url }).window.document, url, { issue })).toBeNull();
  });

  test('a headline printed atop the body wins over a <title> with a channel part', () => {
    const html = page(
      `<div class="content"><div align="center"><span class="STYLE8">青山区图书馆管理办法</span></div>
       ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`,
      '青山区图书馆管理办法-公告',
    );
    const a = extractFrom(html);
    expect(a?.title).toBe('青山区图书馆管理办法');
    expect(a?.textContent.split('\n')).toEqual(PARAGRAPHS);
  });

  test('a copyright notice and a list of links are no article', () => {
    const html = page(
      `<ul>${['老街夜市重新开张', '河堤步道年底完工', '春季招聘会下周举行'].map((t) => `<li><a href="/x">${t}</a></li>`).join('')}</ul>
       <div class="bottom"><p>版权声明：本网站所刊登的各种新闻、信息和各种专题专栏资料，均为青山网版权所有，未经协议授权，禁止下载使用，违者将依法追究其法律责任，特此声明。</p></div>`,
    );
    expect(extractFrom(html)).toBeNull();
  });
});

describe('choosePlainOrTuned', () => {
  const plain = PARAGRAPHS.join('\n');

  test('the tuned result missing a paragraph plain Readability found loses', () => {
    expect(choosePlainOrTuned(PARAGRAPHS.slice(0, 2).join('\n'), plain)).toBe('plain');
  });

  test('the tuned result holding plain plus short paragraphs Readability dropped wins', () => {
    const extra = '本报讯 记者 林小禾报道。\n读者留言：希望增加周一开放。';
    expect(choosePlainOrTuned(`${plain}\n${extra}`, plain)).toBe('tuned');
  });

  test('the tuned result holding plain plus a list of other articles and comments loses', () => {
    const noise = Array.from({ length: 30 }, (_, i) => `0${i % 10}/热门推荐第${i}条 城市新闻标题${i}`).join('\n');
    expect(choosePlainOrTuned(`${plain}\n${noise}`, plain)).toBe('plain');
  });

  test('identical results keep the tuned one', () => {
    expect(choosePlainOrTuned(plain, plain)).toBe('tuned');
  });
});

describe('prose', () => {
  test('sentences are prose; headlines, labels and notices are not', () => {
    expect(isProseLine(PARAGRAPHS[0])).toBe(true);
    expect(isProseLine('01/外媒：某地经济增长率降至2.3%')).toBe(false);
    expect(isProseLine('首页 新闻 体育 娱乐 财经')).toBe(false);
    expect(isProseLine('Copyright © 2031 青山网 版权所有，未经授权不得转载。')).toBe(false);
    expect(isRealProse(PARAGRAPHS.join('\n'))).toBe(true);
    expect(isRealProse(PARAGRAPHS[0])).toBe(false);
  });
});

describe('largestTextBlock', () => {
  test('finds the <div> whose <br>-separated lines hold most prose, not the link list', () => {
    const doc = new JSDOM(
      page(`<div id="links">${'<a href="/x">一条很长的推荐文章标题，点击阅读全文。</a><br>'.repeat(20)}</div>
            <div id="text">${PARAGRAPHS.join('<br><br>')}</div><div id="note">本页面仅供参考。</div>`),
    ).window.document;
    expect(largestTextBlock(doc.body)?.id).toBe('text');
  });
});
