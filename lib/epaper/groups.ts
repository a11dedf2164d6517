/**
 * Issues listed as groups: a 版 heading link followed by that 版's title list (南方日报
 * `h3 > a` + `ul`, PaperIndex `h4 a` + `ul li a[daoxiang]`). The current group is the one whose
 * heading is this page, or whose list holds this page.
 */
import { documentBase, sameSiteUrl, urlKey } from './util';

export interface Group {
  heading: Element;
  items: Element[];
}

/** The list that follows a heading: its next element sibling (or its parent's) that holds links. */
function followingList(heading: Element): Element | null {
  for (let el: Element | null = heading; el; el = el.parentElement) {
    const next = el.nextElementSibling;
    if (next?.querySelector('a')) return next;
    if (next) return null;
  }
  return null;
}

export function groupsOf(doc: Document, headingAnchors: string, itemSelector: string): Group[] {
  return Array.from(doc.querySelectorAll(headingAnchors)).map((a) => {
    const block = a.parentElement && /^H\d$/.test(a.parentElement.tagName) ? a.parentElement : a;
    const list = followingList(block);
    return { heading: a, items: list ? Array.from(list.querySelectorAll(itemSelector)) : [] };
  });
}

/** The group of this page; `attr` is where item links keep their URL (`href`, `daoxiang`). */
export function currentGroup(doc: Document, url: URL, groups: Group[], attr = 'href'): Group | null {
  const base = documentBase(doc, url);
  const here = urlKey(url.href);
  const is = (el: Element, a: string) => {
    const u = sameSiteUrl(el.getAttribute(a), base, url);
    return !!u && urlKey(u) === here;
  };
  return groups.find((g) => is(g.heading, 'href')) ?? groups.find((g) => g.items.some((i) => is(i, attr))) ?? null;
}
