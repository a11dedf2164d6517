/**
 * What a conversion wrote, so restore puts back the stored originals byte for byte
 * (converting back is lossy) and leaves alone whatever the page changed since.
 *
 * Stored as flat parallel arrays (node, original, written): a whole-page conversion only appends,
 * and restore is one pass comparing each node once. The lookup index (node → entry) is built
 * only when something asks whether a node is ours — live conversion and re-conversion of a page
 * already holding our writes — and is kept up to date from then on, so a node written again
 * replaces its entry instead of growing the log.
 */
export class WriteLog {
  private textNodes: Text[] = [];
  private textOriginals: string[] = [];
  private textWritten: string[] = [];
  private textIndex: Map<Text, number> | null = null;

  private attrEls: Element[] = [];
  private attrNames: string[] = [];
  private attrOriginals: string[] = [];
  private attrWritten: string[] = [];
  private attrIndex: Map<Element, Map<string, number>> | null = null;

  /** Number of logged text nodes. */
  get textCount(): number {
    return this.textNodes.length;
  }

  /** Number of logged attributes. */
  get attrCount(): number {
    return this.attrEls.length;
  }

  get size(): number {
    return this.textNodes.length + this.attrEls.length;
  }

  /** True when `node` currently shows exactly what we wrote into it. */
  isOurs(node: Text): boolean {
    if (this.textNodes.length === 0) return false;
    const i = this.texts().get(node);
    return i !== undefined && this.textWritten[i] === node.data;
  }

  isOurAttr(el: Element, name: string, value: string | null): boolean {
    if (this.attrEls.length === 0) return false;
    const i = this.attrs().get(el)?.get(name);
    return i !== undefined && this.attrWritten[i] === value;
  }

  /** Writes `value` into `node`, whose current text is `current`. */
  writeText(node: Text, current: string, value: string): void {
    const index = this.textIndex;
    const at = index === null ? undefined : index.get(node);
    // A node the page rewrote since our last write: its new text is the original to keep.
    if (at !== undefined) {
      this.textOriginals[at] = current;
      this.textWritten[at] = value;
    } else {
      if (index !== null) index.set(node, this.textNodes.length);
      this.textNodes.push(node);
      this.textOriginals.push(current);
      this.textWritten.push(value);
    }
    node.data = value;
  }

  writeAttr(el: Element, name: string, original: string, value: string): void {
    const index = this.attrIndex;
    const at = index === null ? undefined : index.get(el)?.get(name);
    if (at !== undefined) {
      this.attrOriginals[at] = original;
      this.attrWritten[at] = value;
    } else {
      if (index !== null) {
        let byName = index.get(el);
        if (!byName) {
          byName = new Map();
          index.set(el, byName);
        }
        byName.set(name, this.attrEls.length);
      }
      this.attrEls.push(el);
      this.attrNames.push(name);
      this.attrOriginals.push(original);
      this.attrWritten.push(value);
    }
    el.setAttribute(name, value);
  }

  /** Puts back every original we still own; forgets everything. */
  restore(): void {
    const nodes = this.textNodes;
    const originals = this.textOriginals;
    const written = this.textWritten;
    // Newest first: should a node have two entries, the later one holds what the page last wrote.
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i];
      if (node.data === written[i]) node.data = originals[i];
    }
    const els = this.attrEls;
    for (let i = els.length - 1; i >= 0; i--) {
      const el = els[i];
      const name = this.attrNames[i];
      if (el.getAttribute(name) === this.attrWritten[i]) el.setAttribute(name, this.attrOriginals[i]);
    }
    this.clear();
  }

  private clear(): void {
    this.textNodes = [];
    this.textOriginals = [];
    this.textWritten = [];
    this.textIndex = null;
    this.attrEls = [];
    this.attrNames = [];
    this.attrOriginals = [];
    this.attrWritten = [];
    this.attrIndex = null;
  }

  private texts(): Map<Text, number> {
    let index = this.textIndex;
    if (index === null) {
      index = new Map();
      const nodes = this.textNodes;
      for (let i = 0; i < nodes.length; i++) index.set(nodes[i], i);
      this.textIndex = index;
    }
    return index;
  }

  private attrs(): Map<Element, Map<string, number>> {
    let index = this.attrIndex;
    if (index === null) {
      index = new Map();
      const els = this.attrEls;
      for (let i = 0; i < els.length; i++) {
        let byName = index.get(els[i]);
        if (!byName) {
          byName = new Map();
          index.set(els[i], byName);
        }
        byName.set(this.attrNames[i], i);
      }
      this.attrIndex = index;
    }
    return index;
  }
}
