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
interface Tally {
  el: Element;
  count: number;
  chars: number;
}

export function groupLinks(links: LinkInfo[], articleRoot: Element | null): { blocks: LinkBlock[]; lone: LinkInfo[] } {
  // Per ancestor: links under it and their text length (one map entry, updated in place).
  // Each link's climb is recorded once (tallies, flattened) and replayed below without the DOM.
  const tally = new Map<Element, Tally>();
  const chains: Tally[] = [];
  const ends: number[] = [];
  for (const link of links) {
    let node = link.el.parentElement;
    const chars = link.text.replace(/\s/g, '').length;
    for (let d = 0; node && d < MAX_CLIMB && !isBoundary(node, articleRoot); d++) {
      let t = tally.get(node);
      if (t) {
        t.count++;
        t.chars += chars;
      } else {
        t = { el: node, count: 1, chars };
        tally.set(node, t);
      }
      chains.push(t);
      node = node.parentElement;
    }
    ends.push(chains.length);
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
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    let block: Element | null = null;
    for (let j = i === 0 ? 0 : ends[i - 1]; j < ends[i]; j++) {
      const t = chains[j];
      if (t.count >= MIN_BLOCK_LINKS) {
        const total = charsOf(t.el);
        if (total === 0 || t.chars / total >= MIN_LINK_TEXT_SHARE) block = t.el;
        break;
      }
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
