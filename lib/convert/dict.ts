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
 * - `root`: per high byte of a code unit, where its run starts among the root's children;
 * - `direct`: the one-code-unit values of the root's children (most single characters), read
 *   without counting ranks.
 */

export interface CompiledTrie {
  labels: string;
  /** Per root child: its value when that is one code unit (kind 3), else a space. */
  direct: string;
  /** The root's labels as regex class ranges (`\\uF900-\\uFAD9…`), or '' when there are many. */
  starts: string;
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
  /** The first group's keys that are not phrases are single code points, none an IDS start. */
  fuseRuns?: boolean;
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

/** Reads one compiled trie in place (exported for the tests, which check every entry). */
export class TrieReader {
  private readonly labels: string;
  private readonly info: string;
  private readonly shift: number;
  private readonly values: string;
  private readonly offsets: string;
  private readonly direct: string;
  /** Per block: child base, then the count of stored values before it. */
  private readonly blocks: Uint32Array;
  /** Finds a code unit that starts a key (small tries only): a text without one stays as it is. */
  private readonly starts: RegExp | null;
  /** The root's child per code unit (0 = none: no key starts with it). */
  readonly rootTable: Uint16Array | Uint32Array;
  /** The node of the last successful `match`. */
  hit = 0;

  /**
   * Decodes only the small indexes: one number per block of nodes, and a first-code-unit table
   * filled from the root's children (~6,000 for Simplified→Traditional). No dictionary entry is
   * touched.
   */
  constructor(t: CompiledTrie) {
    this.labels = t.labels;
    this.info = t.info;
    this.shift = t.shift;
    this.values = t.values;
    this.offsets = t.offsets;
    this.direct = t.direct;
    this.starts = t.starts ? new RegExp(`[${t.starts}]`) : null;
    this.blocks = decodeNumbers(t.blocks);
    const rootEnd = num(t.root, 256);
    const table = rootEnd <= 0xffff ? new Uint16Array(0x10000) : new Uint32Array(0x10000);
    for (let n = 1; n < rootEnd; n++) table[t.labels.charCodeAt(n)] = n;
    this.rootTable = table;
  }

  /**
   * The end of the longest key (kind ≠ 0 when `mask` is 3, segmentation keys when 4) starting
   * at `i` in `s`, below `end`; 0 when none. The key's node is left in `hit`. One flat loop: the
   * first conversion runs mostly before the optimising compiler has caught up, where calls cost.
   */
  match(s: string, i: number, end: number, mask: number): number {
    let node = this.rootTable[s.charCodeAt(i)];
    if (node === 0) return 0;
    const { info, labels, blocks, shift } = this;
    let found = 0;
    let j = i + 1;
    let v = info.charCodeAt(node) - INFO_BIAS;
    if (v & mask) {
      found = j;
      this.hit = node;
    }
    while (j < end) {
      // The children of `node` run up to those of `node + 1`.
      let lo = blocks[(node >> shift) << 1] + (v >> 3);
      const next = node + 1;
      let hi = blocks[(next >> shift) << 1] + ((info.charCodeAt(next) - INFO_BIAS) >> 3);
      if (lo === hi) break;
      const c = s.charCodeAt(j);
      node = 0;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const l = labels.charCodeAt(mid);
        if (l === c) {
          node = mid;
          break;
        }
        if (l < c) lo = mid + 1;
        else hi = mid;
      }
      if (node === 0) break;
      j++;
      v = info.charCodeAt(node) - INFO_BIAS;
      if (v & mask) {
        found = j;
        this.hit = node;
      }
    }
    return found;
  }

  /** How node `n` keeps its value (0 when it ends no key). */
  kindOf(n: number): number {
    return (this.info.charCodeAt(n) - INFO_BIAS) & 3;
  }

  /** The value of node `n` (kind 2 or 3) as stored. */
  private stored(n: number): string {
    if (n < this.direct.length && this.direct.charCodeAt(n) !== 32) return this.direct.charAt(n);
    const shift = this.shift;
    const start = (n >> shift) << shift;
    let rank = this.blocks[((n >> shift) << 1) + 1];
    const info = this.info;
    for (let m = start; m < n; m++) if ((info.charCodeAt(m) - INFO_BIAS) & 2) rank++;
    return this.values.slice(num(this.offsets, rank), num(this.offsets, rank + 1));
  }

  /** One code point, s[i, end), converted alone: its own key's value, or itself. */
  private single(s: string, i: number, end: number): string {
    if (end - i === 1) {
      const n = this.rootTable[s.charCodeAt(i)];
      return n !== 0 && ((this.info.charCodeAt(n) - INFO_BIAS) & 3) === 3 ? this.stored(n) : s.charAt(i);
    }
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
    // A whole text where no key can start comes out unchanged: one native scan instead of a loop.
    if (start === 0 && end === s.length && this.starts !== null && !this.starts.test(s)) return s;
    const table = this.rootTable;
    let out = '';
    let orig = -1;
    for (let i = start; i < end; ) {
      const c = s.charCodeAt(i);
      if (table[c] === 0 && (c < 0x2ff0 || c > 0x2fff) && (c < 0xd800 || c > 0xdbff)) {
        // Starts no key, is a whole code point and starts no ideographic description sequence.
        if (orig < 0) orig = i;
        i++;
        continue;
      }
      const matched = this.match(s, i, end, 3);
      if (matched === i + 1 && ((this.info.charCodeAt(this.hit) - INFO_BIAS) & 3) === 1) {
        // A one-unit key that converts to itself: as if unmatched, without the unmatched skip.
        if (orig < 0) orig = i;
        i = matched;
      } else if (matched) {
        if (orig >= 0) {
          out += s.slice(orig, i);
          orig = -1;
        }
        out += this.valueOf(this.hit, s, i, matched);
        i = matched;
      } else {
        if (orig < 0) orig = i;
        i += (c < 0x2ff0 || c > 0x2fff) && (c < 0xd800 || c > 0xdbff) ? 1 : unmatchedLength(s, i, end);
      }
    }
    if (orig === 0 && end === s.length) return s; // nothing matched
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
  // Where no phrase starts, the first group can only match a single code point (the compiler
  // checked: its other keys are all phrases, none starts an ideographic description sequence),
  // so a run between phrases is converted while it is segmented, not walked a second time.
  const fused = segOnFirst && config.fuseRuns === true;
  const first = chain[0];
  return (input: string): string => {
    let s = String(input);
    for (const t of normalize) s = t.convert(s);
    if (!seg) return convertSegment(s, 0, s.length);
    // opencc-js `Trie.segment`: matched phrases alone, runs of unmatched text as one segment.
    const n = s.length;
    const table = seg.rootTable;
    let out = '';
    let orig = -1;
    // With `fused`: the run's first-group conversion so far, and where its unchanged tail starts.
    let runOut = '';
    let keep = -1;
    const flushRun = (end: number): string => {
      if (!fused) return convertSegment(s, orig, end);
      const text = keep >= 0 ? runOut + s.slice(keep, end) : runOut;
      runOut = '';
      keep = -1;
      return rest(text);
    };
    for (let i = 0; i < n; ) {
      const c = s.charCodeAt(i);
      const plain = (c < 0x2ff0 || c > 0x2fff) && (c < 0xd800 || c > 0xdbff);
      if (table[c] === 0 && plain) {
        // Starts no key, is a whole code point and starts no ideographic description sequence.
        if (orig < 0) orig = i;
        if (keep < 0) keep = i;
        i++;
        continue;
      }
      const matched = seg.match(s, i, n, 4);
      if (matched) {
        const node = seg.hit;
        if (orig >= 0) {
          out += flushRun(i);
          orig = -1;
        }
        out += segOnFirst ? rest(seg.valueOf(node, s, i, matched)) : convertSegment(s, i, matched);
        i = matched;
      } else {
        if (orig < 0) orig = i;
        const len = plain ? 1 : unmatchedLength(s, i, n);
        if (fused) {
          // The first group's match here: this code point's own key, if any (none for a
          // sequence start), converted as opencc-js converts the run.
          const end = plain || first.match(s, i, i + len, 3) === i + len ? i + len : 0;
          const node = plain ? table[c] : first.hit;
          if (end && node !== 0 && first.kindOf(node) === 3) {
            if (keep >= 0) runOut += s.slice(keep, i);
            runOut += first.valueOf(node, s, i, end);
            keep = -1;
          } else if (keep < 0) keep = i;
        }
        i += len;
      }
    }
    if (orig >= 0) out += flushRun(n);
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
