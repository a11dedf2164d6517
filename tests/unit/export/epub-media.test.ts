// @vitest-environment jsdom
/** The EPUB keeps no remote media: beacons become a link to the page (issue 13, item 2). */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildEpub } from '../../../lib/export';
import { validateEpub } from '../../../lib/export/validate-epub';
import { article, sampleBook } from './book-fixture';

describe('remote media in an EPUB chapter', () => {
  const page = 'http://paper.fxrb.test/fxrb/html/2024-03/15/content_9.htm';
  const html = [
    '<p>前文</p>',
    '<video src="http://beacon.test/v.mp4" poster="http://beacon.test/p.jpg"><source src="http://beacon.test/v.webm"><track src="http://beacon.test/t.vtt">旧浏览器</video>',
    '<audio src="https://beacon.test/a.mp3"></audio>',
    '<p background="http://beacon.test/bg.png">背景</p>',
    '<picture><source srcset="http://beacon.test/x.webp"><img src="http://beacon.test/x.jpg" alt=""></picture>',
    '<p>后文</p>',
  ].join('');
  const book = sampleBook();
  book.sections = [{ label: '第09版', articles: [article(9, '信标', html, { url: page })] }];
  const epub = buildEpub(book);
  const chapter = strFromU8(unzipSync(epub)['OEBPS/text/ch-001.xhtml']);

  it('drops every element and attribute that would load a remote URL', () => {
    expect(chapter).not.toMatch(/beacon\.test/);
    expect(chapter).not.toMatch(/<(video|audio|source|track|picture)\b/);
    expect(chapter).not.toMatch(/\b(poster|background|srcset)=/);
    expect(validateEpub(epub, new DOMParser())).toEqual([]);
  });

  it('keeps the text around and links the page where the media still plays', () => {
    expect(chapter).toContain('前文');
    expect(chapter).toContain('后文');
    expect(chapter).toContain(`<p class="media"><a href="${page}">（视频：请在原网页观看）</a></p>`);
    expect(chapter).toContain(`<p class="media"><a href="${page}">（音频：请在原网页收听）</a></p>`);
  });
});
