import { classifyCounts, countScriptChars, type ScriptCounts } from '../charsets';
import { isInvisible } from './skip';
import type { Script } from './types';

/** Enough Han characters to tell the script of a page; reading stops there. */
const HAN_SAMPLE = 6000;
/** At most this much of one text node is read, so one huge node cannot fill the sample alone. */
const PER_NODE = 2000;
/** Hard cap on characters read, for pages of mostly non-Han text. */
const MAX_READ = 200_000;

/**
 * The script the page shows, from visible text only: hidden spam (`[data-qingdu-hidden]`),
 * non-rendered elements and elements hidden by attribute or inline style are not read.
 */
export function detectScript(doc: Document, root?: Element): Script {
  try {
    const start: Node | null = root ?? doc.body ?? doc.documentElement;
    if (!start) return 'none';
    return classifyCounts(sampleCounts(start));
  } catch {
    return 'none';
  }
}

function sampleCounts(root: Node): ScriptCounts {
  const counts: ScriptCounts = { han: 0, hans: 0, hant: 0 };
  if (root.nodeType === 1 && isInvisible(root as Element)) return counts;
  let read = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      const text = data.length > PER_NODE ? data.slice(0, PER_NODE) : data;
      countScriptChars(text, counts);
      read += text.length;
      if (counts.han >= HAN_SAMPLE || read >= MAX_READ) break;
    } else if (node.nodeType === 1) {
      descend = node.firstChild !== null && !isInvisible(node as Element);
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return counts;
}
