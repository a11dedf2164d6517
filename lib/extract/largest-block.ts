/**
 * The last step of the chain: the element holding the most prose of its own. Readability
 * scores paragraphs and can give up on pages whose text sits in one `<div>` cut by `<br>`s, or
 * whose container it judges too link-rich; the block that holds most sentences is then still
 * the article.
 */
import { isProseLine } from './prose';
import { countHan, normalizeSpace } from './text';

const CANDIDATES = 'div, td, article, section, main, p, blockquote';
const INLINE = /^(?:A|B|STRONG|EM|I|U|SPAN|FONT|BR|IMG|SUP|SUB|SMALL|BIG|MARK|Q|CITE|ABBR|TIME)$/;

/** Prose Han of the element's own lines: its text and inline children, plus its `<p>` children. */
function ownProse(el: Element): number {
  let line = '';
  let total = 0;
  const flush = () => {
    if (isProseLine(line)) total += countHan(line);
    line = '';
  };
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) line += (child as Text).data;
    else if (child.nodeType === 1) {
      const tag = (child as Element).tagName;
      if (tag === 'BR') flush();
      else if (tag === 'A')
        line += ''; // link text is navigation more often than prose
      else if (INLINE.test(tag)) line += child.textContent ?? '';
      else if (tag === 'P') {
        flush();
        line = normalizeSpace(child.textContent);
        flush();
      } else flush();
    }
  }
  flush();
  return total;
}

/** The element with the most prose of its own, or null when no element has any. */
export function largestTextBlock(root: Element): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of Array.from(root.querySelectorAll(CANDIDATES))) {
    const score = ownProse(el);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}
