/**
 * What the page says about its article besides the body: the Founder property comments
 * (`<!--mpproperty …-->`, `<!--enpproperty …-->`) and the title block of each e-paper system.
 */
import { normalizeSpace } from './text';
import type { TitleBlockHint } from './types';

export type PropertyMap = Record<string, string>;

/**
 * Reads Founder property comments anywhere in the document, including after `</html>`
 * (where the parser attaches them to the Document itself). Keys lose the `founder-` prefix
 * and are lower-cased: `title`, `subtitle`, `introtitle`, `author`, `date`, `papername`, ….
 */
export function readPropertyComments(doc: Document): PropertyMap {
  const props: PropertyMap = {};
  const walker = doc.createTreeWalker(doc, 0x80 /* NodeFilter.SHOW_COMMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Comment).data;
    if (!/^\s*(?:mp|enp)property\b/.test(data)) continue;
    for (const [name, raw] of propertyElements(data)) {
      const key = name.toLowerCase().replace(/^founder-/, '');
      const value = normalizeSpace(raw);
      if (value && !props[key]) props[key] = value;
    }
  }
  return props;
}

/**
 * The `<name>value</name>` pairs of a property comment, in one pass: what the regex
 * `/<([\w-]+)>([\s\S]*?)<\/\1>/g` finds (each opening tag paired with the next closing tag of its
 * name, scanning on after it), without its quadratic search when tags are left unclosed.
 */
export function propertyElements(data: string): [string, string][] {
  const tags: { name: string; closing: boolean; start: number; end: number }[] = [];
  const tag = /<(\/?)([\w-]+)>/g;
  for (let m = tag.exec(data); m; m = tag.exec(data)) {
    tags.push({ name: m[2], closing: m[1] === '/', start: m.index, end: m.index + m[0].length });
  }
  // Per name, the indexes (into `tags`) of its closing tags, consumed front to back.
  const closers = new Map<string, { at: number[]; next: number }>();
  tags.forEach((t, i) => {
    if (!t.closing) return;
    const list = closers.get(t.name) ?? { at: [], next: 0 };
    list.at.push(i);
    closers.set(t.name, list);
  });
  const pairs: [string, string][] = [];
  let resumeAt = 0; // text before this offset is inside an element already read
  tags.forEach((t, i) => {
    if (t.closing || t.start < resumeAt) return;
    const list = closers.get(t.name);
    if (!list) return;
    while (list.next < list.at.length && list.at[list.next] < i) list.next++;
    if (list.next >= list.at.length) return;
    const close = tags[list.at[list.next]];
    pairs.push([t.name, data.slice(t.end, close.start)]);
    resumeAt = close.end;
  });
  return pairs;
}

export interface TitleBlock {
  kicker: string;
  title: string;
  subtitle: string;
  /** Elements that make up the block, removed from the body. */
  elements: Element[];
}

const text = (el: Element | null | undefined): string => normalizeSpace(el?.textContent);

/**
 * A title laid out as table rows (Founder classic `td.font02` 引题 / `td.font01` / `td.font02` 副题):
 * the nearest `rows` cells before and after the title cell are 引题 and 副题.
 */
function tableRows(root: ParentNode, hint: TitleBlockHint): TitleBlock | null {
  const titleCell = root.querySelector(hint.title);
  if (!titleCell || !text(titleCell) || !hint.rows) return null;
  const table = titleCell.closest('table');
  const cells = table ? Array.from(table.querySelectorAll(hint.rows)) : [titleCell];
  const at = cells.indexOf(titleCell);
  const before = cells.slice(0, at).map(text).filter(Boolean);
  const after = cells
    .slice(at + 1)
    .map(text)
    .filter(Boolean);
  return {
    kicker: before[before.length - 1] ?? '',
    title: text(titleCell),
    subtitle: after[0] ?? '',
    elements: [wrapperOf(titleCell, hint) ?? table ?? titleCell],
  };
}

function wrapperOf(titleEl: Element, hint: TitleBlockHint): Element | null {
  for (const w of hint.wrapper ?? []) {
    const found = titleEl.closest(w);
    if (found) return found;
  }
  return null;
}

/** Lines named by ids / classes (引题, 标题, 副题), as the system's hints give them. */
function namedLines(root: ParentNode, hint: TitleBlockHint): TitleBlock | null {
  const titleEl = root.querySelector(hint.title);
  if (!titleEl || !text(titleEl)) return null;
  const kickerEl = hint.kicker ? root.querySelector(hint.kicker) : null;
  const subEl = hint.subtitle ? root.querySelector(hint.subtitle) : null;
  const wrapper = wrapperOf(titleEl, hint);
  const elements = wrapper ? [wrapper] : [titleEl, kickerEl, subEl].filter((e): e is Element => !!e);
  return { kicker: text(kickerEl), title: text(titleEl), subtitle: text(subEl), elements };
}

const HEADING = /^H[1-6]$/;

/** Any page: the `<h1>` (preferring one equal to the known title) with a heading or `.subtitle` on each side. */
function genericHeading(root: ParentNode, knownTitle: string): TitleBlock | null {
  const h1s = Array.from(root.querySelectorAll('h1')).filter((h) => text(h) && !h.closest('a, nav, header'));
  const pick =
    h1s.find((h) => knownTitle && text(h) === knownTitle) ??
    (knownTitle ? h1s.find((h) => knownTitle.includes(text(h)) || text(h).includes(knownTitle)) : undefined) ??
    (h1s.length === 1 ? h1s[0] : undefined);
  if (!pick) return null;
  const elements: Element[] = [pick];
  let kicker = '';
  let subtitle = '';
  const prev = pick.previousElementSibling;
  if (prev && (HEADING.test(prev.tagName) || prev.matches('.introtitle, .pretitle')) && text(prev).length <= 60) {
    kicker = text(prev);
    elements.push(prev);
  }
  const next = pick.nextElementSibling;
  if (next && (HEADING.test(next.tagName) || next.matches('.subtitle, .subTitle')) && text(next).length <= 80) {
    subtitle = text(next);
    elements.push(next);
  }
  return { kicker, title: text(pick), subtitle, elements };
}

/** The title block by the system's hints, in order, else the page's `<h1>` with its neighbours. */
export function findTitleBlock(root: ParentNode, knownTitle: string, hints: readonly TitleBlockHint[] = []): TitleBlock | null {
  for (const hint of hints) {
    const block = hint.rows ? tableRows(root, hint) : namedLines(root, hint);
    if (block) return block;
  }
  return genericHeading(root, knownTitle);
}

/** `公益時報--數字報` → `公益時報`; `标题_潇湘晨报数字报` → `潇湘晨报`. */
export function paperFromDocumentTitle(docTitle: string, articleTitle: string): string {
  const parts = normalizeSpace(docTitle)
    .split(/\s*(?:--|_|\||—|－| - )\s*/)
    .map((p) => p.trim())
    .filter((p) => p && p !== articleTitle);
  const named =
    parts.find((p) => /(?:数字报|數字報|电子报|電子報|电子版|電子版)$/.test(p) && p.length > 3) ??
    parts.find((p) => /[报報]$/.test(p));
  if (!named) return '';
  return named.replace(/(?:数字报|數字報|电子报|電子報|电子版|電子版)$/, '').trim() || '';
}
