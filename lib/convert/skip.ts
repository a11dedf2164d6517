/**
 * Which elements the conversion and detection walks leave alone.
 * Names are compared on `localName` (lower case for HTML documents).
 */

/**
 * Elements whose text must never be rewritten (code, form values, non-rendered content).
 * An `<option>` without a value attribute submits its text, so select/option/datalist stay as served.
 */
export const NEVER_CONVERT = new Set([
  'script',
  'style',
  'textarea',
  'code',
  'pre',
  'noscript',
  'template',
  'select',
  'option',
  'datalist',
]);

/** Elements whose text is not shown to the reader. */
const NOT_RENDERED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'head']);

/** Phrasing elements: text across them is one run, so words split by markup convert as words. */
export const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);

export const OWN_UI_TAG = 'qingdu-reader';
export const OWN_UI_ATTR = 'data-qingdu-ui';
export const HIDDEN_SPAM_ATTR = 'data-qingdu-hidden';

/** Elements that opt out of conversion with their subtree, as one selector (matched natively). */
const OPT_OUT = '[contenteditable]:not([contenteditable="false" i]),[translate="no" i],.notranslate';
const OPT_OUT_WITH_UI = `${OPT_OUT},${OWN_UI_TAG},[${OWN_UI_ATTR}]`;

export function optOutSelector(skipOwnUi: boolean): string {
  return skipOwnUi ? OPT_OUT_WITH_UI : OPT_OUT;
}

/** Everything whose content is never converted: opt-outs and code/form/non-rendered elements. */
export function excludedSelector(skipOwnUi: boolean): string {
  return `${optOutSelector(skipOwnUi)},${[...NEVER_CONVERT].join(',')}`;
}

/** A document the user edits as a whole (`designMode`): converting it would rewrite their text. */
export function isEditableDocument(doc: Document | null | undefined): boolean {
  try {
    return String(doc?.designMode ?? '').toLowerCase() === 'on';
  } catch {
    return false;
  }
}

export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

export function isOwnUi(el: Element): boolean {
  return el.localName === OWN_UI_TAG || el.hasAttribute(OWN_UI_ATTR);
}

/** True when the element opts out of conversion or is code/form content. */
export function isConversionExcluded(el: Element, skipOwnUi: boolean): boolean {
  return NEVER_CONVERT.has(el.localName) || isOptedOut(el, skipOwnUi);
}

/** True when the element (and its subtree) asks not to be converted, or is our own UI. */
export function isOptedOut(el: Element, skipOwnUi: boolean): boolean {
  if (!el.hasAttributes() && el.localName !== OWN_UI_TAG) return false;
  try {
    return el.matches(optOutSelector(skipOwnUi));
  } catch {
    return false;
  }
}

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** True when the element's text is not visible, as far as attributes tell (no style computation). */
export function isInvisible(el: Element): boolean {
  if (NOT_RENDERED.has(el.localName)) return true;
  if (isOwnUi(el)) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute(HIDDEN_SPAM_ATTR) || el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style);
}

/** True when `node` or an ancestor up to (excluding) `stop` is excluded from conversion. */
export function isInsideExcluded(node: Node, skipOwnUi: boolean, stop: Node | null = null): boolean {
  let current: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (current && current !== stop) {
    if (current.nodeType === 1 && isConversionExcluded(current as Element, skipOwnUi)) return true;
    current = current.parentNode;
  }
  return false;
}

/** Whether text may change under conversion: it holds CJK characters (BMP, compatibility or astral). */
export function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2e80 && c <= 0x9fff) return true;
    if (c >= 0xf900 && c <= 0xfaff) return true;
    if (c >= 0xd840 && c <= 0xd8bf) return true;
  }
  return false;
}
