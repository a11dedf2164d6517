/** Turning sanitised HTML into well-formed XHTML for EPUB chapters. */

// Characters XML 1.0 does not allow at all.
const XML_INVALID_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const HAS_XML_INVALID_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const XML_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Paragraphs of escaped text: the fallback when the HTML cannot be made well-formed. */
export function textToXhtml(text: string): string {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeXml(line)}</p>`)
    .join('\n');
}

export function hasXmlParser(): boolean {
  return typeof DOMParser !== 'undefined' && typeof XMLSerializer !== 'undefined';
}

/** Parses HTML into a body element (inert: DOMParser runs no scripts and loads nothing). */
export function parseHtmlBody(html: string): HTMLElement | null {
  if (typeof DOMParser === 'undefined') return null;
  try {
    return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html').body;
  } catch {
    return null;
  }
}

/** Drops what XML cannot hold: attributes with non-XML names, invalid characters, comments. */
function makeXmlSafe(root: Element): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 | 0x80 /* element | text | comment */);
  const comments: Node[] = [];
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      const element = node as Element;
      for (const attr of Array.from(element.attributes)) {
        if (!XML_NAME.test(attr.name)) element.removeAttribute(attr.name);
        else if (HAS_XML_INVALID_CHAR.test(attr.value))
          element.setAttribute(attr.name, attr.value.replace(XML_INVALID_CHARS, ''));
      }
    } else if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (HAS_XML_INVALID_CHAR.test(value)) node.nodeValue = value.replace(XML_INVALID_CHARS, '');
    } else {
      comments.push(node);
    }
  }
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/** Serialises the children of an HTML element as XHTML markup (no wrapper, no xmlns noise). */
export function serializeChildren(root: Element): string {
  makeXmlSafe(root);
  const serializer = new XMLSerializer();
  const markup = serializer.serializeToString(root);
  // The root is serialised with its xmlns; strip only the outer tag.
  const open = markup.indexOf('>');
  const close = markup.lastIndexOf('</');
  if (open < 0 || close < open || markup.endsWith('/>')) return '';
  return markup.slice(open + 1, close);
}

/** True when `fragment` parses as XHTML inside a body. */
export function isWellFormedFragment(fragment: string): boolean {
  if (typeof DOMParser === 'undefined') return false;
  try {
    const doc = new DOMParser().parseFromString(
      `<html xmlns="${XHTML_NS}"><body>${fragment}</body></html>`,
      'application/xhtml+xml',
    );
    return doc.getElementsByTagName('parsererror').length === 0;
  } catch {
    return false;
  }
}

/**
 * HTML → XHTML fragment: parse as HTML, serialise as XML, and check the result; when anything
 * goes wrong, fall back to the escaped plain text.
 */
export function htmlToXhtml(html: string, fallbackText: string, rewrite?: (body: HTMLElement) => void): string {
  if (!hasXmlParser()) return textToXhtml(fallbackText);
  try {
    const body = parseHtmlBody(html);
    if (!body) return textToXhtml(fallbackText);
    rewrite?.(body);
    const fragment = serializeChildren(body);
    if (isWellFormedFragment(fragment)) return fragment;
  } catch {
    // Fall through to plain text.
  }
  return textToXhtml(fallbackText);
}

export { XHTML_NS };
