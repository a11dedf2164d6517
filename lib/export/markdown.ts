/** A single Markdown file of a section or an issue. */
import type { Article } from '../extract/types';
import type { Book } from './book';
import { bookTitle } from './epub';
import { parseHtmlBody } from './xhtml';

const UNTITLED = '（无标题）';

/** Escapes Markdown syntax inside running text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#>+-]|\d+\.)(?=\s|$)/gm, (_, space: string, mark: string) => `${space}\\${mark}`);
}

function cleanLine(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function absolute(src: string, base: string): string {
  try {
    return new URL(src, base).href;
  } catch {
    return src;
  }
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
    const text = cleanLine(line);
    if (text) blocks.push(prefix + text);
    line = '';
  };
  const walk = (node: Node, prefix: string): void => {
    if (node.nodeType === 3) {
      line += escapeMarkdown(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName;
    if (tag === 'IMG') {
      flush(prefix);
      const src = element.getAttribute('src');
      if (src)
        blocks.push(`${prefix}![${escapeMarkdown(cleanLine(element.getAttribute('alt') ?? ''))}](<${absolute(src, base)}>)`);
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
    body = (article.textContent ?? '').split(/\n+/).map(cleanLine).filter(Boolean).map(escapeMarkdown);
  }
  parts.push(...body);
  if (article.url) parts.push(`<${article.url}>`);
  return parts.join('\n\n');
}

export function buildMarkdown(book: Book): string {
  const title = bookTitle(book);
  const out: string[] = [`# ${escapeMarkdown(title)}`];
  const meta = [book.paper, book.date].filter(Boolean).join(' · ');
  if (meta && meta !== title) out.push(escapeMarkdown(meta));
  if (book.sourceUrl) out.push(`<${book.sourceUrl}>`);
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
  return `${out.join('\n\n')}\n`;
}
