// @vitest-environment jsdom
/**
 * What expected.json does not say about the fixture pages (numbers and names of labels, link
 * URLs, moving to any date, decoding); the rest is checked by pages.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { adapters, detectIssue, issueUrlForDate, looksLikeEpaper } from '../../../lib/epaper';
import { domFrom, fixtureDoc } from './helpers';

const NBS = 'http://paper.people.com.cn/rmrb/html/2023-05/08/';

describe('rmrb-nbs section page', () => {
  const url = `${NBS}nbs.D110000renmrb_01.htm`;
  const issue = detectIssue(fixtureDoc('rmrb-nbs-section', url), url)!;

  it('reads sections, titles (including document.write(view(…)) ones) and links', () => {
    expect(issue.sections.map((s) => [s.number, s.name])).toEqual([
      ['01', '要闻'],
      ['02', '要闻'],
      ['03', '要闻'],
      ['04', '评论'],
      ['05', '经济'],
      ['06', '国际'],
    ]);
    expect(issue.sections[0].label).toBe('01版：要闻');
    expect(issue.articles[1].url).toBe(`${NBS}nw.D110000renmrb_20230508_2-01.htm`);
    expect(issue.prevSection).toBeUndefined();
    expect(issue.pdf).toBe('http://paper.people.com.cn/rmrb/page/2023-05/08/01/rmrb2023050801.pdf');
    expect(issue.pageImage).toBe('http://paper.people.com.cn/rmrb/page/2023-05/08/01/rmrb2023050801_b.jpg');
  });

  it("gives any date's front section", () => {
    expect(issueUrlForDate(issue, url, '2024-02-29')).toBe(
      'http://paper.people.com.cn/rmrb/html/2024-02/29/nbs.D110000renmrb_01.htm',
    );
    expect(issueUrlForDate(issue, url, '2024-02-30')).toBeNull();
    expect(issueUrlForDate(issue, url, '29/02/2024')).toBeNull();
  });
});

describe('rmrb-nbs article page', () => {
  const url = `${NBS}nw.D110000renmrb_20230508_2-01.htm`;
  const issue = detectIssue(fixtureDoc('rmrb-nbs-article', url), url)!;

  it('marks the current section from the file name and the current article', () => {
    expect(issue.currentSection).toBe(0);
    expect(issue.sections.filter((s) => s.current).map((s) => s.label)).toEqual(['01版：要闻']);
    expect(issue.articles.filter((a) => a.current).map((a) => a.title)).toEqual(['山区小站迎来第一列动车']);
    expect(issue.prevArticle).toBe(`${NBS}nw.D110000renmrb_20230508_1-01.htm`);
    expect(issue.nextArticle).toBe(`${NBS}nw.D110000renmrb_20230508_3-01.htm`);
  });

  it('handles Guangming Daily file names', () => {
    const gm = 'http://epaper.gmw.cn/gmrb/html/2021-01/01/nw.D110000gmrb_20210101_3-04.htm';
    const gIssue = detectIssue(fixtureDoc('rmrb-nbs-article', gm), gm)!;
    expect(gIssue.paper).toBe('光明日报');
    expect(issueUrlForDate(gIssue, gm, '2020-12-31')).toBe('http://epaper.gmw.cn/gmrb/html/2020-12/31/nbs.D110000gmrb_01.htm');
  });
});

describe('GBK-encoded Founder classic page', () => {
  const url = 'http://epaper.jcwb.example.cn/jcwb/html/2021-09/15/node_12.htm';

  it('is stored as GBK bytes (UTF-8 decoding garbles it)', () => {
    const garbled = fixtureDoc('founder-classic-gbk', url, 'utf-8');
    expect(garbled.title).not.toContain('江城晚报');
  });

  it('parses once decoded as GBK', () => {
    const issue = detectIssue(fixtureDoc('founder-classic-gbk', url, 'gbk'), url)!;
    expect(issue.sections.map((s) => s.number)).toEqual(['A01', 'A02', 'A03', 'B01']);
    expect(issue.prevSection).toBe('http://epaper.jcwb.example.cn/jcwb/html/2021-09/15/node_11.htm');
    expect(issue.nextSection).toBe('http://epaper.jcwb.example.cn/jcwb/html/2021-09/15/node_13.htm');
    expect(issue.pdf).toBe('http://epaper.jcwb.example.cn/jcwb/images/2021-09/15/A02/JCWB20210915A02.pdf');
    expect(issue.prevIssue).toBe('http://epaper.jcwb.example.cn/jcwb/html/2021-09/14/node_11.htm');
    expect(issue.nextIssue).toBe('http://epaper.jcwb.example.cn/jcwb/html/2021-09/16/node_11.htm');
  });
});

describe('traditional-script paper with 第A1版 numbering (generic)', () => {
  const url = 'https://news.example.com.hk/daily/20240315/A1.html';
  const doc = fixtureDoc('generic-hant-a1', url);
  const issue = detectIssue(doc, url)!;

  it('falls back to the generic adapter', () => {
    expect(looksLikeEpaper(doc, url)).toBe(true);
    expect(issue.system).toBe('generic');
    expect(adapters.at(-1)!.id).toBe('generic');
  });

  it('reads labels as shown, numbers and names', () => {
    expect(issue.sections[6]).toMatchObject({ number: 'C1', name: '副刊 文化' });
    expect(issue.pdf).toBe('https://news.example.com.hk/daily/20240315/A1.pdf');
    expect(issue.pageImage).toBe('https://news.example.com.hk/daily/20240315/scan/A1.jpg');
    expect(issue.prevIssue).toBe('https://news.example.com.hk/daily/20240314/A1.html');
    expect(issue.nextIssue).toBe('https://news.example.com.hk/daily/20240316/A1.html');
    expect(issueUrlForDate(issue, url, '2023-12-31')).toBe('https://news.example.com.hk/daily/20231231/A1.html');
  });
});

describe('Founder classic issue with 24 sections', () => {
  const url = 'http://szb.example.cn/hbrb/html/2020-01/06/node_5.htm';
  const issue = detectIssue(fixtureDoc('founder-classic-24-sections', url), url)!;

  it('keeps all 24 sections in order and finds the current one', () => {
    expect(issue.system).toBe('founder-classic');
    expect(issue.sections).toHaveLength(24);
    expect(issue.sections.map((s) => s.number)).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(issue.sections[23].url).toBe('http://szb.example.cn/hbrb/html/2020-01/06/node_25.htm');
    expect(issue.currentSection).toBe(3);
    expect(issue.sections[3].label).toBe('第04版：经济');
    // The current 版's own PDF, not the first row of the list.
    expect(issue.pdf).toBe('http://szb.example.cn/hbrb/images/2020-01/06/04/HBRB2020010604.pdf');
    expect(issueUrlForDate(issue, url, '2021-01-01')).toBe('http://szb.example.cn/hbrb/html/2021-01/01/node_2.htm');
  });
});

describe('版面 list with javascript:, data: and off-site links, behind <base href>', () => {
  const url = 'http://paper.example.org/mirror/view.php?p=wb';
  const issue = detectIssue(fixtureDoc('founder-classic-bad-links', url), url)!;
  const dir = 'http://paper.example.org/wb/html/2019-11/03/';

  it('drops the bad links and resolves the rest against <base>', () => {
    expect(issue.system).toBe('founder-classic');
    expect(issue.sections.map((s) => s.url)).toEqual([`${dir}node_2.htm`, `${dir}node_3.htm`, `${dir}node_7.htm`]);
    expect(issue.articles[0].url).toBe(`${dir}content_501.htm?div=-1`);
  });
});

describe('ordinary pages', () => {
  it('a blog post with a couple of 第N版 links in prose is not an e-paper', () => {
    const url = 'https://blog.example.com/2021/03/notes.html';
    const doc = fixtureDoc('blog-prose', url);
    expect(detectIssue(doc, url)).toBeNull();
    expect(looksLikeEpaper(doc, url)).toBe(false);
  });

  it('non-http pages and bad URLs give null without throwing', () => {
    const doc = fixtureDoc('generic-hant-a1', 'https://news.example.com.hk/daily/20240315/A1.html');
    expect(detectIssue(doc, 'not a url')).toBeNull();
    expect(detectIssue(doc, 'file:///tmp/A1.html')).toBeNull();
    expect(looksLikeEpaper(doc, 'not a url')).toBe(true);
  });

  it('an empty document is not an e-paper', () => {
    const url = 'http://szb.example.cn/hbrb/html/2020-01/06/node_5.htm';
    const doc = domFrom('<!DOCTYPE html><html><head><title></title></head><body></body></html>', url);
    expect(detectIssue(doc, url)).toBeNull();
  });
});
