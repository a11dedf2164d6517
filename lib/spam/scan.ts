/** One bounded pass: links → blocks → verdicts; plus hidden URL text and user selectors. */
import { countScriptChars, type ScriptCounts } from '../charsets';
import { HIDDEN_ATTR } from './hide';
import { hasAbusedTld, hasSpamHostWord, hostOf, registrableDomain } from './hosts';
import { isOffendingText, lexiconHits } from './lexicon';
import { groupLinks, readLink, type LinkInfo } from './links';
import { RenderProbe, type HidingTechnique } from './rendered';
import { hiddenLinkIsSpam, scoreBlock, visibleLinkIsSpam, type PageScript, type ScoreContext } from './score';
import type { SpamVerdict } from './types';

export interface ScanOptions {
  articleRoot?: Element | null;
  pageScript?: PageScript;
  extraSelectors?: string[];
  root?: Element;
}

const MAX_LINKS = 4000;
const MAX_TEXT_NODES = 20000;
const MAX_PAGE_TEXT = 200_000;
/** A safety net for huge pages; the link and text-node caps bound normal pages. */
const TIME_BUDGET_MS = 1500;
const MAX_GROUP_TEXT = 40;
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

  const anchors = root.querySelectorAll('a[href]');
  const links: LinkInfo[] = [];
  const inArticle = new Set<LinkInfo>();
  for (let i = 0; i < anchors.length && links.length < MAX_LINKS; i++) {
    const a = anchors[i] as HTMLAnchorElement;
    if (a.closest(`[${HIDDEN_ATTR}]`)) continue;
    const info = readLink(a, pageSite, base);
    if (articleRoot && articleRoot.contains(a)) inArticle.add(info);
    else links.push(info);
  }

  if (links.length > 0) {
    let counts: ScriptCounts | null = null;
    const pageCounts = (): ScriptCounts => (counts ??= pageScriptCounts(doc, opts.pageScript));
    const ctx: ScoreContext = { pageCounts, pageScript: opts.pageScript, hiddenBy: (l) => hiddenBy(l.el) };
    const { blocks, lone } = groupLinks(links, articleRoot);
    const singles: { link: LinkInfo; lone: boolean }[] = lone.map((link) => ({ link, lone: true }));
    for (const block of blocks) {
      if (now() - started > TIME_BUDGET_MS) break;
      const result = scoreBlock(block, ctx);
      if (result.wall) {
        push({ element: block.el, reason: 'wall', score: result.score, signals: result.signals });
      } else {
        for (const link of block.links) singles.push({ link, lone: false });
      }
    }
    judgeSingles(singles, hiddenBy, push, started);
  }
  for (const link of inArticle) {
    const t = hiddenBy(link.el);
    if (t && link.hits.strong >= 1) push({ element: link.el, reason: 'hidden-link', score: 5, signals: [t, 'in-article'] });
  }
  if (now() - started <= TIME_BUDGET_MS) scanHiddenUrlText(root, articleRoot, pageSite, hiddenBy, push, claimed);
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
    const mayBeHiddenSpam = link.offending || (!link.sameSite && link.host !== '');
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

/**
 * Climbs from a hidden spam link to the largest hidden container that holds only hidden links,
 * at least half of them spam, and little other text — so the whole 暗链 box is marked once.
 */
function hidingGroup(
  a: Element,
  hiddenBy: (el: Element) => HidingTechnique | null,
  spamHidden: ReadonlySet<Element>,
): Element {
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
): void {
  const doc = root.ownerDocument;
  const text = root.textContent ?? '';
  if (!/https?:\/\/|www\./i.test(text)) return;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let visited = 0;
  for (let node = walker.nextNode(); node && visited < MAX_TEXT_NODES; node = walker.nextNode()) {
    visited++;
    const value = node.nodeValue ?? '';
    const m = URL_TEXT_RE.exec(value);
    if (!m) continue;
    const parent = node.parentElement;
    if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEXTAREA|A)$/.test(parent.tagName)) continue;
    if (parent.closest(`[${HIDDEN_ATTR}]`) || claimed.has(parent)) continue;
    if (articleRoot && articleRoot.contains(parent)) continue;
    const host = m[1].toLowerCase();
    if (pageSite && registrableDomain(host) === pageSite) continue;
    const spammy = isOffendingText(lexiconHits(value)) || hasAbusedTld(host) || hasSpamHostWord(host);
    if (!spammy) continue;
    const t = hiddenBy(parent, node as Text);
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
      if (!el.closest(`[${HIDDEN_ATTR}]`)) push({ element: el, reason: 'user', score: 100, signals: [`selector ${selector}`] });
    });
  }
}

function pageScriptCounts(doc: Document, known: PageScript | undefined): ScriptCounts {
  if (known) return { han: 0, hans: 0, hant: 0 };
  const text = (doc.body ?? doc.documentElement)?.textContent ?? '';
  return countScriptChars(`${doc.title} ${text.slice(0, MAX_PAGE_TEXT)}`);
}

/** Keeps the outermost verdicts: a wall already covers the links inside it. */
function dropNested(verdicts: SpamVerdict[]): SpamVerdict[] {
  const elements = new Set(verdicts.map((v) => v.element));
  return verdicts.filter((v) => {
    for (let p = v.element.parentElement; p; p = p.parentElement) if (elements.has(p)) return false;
    return true;
  });
}
