/** One bounded pass: links → blocks → verdicts; plus hidden URL text and user selectors. */
import type { ScriptCounts } from '../charsets';
import { HIDDEN_ATTR } from './hide';
import { hasAbusedTld, hasSpamHostWord, hostOf, isRandomLookingHost, registrableDomain } from './hosts';
import { isOffendingText, lexiconHits } from './lexicon';
import { groupLinks, type LinkInfo, readLink } from './links';
import { type HidingTechnique, RenderProbe } from './rendered';
import { hiddenLinkIsSpam, type PageCounts, type PageScript, type ScoreContext, scoreBlock, visibleLinkIsSpam } from './score';
import { countScript } from './script-count';
import type { SpamVerdict } from './types';

export interface ScanOptions {
  articleRoot?: Element | null;
  pageScript?: PageScript;
  extraSelectors?: string[];
  root?: Element;
}

const MAX_LINKS = 4000;
const MAX_TEXT_NODES = 20000;
/** Page text sampled for the page script (visible text, from the top). */
const MAX_PAGE_TEXT = 20_000;
const MAX_PAGE_TEXT_NODES = 5000;
/** Text nodes checked for hidden URL text on a page without any suspicious link (head + tail). */
const CLEAN_PAGE_TEXT_NODES = 1000;
/** Cheap pre-test on each text node before the URL pattern runs. */
const URL_HINT_RE = /:\/\/|www\./i;
/** A safety net for huge pages; the link and text-node caps bound normal pages. */
const TIME_BUDGET_MS = 1500;
const MAX_GROUP_TEXT = 40;
const HIDDEN_SELECTOR = `[${HIDDEN_ATTR}]`;
const URL_TEXT_RE = /(?:https?:\/\/|www\.)([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function scanForSpam(doc: Document, opts: ScanOptions = {}): SpamVerdict[] {
  try {
    return scan(doc, opts);
  } catch {
    return [];
  }
}

function scan(doc: Document, opts: ScanOptions): SpamVerdict[] {
  const root = opts.root ?? doc.body ?? doc.documentElement;
  if (!root) return [];
  const started = now();
  const verdicts: SpamVerdict[] = [];
  const claimed = new Set<Element>();
  const articleRoot = opts.articleRoot ?? null;
  const base = doc.baseURI || doc.URL || '';
  const pageSite = registrableDomain(hostOf(doc.URL, base) || hostOf(base, base));
  const probe = new RenderProbe(doc);
  const hiddenCache = new Map<Element, HidingTechnique | null>();
  const hiddenBy = (el: Element, text?: Text): HidingTechnique | null => {
    if (hiddenCache.has(el)) return hiddenCache.get(el) ?? null;
    const t = probe.hiddenBy(el, text);
    hiddenCache.set(el, t);
    return t;
  };
  const push = (v: SpamVerdict): void => {
    if (claimed.has(v.element)) return;
    claimed.add(v.element);
    verdicts.push(v);
  };

  addUserVerdicts(root, opts.extraSelectors, push);

  // One live collection of anchors; each link is read once (text, host, lexicon hits).
  const anchors = root.getElementsByTagName('a');
  const links: LinkInfo[] = [];
  const inArticle = new Set<LinkInfo>();
  let offending = 0;
  let strong = 0;
  let suspicious = false;
  // On pages with more links than the budget, read the first and the last halves: injected
  // walls sit at the very top or the very bottom of a page, rarely in the middle.
  const total = anchors.length;
  // Only a rescan (watch) finds earlier verdicts; without any, no link needs the ancestor test.
  const anyHidden = !root.isConnected || root.ownerDocument.querySelector(HIDDEN_SELECTOR) !== null;
  const head = total > MAX_LINKS ? MAX_LINKS / 2 : total;
  const tailStart = total > MAX_LINKS ? total - MAX_LINKS / 2 : total;
  for (let i = 0; i < total; i = i + 1 === head ? tailStart : i + 1) {
    const a = anchors[i] as HTMLAnchorElement;
    if (!a.hasAttribute('href') || (anyHidden && a.closest(HIDDEN_SELECTOR))) continue;
    const info = readLink(a, pageSite, base);
    if (articleRoot && articleRoot.contains(a)) {
      inArticle.add(info);
      continue;
    }
    links.push(info);
    if (info.offending) offending++;
    if (info.hits.strong > 0) strong++;
    if (info.offending || (!info.sameSite && info.host !== '')) suspicious = true;
  }

  if (suspicious) {
    // Only a block with two offending links can become a wall, and only a link with a strong
    // term can be a visible sold link (where lone vs. in-block matters): without either,
    // grouping and block scoring are skipped and the links go straight to the single checks.
    let singles: { link: LinkInfo; lone: boolean }[];
    if (offending >= 2 || strong > 0) {
      const { blocks, lone } = groupLinks(links, articleRoot);
      singles = lone.map((link) => ({ link, lone: true }));
      let sample: TextSample | null = null;
      const pageCounts = (block: Element): PageCounts => {
        sample ??= sampleText(doc, opts.pageScript);
        return { counts: sample.counts, includesBlock: sample.includes(block) };
      };
      const ctx: ScoreContext = { pageCounts, pageScript: opts.pageScript, hiddenBy: (l) => hiddenBy(l.el) };
      for (const block of blocks) {
        let blockOffending = 0;
        for (const link of block.links) if (link.offending) blockOffending++;
        const result = blockOffending >= 2 && now() - started <= TIME_BUDGET_MS ? scoreBlock(block, ctx) : null;
        if (result?.wall) {
          push({ element: block.el, reason: 'wall', score: result.score, signals: result.signals });
        } else {
          for (const link of block.links) singles.push({ link, lone: false });
        }
      }
    } else {
      singles = links.map((link) => ({ link, lone: true }));
    }
    judgeSingles(singles, hiddenBy, push, started);
  }
  for (const link of inArticle) {
    if (link.hits.strong < 1) continue;
    const t = hiddenBy(link.el);
    if (t) push({ element: link.el, reason: 'hidden-link', score: 5, signals: [t, 'in-article'] });
  }
  if (now() - started <= TIME_BUDGET_MS) {
    // A page with a suspicious link gets the whole (bounded) text walk; a clean page only its
    // head and tail, where injected 暗链 text sits, so a long clean page costs next to nothing.
    const full = suspicious || verdicts.length > 0;
    scanHiddenUrlText(root, articleRoot, pageSite, hiddenBy, push, claimed, full ? MAX_TEXT_NODES : CLEAN_PAGE_TEXT_NODES);
  }
  return dropNested(verdicts);
}

function judgeSingles(
  singles: { link: LinkInfo; lone: boolean }[],
  hiddenBy: (el: Element) => HidingTechnique | null,
  push: (v: SpamVerdict) => void,
  started: number,
): void {
  const spamHidden = new Set<HTMLAnchorElement>();
  const hiddenTech = new Map<HTMLAnchorElement, HidingTechnique>();
  for (let i = 0; i < singles.length; i++) {
    if ((i & 63) === 0 && now() - started > TIME_BUDGET_MS) break;
    const { link, lone } = singles[i];
    // Rendered checks cost layout: skip links that could not be spam hidden or shown.
    // (A plain link to another site without text is not spam hidden by any technique.)
    const mayBeHiddenSpam =
      link.offending || (!link.sameSite && link.host !== '' && (link.text.length > 0 || hasFlaggedHost(link.host)));
    const mayBeVisibleSpam = visibleLinkIsSpam(link, lone);
    if (!mayBeHiddenSpam && !mayBeVisibleSpam) continue;
    const t = hiddenBy(link.el);
    if (t) {
      hiddenTech.set(link.el, t);
      if (hiddenLinkIsSpam(link, t)) spamHidden.add(link.el);
    } else if (mayBeVisibleSpam) {
      push({ element: link.el, reason: 'link', score: link.hits.strong, signals: [`lexicon strong ${link.hits.strong}`] });
    }
  }
  for (const a of spamHidden) {
    const element = hidingGroup(a, hiddenBy, spamHidden);
    push({ element, reason: 'hidden-link', score: 5, signals: [hiddenTech.get(a) ?? 'hidden'] });
  }
}

/** Hosts that make a hidden link spam whatever its text (see hiddenLinkIsSpam). */
function hasFlaggedHost(host: string): boolean {
  return hasAbusedTld(host) || hasSpamHostWord(host) || isRandomLookingHost(host);
}

/**
 * Climbs from a hidden spam link to the largest hidden container that holds only hidden links,
 * at least half of them spam, and little other text — so the whole 暗链 box is marked once.
 */
function hidingGroup(a: Element, hiddenBy: (el: Element) => HidingTechnique | null, spamHidden: ReadonlySet<Element>): Element {
  let best: Element = a;
  let node = a.parentElement;
  for (let d = 0; node && d < 5; d++) {
    if (node.tagName === 'BODY' || node.tagName === 'HTML') break;
    if (!hiddenBy(node)) break;
    const inner = node.querySelectorAll('a[href]');
    let spam = 0;
    let allHidden = true;
    let linkChars = 0;
    for (let i = 0; i < inner.length; i++) {
      const el = inner[i];
      if (spamHidden.has(el)) spam++;
      else if (!hiddenBy(el)) allHidden = false;
      linkChars += (el.textContent ?? '').replace(/\s/g, '').length;
    }
    const otherText = (node.textContent ?? '').replace(/\s/g, '').length - linkChars;
    if (!allHidden || spam * 2 < inner.length || otherText > MAX_GROUP_TEXT) break;
    best = node;
    node = node.parentElement;
  }
  return best;
}

/** Hidden text that names a spam URL (暗链 written as plain text rather than a link). */
function scanHiddenUrlText(
  root: Element,
  articleRoot: Element | null,
  pageSite: string,
  hiddenBy: (el: Element, text?: Text) => HidingTechnique | null,
  push: (v: SpamVerdict) => void,
  claimed: ReadonlySet<Element>,
  maxNodes: number,
): void {
  const hits: Text[] = [];
  forEachTextNode(root, maxNodes, (node) => {
    if (URL_HINT_RE.test(node.data)) hits.push(node);
  });
  for (const node of hits) {
    const value = node.data;
    const m = URL_TEXT_RE.exec(value);
    if (!m) continue;
    const parent = node.parentElement;
    if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEXTAREA|A)$/.test(parent.tagName)) continue;
    if (parent.closest(HIDDEN_SELECTOR) || claimed.has(parent)) continue;
    if (articleRoot && articleRoot.contains(parent)) continue;
    const host = m[1].toLowerCase();
    if (pageSite && registrableDomain(host) === pageSite) continue;
    const spammy = isOffendingText(lexiconHits(value)) || hasAbusedTld(host) || hasSpamHostWord(host);
    if (!spammy) continue;
    const t = hiddenBy(parent, node);
    if (t) push({ element: parent, reason: 'hidden-link', score: 4, signals: [t, 'url-text'] });
  }
}

function addUserVerdicts(root: Element, selectors: string[] | undefined, push: (v: SpamVerdict) => void): void {
  for (const selector of selectors ?? []) {
    let found: NodeListOf<Element>;
    try {
      found = root.querySelectorAll(selector);
    } catch {
      continue; // an invalid user selector is ignored
    }
    found.forEach((el) => {
      if (!el.closest(HIDDEN_SELECTOR)) push({ element: el, reason: 'user', score: 100, signals: [`selector ${selector}`] });
    });
  }
}

/**
 * Calls `visit` on up to `maxNodes` text nodes of `root`: all of them when there are no more,
 * otherwise the first and the last half (where injected content sits).
 */
function forEachTextNode(root: Element, maxNodes: number, visit: (node: Text) => void): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const head = Math.ceil(maxNodes / 2);
  let lastVisited: Node | null = null;
  let visited = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (visited >= head) {
      // More text than the head budget: visit the tail, from the last text node backwards.
      const tail: Text[] = [];
      let last: Node = root;
      while (last.lastChild) last = last.lastChild;
      walker.currentNode = last;
      let back: Node | null = last.nodeType === 3 ? last : walker.previousNode();
      for (; back && back !== lastVisited && tail.length < maxNodes - head; back = walker.previousNode()) tail.push(back as Text);
      for (let i = tail.length - 1; i >= 0; i--) visit(tail[i]);
      return;
    }
    visit(node as Text);
    lastVisited = node;
    visited++;
  }
}

/** Page text statistics for the script-mismatch signal; computed only when a block needs them. */
interface TextSample {
  counts: ScriptCounts;
  /** True when `el`'s text is (or starts) inside the sampled text. */
  includes: (el: Element) => boolean;
}

const NON_TEXT_PARENTS = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA|OPTION)$/;

/** Script counts of the title and the first MAX_PAGE_TEXT characters of the body's shown text. */
function sampleText(doc: Document, known: PageScript | undefined): TextSample {
  if (known) return { counts: { han: 0, hans: 0, hant: 0 }, includes: () => false };
  const counts = countScript(doc.title ?? '');
  const root = doc.body ?? doc.documentElement;
  if (!root) return { counts, includes: () => false };
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let chars = 0;
  let nodes = 0;
  let lastNode: Node | null = null;
  let complete = true;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (chars >= MAX_PAGE_TEXT || nodes >= MAX_PAGE_TEXT_NODES) {
      complete = false;
      break;
    }
    nodes++;
    const parent = node.parentElement;
    if (parent && NON_TEXT_PARENTS.test(parent.tagName)) continue;
    const data = (node as Text).data;
    const take = Math.min(data.length, MAX_PAGE_TEXT - chars);
    countScript(take === data.length ? data : data.slice(0, take), counts);
    chars += take;
    lastNode = node;
  }
  const includes = (el: Element): boolean => {
    if (complete || !lastNode) return complete;
    // DOCUMENT_POSITION_FOLLOWING (4) or CONTAINED_BY (16): the block starts before the sample ends.
    return el.contains(lastNode) || (el.compareDocumentPosition(lastNode) & 4) !== 0;
  };
  return { counts, includes };
}

/** Keeps the outermost verdicts: a wall already covers the links inside it. */
function dropNested(verdicts: SpamVerdict[]): SpamVerdict[] {
  const elements = new Set(verdicts.map((v) => v.element));
  return verdicts.filter((v) => {
    for (let p = v.element.parentElement; p; p = p.parentElement) if (elements.has(p)) return false;
    return true;
  });
}
