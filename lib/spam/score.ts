/**
 * Scores a candidate link block from several signals, none enough alone, and decides single
 * links. Pure given the link data and the hiding techniques, so jsdom tests cover it.
 */
import { classifyCounts, type ScriptCounts } from '../charsets';
import { hasAbusedTld, hasSpamHostWord, isInstitutionalHost, isRandomLookingHost, registrableDomain } from './hosts';
import { hasFooterMarks, hasWallCue, isEditionLabel, SEPARATOR_RE } from './lexicon';
import type { LinkBlock, LinkInfo } from './links';
import { type HidingTechnique, isHardTechnique } from './rendered';
import { countScript } from './script-count';

export type PageScript = 'hans' | 'hant' | 'mixed' | 'none';

/** Script counts of a sample of the page text, and whether that sample holds the block. */
export interface PageCounts {
  counts: ScriptCounts;
  includesBlock: boolean;
}

export interface ScoreContext {
  /**
   * Page text statistics (sampled, computed lazily on first call); the block's own counts are
   * subtracted when the sample includes the block.
   */
  pageCounts: (block: Element) => PageCounts;
  /** Caller-known page script; overrides the counts. */
  pageScript?: PageScript;
  hiddenBy: (link: LinkInfo) => HidingTechnique | null;
}

export interface BlockScore {
  score: number;
  wall: boolean;
  signals: string[];
}

export const WALL_THRESHOLD = 4.5;
const MAX_CONTEXT_TEXT = 2000;

export function scriptMismatch(blockText: string, blockEl: Element, ctx: ScoreContext): boolean {
  const block = countScript(blockText);
  if (block.han < 8 || block.hans + block.hant < 3) return false;
  const blockScript = classifyCounts(block);
  let page: PageScript = ctx.pageScript ?? 'none';
  if (!ctx.pageScript) {
    const { counts: all, includesBlock } = ctx.pageCounts(blockEl);
    const rest = !includesBlock
      ? all
      : {
          han: Math.max(0, all.han - block.han),
          hans: Math.max(0, all.hans - block.hans),
          hant: Math.max(0, all.hant - block.hant),
        };
    if (rest.hans + rest.hant < 5) return false;
    page = classifyCounts(rest);
  }
  return (blockScript === 'hans' && page === 'hant') || (blockScript === 'hant' && page === 'hans');
}

function contextText(el: Element): string {
  const own = (el.textContent ?? '').slice(0, MAX_CONTEXT_TEXT);
  const prev = el.previousSibling?.textContent ?? '';
  return `${prev.slice(-60)} ${own}`;
}

export function scoreBlock(block: LinkBlock, ctx: ScoreContext): BlockScore {
  const { links } = block;
  const n = links.length;
  const signals: string[] = [];
  let score = 0;
  let offending = 0;
  let strongTotal = 0;
  let hidden = 0;
  let editions = 0;
  let same = 0;
  let institutional = 0;
  let random = 0;
  const externalDomains = new Set<string>();
  let external = 0;
  for (const link of links) {
    if (link.offending) offending++;
    strongTotal += link.hits.strong;
    if (isEditionLabel(link.text)) editions++;
    if (link.sameSite) same++;
    else {
      external++;
      externalDomains.add(registrableDomain(link.host));
      if (isInstitutionalHost(link.host)) institutional++;
      if (isRandomLookingHost(link.host)) random++;
    }
  }
  if (offending >= 2) {
    const lexicon = 3 * (offending / n) + Math.min(1, strongTotal / 10);
    score += lexicon;
    signals.push(`lexicon ${offending}/${n}`);
  }
  const text = contextText(block.el);
  if (scriptMismatch(links.map((l) => l.text).join(''), block.el, ctx)) {
    score += 2;
    signals.push('script-mismatch');
  }
  if (externalDomains.size >= 4 && external / n >= 0.6) {
    score += 1.5;
    signals.push(`external-domains ${externalDomains.size}`);
  }
  if (random >= 3) {
    score += 1;
    signals.push(`random-hosts ${random}`);
  }
  if (hasWallCue(text)) {
    score += 2;
    signals.push('cue');
  }
  const separators = (text.match(SEPARATOR_RE) ?? []).length;
  if (n >= 3 && separators >= n / 2) {
    score += 0.5;
    signals.push('separators');
  }
  if (editions / n >= 0.5) {
    score -= 5;
    signals.push('edition-labels');
  }
  if (same / n >= 0.8) {
    score -= 2;
    signals.push('same-site');
  }
  if (hasFooterMarks(text)) {
    score -= 3;
    signals.push('footer-marks');
  }
  if (external > 0 && institutional / external >= 0.5) {
    score -= 1.5;
    signals.push('institutional');
  }
  // The hidden share (+3) costs layout, so it is read last and only when it can decide: a
  // block already over the threshold is a wall either way, one that stays under it even with
  // +3 is not. Counting stops as soon as the 50% share is reached or out of reach.
  if (offending >= 2 && score < WALL_THRESHOLD && score + HIDDEN_BONUS >= WALL_THRESHOLD) {
    const need = Math.ceil(n / 2);
    let checked = 0;
    for (const link of links) {
      if (hidden >= need || hidden + (n - checked) < need) break;
      if (ctx.hiddenBy(link)) hidden++;
      checked++;
    }
    if (hidden >= need) {
      score += HIDDEN_BONUS;
      signals.push(`hidden ${hidden}${checked < n ? '+' : ''}/${n}`);
    }
  }
  return { score, wall: score >= WALL_THRESHOLD && offending >= 2, signals };
}

const HIDDEN_BONUS = 3;

/** A hidden link is spam only when its text or target says so (collapsed menus are not). */
export function hiddenLinkIsSpam(link: LinkInfo, technique: HidingTechnique): boolean {
  if (link.offending) return true;
  if (link.sameSite || !link.host) return false;
  if (hasAbusedTld(link.host) || hasSpamHostWord(link.host) || isRandomLookingHost(link.host)) return true;
  return isHardTechnique(technique) && link.text.length > 0 && technique !== 'zero-size';
}

const MAX_SOLD_LINK_CHARS = 16;

/** A visible link sold inside an otherwise legit block (partners plus 百家乐). */
export function visibleLinkIsSpam(link: LinkInfo, lone: boolean): boolean {
  if (link.hits.strong >= 3) return true;
  if (link.sameSite) return false;
  if (lone) return link.hits.strong >= 2;
  return link.hits.strong >= 1 && link.text.length <= MAX_SOLD_LINK_CHARS;
}
