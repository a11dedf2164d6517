/**
 * The settings model, its defaults, validation and migrations. Pure: no browser APIs, so it is
 * unit-tested on garbage input. Stored values are always passed through `parseSettings`,
 * so a bad or old stored value never breaks the extension.
 */
import type { HantVariant } from '../convert/types';

export const SETTINGS_VERSION = 3;

export type ReaderTheme = 'auto' | 'light' | 'sepia' | 'dark';
export interface ReaderPrefs {
  fontSize: number; // px
  lineHeight: number;
  width: number; // em
  theme: ReaderTheme;
  font: 'serif' | 'sans';
}

export type ScriptRule = 'hans' | 'hant' | null;

export interface SiteRule {
  /** A host (`epaper.example.com`) or a wildcard host (`*.example.com`). */
  host: string;
  /** Always show this site in this script (null: leave as is). */
  convert: ScriptRule;
  /** Open the reader automatically on article pages. */
  reader: boolean;
  /** Spam hiding on this site: null follows the global default. */
  spam: boolean | null;
  /** The user's own CSS selectors to hide on this site. */
  hideSelectors: string[];
  /** Repair botched Traditional on this site as it loads (absent: off). */
  repair?: boolean;
}

export interface Settings {
  version: number;
  /** The Traditional variant; until the user chooses one it follows the browser language. */
  hantVariant: HantVariant;
  /** True once the user picked `hantVariant` (options page or an imported file). */
  hantVariantChosen?: boolean;
  spamHiding: boolean;
  rules: SiteRule[];
  reader: ReaderPrefs;
}

export const defaultReaderPrefs: ReaderPrefs = { fontSize: 19, lineHeight: 1.9, width: 36, theme: 'auto', font: 'serif' };

/**
 * The Traditional a reader most likely reads, from the browser language: zh-TW → Taiwan,
 * zh-HK / zh-MO → Hong Kong, any other → Taiwan (OpenCC's standard forms 爲/羣/啓 are few
 * readers' everyday forms).
 */
export function defaultVariantFor(language: string | undefined): HantVariant {
  const lang = (language ?? '').toLowerCase().replace(/_/g, '-');
  if (/^zh-(hant-)?(hk|mo)\b/.test(lang)) return 'hk';
  return 'tw';
}

/** The browser language where there is one (extension pages and content scripts). */
function browserLanguage(): string {
  return typeof navigator !== 'undefined' && typeof navigator.language === 'string' ? navigator.language : '';
}

export const defaultSettings: Settings = {
  version: SETTINGS_VERSION,
  hantVariant: 'tw',
  spamHiding: true,
  rules: [],
  reader: defaultReaderPrefs,
};

/**
 * At most this many site rules are kept (later ones are rejected): far more than anyone keeps
 * by hand, while the settings stay a few hundred KB and their parse on every page load takes
 * milliseconds.
 */
export const MAX_RULES = 2000;

const HANT_VARIANTS: HantVariant[] = ['hant', 'tw', 'twp', 'hk'];
const THEMES: ReaderTheme[] = ['auto', 'light', 'sepia', 'dark'];
const HOST_RE = /^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+(:\d+)?$/i;

export interface ParseResult {
  settings: Settings;
  /** Human-readable paths of values that were rejected and replaced by defaults. */
  rejected: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(v: unknown, min: number, max: number, fallback: number, path: string, rejected: string[]): number {
  if (v === undefined) return fallback;
  if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return v;
  rejected.push(path);
  return fallback;
}

export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
}

export function isValidHostPattern(host: string): boolean {
  return HOST_RE.test(host);
}

/** Whether a selector parses; invalid ones are rejected so they never throw in a page. */
function validSelector(sel: string): boolean {
  if (typeof sel !== 'string' || !sel.trim() || sel.length > 500) return false;
  if (typeof document === 'undefined') return true;
  try {
    document.createDocumentFragment().querySelector(sel);
    return true;
  } catch {
    return false;
  }
}

function parseRule(raw: unknown, path: string, rejected: string[]): SiteRule | null {
  if (!isObject(raw) || typeof raw.host !== 'string') {
    rejected.push(path);
    return null;
  }
  const host = normalizeHost(raw.host);
  if (!isValidHostPattern(host)) {
    rejected.push(`${path}.host`);
    return null;
  }
  let convert: ScriptRule = null;
  if (raw.convert === 'hans' || raw.convert === 'hant') convert = raw.convert;
  else if (raw.convert !== undefined && raw.convert !== null) rejected.push(`${path}.convert`);
  let spam: boolean | null = null;
  if (typeof raw.spam === 'boolean') spam = raw.spam;
  else if (raw.spam !== undefined && raw.spam !== null) rejected.push(`${path}.spam`);
  let reader = false;
  if (typeof raw.reader === 'boolean') reader = raw.reader;
  else if (raw.reader !== undefined) rejected.push(`${path}.reader`);
  const hideSelectors: string[] = [];
  if (Array.isArray(raw.hideSelectors)) {
    raw.hideSelectors.forEach((s, i) => {
      if (typeof s === 'string' && validSelector(s)) hideSelectors.push(s.trim());
      else rejected.push(`${path}.hideSelectors[${i}]`);
    });
  } else if (raw.hideSelectors !== undefined) rejected.push(`${path}.hideSelectors`);
  const rule: SiteRule = { host, convert, reader, spam, hideSelectors };
  if (raw.repair === true) rule.repair = true;
  else if (raw.repair !== undefined && raw.repair !== false) rejected.push(`${path}.repair`);
  return rule;
}

/** Upgrades an older stored shape to the current one. Each step is one version. */
export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let value = { ...raw };
  const version = typeof value.version === 'number' ? value.version : 1;
  if (version < 2) {
    // v1 stored `variant` ('s2t'|'s2tw'|'s2twp'|'s2hk') and per-host maps `alwaysConvert`/`noSpam`.
    const variantMap: Record<string, HantVariant> = { s2t: 'hant', s2tw: 'tw', s2twp: 'twp', s2hk: 'hk' };
    if (typeof value.variant === 'string' && !value.hantVariant) value.hantVariant = variantMap[value.variant] ?? 'hant';
    // Only an array of rules is carried over; anything else is left for validation to reject.
    if (Array.isArray(value.rules) || value.rules === undefined) {
      // Copies, so the caller's objects are never changed.
      const rules: unknown[] = Array.isArray(value.rules) ? value.rules.map((r) => (isObject(r) ? { ...r } : r)) : [];
      const ruleIndex = (host: string) =>
        rules.findIndex((r) => isObject(r) && typeof r.host === 'string' && normalizeHost(r.host) === normalizeHost(host));
      if (isObject(value.alwaysConvert)) {
        for (const [host, to] of Object.entries(value.alwaysConvert)) {
          const i = ruleIndex(host);
          if (i >= 0) rules[i] = { ...(rules[i] as Record<string, unknown>), convert: to };
          else rules.push({ host, convert: to });
        }
      }
      if (Array.isArray(value.noSpam)) {
        for (const host of value.noSpam) {
          if (typeof host !== 'string') continue;
          const i = ruleIndex(host);
          if (i >= 0) rules[i] = { ...(rules[i] as Record<string, unknown>), spam: false };
          else rules.push({ host, spam: false });
        }
      }
      value.rules = rules;
    }
    const { variant: _v, alwaysConvert: _a, noSpam: _n, ...rest } = value;
    value = { ...rest, version: 2 };
  }
  if ((value.version as number) < 3) {
    // v2 always stored a variant, its default `hant` included: only another value was a choice.
    if (value.hantVariantChosen === undefined) {
      value.hantVariantChosen = typeof value.hantVariant === 'string' && value.hantVariant !== 'hant';
    }
    value = { ...value, version: 3 };
  }
  return value;
}

/** Validates anything read from storage or an imported file into complete settings. */
export function parseSettings(raw: unknown, language: string = browserLanguage()): ParseResult {
  const rejected: string[] = [];
  const fresh = (): Settings => ({ ...structuredClone(defaultSettings), hantVariant: defaultVariantFor(language) });
  if (raw === undefined || raw === null) return { settings: fresh(), rejected };
  if (!isObject(raw)) return { settings: fresh(), rejected: ['(root)'] };
  if (typeof raw.version === 'number' && raw.version > SETTINGS_VERSION) rejected.push('version');
  const value = migrate(raw);

  let hantVariant = defaultVariantFor(language);
  let hantVariantChosen = false;
  if (HANT_VARIANTS.includes(value.hantVariant as HantVariant)) {
    // A variant never chosen follows the browser language.
    hantVariantChosen = value.hantVariantChosen === true;
    if (hantVariantChosen) hantVariant = value.hantVariant as HantVariant;
  } else if (value.hantVariant !== undefined) rejected.push('hantVariant');

  let spamHiding = defaultSettings.spamHiding;
  if (typeof value.spamHiding === 'boolean') spamHiding = value.spamHiding;
  else if (value.spamHiding !== undefined) rejected.push('spamHiding');

  const rules: SiteRule[] = [];
  if (Array.isArray(value.rules)) {
    // One pass with a host index (a later rule for a host replaces the earlier one in place).
    const indexByHost = new Map<string, number>();
    value.rules.forEach((r, i) => {
      const rule = parseRule(r, `rules[${i}]`, rejected);
      if (!rule) return;
      const dup = indexByHost.get(rule.host);
      if (dup !== undefined) rules[dup] = rule;
      else if (rules.length >= MAX_RULES) rejected.push(`rules[${i}]`);
      else {
        indexByHost.set(rule.host, rules.length);
        rules.push(rule);
      }
    });
  } else if (value.rules !== undefined) rejected.push('rules');

  const r = isObject(value.reader) ? value.reader : {};
  if (value.reader !== undefined && !isObject(value.reader)) rejected.push('reader');
  const d = defaultReaderPrefs;
  const reader: ReaderPrefs = {
    fontSize: num(r.fontSize, 12, 40, d.fontSize, 'reader.fontSize', rejected),
    lineHeight: num(r.lineHeight, 1.2, 3, d.lineHeight, 'reader.lineHeight', rejected),
    width: num(r.width, 20, 80, d.width, 'reader.width', rejected),
    theme: THEMES.includes(r.theme as ReaderTheme) ? (r.theme as ReaderTheme) : d.theme,
    font: r.font === 'sans' || r.font === 'serif' ? r.font : d.font,
  };
  if (r.theme !== undefined && reader.theme !== r.theme) rejected.push('reader.theme');
  if (r.font !== undefined && reader.font !== r.font) rejected.push('reader.font');

  const settings: Settings = { version: SETTINGS_VERSION, hantVariant, spamHiding, rules, reader };
  if (hantVariantChosen) settings.hantVariantChosen = true;
  return { settings, rejected };
}

/** The rule that applies to `hostname`: an exact host beats the longest wildcard. */
export function ruleFor(settings: Settings, hostname: string): SiteRule | null {
  const host = hostname.toLowerCase();
  let best: SiteRule | null = null;
  let bestLen = -1;
  for (const rule of settings.rules) {
    if (rule.host === host || rule.host.replace(/:\d+$/, '') === host) return rule;
    if (rule.host.startsWith('*.')) {
      // A port in a wildcard rule does not narrow it: hosts are matched by name.
      const suffix = rule.host.slice(1).replace(/:\d+$/, '');
      if ((host.endsWith(suffix) || host === suffix.slice(1)) && suffix.length > bestLen) {
        best = rule;
        bestLen = suffix.length;
      }
    }
  }
  return best;
}

/** Returns settings with the rule for `host` updated (created when missing). */
export function withRule(settings: Settings, host: string, patch: Partial<Omit<SiteRule, 'host'>>): Settings {
  const h = normalizeHost(host);
  const rules = settings.rules.slice();
  const i = rules.findIndex((r) => r.host === h);
  // A new exact-host rule starts from the wildcard rule that covered the host, so ticking one
  // switch in the popup does not drop that rule's other settings for this host.
  const inherited = i >= 0 ? null : ruleFor(settings, h);
  const base: SiteRule =
    i >= 0
      ? rules[i]
      : inherited
        ? { ...inherited, host: h, hideSelectors: inherited.hideSelectors.slice() }
        : { host: h, convert: null, reader: false, spam: null, hideSelectors: [] };
  const next = { ...base, ...patch };
  if (i >= 0) rules[i] = next;
  else rules.push(next);
  return { ...settings, rules };
}
