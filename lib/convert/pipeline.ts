import { convertBatch, safeConvert, splitRun } from './batch';
import type { WriteLog } from './records';
import { excludedSelector, hasHan, INLINE, isConversionExcluded, isOptedOut, NEVER_CONVERT, optOutSelector } from './skip';
import type { ConvertFn, ConvertStats } from './types';

/** Attributes whose text the reader sees or hears. */
export const CONVERTED_ATTRS = ['title', 'alt', 'placeholder', 'aria-label'] as const;

export interface PipelineOptions {
  /** Leave the extension's own UI (`qingdu-reader`, `[data-qingdu-ui]`) alone. */
  skipOwnUi: boolean;
}

interface AttrUnit {
  el: Element;
  name: string;
  value: string;
}

/** Text nodes and attributes of a subtree that need converting, gathered in one walk. */
interface Gathered {
  /** Each run: text nodes read as one piece of text (only inline markup between them). */
  runs: Text[][];
  /** The text of each run's nodes, read once. */
  runTexts: string[][];
  attrs: AttrUnit[];
}

const ATTR_SELECTOR = CONVERTED_ATTRS.map((name) => `[${name}]`).join(',');

/**
 * Converts every text node and reader-facing attribute under `root` (itself included) with one
 * batched converter call, writing only values that change and logging them for restore.
 */
export function convertTree(root: Node, convert: ConvertFn, log: WriteLog, options: PipelineOptions): ConvertStats {
  const gathered = gather(root, log, options);
  return convertGathered(gathered, convert, log);
}

/** Subtree roots that opt out, found natively in one query instead of per-element attribute reads. */
function optedOutWithin(root: Node, skipOwnUi: boolean): Set<Element> {
  const scope = root as ParentNode;
  if (typeof scope.querySelectorAll !== 'function') return new Set();
  return new Set(scope.querySelectorAll(optOutSelector(skipOwnUi)));
}

/** Elements under `root` (and `root`) carrying a converted attribute, outside excluded subtrees. */
function attributeUnits(root: Node, log: WriteLog, options: PipelineOptions): AttrUnit[] {
  const units: AttrUnit[] = [];
  const candidates: Element[] = [];
  if (root.nodeType === 1) candidates.push(root as Element);
  const scope = root as ParentNode;
  if (typeof scope.querySelectorAll === 'function') candidates.push(...scope.querySelectorAll(ATTR_SELECTOR));
  const excluded = excludedSelector(options.skipOwnUi);
  for (const el of candidates) {
    if (!el.hasAttributes()) continue;
    // An excluded element keeps its content but a text area's placeholder is still page text.
    if (isOptedOut(el, options.skipOwnUi)) continue;
    if (el.localName !== 'textarea' && NEVER_CONVERT.has(el.localName)) continue;
    const parent = el.parentElement;
    if (parent && el !== root && parent.closest(excluded)) continue;
    for (const name of CONVERTED_ATTRS) {
      const value = el.getAttribute(name);
      if (value !== null && hasHan(value) && !log.isOurAttr(el, name, value)) units.push({ el, name, value });
    }
  }
  return units;
}

function gather(root: Node, log: WriteLog, options: PipelineOptions): Gathered {
  const runs: Text[][] = [];
  const runTexts: string[][] = [];
  if (root.nodeType === 1 && isConversionExcluded(root as Element, options.skipOwnUi)) {
    return { runs, runTexts, attrs: attributeUnits(root, log, options) };
  }
  const attrs = attributeUnits(root, log, options);
  const optedOut = optedOutWithin(root, options.skipOwnUi);
  const checkOurs = log.texts.size > 0;
  let run: Text[] = [];
  let texts: string[] = [];
  let runHasHan = false;
  const endRun = () => {
    if (run.length === 0) return;
    if (runHasHan) {
      runs.push(run);
      runTexts.push(texts);
    }
    run = [];
    texts = [];
    runHasHan = false;
  };
  const visitText = (node: Text) => {
    // Already converted by us (a node the page moved): converting again would double-convert.
    if (checkOurs && log.isOurs(node)) {
      endRun();
      return;
    }
    const data = node.data;
    run.push(node);
    texts.push(data);
    if (!runHasHan && hasHan(data)) runHasHan = true;
  };

  if (root.nodeType === 3) {
    visitText(root as Text);
    endRun();
    return { runs, runTexts, attrs };
  }

  // Iterative walk: entering or leaving a non-inline element ends the current run.
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) visitText(node as Text);
    else if (node.nodeType === 1) {
      const el = node as Element;
      const name = el.localName;
      if (NEVER_CONVERT.has(name) || optedOut.has(el)) endRun();
      else {
        if (!INLINE.has(name)) endRun();
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === 1 && !INLINE.has((node as Element).localName)) endRun();
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  endRun();
  return { runs, runTexts, attrs };
}

function convertGathered(gathered: Gathered, convert: ConvertFn, log: WriteLog): ConvertStats {
  const { runs, runTexts: runPieces, attrs } = gathered;
  const texts: string[] = new Array(runs.length + attrs.length);
  for (let i = 0; i < runs.length; i++) {
    const pieces = runPieces[i];
    texts[i] = pieces.length === 1 ? pieces[0] : pieces.join('');
  }
  for (let j = 0; j < attrs.length; j++) texts[runs.length + j] = attrs[j].value;
  const converted = convertBatch(texts, convert);

  let changedNodes = 0;
  for (let i = 0; i < runs.length; i++) {
    const nodes = runs[i];
    if (nodes.length === 1) {
      if (converted[i] !== texts[i]) {
        log.writeText(nodes[0], texts[i], converted[i]);
        changedNodes++;
      }
      continue;
    }
    if (converted[i] === texts[i]) continue;
    const pieces = runPieces[i];
    const outPieces = splitRun(pieces, converted[i], convert);
    for (let k = 0; k < nodes.length; k++) {
      if (outPieces[k] !== pieces[k]) {
        log.writeText(nodes[k], pieces[k], outPieces[k]);
        changedNodes++;
      }
    }
  }
  let changedAttrs = 0;
  for (let j = 0; j < attrs.length; j++) {
    const out = converted[runs.length + j];
    const { el, name, value } = attrs[j];
    if (out !== value) {
      log.writeAttr(el, name, value, out);
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
