// Compiles opencc-js's own dictionaries and configurations (its `preset/cn2t` and `preset/t2cn`)
// into the tables lib/convert/dict.ts reads in place: lib/convert/dict-hant.generated.ts and
// lib/convert/dict-hans.generated.ts. Run by `postinstall` and before every build, so the tables
// always follow the installed opencc-js (an update is one version bump). Layout: see dict.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const INFO_BIAS = 32;
const DIGIT_BIAS = 48;
const TEMPLATE_SELF = '*';
/** Info codes stay below the surrogates (which a string literal cannot hold raw). */
const INFO_LIMIT = 0xd800;
/** Tries whose first code units form at most this many ranges get a regex pre-test. */
const MAX_START_RANGES = 32;

/** Three base-64 digits (18 bits). */
function digits(n) {
  if (!(n >= 0 && n < 1 << 18)) throw new Error(`gen-dicts: number out of range: ${n}`);
  return String.fromCharCode(DIGIT_BIAS + (n >> 12), DIGIT_BIAS + ((n >> 6) & 63), DIGIT_BIAS + (n & 63));
}

function assertWellFormed(s) {
  if (!s.isWellFormed()) throw new Error(`gen-dicts: malformed UTF-16 in a dictionary key: ${JSON.stringify(s)}`);
}

/** opencc-js `Trie.loadDict` on a serialized dictionary, into a Map (later entries win). */
function loadDict(map, dict) {
  if (typeof dict !== 'string') throw new Error('gen-dicts: expected serialized dictionaries ("a b|c d")');
  for (const line of dict.split('|')) {
    const [l, r] = line.split(' ');
    if (typeof r !== 'string') throw new Error(`gen-dicts: invalid dictionary entry ${JSON.stringify(line)}`);
    // opencc-js stores an empty key on the trie root, where no match ever looks.
    if (l === '') continue;
    assertWellFormed(l);
    map.set(l, r);
  }
}

/** opencc-js `Trie.loadDictGroup`: the first dictionary of a group wins on a shared key. */
function loadGroup(group) {
  const map = new Map();
  for (const dict of group.slice().reverse()) loadDict(map, dict);
  return map;
}

function asGroup(x, what) {
  if (!Array.isArray(x) || !x.every((d) => typeof d === 'string')) {
    throw new Error(`gen-dicts: ${what} is not a group of serialized dictionaries; opencc-js changed its presets`);
  }
  return x;
}

/** The value a multi-code-point key gets from its code points converted alone. */
function defaultValue(map, key) {
  let out = '';
  for (const c of key) out += map.has(c) ? map.get(c) : c;
  return out;
}

/**
 * A trie over UTF-16 code units, nodes numbered breadth-first, children sorted by code unit.
 * `seg` (optional): the keys of the segmentation dictionary, all of them keys of `map`.
 */
function compileTrie(map, seg) {
  const rootNode = { children: new Map(), key: null };
  for (const key of map.keys()) {
    let node = rootNode;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) {
        next = { children: new Map(), key: null };
        node.children.set(c, next);
      }
      node = next;
    }
    node.key = key;
  }
  const nodes = [rootNode];
  const labels = [32];
  const first = [];
  for (let n = 0; n < nodes.length; n++) {
    first.push(nodes.length);
    for (const c of [...nodes[n].children.keys()].sort((a, b) => a - b)) {
      nodes.push(nodes[n].children.get(c));
      labels.push(c);
    }
  }
  const count = nodes.length;
  first.push(count); // the sentinel closes the last node's children

  const kinds = [];
  const stored = [];
  for (const node of nodes) {
    if (node.key === null) {
      kinds.push(0);
      continue;
    }
    const key = node.key;
    const value = map.get(key);
    const cps = [...key];
    if (cps.length === 1) {
      if (value === key) kinds.push(1);
      else {
        kinds.push(3);
        stored.push(value);
      }
      continue;
    }
    if (value === defaultValue(map, key)) {
      kinds.push(1);
      continue;
    }
    const valueCps = [...value];
    if (valueCps.length === cps.length && !value.includes(TEMPLATE_SELF)) {
      const self = (c) => (map.has(c) ? map.get(c) : c);
      kinds.push(2);
      stored.push(valueCps.map((v, i) => (v === self(cps[i]) ? TEMPLATE_SELF : v)).join(''));
    } else {
      kinds.push(3);
      stored.push(value);
    }
  }
  kinds.push(0); // sentinel
  labels.push(32);
  const segFlags = nodes.map((node) => (seg && node.key !== null && seg.has(node.key) ? 1 : 0));
  segFlags.push(0);

  // The root's children by the high byte of their code unit.
  let rootIndex = '';
  let at = 1;
  for (let h = 0; h <= 256; h++) {
    while (at < first[1] && labels[at] >> 8 < h) at++;
    rootIndex += digits(at);
  }

  // The root's labels as a regex class when short: a text holding none of them is left as is.
  const ranges = [];
  for (let n = 1; n < first[1]; n++) {
    const last = ranges[ranges.length - 1];
    if (last && labels[n] === last[1] + 1) last[1] = labels[n];
    else ranges.push([labels[n], labels[n]]);
  }
  const hex = (c) => `\\u${c.toString(16).padStart(4, '0')}`;
  const starts =
    ranges.length <= MAX_START_RANGES ? ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('') : '';

  // One-code-unit values of the root's children, read directly (a space: look in `values`).
  let direct = ' ';
  for (let n = 1; n < first[1]; n++) {
    const key = nodes[n].key;
    const value = key === null ? null : map.get(key);
    direct += kinds[n] === 3 && value.length === 1 ? value : ' ';
  }

  let values = '';
  let offsets = digits(0);
  for (const v of stored) {
    values += v;
    offsets += digits(values.length);
  }

  // The smallest output over block sizes whose relative child offsets fit the info code.
  let best = null;
  for (let shift = 2; shift <= 7; shift++) {
    let blocks = '';
    let info = '';
    let explicit = 0;
    let ok = true;
    for (let n = 0; n <= count; n++) {
      if ((n & ((1 << shift) - 1)) === 0) blocks += digits(first[n]) + digits(explicit);
      const rel = first[n] - first[(n >> shift) << shift];
      const code = INFO_BIAS + ((rel << 3) | (segFlags[n] << 2) | kinds[n]);
      if (code >= INFO_LIMIT) {
        ok = false;
        break;
      }
      info += String.fromCharCode(code);
      if (kinds[n] & 2) explicit++;
    }
    if (!ok) continue;
    const size = Buffer.byteLength(JSON.stringify(info)) + blocks.length;
    if (!best || size < best.size) best = { shift, info, blocks, size };
  }
  if (!best) throw new Error('gen-dicts: no block size fits the child offsets');
  return {
    labels: labelsString(labels),
    direct,
    starts,
    info: best.info,
    blocks: best.blocks,
    shift: best.shift,
    root: rootIndex,
    values,
    offsets,
  };
}

function labelsString(codes) {
  let s = '';
  for (let i = 0; i < codes.length; i += 4096) s += String.fromCharCode(...codes.slice(i, i + 4096));
  return s;
}

/**
 * The configurations Qingdu offers (lib/convert/opencc.ts: hans from t, tw or hk; hant, tw, twp,
 * hk from cn); the others of the presets (s2hkp, tw2sp, hk2sp) would only add bytes.
 */
const OFFERED = {
  cn2t: ['s2t', 's2tw', 's2twp', 's2hk'],
  t2cn: ['t2s', 'tw2s', 'hk2s'],
};

/**
 * Compiles configurations of an opencc-js preset (`preset/cn2t`, `preset/t2cn`, `preset`) into
 * the `CompiledDicts` of lib/convert/dict.ts (without `version`). The tests compile all of them.
 */
export function compilePreset(preset, names = Object.keys(preset.configs)) {
  const dictIds = new Map();
  const idOf = (d) => {
    if (!dictIds.has(d)) dictIds.set(d, dictIds.size);
    return dictIds.get(d);
  };
  const groups = new Map(); // "ids" → { group, map, seg }
  const groupKey = (group) => group.map(idOf).join(',');
  const addGroup = (group) => {
    const k = groupKey(group);
    if (!groups.has(k)) groups.set(k, { group, map: loadGroup(group), seg: null, index: -1 });
    return k;
  };
  const configs = {};
  const pending = [];
  for (const name of names) {
    const config = preset.configs[name];
    if (!config) throw new Error(`gen-dicts: opencc-js has no configuration ${name}`);
    const normalize = (config.normalizationChain ?? []).map((g, i) => addGroup(asGroup(g, `${name} normalization ${i}`)));
    const chain = config.conversionChain.map((g, i) => addGroup(asGroup(g, `${name} conversion ${i}`)));
    let segment = null;
    if (config.segmentation) {
      const segGroup = typeof config.segmentation === 'string' ? [config.segmentation] : asGroup(config.segmentation, name);
      segment = loadGroup(segGroup);
    }
    pending.push({ name, normalize, chain, segment });
  }
  // The segmentation keys ride on a conversion trie holding them all (opencc's are the phrase
  // dictionaries of the first group); otherwise they get a trie of their own.
  for (const p of pending) {
    if (!p.segment) continue;
    const keys = p.segment;
    const candidates = [...p.chain, ...groups.keys()];
    let host = candidates.find((k) => {
      const g = groups.get(k);
      if (g.seg && g.seg !== keys && !sameKeys(g.seg, keys)) return false;
      for (const key of keys.keys()) if (!g.map.has(key)) return false;
      return true;
    });
    if (!host) {
      host = `seg:${[...keys.keys()].length}:${p.name}`;
      groups.set(host, { group: null, map: keys, seg: null, index: -1 });
    }
    groups.get(host).seg ??= keys;
    p.segmentHost = host;
  }
  const tries = [];
  for (const g of groups.values()) {
    g.index = tries.length;
    tries.push(compileTrie(g.map, g.seg));
  }
  for (const p of pending) {
    configs[p.name] = {
      normalize: p.normalize.map((k) => groups.get(k).index),
      segment: p.segmentHost ? groups.get(p.segmentHost).index : -1,
      chain: p.chain.map((k) => groups.get(k).index),
      fuseRuns: p.segmentHost === p.chain[0] && canFuseRuns(groups.get(p.chain[0]).map, p.segment),
    };
  }
  return { from: Object.keys(preset.from), to: Object.keys(preset.to), configs, tries };
}

/**
 * Whether the first group can convert the runs between phrases while they are segmented (see
 * dict.ts): its keys that are not segmentation phrases are single code points, and none starts
 * with an ideographic description character (U+2FF0–U+2FFF).
 */
function canFuseRuns(map, seg) {
  for (const key of map.keys()) {
    const c = key.charCodeAt(0);
    if (c >= 0x2ff0 && c <= 0x2fff) return false;
    if (!seg.has(key) && [...key].length !== 1) return false;
  }
  return true;
}

function sameKeys(a, b) {
  if (a.size !== b.size) return false;
  for (const k of a.keys()) if (!b.has(k)) return false;
  return true;
}

/** Noncharacters (Chrome refuses them in scripts) and lone surrogates as escapes. */
function literal(value) {
  return JSON.stringify(value, null, 1).replace(/[\uFDD0-\uFDEF\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

export async function generateDicts() {
  const require = createRequire(join(root, 'package.json'));
  const { version } = JSON.parse(readFileSync(join(dirname(require.resolve('opencc-js')), '../../package.json'), 'utf8'));
  const report = [];
  for (const [direction, preset] of [
    ['hant', 'cn2t'],
    ['hans', 't2cn'],
  ]) {
    const mod = await import('opencc-js/preset/' + preset);
    const compiled = { version, ...compilePreset(mod, OFFERED[preset]) };
    const out = `// Generated by scripts/gen-dicts.mjs from opencc-js ${version} (preset/${preset}). Do not edit.
import type { CompiledDicts } from './dict';

export const dicts: CompiledDicts = ${literal(compiled)};
`;
    writeFileSync(join(root, `lib/convert/dict-${direction}.generated.ts`), out);
    const nodes = compiled.tries.reduce((n, t) => n + t.labels.length, 0);
    report.push(`${direction} ${(Buffer.byteLength(out) / 1024).toFixed(0)} KB, ${compiled.tries.length} tries, ${nodes} nodes`);
  }
  return `dicts: ${report.join('; ')}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await generateDicts());
