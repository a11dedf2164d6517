/**
 * Reading a 版面 page of a system nobody has met, by structure: the section list is the
 * container holding the most links whose text is a 版 label in any form; the current section is
 * the one the page marks (aria-current, bold, a cur/on/active class, or a heading showing its
 * label); the article list is the title list the page scan's `<map>` points into, or else the
 * one nearest the section list.
 */
import { parseLooseLabel } from './labels';
import { documentBase, elementText, sameSiteUrl, urlKey } from './util';

/** Fewer distinct 版 than this is prose mentioning a page, not a 版面 list. */
export const MIN_SECTIONS = 3;
/** Cap on anchors inspected, to stay cheap on huge pages. */
const MAX_ANCHORS = 5000;
const LIST_CONTAINER = 'ul, ol, dl, table, nav, menu';
const MARKED_CLASS = /(?:^|[\s_-])(?:cur|curr|current|active|on|selected|sel)(?:$|[\s_-])/i;
const LABEL_START = /^\s*(?:第|[(（]|[A-Za-z]{0,2}\d)/;
const NAV_WORDS = /^(?:上一[版篇期页]|下一[版篇期页]|首页|返回|目录|往期|PDF|下载|更多)/i;

function normNumber(n: string): string {
  return n.toUpperCase().replace(/^([A-Z]*)0+(?=\d)/, '$1');
}

/** The container a list entry belongs to: its list, else its grandparent. */
function containerOf(a: Element): Element | null {
  return a.closest(LIST_CONTAINER) ?? a.parentElement?.parentElement ?? a.parentElement;
}

/**
 * The 版面 list: label anchors grouped by container; the group with the most distinct numbers
 * wins when it has at least MIN_SECTIONS and looks like 版 (names, `版`, or zero-padded numbers,
 * so pagination `1 2 3` does not count).
 */
export function sectionListAnchors(doc: Document): Element[] {
  const anchors = doc.getElementsByTagName('a');
  const limit = Math.min(anchors.length, MAX_ANCHORS);
  const groups = new Map<Element | null, { anchors: Element[]; numbers: Set<string>; named: number }>();
  for (let i = 0; i < limit; i++) {
    const a = anchors[i];
    const raw = a.textContent ?? '';
    // Every label form starts with 第, a bracket, or the 版 number: a cheap test before parsing.
    if (raw.length > 40 || !LABEL_START.test(raw) || !a.hasAttribute('href')) continue;
    const label = parseLooseLabel(raw);
    if (!label) continue;
    const key = containerOf(a);
    let g = groups.get(key);
    if (!g) {
      g = { anchors: [], numbers: new Set(), named: 0 };
      groups.set(key, g);
    }
    g.anchors.push(a);
    g.numbers.add(normNumber(label.number));
    if (label.name || label.label.includes('版') || /^[A-Z]*0\d/.test(label.number)) g.named++;
  }
  let best: Element[] = [];
  let bestCount = 0;
  for (const g of groups.values()) {
    if (g.numbers.size < MIN_SECTIONS || g.named * 2 < g.anchors.length) continue;
    if (g.numbers.size > bestCount) {
      best = g.anchors;
      bestCount = g.numbers.size;
    }
  }
  return best;
}

function isMarked(a: Element): boolean {
  if (a.getAttribute('aria-current')) return true;
  for (let el: Element | null = a, depth = 0; el && depth < 3; el = el.parentElement, depth++) {
    if (MARKED_CLASS.test(el.getAttribute('class') ?? '') || MARKED_CLASS.test(el.id)) return true;
    if (depth > 0 && el.matches('li, dd, dt, td') && depth === 1) break;
  }
  if (a.querySelector('b, strong') || a.closest('b, strong')) return true;
  return /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(a.getAttribute('style') ?? '');
}

/** The section anchor the page marks as current (aria-current, class, bold), or null. */
export function markedSection(anchors: Element[]): Element | null {
  const marked = anchors.filter(isMarked);
  // A mark on every entry is styling, not a mark.
  return marked.length === 1 ? marked[0] : null;
}

/** A heading or label element showing one 版 label (`<h2>第A2版：港聞</h2>`), as its number. */
export function headingSectionNumber(doc: Document): string {
  for (const el of Array.from(doc.querySelectorAll('h1, h2, h3, h4, .banci, .bm-name, .layout-name, .current-page'))) {
    if (el.closest('a') || el.querySelector('a')) continue;
    const label = parseLooseLabel(elementText(el));
    if (label && (label.name || label.label.includes('版'))) return label.number;
  }
  return '';
}

function titleLike(a: Element): boolean {
  const text = elementText(a);
  const han = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return han >= 4 && text.length <= 60 && !NAV_WORDS.test(text) && !parseLooseLabel(text);
}

/** Title anchors of one container (list entries whose text reads as a headline). */
function titlesIn(container: Element): Element[] {
  return Array.from(container.querySelectorAll('a[href]')).filter(titleLike);
}

/**
 * The section's article list: the container whose links the page scan's `<map>` areas point
 * to; otherwise the title list nearest the section list (document order).
 */
export function articleListAnchors(doc: Document, url: URL, sectionAnchors: Element[]): Element[] {
  const base = documentBase(doc, url);
  const sectionBox = sectionAnchors.length ? containerOf(sectionAnchors[0]) : null;
  const mapTargets = new Set<string>();
  for (const area of Array.from(doc.querySelectorAll('map area[href]'))) {
    const u = sameSiteUrl(area.getAttribute('href'), base, url);
    if (u) mapTargets.add(urlKey(u));
  }
  const candidates = new Map<Element, Element[]>();
  for (const a of Array.from(doc.querySelectorAll('a[href]')).slice(0, MAX_ANCHORS)) {
    if (!titleLike(a)) continue;
    const box = containerOf(a);
    if (!box || (sectionBox && (box === sectionBox || box.contains(sectionBox) || sectionBox.contains(box)))) continue;
    if (!candidates.has(box)) candidates.set(box, titlesIn(box));
  }
  const lists = [...candidates.entries()].filter(([, items]) => items.length >= 1);
  if (mapTargets.size) {
    const hits = (items: Element[]) =>
      items.filter((a) => {
        const u = sameSiteUrl(a.getAttribute('href'), base, url);
        return !!u && mapTargets.has(urlKey(u));
      }).length;
    const scored = lists.map(([box, items]) => ({ box, items, hits: hits(items) })).filter((l) => l.hits > 0);
    scored.sort((x, y) => y.hits - x.hits);
    if (scored.length) return scored[0].items;
  }
  if (!sectionBox) return [];
  // Nearest after the section list, else nearest before it; only lists of two or more titles.
  const all = Array.from(doc.getElementsByTagName('*'));
  const pos = all.indexOf(sectionBox);
  const ranked = lists
    .filter(([, items]) => items.length >= 2)
    .map(([box, items]) => ({ items, distance: Math.abs(all.indexOf(box) - pos) }))
    .sort((x, y) => x.distance - y.distance);
  return ranked[0]?.items ?? [];
}
