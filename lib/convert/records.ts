/** The original and the converted value of one text node or attribute. */
export interface Written {
  original: string;
  written: string;
}

/**
 * What a conversion wrote, so restore puts back the stored originals byte for byte
 * (converting back is lossy) and leaves alone whatever the page changed since.
 */
export class WriteLog {
  readonly texts = new Map<Text, Written>();
  readonly attrs = new Map<Element, Map<string, Written>>();

  /** True when `node` currently shows exactly what we wrote into it. */
  isOurs(node: Text): boolean {
    const entry = this.texts.get(node);
    return entry !== undefined && entry.written === node.data;
  }

  isOurAttr(el: Element, name: string, value: string | null): boolean {
    const entry = this.attrs.get(el)?.get(name);
    return entry !== undefined && entry.written === value;
  }

  /** Writes `value` into `node`, whose current text is `current`. */
  writeText(node: Text, current: string, value: string): void {
    const entry = this.texts.get(node);
    // A node the page rewrote since our last write: its new text is the original to keep.
    if (entry) {
      entry.original = current;
      entry.written = value;
    } else this.texts.set(node, { original: current, written: value });
    node.data = value;
  }

  writeAttr(el: Element, name: string, original: string, value: string): void {
    let byName = this.attrs.get(el);
    if (!byName) {
      byName = new Map();
      this.attrs.set(el, byName);
    }
    byName.set(name, { original, written: value });
    el.setAttribute(name, value);
  }

  get size(): number {
    return this.texts.size + this.attrs.size;
  }

  /** Puts back every original we still own; forgets everything. */
  restore(): void {
    for (const [node, entry] of this.texts) {
      if (node.data === entry.written) node.data = entry.original;
    }
    for (const [el, byName] of this.attrs) {
      for (const [name, entry] of byName) {
        if (el.getAttribute(name) === entry.written) el.setAttribute(name, entry.original);
      }
    }
    this.texts.clear();
    this.attrs.clear();
  }
}
