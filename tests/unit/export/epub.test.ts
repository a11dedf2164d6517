// @vitest-environment jsdom
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bookFileName, buildEpub } from '../../../lib/export';
import { validateEpub } from '../../../lib/export/validate-epub';
import { MISSING_PHOTO_URL, sampleBook } from './book-fixture';

const parser = () => new DOMParser();

function xml(text: string, type: DOMParserSupportedType = 'application/xhtml+xml'): Document {
  const doc = new DOMParser().parseFromString(text, type);
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

/** Rebuilds a zip from entries in the given order, mimetype stored unless told otherwise. */
function rezip(entries: [string, Uint8Array][], mimetypeLevel: 0 | 6 = 0): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of entries) files[name] = name === 'mimetype' ? [data, { level: mimetypeLevel }] : data;
  return zipSync(files, { level: 6 });
}

function opfOf(files: Record<string, Uint8Array>): Document {
  return xml(strFromU8(files['OEBPS/content.opf']), 'application/xml');
}

function chapterTitles(files: Record<string, Uint8Array>): string[] {
  const opf = opfOf(files);
  const hrefById = new Map(
    Array.from(opf.getElementsByTagName('item')).map((i) => [i.getAttribute('id'), i.getAttribute('href')]),
  );
  return Array.from(opf.getElementsByTagName('itemref'))
    .map((ref) => hrefById.get(ref.getAttribute('idref')) ?? '')
    .filter((href) => href.startsWith('text/'))
    .map((href) => xml(strFromU8(files[`OEBPS/${href}`])).getElementsByTagName('h1')[0]?.textContent ?? '');
}

describe('buildEpub', () => {
  const book = sampleBook();
  const bytes = buildEpub(book);
  const files = unzipSync(bytes);

  it('passes the structural validation', () => {
    expect(validateEpub(bytes, parser())).toEqual([]);
  });

  it('starts with a stored mimetype entry', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0); // stored
    const nameLength = view.getUint16(26, true);
    expect(strFromU8(bytes.subarray(30, 30 + nameLength))).toBe('mimetype');
    expect(strFromU8(files.mimetype)).toBe('application/epub+zip');
  });

  it('has one chapter per article, in order', () => {
    const expected = book.sections.flatMap((s) => s.articles.map((a) => a.title || '（无标题）'));
    expect(chapterTitles(files)).toEqual(expected);
  });

  it('escapes text and turns broken HTML into well-formed XHTML', () => {
    const first = xml(strFromU8(files['OEBPS/text/ch-001.xhtml']));
    expect(first.getElementsByTagName('h1')[0].textContent).toBe('湖畔春耕 A&B<C>');
    expect(first.querySelector('.kicker')?.textContent).toBe('引题 "甲"');
    expect(first.body.textContent).toContain('农机 & 种子 <齐备>。');
    const second = xml(strFromU8(files['OEBPS/text/ch-002.xhtml']));
    const paragraphs = Array.from(second.querySelectorAll('article > p')).map((p) => p.textContent ?? '');
    expect(paragraphs[0]).toContain('未闭合的段落粗体');
    expect(paragraphs[1]).toContain('第二段 a & b < c');
    expect(second.getElementsByTagName('br')).toHaveLength(1);
    const fourth = strFromU8(files['OEBPS/text/ch-004.xhtml']);
    expect(fourth).not.toContain('\u0001');
    expect(xml(fourth).body.textContent).toContain('控制字符要去掉');
  });

  it('includes fetched images and drops missing ones', () => {
    const first = xml(strFromU8(files['OEBPS/text/ch-001.xhtml']));
    const src = first.getElementsByTagName('img')[0].getAttribute('src') ?? '';
    expect(src).toMatch(/^\.\.\/images\/img-\d+\.png$/);
    expect(files[`OEBPS/${src.slice(3)}`]).toEqual(book.images?.values().next().value?.bytes);
    const second = xml(strFromU8(files['OEBPS/text/ch-002.xhtml']));
    expect(second.getElementsByTagName('img')).toHaveLength(0);
    expect(Object.values(files).length).toBeGreaterThan(0);
    expect(strFromU8(files['OEBPS/content.opf'])).not.toContain(MISSING_PHOTO_URL);
  });

  it('uses the page scan as cover and writes the metadata', () => {
    const opf = opfOf(files);
    const cover = Array.from(opf.getElementsByTagName('item')).find((i) => i.getAttribute('properties') === 'cover-image');
    expect(cover).toBeDefined();
    expect(files[`OEBPS/${cover?.getAttribute('href')}`]).toEqual(book.cover?.bytes);
    const dc = (name: string) => opf.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', name)[0]?.textContent;
    expect(dc('title')).toBe(book.title);
    expect(dc('language')).toBe('zh-Hans');
    expect(dc('date')).toBe('2024-03-15');
    expect(dc('identifier')).toContain(book.sourceUrl);
    const modified = Array.from(opf.getElementsByTagName('meta')).find((m) => m.getAttribute('property') === 'dcterms:modified');
    expect(modified?.textContent).toBe('2024-03-16T08:00:00Z');
  });

  it('builds the table of contents by section (nav with nested ol, and NCX)', () => {
    const nav = xml(strFromU8(files['OEBPS/nav.xhtml']));
    const top = Array.from(nav.querySelectorAll('nav > ol > li'));
    const nonEmpty = book.sections.filter((s) => s.articles.length > 0);
    expect(top.map((li) => li.querySelector(':scope > a')?.textContent)).toEqual(nonEmpty.map((s) => s.label));
    top.forEach((li, i) => {
      expect(Array.from(li.querySelectorAll('ol > li > a')).map((a) => a.textContent)).toEqual(
        nonEmpty[i].articles.map((a) => a.title || '（无标题）'),
      );
    });
    const ncx = xml(strFromU8(files['OEBPS/toc.ncx']), 'application/xml');
    const sectionPoints = Array.from(ncx.getElementsByTagName('navMap')[0].children);
    expect(sectionPoints.map((p) => p.getElementsByTagName('text')[0].textContent)).toEqual(nonEmpty.map((s) => s.label));
  });

  it('writes Traditional metadata for a zh-Hant book and survives an empty one', () => {
    const hant = buildEpub({ ...sampleBook(), lang: 'zh-Hant' });
    expect(validateEpub(hant, parser())).toEqual([]);
    expect(strFromU8(unzipSync(hant)['OEBPS/content.opf'])).toContain('<dc:language>zh-Hant</dc:language>');
    const empty = buildEpub({ ...sampleBook(), cover: undefined, sections: [] });
    expect(validateEpub(empty, parser())).toEqual([]);
  });
});

describe('validateEpub catches broken files', () => {
  const good = buildEpub(sampleBook());
  const entries = (): [string, Uint8Array][] => Object.entries(unzipSync(good));

  it('a chapter missing from the spine', () => {
    const broken = entries().map(([name, data]): [string, Uint8Array] =>
      name === 'OEBPS/content.opf' ? [name, strToU8(strFromU8(data).replace('<itemref idref="ch-002"/>', ''))] : [name, data],
    );
    expect(validateEpub(rezip(broken), parser())).toEqual(['chapter ch-002 is not in the spine']);
  });

  it('mimetype not first, or compressed', () => {
    const list = entries();
    const reordered = [...list.slice(1), list[0]];
    expect(validateEpub(rezip(reordered), parser())).toContain('first entry is META-INF/container.xml, not mimetype');
    expect(validateEpub(rezip(list, 6), parser())).toContain('mimetype is compressed (must be stored)');
  });

  it('malformed XHTML', () => {
    const broken = entries().map(([name, data]): [string, Uint8Array] =>
      name === 'OEBPS/text/ch-003.xhtml' ? [name, strToU8(strFromU8(data).replace('</h1>', ''))] : [name, data],
    );
    expect(validateEpub(rezip(broken), parser())).toEqual(['OEBPS/text/ch-003.xhtml is not well-formed XHTML']);
  });

  it('files outside the manifest, missing manifest files, unknown spine items, no nav', () => {
    const list = entries()
      .filter(([name]) => name !== 'OEBPS/text/ch-001.xhtml')
      .map(([name, data]): [string, Uint8Array] =>
        name === 'OEBPS/content.opf'
          ? [
              name,
              strToU8(
                strFromU8(data)
                  .replace(' properties="nav"', '')
                  .replace('<itemref idref="ch-003"/>', '<itemref idref="ch-003"/><itemref idref="ghost"/>'),
              ),
            ]
          : [name, data],
      );
    list.push(['OEBPS/stray.txt', strToU8('x')]);
    const problems = validateEpub(rezip(list), parser());
    expect(problems).toContain('manifest item ch-001 (OEBPS/text/ch-001.xhtml) is not in the zip');
    expect(problems).toContain('OEBPS/stray.txt is not in the manifest');
    expect(problems).toContain('spine references unknown item ghost');
    expect(problems).toContain('expected one nav document, found 0');
  });

  it('not a zip at all', () => {
    expect(validateEpub(strToU8('hello'), parser())).toEqual(['not a zip file']);
  });
});

describe('bookFileName', () => {
  it('makes a safe file name', () => {
    const name = bookFileName({ ...sampleBook(), title: '第01版：要闻/时政?' }, 'epub');
    expect(name).toBe('飞霞日报-2024-03-15-第01版：要闻 时政.epub');
    expect(bookFileName({ ...sampleBook(), paper: '', date: '', title: '' }, 'md')).toBe('qingdu.md');
    expect(bookFileName(sampleBook(), 'md')).toBe('飞霞日报-2024-03-15.md');
  });
});
