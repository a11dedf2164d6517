/** A single Markdown file of a section or an issue. */
import type { Article } from '../extract/types';
import { type Book, MISSING_HEADING } from './book';
import { bookTitle } from './epub';
import { safeHttpUrl, stripUnsafeChars } from './safe-text';
import { parseHtmlBody } from './xhtml';

const UNTITLED = '（无标题）';

/** Escapes inline Markdown syntax (and raw HTML) inside running text; strips controls and bidi overrides. */
function escapeInline(text: string): string {
  return stripUnsafeChars(text).replace(/[\\`*_[\]<>|~!]/g, (ch) => `\\${ch}`);
}

/**
 * Escapes what would start a block at the beginning of a line: headings, quotes, list items
 * (`-`, `+`, `1.`, `1)`), thematic breaks and setext underlines (`---`, `===`), fences (`~~~`).
 * Backticks, `*`, `_`, `<` and `|` are already escaped inline.
 */
function escapeBlockStart(line: string): string {
  return line.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^[#>+\-=:]/, (ch) => `\\${ch}`);
}

/** Escapes Markdown syntax in a one-line string of running text. */
export function escapeMarkdown(text: string): string {
  return escapeBlockStart(escapeInline(text));
}

function cleanLine(text: string): string {
  return stripUnsafeChars(text)
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

/** An autolink to an http(s) page, or '' when the URL is anything else. */
function sourceLink(url: string): string {
  const safe = url ? safeHttpUrl(url) : null;
  return safe ? `<${safe}>` : '';
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'FIGURE',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'TABLE',
  'TR',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'FIGCAPTION',
]);

/** Walks sanitised article HTML into Markdown blocks. */
function htmlToMarkdown(html: string, base: string): string[] {
  const body = parseHtmlBody(html);
  if (!body) return [];
  const blocks: string[] = [];
  let line = '';
  const flush = (prefix = ''): void => {
    const text = escapeBlockStart(cleanLine(line));
    if (text) blocks.push(prefix + text);
    line = '';
  };
  const walk = (node: Node, prefix: string): void => {
    if (node.nodeType === 3) {
      line += escapeInline(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName;
    if (tag === 'IMG') {
      flush(prefix);
      // Only http(s) images: a data: or javascript: URL is page-chosen content, not a picture.
      const src = safeHttpUrl(element.getAttribute('src') ?? '', base);
      if (src) blocks.push(`${prefix}![${escapeInline(cleanLine(element.getAttribute('alt') ?? ''))}](<${src}>)`);
      return;
    }
    if (tag === 'BR') {
      flush(prefix);
      return;
    }
    if (!BLOCKS.has(tag)) {
      for (const child of Array.from(element.childNodes)) walk(child, prefix);
      return;
    }
    flush(prefix);
    let childPrefix = prefix;
    if (tag === 'BLOCKQUOTE') childPrefix = `${prefix}> `;
    else if (/^H[1-6]$/.test(tag)) childPrefix = `${prefix}#### `;
    else if (tag === 'LI') childPrefix = `${prefix}- `;
    for (const child of Array.from(element.childNodes)) walk(child, childPrefix);
    if (tag === 'FIGCAPTION') {
      const text = cleanLine(line);
      line = '';
      if (text) blocks.push(`${prefix}*${text}*`);
      return;
    }
    flush(childPrefix);
  };
  for (const child of Array.from(body.childNodes)) walk(child, '');
  flush();
  return blocks;
}

function articleMarkdown(article: Article): string {
  const parts: string[] = [];
  if (article.kicker) parts.push(`*${escapeMarkdown(cleanLine(article.kicker))}*`);
  parts.push(`### ${escapeMarkdown(cleanLine(article.title)) || UNTITLED}`);
  if (article.subtitle) parts.push(`**${escapeMarkdown(cleanLine(article.subtitle))}**`);
  const meta = [article.byline, article.date]
    .map((s) => cleanLine(s ?? ''))
    .filter(Boolean)
    .join(' · ');
  if (meta) parts.push(escapeMarkdown(meta));
  let body: string[] = [];
  try {
    body = htmlToMarkdown(article.contentHtml ?? '', article.url);
  } catch {
    body = [];
  }
  if (body.length === 0) {
    body = (article.textContent ?? '')
      .split(/\n+/)
      .map((l) => escapeMarkdown(cleanLine(l)))
      .filter(Boolean);
  }
  parts.push(...body);
  const link = sourceLink(article.url);
  if (link) parts.push(link);
  return parts.join('\n\n');
}

export function buildMarkdown(book: Book): string {
  const title = bookTitle(book);
  const out: string[] = [`# ${escapeMarkdown(cleanLine(title))}`];
  const meta = [book.paper, book.date].filter(Boolean).join(' · ');
  if (meta && meta !== title) out.push(escapeMarkdown(cleanLine(meta)));
  const link = sourceLink(book.sourceUrl);
  if (link) out.push(link);
  const sections = book.sections.filter((s) => s.articles.length > 0);
  const toc = sections.flatMap((s) => [
    `- ${escapeMarkdown(cleanLine(s.label))}`,
    ...s.articles.map((a) => `  - ${escapeMarkdown(cleanLine(a.title)) || UNTITLED}`),
  ]);
  if (toc.length > 0) out.push(toc.join('\n'));
  for (const section of sections) {
    out.push(`## ${escapeMarkdown(cleanLine(section.label))}`);
    for (const article of section.articles) out.push(articleMarkdown(article));
  }
  const missing = book.missing ?? [];
  const notes = book.notes ?? [];
  if (missing.length > 0 || notes.length > 0) {
    out.push(`## ${MISSING_HEADING}`);
    for (const n of notes) out.push(escapeMarkdown(cleanLine(n)));
    if (missing.length > 0) {
      out.push(
        missing
          .map((m) => {
            const link = sourceLink(m.url);
            const what = [m.section, m.title || UNTITLED]
              .map((x) => escapeMarkdown(cleanLine(x)))
              .filter(Boolean)
              .join(' · ');
            return `- ${what}${link ? ` ${link}` : ''} (${escapeInline(cleanLine(m.reason))})`;
          })
          .join('\n'),
      );
    }
  }
  return `${out.join('\n\n')}\n`;
}
