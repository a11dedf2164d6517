/**
 * Rendered-visibility checks. They read computed style and layout, so they only run on links,
 * on text nodes that look like URLs and on their ancestors — never on every node. Without layout
 * (jsdom) the geometric checks are skipped and only computed display/visibility/opacity count.
 */

/** Soft techniques are also used by legit menus and sr-only text; hard ones are not. */
export type HidingTechnique =
  | 'display-none'
  | 'visibility'
  | 'opacity'
  | 'sr-only'
  | 'offscreen'
  | 'clipped'
  | 'tiny-font'
  | 'same-color'
  | 'tiny-marquee'
  | 'zero-size';

const HARD: ReadonlySet<HidingTechnique> = new Set([
  'offscreen',
  'clipped',
  'tiny-font',
  'same-color',
  'tiny-marquee',
  'zero-size',
]);
export function isHardTechnique(t: HidingTechnique): boolean {
  return HARD.has(t);
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Per-scan cache so shared ancestors are styled once (plain maps: a probe lives for one scan). */
export class RenderProbe {
  private layout: boolean | undefined;
  private range: Range | null = null;
  private hasMarquee: boolean | undefined;
  private readonly styles = new Map<Element, CSSStyleDeclaration | null>();
  private readonly hiddenAncestor = new Map<Element, HidingTechnique | null>();
  private readonly clips = new Map<Element, DOMRect | null>();
  private pageWidth: number | undefined;
  private readonly backgrounds = new Map<Element, Rgba | 'image' | null>();
  private readonly view: (Window & typeof globalThis) | null;

  constructor(private readonly doc: Document) {
    this.view = doc.defaultView as (Window & typeof globalThis) | null;
  }

  /** Whether the document has layout (read once, on first use: a clean page may never ask). */
  get hasLayout(): boolean {
    this.layout ??= detectLayout(this.doc);
    return this.layout;
  }

  style(el: Element): CSSStyleDeclaration | null {
    if (this.styles.has(el)) return this.styles.get(el) ?? null;
    let s: CSSStyleDeclaration | null = null;
    try {
      s = this.view ? this.view.getComputedStyle(el) : null;
    } catch {
      s = null;
    }
    this.styles.set(el, s);
    return s;
  }

  /** Why `el` (an element holding text or a link) is not visible, or null when it is. */
  hiddenBy(el: Element, textNode?: Text): HidingTechnique | null {
    try {
      const css = this.cssHidden(el);
      if (css) return css;
      if (!this.hasLayout) return null;
      return this.geometryHidden(el, textNode);
    } catch {
      return null;
    }
  }

  private cssHidden(el: Element): HidingTechnique | null {
    const checker = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    if (this.hasLayout && typeof checker === 'function') {
      if (checker.call(el, { visibilityProperty: true, opacityProperty: true })) return null;
      // Hidden: name the technique with the same native check instead of styling every
      // ancestor (inside a display:none subtree each computed style is built on demand).
      if (!checker.call(el)) return 'display-none';
      if (!checker.call(el, { opacityProperty: true })) return 'opacity';
      return 'visibility';
    }
    return this.softReason(el);
  }

  /** Walks ancestors (memoised) for display:none, visibility:hidden, opacity:0. */
  private softReason(el: Element): HidingTechnique | null {
    const own = this.style(el);
    if (own && own.visibility === 'hidden') return 'visibility';
    let node: Element | null = el;
    const path: Element[] = [];
    let found: HidingTechnique | null = null;
    while (node) {
      if (this.hiddenAncestor.has(node)) {
        found = this.hiddenAncestor.get(node) ?? null;
        break;
      }
      path.push(node);
      const s = this.style(node);
      if (s) {
        if (s.display === 'none') {
          found = 'display-none';
          break;
        }
        if (s.opacity !== '' && Number(s.opacity) === 0) {
          found = 'opacity';
          break;
        }
      }
      node = node.parentElement;
    }
    for (const p of path) this.hiddenAncestor.set(p, found);
    return found;
  }

  private geometryHidden(el: Element, textNode?: Text): HidingTechnique | null {
    const s = this.style(el);
    if (s) {
      const size = parseFloat(s.fontSize);
      if (Number.isFinite(size) && size < 2 && (el.textContent ?? '').trim()) return 'tiny-font';
    }
    this.hasMarquee ??= this.doc.getElementsByTagName('marquee').length > 0;
    const marquee = this.hasMarquee ? el.closest('marquee') : null;
    if (marquee) {
      const r = marquee.getBoundingClientRect();
      if (r.width <= 4 || r.height <= 4) return 'tiny-marquee';
    }
    const box = this.textBox(el, textNode);
    if (!box) return 'zero-size';
    const view = this.view;
    const sx = view ? view.scrollX : 0;
    const sy = view ? view.scrollY : 0;
    if (box.right + sx <= 0 || box.bottom + sy <= 0) return 'offscreen';
    this.pageWidth ??= Math.max(this.doc.documentElement.scrollWidth, view ? view.innerWidth : 0);
    if (box.left + sx >= this.pageWidth + 50) return 'offscreen';
    const clip = this.clippedBy(el, box);
    if (clip) return clip;
    if (s && this.sameColorAsBackground(el, s)) return 'same-color';
    return null;
  }

  /** The union of the text's line boxes (not the element box: text-indent moves only text). */
  private textBox(el: Element, textNode?: Text): Box | null {
    this.range ??= this.doc.createRange();
    const range = this.range;
    if (textNode) range.selectNodeContents(textNode);
    else range.selectNodeContents(el);
    const rects = range.getClientRects();
    let box: Box | null = null;
    for (let i = 0; i < rects.length; i++) {
      const r = rects[i];
      if (r.width <= 0.5 && r.height <= 0.5) continue;
      box = box
        ? {
            left: Math.min(box.left, r.left),
            top: Math.min(box.top, r.top),
            right: Math.max(box.right, r.right),
            bottom: Math.max(box.bottom, r.bottom),
          }
        : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }
    if (!box) {
      const r = el.getBoundingClientRect();
      if (r.width > 0.5 && r.height > 0.5 && !(el.textContent ?? '').trim()) {
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }
    }
    return box;
  }

  /** An overflow-clipping or clip-rect ancestor leaves under ~2px of the text showing. */
  private clippedBy(el: Element, box: Box): HidingTechnique | null {
    let node: Element | null = el.parentElement;
    let depth = 0;
    let visible: Box = { ...box };
    while (node && node !== this.doc.body && depth < 12) {
      const r = this.clipBox(node);
      if (r) {
        visible = {
          left: Math.max(visible.left, r.left),
          top: Math.max(visible.top, r.top),
          right: Math.min(visible.right, r.right),
          bottom: Math.min(visible.bottom, r.bottom),
        };
        if (visible.right - visible.left < 2 || visible.bottom - visible.top < 2) {
          return r.width <= 2 && r.height <= 2 ? 'sr-only' : 'clipped';
        }
      }
      node = node.parentElement;
      depth++;
    }
    return null;
  }

  /** The border box of `node` when it clips its content (overflow or clip rect), else null. */
  private clipBox(node: Element): DOMRect | null {
    const known = this.clips.get(node);
    if (known !== undefined) return known;
    const s = this.style(node);
    let box: DOMRect | null = null;
    if (s) {
      const clipsOverflow = s.overflowX !== 'visible' || s.overflowY !== 'visible';
      const clipRect = s.clip && s.clip !== 'auto' && s.position === 'absolute';
      if (clipsOverflow || clipRect) box = node.getBoundingClientRect();
    }
    this.clips.set(node, box);
    return box;
  }

  private sameColorAsBackground(el: Element, s: CSSStyleDeclaration): boolean {
    const fg = parseColor(s.color);
    if (!fg) return false;
    const bg = this.backgroundOf(el);
    if (bg === 'image') return false;
    return colorDistance(fg, bg ?? [255, 255, 255, 1]) < 12;
  }

  /**
   * The first opaque background at or above `el` ('image' when a background image comes
   * first, null for none within 30 levels). Memoised for every element on the walk once the
   * walk ends on an answer (links share their ancestors; most pages set no background at all).
   */
  private backgroundOf(el: Element): Rgba | 'image' | null {
    const path: Element[] = [];
    let node: Element | null = el;
    let result: Rgba | 'image' | null = null;
    let decided = false;
    for (let depth = 0; node && depth < 30; depth++) {
      const known = this.backgrounds.get(node);
      if (known !== undefined) {
        result = known;
        decided = true;
        break;
      }
      path.push(node);
      const ns = this.style(node);
      if (ns) {
        if (ns.backgroundImage && ns.backgroundImage !== 'none') {
          result = 'image';
          decided = true;
          break;
        }
        const bg = parseColor(ns.backgroundColor);
        if (bg && bg[3] > 0.5) {
          result = bg;
          decided = true;
          break;
        }
      }
      node = node.parentElement;
    }
    // Reached the root without a background: none for the whole walk. A walk cut off at
    // depth 30 is not memoised (the answer depends on where it started).
    if (!node) decided = true;
    if (decided) for (const p of path) this.backgrounds.set(p, result);
    return result;
  }
}

type Rgba = [number, number, number, number];

function detectLayout(doc: Document): boolean {
  try {
    const r = doc.documentElement.getBoundingClientRect();
    return r.width > 0 || r.height > 0;
  } catch {
    return false;
  }
}

const colors = new Map<string, Rgba | null>();

function parseColor(value: string): Rgba | null {
  let c = colors.get(value);
  if (c === undefined) {
    c = readColor(value);
    if (colors.size < 256) colors.set(value, c);
  }
  return c;
}

function readColor(value: string): Rgba | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?\s*\)/.exec(value);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

function colorDistance(a: number[], b: number[]): number {
  return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
}
