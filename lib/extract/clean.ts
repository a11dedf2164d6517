/**
 * Cleaning a cloned document before extraction: what the reader must never see
 * (hidden spam, scripts, navigation lists) goes; layout tables become blocks; Founder
 * photo tables become `<figure>`s so their captions travel with the image.
 */
import { normalizeSpace } from './text';

const NEVER_CONTENT =
  '[data-qingdu-hidden], script, style, noscript, template, iframe, frame, frameset, object, embed, link, meta:not([charset]), map, area, form, input, select, textarea, button, img[usemap], svg, canvas, dl#dlUnion';

/** Removes everything the reader must never show; returns nothing, mutates `root`'s document. */
export function dropNonContent(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll(NEVER_CONTENT))) el.remove();
}

/** Navigation any site may have; each e-paper family's own lists come in as hints. */
const NAV_HOOKS = 'nav, [role="navigation"], #footer, .footer, footer, .copyright, #copyright';

/** Link-only lines that close an e-paper article (上一篇/下一篇/关闭本页/返回). */
export const PAGER_TEXT =
  /^(?:上一篇|下一篇|上一版|下一版|关闭本页|關閉本頁|关闭窗口|返回目录|返回目錄|返回|打印本页|打印本頁|回到顶部|回到頂部|[\s|｜])+$/;

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += normalizeSpace(a.textContent).length;
  return n;
}

/**
 * Removes navigation: the known hooks, any list or table that is mostly links, and the
 * section labels / title-list entries the issue names (other than this article's title).
 */
export function dropNavigation(
  root: ParentNode,
  navTexts: ReadonlySet<string>,
  keepTitle: string,
  systemNav: readonly string[] = [],
): void {
  for (const el of Array.from(root.querySelectorAll([...systemNav, NAV_HOOKS].join(', ')))) el.remove();
  // Innermost first, so a wrapper is judged after the lists inside it are gone.
  for (const el of Array.from(root.querySelectorAll('ul, ol, dl, menu, table, div, p, td')).reverse()) {
    if (!el.isConnected) continue;
    const links = el.querySelectorAll('a').length;
    if (links === 0) continue;
    const all = normalizeSpace(el.textContent).length;
    if (all === 0) continue;
    const linked = linkTextLength(el);
    const isList = /^(UL|OL|DL|MENU|TABLE)$/.test(el.tagName);
    if (
      (isList && links >= 3 && linked / all > 0.5) ||
      (links >= 2 && linked / all > 0.8) ||
      PAGER_TEXT.test(normalizeSpace(el.textContent))
    ) {
      el.remove();
    }
  }
  if (navTexts.size === 0) return;
  for (const a of Array.from(root.querySelectorAll('a, li'))) {
    const t = normalizeSpace(a.textContent);
    if (t && t !== keepTitle && navTexts.has(t)) a.remove();
  }
}

const PAGE_ASSET = /\/(?:tplimg|tplimages|images\/[^?#]*\/(?:page|Page)_?[^/]*|pic\/[^/]+\/[^/]+\/[\w-]{30,})\b/i;

/** A table holding one photo and, in another row, its caption (Founder classic). */
function photoOf(table: Element): { img: HTMLImageElement; caption: string } | null {
  const imgs = table.querySelectorAll('img');
  if (imgs.length !== 1 || table.querySelector('table')) return null;
  const img = imgs[0] as HTMLImageElement;
  const src = img.getAttribute('src') ?? '';
  if (!src || img.hasAttribute('usemap') || PAGE_ASSET.test(src)) return null;
  const caption = normalizeSpace(table.textContent);
  if (caption.length > 300) return null;
  return { img, caption };
}

/** `<table><tr><td><img></td></tr><tr><td><p>caption</p></td></tr></table>` → `<figure>`. */
export function photoTablesToFigures(root: ParentNode): void {
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) {
    const photo = photoOf(table);
    if (!photo) continue;
    const doc = table.ownerDocument;
    const figure = doc.createElement('figure');
    figure.appendChild(photo.img);
    if (photo.caption) {
      const cap = doc.createElement('figcaption');
      cap.textContent = photo.caption;
      figure.appendChild(cap);
    }
    table.replaceWith(figure);
  }
}

/** A table that lays out a page rather than holding data. */
function isLayoutTable(table: Element): boolean {
  if (table.querySelector('th, caption, thead')) return false;
  if (table.querySelector('table, p, div, h1, h2, h3, img, ul, ol')) return true;
  const rows = table.querySelectorAll('tr');
  if (rows.length <= 1) return true;
  const firstRowCells = rows[0]?.querySelectorAll('td').length ?? 0;
  return firstRowCells <= 1;
}

/** Replaces layout tables (innermost first) by one `<div>` per cell, in reading order. */
export function flattenLayoutTables(root: ParentNode): void {
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) {
    if (!isLayoutTable(table)) continue;
    const doc = table.ownerDocument;
    const box = doc.createElement('div');
    for (const cell of Array.from(table.querySelectorAll('td'))) {
      if (cell.closest('table') !== table) continue;
      const div = doc.createElement('div');
      while (cell.firstChild) div.appendChild(cell.firstChild);
      box.appendChild(div);
    }
    table.replaceWith(box);
  }
}
