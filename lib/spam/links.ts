/** Reads each link once (text, host, lexicon hits) and groups links into candidate blocks. */

import { hostOf, registrableDomain } from './hosts';
import { isOffendingText, type LexiconHits, lexiconHits } from './lexicon';

export interface LinkInfo {
  el: HTMLAnchorElement;
  text: string;
  host: string;
  sameSite: boolean;
  hits: LexiconHits;
  offending: boolean;
}

export interface LinkBlock {
  el: Element;
  links: LinkInfo[];
}

const MAX_CLIMB = 6;
const MIN_BLOCK_LINKS = 3;
/** A block is a link list when most of its text is link text. */
const MIN_LINK_TEXT_SHARE = 0.5;

export function readLink(el: HTMLAnchorElement, pageSite: string, base: string): LinkInfo {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const href = el.getAttribute('href') ?? '';
  const host = hostOf(href, base);
  const sameSite = !host || (pageSite !== '' && registrableDomain(host) === pageSite);
  const hits = lexiconHits(`${text} ${el.getAttribute('title') ?? ''}`);
  return { el, text, host, sameSite, hits, offending: isOffendingText(hits) };
}

function isBoundary(el: Element, articleRoot: Element | null): boolean {
  const tag = el.tagName;
  if (tag === 'BODY' || tag === 'HTML') return true;
  return articleRoot !== null && el.contains(articleRoot);
}

/**
 * Assigns each link to the tightest ancestor holding several links whose text is mostly link
 * text; links without one are returned as lone links.
 */
export function groupLinks(links: LinkInfo[], articleRoot: Element | null): { blocks: LinkBlock[]; lone: LinkInfo[] } {
  const counts = new Map<Element, number>();
  const linkChars = new Map<Element, number>();
  for (const link of links) {
    let node = link.el.parentElement;
    const chars = link.text.replace(/\s/g, '').length;
    for (let d = 0; node && d < MAX_CLIMB && !isBoundary(node, articleRoot); d++) {
      counts.set(node, (counts.get(node) ?? 0) + 1);
      linkChars.set(node, (linkChars.get(node) ?? 0) + chars);
      node = node.parentElement;
    }
  }
  const textChars = new Map<Element, number>();
  const charsOf = (el: Element): number => {
    let n = textChars.get(el);
    if (n === undefined) {
      n = (el.textContent ?? '').replace(/\s/g, '').length;
      textChars.set(el, n);
    }
    return n;
  };
  const byBlock = new Map<Element, LinkInfo[]>();
  const lone: LinkInfo[] = [];
  for (const link of links) {
    let node = link.el.parentElement;
    let block: Element | null = null;
    for (let d = 0; node && d < MAX_CLIMB && !isBoundary(node, articleRoot); d++) {
      if ((counts.get(node) ?? 0) >= MIN_BLOCK_LINKS) {
        const total = charsOf(node);
        if (total === 0 || (linkChars.get(node) ?? 0) / total >= MIN_LINK_TEXT_SHARE) block = node;
        break;
      }
      node = node.parentElement;
    }
    if (!block) {
      lone.push(link);
      continue;
    }
    const list = byBlock.get(block);
    if (list) list.push(link);
    else byBlock.set(block, [link]);
  }
  const blocks: LinkBlock[] = [];
  for (const [el, list] of byBlock) blocks.push({ el, links: list });
  return { blocks, lone };
}
