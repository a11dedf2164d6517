// @vitest-environment jsdom
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { collectIssue } from '../../../lib/collect';
import { articleImageUrls, buildEpub, buildMarkdown, fetchBookImages, sniffImageType } from '../../../lib/export';
import { validateEpub } from '../../../lib/export/validate-epub';
import { createFakeSite, extractFounderArticle, ORIGIN, parseFounderSection, sectionsOfFixture } from '../collect/fixture-site';
import { article, MISSING_PHOTO_URL, PHOTO_URL, png } from './book-fixture';

describe('images', () => {
  it('sniffs media types from bytes', () => {
    expect(sniffImageType(png('p101_b.png'))).toBe('image/png');
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('<html>'))).toBe('');
  });

  it('fetches images through the given fetcher and drops missing ones', async () => {
    const site = createFakeSite();
    const urls = articleImageUrls([
      article(1, '甲', '', {
        images: [
          { src: PHOTO_URL, caption: '' },
          { src: MISSING_PHOTO_URL, caption: '' },
        ],
      }),
      article(2, '乙', '', {
        images: [
          { src: PHOTO_URL, caption: '' },
          { src: 'http://other.test/x.png', caption: '' },
        ],
      }),
    ]);
    expect(urls).toEqual([PHOTO_URL, MISSING_PHOTO_URL, 'http://other.test/x.png']);
    const refusing = (url: string, signal: AbortSignal) =>
      url.startsWith(ORIGIN) ? site.fetchPage(url, signal) : Promise.reject(new Error('Refused'));
    const images = await fetchBookImages(urls, refusing, new AbortController().signal);
    expect([...images.keys()]).toEqual([PHOTO_URL]);
    expect(images.get(PHOTO_URL)?.mediaType).toBe('image/png');
  });
});

describe('the fixture issue, collected and exported', () => {
  it('becomes a valid EPUB and Markdown with every collected article in order', async () => {
    const site = createFakeSite();
    const state = await collectIssue({
      origin: ORIGIN,
      sections: sectionsOfFixture(),
      fetchPage: site.fetchPage,
      parseSection: parseFounderSection,
      extract: extractFounderArticle,
      delayMs: 0,
      onUpdate: () => {},
    });
    const sections = state.sections.map((s) => ({
      label: s.label,
      articles: s.items.flatMap((i) => (i.article ? [i.article] : [])),
    }));
    const scanUrl = `${ORIGIN}/fxrb/images/2024-03/15/01/fxrb2024031501_b.png`;
    const [cover] = [...(await fetchBookImages([scanUrl], site.fetchPage, new AbortController().signal)).values()];
    expect(cover?.mediaType).toBe('image/png');
    const book = {
      paper: '飞霞日报',
      date: '2024-03-15',
      lang: 'zh-Hans',
      title: '飞霞日报 2024-03-15',
      sourceUrl: sectionsOfFixture()[0].url,
      cover,
      sections,
    };

    const epub = buildEpub(book);
    expect(validateEpub(epub, new DOMParser())).toEqual([]);
    const files = unzipSync(epub);
    const titles = sections.flatMap((s) => s.articles.map((a) => a.title));
    expect(titles.length).toBe(state.total - 1); // the missing page is left out
    const chapterH1 = Object.keys(files)
      .filter((f) => f.startsWith('OEBPS/text/'))
      .sort()
      .map(
        (f) =>
          new DOMParser().parseFromString(strFromU8(files[f]), 'application/xhtml+xml').getElementsByTagName('h1')[0].textContent,
      );
    expect(chapterH1).toEqual(titles);

    const md = buildMarkdown(book);
    const positions = titles.map((t) => md.indexOf(`### ${t}`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
