/** DOMPurify configured for article content. */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

const CONFIG: Config = {
  USE_PROFILES: { html: true }, // no SVG / MathML: they carry their own script vectors
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'select',
    'option',
    'textarea',
    'iframe',
    'frame',
    'object',
    'embed',
    'link',
    'meta',
    'base',
    'template',
    'dialog',
  ],
  FORBID_ATTR: ['style', 'id', 'class', 'srcset', 'sizes', 'formaction', 'action', 'background', 'ping'],
  ALLOW_DATA_ATTR: false,
};

/** Media elements load as soon as they are shown (metadata, poster, tracks). */
const MEDIA = new Set(['VIDEO', 'AUDIO', 'SOURCE', 'TRACK']);

/**
 * A video or audio URL on another origin is a beacon the page planted (it fires whenever the
 * article is shown or its export opened): dropped. Media of the page's own site stays.
 */
function dropForeignMediaUrls(el: Element, win: Window): void {
  for (const name of ['src', 'poster']) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    let origin = '';
    try {
      origin = new URL(value, win.location.href).origin;
    } catch {
      origin = '';
    }
    if (origin !== win.location.origin) el.removeAttribute(name);
  }
}

/** One instance per window, with our link hook; kept apart from any page-wide DOMPurify. */
const instances = new WeakMap<object, DOMPurify>();

function purifierFor(win: Window & typeof globalThis): DOMPurify {
  let purifier = instances.get(win);
  if (purifier) return purifier;
  purifier = createDOMPurify(win);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (MEDIA.has(node.nodeName)) dropForeignMediaUrls(node as Element, win);
    if (node.nodeName === 'A' && (node as Element).hasAttribute('href')) {
      (node as Element).setAttribute('rel', 'noopener noreferrer');
      (node as Element).setAttribute('target', '_blank');
    }
  });
  instances.set(win, purifier);
  return purifier;
}

/**
 * Sanitises article HTML: no scripts, event handlers, `javascript:` URLs, iframes, forms or
 * styles; links open in a new tab without an opener. Returns '' when no DOM is available.
 */
export function sanitizeHtml(html: string, doc: Document): string {
  try {
    const win = (doc.defaultView ?? (typeof window !== 'undefined' ? window : null)) as (Window & typeof globalThis) | null;
    if (!win) return '';
    const purifier = purifierFor(win);
    if (!purifier.isSupported) return '';
    return purifier.sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
  } catch {
    return '';
  }
}
