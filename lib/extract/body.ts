/** Finding and cleaning the article body inside a prepared clone. */
import { Readability } from '@mozilla/readability';
import { PAGER_TEXT } from './clean';
import { countHan, normalizeSpace } from './text';

/** The hint standing for "the element holding `<!--enpcontent-->`". */
export const ENPCONTENT_HINT = '<!--enpcontent-->';
const MIN_CONTAINER_HAN = 20;

/** The element holding `<!--enpcontent-->` (Founder 翔宇 systems, e-paper or not). */
function enpcontentParent(doc: Document): Element | null {
  const walker = doc.createTreeWalker(doc.body ?? doc, 0x80 /* SHOW_COMMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/^\s*enpcontent\s*$/.test((node as Comment).data)) return node.parentElement;
  }
  return null;
}

/**
 * The first body container named by the system's hints (most specific first) with enough
 * text, or null (the page is left to Readability).
 */
export function findBodyContainer(doc: Document, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = s === ENPCONTENT_HINT ? enpcontentParent(doc) : doc.querySelector(s);
    if (el && countHan(el.textContent ?? '') >= MIN_CONTAINER_HAN) return el;
  }
  return null;
}

/** Photo figures that sit before the container, after the title block (Founder classic). */
export function figuresBefore(container: Element): Element[] {
  const scope = container.parentElement?.parentElement?.parentElement ?? container.parentElement;
  if (!scope) return [];
  const out: Element[] = [];
  for (const fig of Array.from(scope.querySelectorAll('figure'))) {
    if (container.contains(fig)) continue;
    if (container.compareDocumentPosition(fig) & 0x02 /* PRECEDING */) out.push(fig);
  }
  return out;
}

const CLAUSE_MARKS = /[,，、。；;،﹐︐︑⹁⸴⸲]/g;

/** Readability with Chinese clause marks and thresholds; returns its content element or null. */
export function runReadability(doc: Document): Element | null {
  const reader = new Readability<Element>(doc, {
    charThreshold: 100, // 100 Chinese characters is a real paragraph
    nbTopCandidates: 5,
    keepClasses: false,
    serializer: (el: Node) => el as Element,
  });
  // Readability counts only `，`-type commas: Chinese clauses end in `、`, `。`, `；` too.
  const r = reader as unknown as {
    REGEXPS: Record<string, RegExp>;
    _getCharCount: (e: Element, s?: string) => number;
    _getInnerText: (e: Element, normalize?: boolean) => string;
  };
  r.REGEXPS = { ...r.REGEXPS, commas: CLAUSE_MARKS };
  const ownCount = r._getCharCount.bind(reader);
  r._getCharCount = (e, s) =>
    s === undefined || s === ',' ? (r._getInnerText(e).match(CLAUSE_MARKS)?.length ?? 0) : ownCount(e, s);
  const result = reader.parse();
  const content = result?.content;
  return content && typeof content === 'object' ? content : null;
}

const BLOCK = /^(?:P|DIV|H[1-6]|LI|UL|OL|BLOCKQUOTE|PRE|TABLE|TR|SECTION|ARTICLE|FIGURE|FIGCAPTION|HR|DL|DT|DD)$/;

/** Paragraph text of a body, one line per block, figure captions left out (they go with images). */
export function blockText(root: Element): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const t = normalizeSpace(line);
    if (t) lines.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) line += (child as Text).data;
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (tag === 'FIGURE' || tag === 'FIGCAPTION') {
          flush();
          continue;
        }
        if (tag === 'BR') {
          flush();
          continue;
        }
        const block = BLOCK.test(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return lines.join('\n');
}

export interface Tidied {
  /** A reporter credit taken out of the first paragraph, or ''. */
  byline: string;
}

/**
 * Tidies the body in place: strips print indentation, drops empty paragraphs, pager lines
 * and lines repeating the title block; takes a leading pure-byline paragraph out.
 */
export function tidyBody(root: Element, titleLines: ReadonlySet<string>, pureByline: (t: string) => string): Tidied {
  for (const el of Array.from(root.querySelectorAll('p, div, span, font, strong, b'))) {
    const t = normalizeSpace(el.textContent);
    if (!t && !el.querySelector('img, figure, video, picture')) el.remove();
    else if (el.tagName === 'P' || el.tagName === 'DIV') {
      if (PAGER_TEXT.test(t) || titleLines.has(t)) el.remove();
    }
  }
  // Founder bodies indent each paragraph with NBSPs or ASCII spaces; CSS indents instead.
  for (const block of Array.from(root.querySelectorAll('p, li, div, h1, h2, h3, h4, h5, h6'))) {
    const walker = root.ownerDocument.createTreeWalker(block, 0x4 /* SHOW_TEXT */);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      n.data = n.data.replace(/^[\s\u00a0\u3000]+/, '');
      if (n.data) break;
    }
  }
  let byline = '';
  const first = root.querySelector('p');
  if (first) {
    const prose = Array.from(root.querySelectorAll('p, div')).find(
      (el) => normalizeSpace(el.textContent) && !el.querySelector('p, div'),
    );
    if (prose === first) {
      byline = pureByline(first.textContent ?? '');
      if (byline) first.remove();
    }
  }
  return { byline };
}

/** Makes every `src`/`href` absolute against `base`; drops what cannot be resolved safely. */
export function absolutizeUrls(root: Element, base: string): void {
  for (const el of Array.from(root.querySelectorAll('[src], [href]'))) {
    for (const attr of ['src', 'href']) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      if (value.startsWith('#')) continue;
      try {
        el.setAttribute(attr, new URL(value.trim(), base).href);
      } catch {
        el.removeAttribute(attr);
      }
    }
  }
}
