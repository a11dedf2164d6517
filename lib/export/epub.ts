/** EPUB 3 (with an NCX for older readers) of a section or an issue, zipped with fflate. */
import { strToU8, type Zippable, zipSync } from 'fflate';
import type { Article } from '../extract/types';
import { type Book, type BookImage, MISSING_HEADING } from './book';
import { imageExtension } from './images';
import { dropRemoteMedia } from './media';
import { safeHttpUrl } from './safe-text';
import { escapeXml, htmlToXhtml, XHTML_NS } from './xhtml';

const OEBPS = 'OEBPS';
const UNTITLED = '（无标题）';
const MEDIA_LABELS = { video: '（视频：请在原网页观看）', audio: '（音频：请在原网页收听）' };

interface Chapter {
  id: string;
  href: string; // relative to OEBPS
  article: Article;
}

interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
}

function nowIso(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

function xhtmlPage(lang: string, title: string, body: string, cssHref: string, epubNs = false): string {
  const ns = epubNs ? ' xmlns:epub="http://www.idpf.org/2007/ops"' : '';
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="${XHTML_NS}"${ns} lang="${escapeXml(lang)}" xml:lang="${escapeXml(lang)}">
<head>
<meta charset="utf-8"/>
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="${cssHref}"/>
</head>
<body>
${body}
</body>
</html>
`;
}

const STYLE = `body { line-height: 1.8; margin: 0 1em; }
h1 { font-size: 1.4em; line-height: 1.4; }
.kicker, .subtitle { color: #555; margin: 0.3em 0; }
.byline, .source { color: #777; font-size: 0.85em; }
figure { margin: 1em 0; text-align: center; }
img { max-width: 100%; }
.cover { text-align: center; }
`;

/** Assigns EPUB paths to the book's images as chapters use them. */
class ImageTable {
  readonly used = new Map<string, { href: string; image: BookImage }>();
  constructor(private readonly images: Map<string, BookImage>) {}

  /** The OEBPS-relative href of the image at `url`, or null when the book does not have it. */
  hrefFor(url: string): string | null {
    const known = this.used.get(url);
    if (known) return known.href;
    const image = this.images.get(url);
    if (!image) return null;
    const href = `images/img-${pad(this.used.size + 1)}.${imageExtension(image.mediaType)}`;
    this.used.set(url, { href, image });
    return href;
  }
}

function chapterBody(article: Article, images: ImageTable): string {
  const rewriteImages = (body: HTMLElement): void => {
    dropRemoteMedia(body, article.url, MEDIA_LABELS);
    for (const img of Array.from(body.querySelectorAll('img'))) {
      let absolute = '';
      try {
        absolute = new URL(img.getAttribute('src') ?? '', article.url).href;
      } catch {
        absolute = '';
      }
      const href = absolute ? images.hrefFor(absolute) : null;
      if (href) {
        img.setAttribute('src', `../${href}`);
        img.removeAttribute('srcset');
        if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
      } else {
        img.remove(); // a missing image is dropped, not fatal
      }
    }
  };
  const header = [
    article.kicker ? `<p class="kicker">${escapeXml(article.kicker)}</p>` : '',
    `<h1>${escapeXml(article.title || UNTITLED)}</h1>`,
    article.subtitle ? `<p class="subtitle">${escapeXml(article.subtitle)}</p>` : '',
    article.byline || article.date
      ? `<p class="byline">${escapeXml([article.byline, article.date].filter(Boolean).join(' · '))}</p>`
      : '',
  ].filter(Boolean);
  const content = htmlToXhtml(article.contentHtml ?? '', article.textContent ?? '', rewriteImages);
  const sourceUrl = safeHttpUrl(article.url ?? '');
  const source = sourceUrl ? `<p class="source"><a href="${escapeXml(sourceUrl)}">${escapeXml(sourceUrl)}</a></p>` : '';
  return `<article>\n<header>\n${header.join('\n')}\n</header>\n${content}\n${source}\n</article>`;
}

/** The list of articles that had not arrived, each with its page and the reason. */
function missingBody(missing: NonNullable<Book['missing']>, notes: string[]): string {
  const items = missing.map((m) => {
    const url = safeHttpUrl(m.url);
    const title = escapeXml([m.section, m.title || UNTITLED].filter(Boolean).join(' · '));
    const link = url ? `<a href="${escapeXml(url)}">${title}</a>` : title;
    return `<li>${link}（${escapeXml(m.reason)}）</li>`;
  });
  return [
    `<h1>${MISSING_HEADING}</h1>`,
    ...notes.map((n) => `<p>${escapeXml(n)}</p>`),
    items.length > 0 ? `<ul>\n${items.join('\n')}\n</ul>` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function navDocument(book: Book, title: string, groups: { label: string; chapters: Chapter[] }[]): string {
  const items = groups
    .map((group) => {
      const inner = group.chapters
        .map((c) => `<li><a href="${c.href}">${escapeXml(c.article.title || UNTITLED)}</a></li>`)
        .join('\n');
      return `<li><a href="${group.chapters[0].href}">${escapeXml(group.label)}</a>\n<ol>\n${inner}\n</ol>\n</li>`;
    })
    .join('\n');
  const body = `<nav epub:type="toc" id="toc">\n<h1>${escapeXml(title)}</h1>\n<ol>\n${items}\n</ol>\n</nav>`;
  return xhtmlPage(book.lang, title, body, 'style.css', true);
}

function ncxDocument(identifier: string, title: string, groups: { label: string; chapters: Chapter[] }[]): string {
  let pointId = 0;
  const playOrder = new Map<string, number>();
  for (const group of groups) for (const c of group.chapters) playOrder.set(c.href, playOrder.size + 1);
  const point = (label: string, src: string, children: string): string =>
    `<navPoint id="np-${++pointId}" playOrder="${playOrder.get(src)}"><navLabel><text>${escapeXml(label)}</text></navLabel><content src="${src}"/>${children}</navPoint>`;
  const map = groups
    .map((group) =>
      point(
        group.label,
        group.chapters[0].href,
        group.chapters.map((c) => point(c.article.title || UNTITLED, c.href, '')).join('\n'),
      ),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<head>
<meta name="dtb:uid" content="${escapeXml(identifier)}"/>
<meta name="dtb:depth" content="2"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>${escapeXml(title)}</text></docTitle>
<navMap>
${map}
</navMap>
</ncx>
`;
}

function opfDocument(
  book: Book,
  identifier: string,
  title: string,
  items: ManifestItem[],
  spine: string[],
  hasCover: boolean,
): string {
  const meta = [
    `<dc:identifier id="bookid">${escapeXml(identifier)}</dc:identifier>`,
    `<dc:title>${escapeXml(title)}</dc:title>`,
    `<dc:language>${escapeXml(book.lang || 'zh')}</dc:language>`,
    book.paper ? `<dc:creator>${escapeXml(book.paper)}</dc:creator>` : '',
    book.paper ? `<dc:publisher>${escapeXml(book.paper)}</dc:publisher>` : '',
    book.date ? `<dc:date>${escapeXml(book.date)}</dc:date>` : '',
    book.sourceUrl ? `<dc:source>${escapeXml(book.sourceUrl)}</dc:source>` : '',
    `<meta property="dcterms:modified">${escapeXml(book.modified || nowIso())}</meta>`,
    hasCover ? '<meta name="cover" content="cover-image"/>' : '',
  ].filter(Boolean);
  const manifest = items.map(
    (i) =>
      `<item id="${i.id}" href="${escapeXml(i.href)}" media-type="${i.mediaType}"${i.properties ? ` properties="${i.properties}"` : ''}/>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="${escapeXml(book.lang || 'zh')}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${meta.join('\n')}
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine toc="ncx">
${spine.map((id) => `<itemref idref="${id}"/>`).join('\n')}
</spine>
</package>
`;
}

const CONTAINER = `<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="${OEBPS}/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

export function bookTitle(book: Book): string {
  return book.title || [book.paper, book.date].filter(Boolean).join(' ') || UNTITLED;
}

/** Builds the EPUB file. Articles without a title or body still get a chapter. */
export function buildEpub(book: Book): Uint8Array {
  const title = bookTitle(book);
  const identifier = `urn:qingdu:${book.sourceUrl || title}${book.date ? `#${book.date}` : ''}`;
  const imageTable = new ImageTable(book.images ?? new Map());
  const files: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  files['META-INF/container.xml'] = strToU8(CONTAINER);

  const items: ManifestItem[] = [
    { id: 'nav', href: 'nav.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
    { id: 'style', href: 'style.css', mediaType: 'text/css' },
  ];
  const spine: string[] = [];

  if (book.cover) {
    const coverHref = `images/cover.${imageExtension(book.cover.mediaType)}`;
    files[`${OEBPS}/${coverHref}`] = book.cover.bytes;
    items.push({ id: 'cover-image', href: coverHref, mediaType: book.cover.mediaType, properties: 'cover-image' });
    const coverBody = `<div class="cover"><img src="${coverHref}" alt="${escapeXml(title)}"/></div>`;
    files[`${OEBPS}/cover.xhtml`] = strToU8(xhtmlPage(book.lang, title, coverBody, 'style.css'));
    items.push({ id: 'cover', href: 'cover.xhtml', mediaType: 'application/xhtml+xml' });
    spine.push('cover');
  }

  const groups: { label: string; chapters: Chapter[] }[] = [];
  let count = 0;
  for (const section of book.sections) {
    const chapters: Chapter[] = [];
    for (const article of section.articles) {
      count++;
      const chapter: Chapter = { id: `ch-${pad(count)}`, href: `text/ch-${pad(count)}.xhtml`, article };
      // A chapter says its own script when it knows it (an issue may mix 简 and 繁 pages).
      const lang = article.lang && article.lang !== 'zh' ? article.lang : book.lang;
      const page = xhtmlPage(lang, article.title || UNTITLED, chapterBody(article, imageTable), '../style.css');
      files[`${OEBPS}/${chapter.href}`] = strToU8(page);
      items.push({ id: chapter.id, href: chapter.href, mediaType: 'application/xhtml+xml' });
      spine.push(chapter.id);
      chapters.push(chapter);
    }
    if (chapters.length > 0) groups.push({ label: section.label, chapters });
  }

  const missing = book.missing ?? [];
  const notes = book.notes ?? [];
  if (missing.length > 0 || notes.length > 0) {
    const body = missingBody(missing, notes);
    files[`${OEBPS}/text/missing.xhtml`] = strToU8(xhtmlPage(book.lang, MISSING_HEADING, body, '../style.css'));
    items.push({ id: 'missing', href: 'text/missing.xhtml', mediaType: 'application/xhtml+xml' });
    spine.push('missing');
    const note: Article = {
      kicker: '',
      title: MISSING_HEADING,
      subtitle: '',
      byline: '',
      date: '',
      paper: '',
      section: '',
      contentHtml: '',
      textContent: '',
      images: [],
      lang: 'zh-Hans',
      url: '',
    };
    groups.push({ label: MISSING_HEADING, chapters: [{ id: 'missing', href: 'text/missing.xhtml', article: note }] });
  }

  for (const [, { href, image }] of imageTable.used) {
    files[`${OEBPS}/${href}`] = image.bytes;
    items.push({ id: href.replace(/[^A-Za-z0-9]+/g, '-'), href, mediaType: image.mediaType });
  }

  files[`${OEBPS}/style.css`] = strToU8(STYLE);
  files[`${OEBPS}/nav.xhtml`] = strToU8(
    groups.length > 0
      ? navDocument(book, title, groups)
      : xhtmlPage(
          book.lang,
          title,
          `<nav epub:type="toc" id="toc"><h1>${escapeXml(title)}</h1><ol><li><span>${UNTITLED}</span></li></ol></nav>`,
          'style.css',
          true,
        ),
  );
  files[`${OEBPS}/toc.ncx`] = strToU8(ncxDocument(identifier, title, groups));
  // An EPUB needs at least one spine item; an empty book shows its table of contents.
  if (spine.length === 0) spine.push('nav');
  files[`${OEBPS}/content.opf`] = strToU8(opfDocument(book, identifier, title, items, spine, Boolean(book.cover)));

  return zipSync(files, { level: 6 });
}
