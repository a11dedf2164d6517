import { convertBatch, safeConvert, splitRun } from './batch';
import type { WriteLog } from './records';
import { excludedSelector, hasHan, INLINE, isEditableDocument, NEVER_CONVERT, OWN_UI_TAG, optOutSelector } from './skip';
import type { ConvertFn, ConvertStats } from './types';

/** Attributes whose text the reader sees or hears. */
export const CONVERTED_ATTRS = ['title', 'alt', 'placeholder', 'aria-label'] as const;

export interface PipelineOptions {
  /** Leave the extension's own UI (`qingdu-reader`, `[data-qingdu-ui]`) alone. */
  skipOwnUi: boolean;
}

/** Text nodes and attributes of a subtree that need converting, gathered in one walk, as flat arrays. */
interface Gathered {
  /** Text nodes of the runs that hold Han characters, run after run in document order. */
  nodes: Text[];
  /** The text of each of `nodes`, read once. */
  data: string[];
  /** Each run (text nodes read as one piece of text, only inline markup between them) ends here in `nodes`. */
  runEnds: number[];
  /** Start in `nodes` of the run being collected. */
  runStart: number;
  runHasHan: boolean;
  attrEls: Element[];
  attrNames: string[];
  attrValues: string[];
}

const ATTR_SELECTOR = CONVERTED_ATTRS.map((name) => `[${name}]`).join(',');
/** Elements that need a closer look during the walk: converted attributes or opt-outs. */
const NOTABLE_WITH_UI = `${ATTR_SELECTOR},${optOutSelector(true)}`;
const NOTABLE = `${ATTR_SELECTOR},${optOutSelector(false)}`;

/**
 * Converts every text node and reader-facing attribute under `root` (itself included) with one
 * batched converter call, writing only values that change and logging them for restore.
 */
export function convertTree(root: Node, convert: ConvertFn, log: WriteLog, options: PipelineOptions): ConvertStats {
  const gathered = gather(root, log, options.skipOwnUi);
  if (gathered.runEnds.length === 0 && gathered.attrEls.length === 0) return { changedNodes: 0, changedAttrs: 0 };
  return convertGathered(gathered, convert, log);
}

function matchesSafe(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** Ends the run being collected: kept when it holds Han characters, dropped otherwise. */
function endRun(g: Gathered): void {
  const end = g.nodes.length;
  if (end === g.runStart) return;
  if (g.runHasHan) {
    g.runEnds.push(end);
    g.runStart = end;
    g.runHasHan = false;
  } else {
    g.nodes.length = g.runStart;
    g.data.length = g.runStart;
  }
}

/** Logs the converted attributes of `el` that hold Han characters and are not our own writes. */
function addAttrs(g: Gathered, el: Element, log: WriteLog, checkOurs: boolean): void {
  for (let i = 0; i < CONVERTED_ATTRS.length; i++) {
    const name = CONVERTED_ATTRS[i];
    const value = el.getAttribute(name);
    if (value !== null && hasHan(value) && !(checkOurs && log.isOurAttr(el, name, value))) {
      g.attrEls.push(el);
      g.attrNames.push(name);
      g.attrValues.push(value);
    }
  }
}

/**
 * One walk over the subtree. Elements carrying a converted attribute or opting out are found
 * natively by one selector query, so ordinary elements cost no attribute reads or selector
 * matching; converted attributes are collected in the same walk, in document order.
 */
function gather(root: Node, log: WriteLog, skipOwnUi: boolean): Gathered {
  const g: Gathered = {
    nodes: [],
    data: [],
    runEnds: [],
    runStart: 0,
    runHasHan: false,
    attrEls: [],
    attrNames: [],
    attrValues: [],
  };
  const checkOurs = log.size > 0;
  const textsOurs = log.textCount > 0;
  if (isEditableDocument(root.nodeType === 9 ? (root as Document) : root.ownerDocument)) return g;

  if (root.nodeType === 3) {
    const text = root as Text;
    if (!(textsOurs && log.isOurs(text))) {
      const data = text.data;
      g.nodes.push(text);
      g.data.push(data);
      g.runHasHan = hasHan(data);
      endRun(g);
    }
    return g;
  }
  if (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11) return g;

  const optOut = optOutSelector(skipOwnUi);
  if (root.nodeType === 1) {
    // An excluded element keeps its content but a text area's placeholder is still page text.
    const el = root as Element;
    const name = el.localName;
    const optedOut = (el.hasAttributes() || name === OWN_UI_TAG) && matchesSafe(el, optOut);
    if (!optedOut && el.hasAttributes() && (name === 'textarea' || !NEVER_CONVERT.has(name))) addAttrs(g, el, log, checkOurs);
    if (optedOut || NEVER_CONVERT.has(name)) return g;
  }

  // A set, not a pointer into the list: not every DOM returns a selector list in document order.
  const listed = (root as ParentNode).querySelectorAll(skipOwnUi ? NOTABLE_WITH_UI : NOTABLE);
  const notable = listed.length > 0 ? new Set<Element>(listed) : null;
  // Attributes under an excluded ancestor above the root stay as they are.
  let attrsAllowed = true;
  if (notable !== null) {
    const parent = root.nodeType === 1 ? (root as Element).parentElement : null;
    if (parent && parent.closest(excludedSelector(skipOwnUi))) attrsAllowed = false;
  }

  const nodes = g.nodes;
  const texts = g.data;
  // Iterative walk: entering or leaving a non-inline element ends the current run.
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    const type = node.nodeType;
    if (type === 3) {
      const text = node as Text;
      // Already converted by us (a node the page moved): converting again would double-convert.
      if (textsOurs && log.isOurs(text)) endRun(g);
      else {
        const data = text.data;
        nodes.push(text);
        texts.push(data);
        if (!g.runHasHan && hasHan(data)) g.runHasHan = true;
      }
    } else if (type === 1) {
      const el = node as Element;
      const name = el.localName;
      let excluded = NEVER_CONVERT.has(name);
      if (notable !== null && notable.has(el)) {
        const optedOut = matchesSafe(el, optOut);
        if (optedOut) excluded = true;
        else if (attrsAllowed && (name === 'textarea' || !excluded)) addAttrs(g, el, log, checkOurs);
      }
      if (excluded) endRun(g);
      else {
        if (!INLINE.has(name)) endRun(g);
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === 1 && !INLINE.has((node as Element).localName)) endRun(g);
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  endRun(g);
  return g;
}

function convertGathered(g: Gathered, convert: ConvertFn, log: WriteLog): ConvertStats {
  const { nodes, data, runEnds, attrValues } = g;
  const runCount = runEnds.length;
  const texts: string[] = new Array(runCount + attrValues.length);
  let start = 0;
  for (let i = 0; i < runCount; i++) {
    const end = runEnds[i];
    if (end - start === 1) texts[i] = data[start];
    else {
      let joined = '';
      for (let k = start; k < end; k++) joined += data[k];
      texts[i] = joined;
    }
    start = end;
  }
  for (let j = 0; j < attrValues.length; j++) texts[runCount + j] = attrValues[j];
  const converted = convertBatch(texts, convert);

  let changedNodes = 0;
  start = 0;
  for (let i = 0; i < runCount; i++) {
    const end = runEnds[i];
    const runStart = start;
    start = end;
    const out = converted[i];
    if (out === texts[i]) continue;
    if (end - runStart === 1) {
      log.writeText(nodes[runStart], texts[i], out);
      changedNodes++;
      continue;
    }
    const pieces = data.slice(runStart, end);
    const outPieces = splitRun(pieces, out, convert);
    for (let k = 0; k < pieces.length; k++) {
      if (outPieces[k] !== pieces[k]) {
        log.writeText(nodes[runStart + k], pieces[k], outPieces[k]);
        changedNodes++;
      }
    }
  }
  let changedAttrs = 0;
  for (let j = 0; j < attrValues.length; j++) {
    const out = converted[runCount + j];
    const value = attrValues[j];
    if (out !== value) {
      log.writeAttr(g.attrEls[j], g.attrNames[j], value, out);
      changedAttrs++;
    }
  }
  return { changedNodes, changedAttrs };
}

/** Converts one attribute in place (live updates), logging it for restore. */
export function convertAttribute(el: Element, name: string, convert: ConvertFn, log: WriteLog): boolean {
  const value = el.getAttribute(name);
  if (value === null || log.isOurAttr(el, name, value)) return false;
  const out = safeConvert(value, convert);
  if (out === value) return false;
  log.writeAttr(el, name, value, out);
  return true;
}
