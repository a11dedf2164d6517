/**
 * opencc-js's converter over dictionaries compiled at build time (scripts/gen-dicts.mjs), so a
 * converter is ready the moment its bundle is evaluated: the tables are read in place from string
 * literals, never built into a trie at run time. Same semantics as opencc-js 1.4 `Converter`:
 * normalisation chain, then segmentation by the longest phrase match, then each dictionary
 * group of the conversion chain in turn on every segment, each group converting by longest match.
 *
 * One compiled trie per dictionary group, over UTF-16 code units (equivalent to opencc-js's code
 * points: every key is well-formed, so a key never ends inside a surrogate pair), nodes numbered
 * breadth-first with the children of a node consecutive and sorted by code unit:
 * - `labels.charCodeAt(n)`: the code unit on the edge into node n (node 0 is the root);
 * - `info.charCodeAt(n) - 32` = `rel << 3 | seg << 2 | kind`: `seg` when the path is a key of the
 *   segmentation dictionary, `kind` 0 (no key), 1 (key whose value is the key's code points each
 *   converted alone), 2 (value = a template aligned with the key's code points, `*` meaning "that
 *   code point converted alone"), 3 (value given literally); `rel` + the block's child base = the
 *   node's first child (the children of n end where those of n + 1 begin; a sentinel node closes);
 * - `blocks`: per block of 2^shift nodes, its child base and the number of nodes of kind 2 or 3
 *   before it (their values are `values` between consecutive `offsets`), as base-64 digits;
 * - `root`: per high byte of a code unit, where its run starts among the root's children.
 */

export interface CompiledTrie {
  labels: string;
  info: string;
  blocks: string;
  shift: number;
  root: string;
  values: string;
  offsets: string;
}

/** A configuration (OpenCC's s2t, s2tw, t2s, …) as indexes into `tries`. */
export interface CompiledConfig {
  normalize: number[];
  /** The trie carrying the segmentation flags, or -1 when the configuration does not segment. */
  segment: number;
  chain: number[];
}

export interface CompiledDicts {
  /** The opencc-js version the tables were compiled from. */
  version: string;
  /** Locales accepted as `from` / `to` (as in the opencc-js bundle compiled). */
  from: string[];
  to: string[];
  configs: Record<string, CompiledConfig>;
  tries: CompiledTrie[];
}

const TEMPLATE_SELF = 42; // '*'
const INFO_BIAS = 32;
const DIGIT_BIAS = 48;

/** Three base-64 digits (18 bits) at position `i` of `s`. */
function num(s: string, i: number): number {
  const j = i * 3;
  return ((s.charCodeAt(j) - DIGIT_BIAS) << 12) | ((s.charCodeAt(j + 1) - DIGIT_BIAS) << 6) | (s.charCodeAt(j + 2) - DIGIT_BIAS);
}

function decodeNumbers(s: string): Uint32Array {
  const out = new Uint32Array(s.length / 3);
  for (let i = 0; i < out.length; i++) out[i] = num(s, i);
  return out;
}

/** Tries with more root children than this get a direct first-code-unit table. */
const ROOT_TABLE_MIN = 256;

/** Reads one compiled trie in place (exported for the tests, which check every entry). */
export class TrieReader {
  private readonly labels: string;
  private readonly info: string;
  private readonly shift: number;
  private readonly values: string;
  private readonly offsets: string;
  /** Per block: child base, then the count of stored values before it. */
  private readonly blocks: Uint32Array;
  /** Where each high byte's run starts among the root's children (257 entries). */
  private readonly rootRuns: Uint32Array;
  /** Root child per code unit (0 = none), for large tries. */
  private readonly rootTable: Uint16Array | null;
  /** The node of the last successful `match`. */
  hit = 0;

  /**
   * Decodes only the small indexes: one number per block of nodes and one per high byte; the
   * large tries also get a first-code-unit table filled from their root children (~6,000 for
   * Simplified→Traditional). No dictionary entry is touched.
   */
  constructor(t: CompiledTrie) {
    this.labels = t.labels;
    this.info = t.info;
    this.shift = t.shift;
    this.values = t.values;
    this.offsets = t.offsets;
    this.blocks = decodeNumbers(t.blocks);
    this.rootRuns = decodeNumbers(t.root);
    const rootEnd = this.rootRuns[256];
    if (rootEnd - 1 > ROOT_TABLE_MIN && rootEnd <= 0xffff) {
      const table = new Uint16Array(0x10000);
      for (let n = 1; n < rootEnd; n++) table[t.labels.charCodeAt(n)] = n;
      this.rootTable = table;
    } else this.rootTable = null;
  }

  private firstChild(n: number): number {
    return this.blocks[(n >> this.shift) << 1] + ((this.info.charCodeAt(n) - INFO_BIAS) >> 3);
  }

  /** The child of `n` along code unit `c`, or -1. */
  private child(n: number, c: number): number {
    let lo: number;
    let hi: number;
    if (n === 0) {
      if (this.rootTable) return this.rootTable[c] || -1;
      lo = this.rootRuns[c >> 8];
      hi = this.rootRuns[(c >> 8) + 1];
    } else {
      lo = this.firstChild(n);
      hi = this.firstChild(n + 1);
    }
    const labels = this.labels;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const l = labels.charCodeAt(mid);
      if (l === c) return mid;
      if (l < c) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /**
   * The end of the longest key (kind ≠ 0 when `mask` is 3, segmentation keys when 4) starting
   * at `i` in `s`, below `end`; 0 when none. The key's node is left in `hit`.
   */
  match(s: string, i: number, end: number, mask: number): number {
    const info = this.info;
    let node = 0;
    let found = 0;
    for (let j = i; j < end; ) {
      node = this.child(node, s.charCodeAt(j));
      if (node < 0) break;
      j++;
      if ((info.charCodeAt(node) - INFO_BIAS) & mask) {
        found = j;
        this.hit = node;
      }
    }
    return found;
  }

  /** The value of node `n` (kind 2 or 3) as stored. */
  private stored(n: number): string {
    const shift = this.shift;
    const start = (n >> shift) << shift;
    let rank = this.blocks[((n >> shift) << 1) + 1];
    const info = this.info;
    for (let m = start; m < n; m++) if ((info.charCodeAt(m) - INFO_BIAS) & 2) rank++;
    return this.values.slice(num(this.offsets, rank), num(this.offsets, rank + 1));
  }

  /** One code point, s[i, end), converted alone: its own key's value, or itself. */
  private single(s: string, i: number, end: number): string {
    if (this.match(s, i, end, 3) !== end) return s.slice(i, end);
    const n = this.hit;
    return ((this.info.charCodeAt(n) - INFO_BIAS) & 3) === 3 ? this.stored(n) : s.slice(i, end);
  }

  /** The value of the key `s[i, end)` found at node `n`. */
  valueOf(n: number, s: string, i: number, end: number): string {
    const kind = (this.info.charCodeAt(n) - INFO_BIAS) & 3;
    if (kind === 3) return this.stored(n);
    if (kind === 1 && end - i === 1) return s.slice(i, end);
    const template = kind === 2 ? this.stored(n) : '';
    let out = '';
    let k = 0;
    for (let p = i; p < end; ) {
      const q = p + codePointLength(s, p);
      if (kind === 1 || template.charCodeAt(k) === TEMPLATE_SELF) {
        out += this.single(s, p, q);
        k++;
      } else {
        const len = codePointLength(template, k);
        out += template.slice(k, k + len);
        k += len;
      }
      p = q;
    }
    return out;
  }

  /** opencc-js `Trie.convert` on `s[start, end)`. */
  convert(s: string, start = 0, end = s.length): string {
    let out = '';
    let orig = -1;
    for (let i = start; i < end; ) {
      const matched = this.match(s, i, end, 3);
      if (matched) {
        if (orig >= 0) {
          out += s.slice(orig, i);
          orig = -1;
        }
        out += this.valueOf(this.hit, s, i, matched);
        i = matched;
      } else {
        if (orig < 0) orig = i;
        i += unmatchedLength(s, i, end);
      }
    }
    if (orig >= 0) out += s.slice(orig, end);
    return out;
  }
}

function codePointLength(s: string, i: number): number {
  return (s.codePointAt(i) as number) > 0xffff ? 2 : 1;
}

function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

/** opencc-js: an ideographic description sequence is skipped whole when nothing matches it. */
function idsEnd(s: string, i: number, limit: number): number {
  const arity = idsArity(s.codePointAt(i) as number);
  if (arity === 0) return 0;
  let end = i + codePointLength(s, i);
  for (let n = 0; n < arity; n += 1) {
    if (end >= limit) return 0;
    const childEnd = idsEnd(s, end, limit);
    end = childEnd || end + codePointLength(s, end);
  }
  return end;
}

function unmatchedLength(s: string, i: number, limit: number): number {
  const end = idsEnd(s, i, limit);
  return end > i ? end - i : codePointLength(s, i);
}

/** opencc-js's `getConfigName`. */
function configName(from: string, to: string): string {
  if (from === 'cn') return `s2${to}`;
  if (to === 'cn') {
    if (from === 'hkp') return 'hk2sp';
    return from === 'twp' ? 'tw2sp' : `${from}2s`;
  }
  return `${from}2${to}`;
}

function converterFor(reader: (i: number) => TrieReader, config: CompiledConfig): (s: string) => string {
  const normalize = config.normalize.map(reader);
  const chain = config.chain.map(reader);
  const seg = config.segment >= 0 ? reader(config.segment) : null;
  const rest = (text: string): string => {
    for (let g = 1; g < chain.length; g++) text = chain[g].convert(text);
    return text;
  };
  const convertSegment = (s: string, start: number, end: number): string => rest(chain[0].convert(s, start, end));
  // A phrase segment is a key of the first group when its flags ride on that group's trie: the
  // group's longest match there is the whole segment, so its value is read at the same node.
  const segOnFirst = seg === chain[0];
  return (input: string): string => {
    let s = String(input);
    for (const t of normalize) s = t.convert(s);
    if (!seg) return convertSegment(s, 0, s.length);
    // opencc-js `Trie.segment`: matched phrases alone, runs of unmatched text as one segment.
    const n = s.length;
    let out = '';
    let orig = -1;
    for (let i = 0; i < n; ) {
      const matched = seg.match(s, i, n, 4);
      if (matched) {
        const node = seg.hit;
        if (orig >= 0) {
          out += convertSegment(s, orig, i);
          orig = -1;
        }
        out += segOnFirst ? rest(seg.valueOf(node, s, i, matched)) : convertSegment(s, i, matched);
        i = matched;
      } else {
        if (orig < 0) orig = i;
        i += unmatchedLength(s, i, n);
      }
    }
    if (orig >= 0) out += convertSegment(s, orig, n);
    return out;
  };
}

/** An opencc-js-like module (`Converter({from, to})`) over compiled dictionaries. */
export function compiledOpenCC(dicts: CompiledDicts): {
  Converter(options: { from: string; to: string }): (s: string) => string;
} {
  const readers: TrieReader[] = [];
  const reader = (i: number) => {
    readers[i] ??= new TrieReader(dicts.tries[i]);
    return readers[i];
  };
  const locales = { from: dicts.from, to: dicts.to };
  return {
    Converter(options) {
      for (const type of ['from', 'to'] as const) {
        if (!options || typeof options[type] !== 'string') throw new Error(`Please provide the \`${type}\` option`);
        if (options[type] !== 't' && !locales[type].includes(options[type])) {
          throw new Error(`Unknown \`${type}\` locale: ${options[type]}`);
        }
      }
      const config = dicts.configs[configName(options.from, options.to)];
      if (!config) throw new Error(`No compiled dictionaries for ${options.from} → ${options.to}`);
      return converterFor(reader, config);
    },
  };
}
