import { describe, expect, it } from 'vitest';
import {
  defaultReaderPrefs,
  defaultSettings,
  defaultVariantFor,
  migrate,
  parseSettings,
  ruleFor,
  SETTINGS_VERSION,
  type Settings,
  type SiteRule,
  withRule,
} from '../../../lib/settings/schema';

const rule = (host: string, patch: Partial<SiteRule> = {}): SiteRule => ({
  host,
  convert: null,
  reader: false,
  spam: null,
  hideSelectors: [],
  ...patch,
});

const settingsWith = (rules: SiteRule[]): Settings => ({ ...structuredClone(defaultSettings), rules });

/** Output of parseSettings must parse again to itself with nothing rejected. */
function expectIdempotent(raw: unknown) {
  const first = parseSettings(raw).settings;
  const again = parseSettings(structuredClone(first));
  expect(again.rejected).toEqual([]);
  expect(again.settings).toEqual(first);
  return first;
}

describe('parseSettings: garbage at the root', () => {
  it.each([null, undefined])('returns defaults, nothing rejected, for %s', (raw) => {
    const { settings, rejected } = parseSettings(raw);
    expect(settings).toEqual(defaultSettings);
    expect(rejected).toEqual([]);
  });

  it.each([42, 'settings', true, [], [{ hantVariant: 'tw' }], NaN])('returns defaults and rejects (root) for %j', (raw) => {
    const { settings, rejected } = parseSettings(raw);
    expect(settings).toEqual(defaultSettings);
    expect(rejected).toEqual(['(root)']);
  });

  it('returns a copy, never the shared defaults object', () => {
    const { settings } = parseSettings(null);
    expect(settings).not.toBe(defaultSettings);
    settings.rules.push(rule('x.com'));
    settings.reader.fontSize = 30;
    expect(defaultSettings.rules).toEqual([]);
    expect(defaultSettings.reader.fontSize).toBe(19);
    expect(parseSettings({ version: 2 }).settings.reader).not.toBe(defaultReaderPrefs);
  });

  it('accepts an empty object as defaults', () => {
    expect(parseSettings({})).toEqual({ settings: defaultSettings, rejected: [] });
    expect(parseSettings({ version: 2 })).toEqual({ settings: defaultSettings, rejected: [] });
  });

  it('keeps valid values', () => {
    const raw: Settings = {
      version: 3,
      hantVariant: 'hk',
      hantVariantChosen: true,
      spamHiding: false,
      rules: [rule('a.com', { convert: 'hans', reader: true, spam: true, hideSelectors: ['.ad', '#x > p'] })],
      reader: { fontSize: 12, lineHeight: 3, width: 80, theme: 'sepia', font: 'sans' },
    };
    expect(parseSettings(structuredClone(raw))).toEqual({ settings: raw, rejected: [] });
  });
});

describe('parseSettings: wrong types everywhere', () => {
  it('replaces every bad top-level and reader value with its default and lists exactly those paths', () => {
    const { settings, rejected } = parseSettings({
      version: 2,
      hantVariant: 'klingon',
      spamHiding: 'yes',
      rules: 'all of them',
      reader: { fontSize: '20', lineHeight: null, width: {}, theme: 'neon', font: 'comic' },
    });
    expect(settings).toEqual(defaultSettings);
    expect(rejected.sort()).toEqual(
      [
        'hantVariant',
        'spamHiding',
        'rules',
        'reader.fontSize',
        'reader.lineHeight',
        'reader.width',
        'reader.theme',
        'reader.font',
      ].sort(),
    );
  });

  it('rejects a reader that is not an object', () => {
    for (const reader of [5, 'big', [], null]) {
      const { settings, rejected } = parseSettings({ version: 2, reader });
      expect(settings.reader).toEqual(defaultReaderPrefs);
      expect(rejected).toEqual(['reader']);
    }
  });

  it.each([NaN, Infinity, -Infinity, 11.99, 40.01, -19, 1e9])('rejects fontSize %s', (fontSize) => {
    const { settings, rejected } = parseSettings({ version: 2, reader: { fontSize, lineHeight: 2, width: 40 } });
    expect(settings.reader).toEqual({ ...defaultReaderPrefs, lineHeight: 2, width: 40 });
    expect(rejected).toEqual(['reader.fontSize']);
  });

  it('accepts boundary numbers and rejects just outside them', () => {
    const ok = parseSettings({ version: 2, reader: { fontSize: 40, lineHeight: 1.2, width: 20 } });
    expect(ok.rejected).toEqual([]);
    expect(ok.settings.reader).toMatchObject({ fontSize: 40, lineHeight: 1.2, width: 20 });
    const bad = parseSettings({ version: 2, reader: { fontSize: 12, lineHeight: 3.01, width: 19 } });
    expect(bad.rejected).toEqual(['reader.lineHeight', 'reader.width']);
    expect(bad.settings.reader).toMatchObject({
      fontSize: 12,
      lineHeight: defaultReaderPrefs.lineHeight,
      width: defaultReaderPrefs.width,
    });
  });

  it('rejects an unknown theme but keeps the other reader prefs', () => {
    const { settings, rejected } = parseSettings({ version: 2, reader: { theme: 'Dark', font: 'sans', fontSize: 22 } });
    expect(settings.reader).toEqual({ ...defaultReaderPrefs, font: 'sans', fontSize: 22 });
    expect(rejected).toEqual(['reader.theme']);
  });

  it('reports a version newer than this build and still parses the rest', () => {
    const { settings, rejected } = parseSettings({ version: SETTINGS_VERSION + 1, hantVariant: 'tw', futureField: { a: 1 } });
    expect(rejected).toEqual(['version']);
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.hantVariant).toBe('tw');
    expect(settings).not.toHaveProperty('futureField');
  });

  it('drops unknown keys silently', () => {
    const { settings, rejected } = parseSettings({ version: 2, foo: 1, bar: [1] });
    expect(settings).toEqual(defaultSettings);
    expect(rejected).toEqual([]);
  });
});

describe('parseSettings: rules', () => {
  it('rejects rules that are not objects or have no string host', () => {
    const { settings, rejected } = parseSettings({
      version: 2,
      rules: [null, 'a.com', 7, ['a.com'], { host: 5 }, {}, rule('ok.com')],
    });
    expect(settings.rules).toEqual([rule('ok.com')]);
    expect(rejected).toEqual(['rules[0]', 'rules[1]', 'rules[2]', 'rules[3]', 'rules[4]', 'rules[5]']);
  });

  it('rejects invalid hosts and normalises URLs to hosts', () => {
    const { settings, rejected } = parseSettings({
      version: 2,
      rules: [
        { host: 'not a host!' },
        { host: 'http://X.com/path?q=1' },
        { host: '  https://Epaper.Example.com:8080/a/b ' },
        { host: '' },
        { host: '*.example.org' },
        { host: 'a.*.com' },
        { host: 'ftp://x.com' },
      ],
    });
    expect(settings.rules.map((r) => r.host)).toEqual(['x.com', 'epaper.example.com:8080', '*.example.org']);
    expect(rejected).toEqual(['rules[0].host', 'rules[3].host', 'rules[5].host', 'rules[6].host']);
  });

  it('fills missing rule fields with defaults and rejects wrong-typed ones', () => {
    const { settings, rejected } = parseSettings({
      version: 2,
      rules: [
        { host: 'a.com' },
        { host: 'b.com', convert: 'tw', reader: 'yes', spam: 0, hideSelectors: '.ad' },
        { host: 'c.com', convert: null, spam: null, hideSelectors: [] },
      ],
    });
    expect(settings.rules).toEqual([rule('a.com'), rule('b.com'), rule('c.com')]);
    expect(rejected).toEqual(['rules[1].convert', 'rules[1].spam', 'rules[1].reader', 'rules[1].hideSelectors']);
  });

  it('rejects reader: null on a rule (only undefined means absent)', () => {
    const { rejected } = parseSettings({ version: 2, rules: [{ host: 'a.com', reader: null }] });
    expect(rejected).toEqual(['rules[0].reader']);
  });

  it('keeps the last rule for duplicate hosts (after normalising)', () => {
    const { settings, rejected } = parseSettings({
      version: 2,
      rules: [{ host: 'a.com', convert: 'hans' }, { host: 'b.com' }, { host: 'https://A.com/', convert: 'hant', reader: true }],
    });
    expect(settings.rules).toEqual([rule('a.com', { convert: 'hant', reader: true }), rule('b.com')]);
    expect(rejected).toEqual([]);
  });

  it('keeps string selectors, trimmed, and rejects non-strings, empty and over-long ones (no DOM in node)', () => {
    const long = `.${'a'.repeat(500)}`;
    const { settings, rejected } = parseSettings({
      version: 2,
      rules: [{ host: 'a.com', hideSelectors: [' .ad ', 3, '', '   ', long, null, '#x'] }],
    });
    expect(settings.rules[0].hideSelectors).toEqual(['.ad', '#x']);
    expect(rejected).toEqual([
      'rules[0].hideSelectors[1]',
      'rules[0].hideSelectors[2]',
      'rules[0].hideSelectors[3]',
      'rules[0].hideSelectors[4]',
      'rules[0].hideSelectors[5]',
    ]);
  });
});

describe('parseSettings is idempotent', () => {
  it.each([
    ['null', null],
    ['a number', 3],
    ['garbage everywhere', { version: 2, hantVariant: 1, spamHiding: 'no', rules: [null, { host: '!!' }], reader: 'x' }],
    [
      'valid rules with duplicates',
      {
        version: 2,
        rules: [
          { host: 'HTTP://A.com/x', convert: 'hans', hideSelectors: [' .x ', 4] },
          { host: '*.b.com', spam: false },
          { host: 'a.com', reader: true },
        ],
        reader: { fontSize: 99, theme: 'dark' },
      },
    ],
    ['v1', { variant: 's2twp', alwaysConvert: { 'a.com': 'hans', bad: 'x' }, noSpam: ['a.com', 'c.com', 5] }],
    ['future', { version: 9, spamHiding: false }],
  ])('for %s', (_name, raw) => {
    expectIdempotent(raw);
  });
});

describe('migration v1 → v2', () => {
  it("maps `variant: 's2twp'` to hantVariant 'twp' and each known variant", () => {
    expect(parseSettings({ variant: 's2twp' })).toEqual({
      settings: { ...defaultSettings, hantVariant: 'twp', hantVariantChosen: true },
      rejected: [],
    });
    expect(parseSettings({ version: 1, variant: 's2tw' }, 'zh-HK').settings.hantVariant).toBe('tw');
    expect(parseSettings({ version: 1, variant: 's2hk' }, 'zh-TW').settings.hantVariant).toBe('hk');
    // The old default (s2t) was never a choice: it follows the browser language now (v2 → v3).
    expect(parseSettings({ version: 1, variant: 's2t' }, 'zh-HK').settings.hantVariant).toBe('hk');
    expect(parseSettings({ version: 1, variant: 'weird' }, 'en-US').settings.hantVariant).toBe('tw');
  });

  it('does not override an explicit hantVariant', () => {
    expect(parseSettings({ variant: 's2twp', hantVariant: 'hk' }).settings.hantVariant).toBe('hk');
  });

  it('turns alwaysConvert entries into rules', () => {
    const { settings, rejected } = parseSettings({
      version: 1,
      alwaysConvert: { 'epaper.example.com': 'hans', 'b.com': 'hant' },
    });
    expect(settings.rules).toEqual([rule('epaper.example.com', { convert: 'hans' }), rule('b.com', { convert: 'hant' })]);
    expect(rejected).toEqual([]);
    expect(settings.version).toBe(3);
    expect(settings).not.toHaveProperty('alwaysConvert');
  });

  it('turns noSpam hosts into spam:false rules, merged with an alwaysConvert rule for the same host', () => {
    const { settings, rejected } = parseSettings({
      variant: 's2tw',
      alwaysConvert: { 'a.com': 'hans' },
      noSpam: ['a.com', 'b.com'],
    });
    expect(settings).toEqual({
      ...defaultSettings,
      hantVariant: 'tw',
      hantVariantChosen: true,
      rules: [rule('a.com', { convert: 'hans', spam: false }), rule('b.com', { spam: false })],
    });
    expect(rejected).toEqual([]);
  });

  it('reports bad v1 values through the migrated rule paths', () => {
    const { settings, rejected } = parseSettings({ alwaysConvert: { 'a.com': 'klingon', 'no host!': 'hans' } });
    expect(settings.rules).toEqual([rule('a.com')]);
    expect(rejected).toEqual(['rules[0].convert', 'rules[1].host']);
  });

  it('migrate() drops the v1 keys and sets the current version', () => {
    const out = migrate({ variant: 's2t', alwaysConvert: {}, noSpam: [], spamHiding: false });
    expect(out).toEqual({ hantVariant: 'hant', hantVariantChosen: false, rules: [], version: 3, spamHiding: false });
  });

  it('migrate() leaves v3 values alone', () => {
    const v3 = { version: 3, variant: 's2twp', noSpam: ['a.com'], rules: [] };
    expect(migrate(v3)).toEqual(v3);
  });
});

describe('the default Traditional follows the browser language (v2 → v3)', () => {
  it('maps zh-TW to Taiwan, zh-HK and zh-MO to Hong Kong, anything else to Taiwan', () => {
    expect(defaultVariantFor('zh-TW')).toBe('tw');
    expect(defaultVariantFor('zh-Hant-TW')).toBe('tw');
    expect(defaultVariantFor('zh-HK')).toBe('hk');
    expect(defaultVariantFor('zh_hk')).toBe('hk');
    expect(defaultVariantFor('zh-MO')).toBe('hk');
    expect(defaultVariantFor('zh-Hant-HK')).toBe('hk');
    expect(defaultVariantFor('zh-CN')).toBe('tw');
    expect(defaultVariantFor('en-US')).toBe('tw');
    expect(defaultVariantFor('')).toBe('tw');
    expect(defaultVariantFor(undefined)).toBe('tw');
  });

  it('fresh settings take the browser language', () => {
    expect(parseSettings(undefined, 'zh-HK').settings.hantVariant).toBe('hk');
    expect(parseSettings({}, 'zh-TW').settings.hantVariant).toBe('tw');
    expect(parseSettings(null, 'fr').settings).toEqual(defaultSettings);
  });

  it('v2 settings holding the old default (hant) never chose: they follow the browser; any other variant stays', () => {
    expect(parseSettings({ version: 2, hantVariant: 'hant' }, 'zh-MO').settings).toMatchObject({ hantVariant: 'hk' });
    expect(parseSettings({ version: 2, hantVariant: 'hant' }, 'zh-MO').settings.hantVariantChosen).toBeUndefined();
    expect(parseSettings({ version: 2, hantVariant: 'twp' }, 'zh-HK').settings).toMatchObject({
      hantVariant: 'twp',
      hantVariantChosen: true,
    });
  });

  it('a variant chosen in v3 stays, whatever the browser language; one not chosen follows it', () => {
    expect(parseSettings({ version: 3, hantVariant: 'hant', hantVariantChosen: true }, 'zh-HK').settings.hantVariant).toBe(
      'hant',
    );
    expect(parseSettings({ version: 3, hantVariant: 'hk' }, 'zh-TW').settings.hantVariant).toBe('tw');
  });
});

describe('the always-repair site rule', () => {
  it('is kept when true, absent when false, rejected when not a boolean', () => {
    const { settings, rejected } = parseSettings({
      version: 3,
      rules: [
        { host: 'a.com', repair: true },
        { host: 'b.com', repair: false },
        { host: 'c.com', repair: 'yes' },
      ],
    });
    expect(settings.rules[0].repair).toBe(true);
    expect(settings.rules[1]).not.toHaveProperty('repair');
    expect(settings.rules[2]).not.toHaveProperty('repair');
    expect(rejected).toEqual(['rules[2].repair']);
    expect(withRule(settings, 'b.com', { repair: true }).rules[1].repair).toBe(true);
  });
});

describe('ruleFor', () => {
  it('returns null with no matching rule', () => {
    expect(ruleFor(settingsWith([]), 'a.com')).toBeNull();
    expect(ruleFor(settingsWith([rule('a.com'), rule('*.b.com')]), 'c.com')).toBeNull();
  });

  it('matches case-insensitively on the hostname', () => {
    const r = rule('a.com');
    expect(ruleFor(settingsWith([r]), 'A.COM')).toBe(r);
  });

  it('prefers an exact host over a wildcard, whatever the order', () => {
    const wild = rule('*.example.com', { convert: 'hant' });
    const exact = rule('epaper.example.com', { convert: 'hans' });
    expect(ruleFor(settingsWith([wild, exact]), 'epaper.example.com')).toBe(exact);
    expect(ruleFor(settingsWith([exact, wild]), 'epaper.example.com')).toBe(exact);
    expect(ruleFor(settingsWith([exact, wild]), 'www.example.com')).toBe(wild);
  });

  it('prefers the longest wildcard, whatever the order', () => {
    const short = rule('*.example.com');
    const long = rule('*.news.example.com');
    expect(ruleFor(settingsWith([short, long]), 'a.news.example.com')).toBe(long);
    expect(ruleFor(settingsWith([long, short]), 'a.news.example.com')).toBe(long);
    expect(ruleFor(settingsWith([long, short]), 'a.sports.example.com')).toBe(short);
  });

  it('`*.example.com` matches example.com itself and deep subdomains, not look-alikes', () => {
    const wild = rule('*.example.com');
    const s = settingsWith([wild]);
    expect(ruleFor(s, 'example.com')).toBe(wild);
    expect(ruleFor(s, 'a.example.com')).toBe(wild);
    expect(ruleFor(s, 'a.b.example.com')).toBe(wild);
    expect(ruleFor(s, 'badexample.com')).toBeNull();
    expect(ruleFor(s, 'example.com.evil.org')).toBeNull();
    expect(ruleFor(s, 'example.org')).toBeNull();
  });

  it('a rule with a port matches the bare hostname', () => {
    const r = rule('localhost:8080');
    expect(ruleFor(settingsWith([r]), 'localhost')).toBe(r);
    expect(ruleFor(settingsWith([rule('epaper.example.com:8443')]), 'epaper.example.com')?.host).toBe('epaper.example.com:8443');
  });
});

describe('withRule', () => {
  it('creates a rule with defaults, normalising the host, without mutating the input', () => {
    const s = settingsWith([rule('a.com')]);
    const before = structuredClone(s);
    const next = withRule(s, 'HTTPS://B.com/path', { convert: 'hans' });
    expect(next.rules).toEqual([rule('a.com'), rule('b.com', { convert: 'hans' })]);
    expect(s).toEqual(before);
    expect(next).not.toBe(s);
  });

  it('updates an existing rule in place, keeping its other fields and the other rules', () => {
    const s = settingsWith([rule('a.com', { convert: 'hant', hideSelectors: ['.x'] }), rule('b.com'), rule('c.com')]);
    const next = withRule(s, 'a.com', { spam: false });
    expect(next.rules).toEqual([
      rule('a.com', { convert: 'hant', spam: false, hideSelectors: ['.x'] }),
      rule('b.com'),
      rule('c.com'),
    ]);
    expect(s.rules[0].spam).toBeNull();
  });

  it('a new exact-host rule starts from the wildcard rule covering the host', () => {
    const wild = rule('*.example.com', { convert: 'hant', spam: false, hideSelectors: ['.ad'] });
    const s = settingsWith([wild]);
    const next = withRule(s, 'epaper.example.com', { reader: true });
    expect(next.rules).toEqual([
      wild,
      rule('epaper.example.com', { convert: 'hant', spam: false, hideSelectors: ['.ad'], reader: true }),
    ]);
    expect(next.rules[1].hideSelectors).not.toBe(wild.hideSelectors);
    expect(ruleFor(next, 'epaper.example.com')?.convert).toBe('hant');
  });

  it('keeps the rest of the settings', () => {
    const s: Settings = { ...settingsWith([]), hantVariant: 'hk', hantVariantChosen: true, spamHiding: false };
    const next = withRule(s, 'a.com', { reader: true });
    expect(next).toMatchObject({ hantVariant: 'hk', spamHiding: false, reader: s.reader });
    expect(parseSettings(next)).toEqual({ settings: next, rejected: [] });
  });
});

/** Regressions: bugs found in `migrate` and `ruleFor` by these tests, since fixed. */
describe('regression: migrate on garbage without a version', () => {
  it('fixed bug A: does not throw when rules holds a non-object and noSpam is set', () => {
    // migrate() runs `rules.find((r) => r.host === host)` over unvalidated entries → TypeError on null.
    const { settings, rejected } = parseSettings({ rules: [null], noSpam: ['a.com'] });
    expect(settings.rules).toEqual([rule('a.com', { spam: false })]);
    expect(rejected).toEqual(['rules[0]']);
  });

  it('fixed bug B: reports a non-array `rules` even when there is no version', () => {
    // migrate() replaces a non-array `rules` with [] before parseSettings can report it.
    expect(parseSettings({ rules: 'x' }).rejected).toEqual(['rules']);
  });

  it('fixed bug C: does not mutate the caller’s rule objects', () => {
    const raw = { rules: [{ host: 'a.com' }], noSpam: ['a.com'] };
    parseSettings(raw);
    expect(raw.rules[0]).toEqual({ host: 'a.com' });
  });

  it('fixed bug D: merges noSpam into an alwaysConvert rule whose host differs only in case', () => {
    // The hosts are compared before normalising; the later spam-only rule then wins as a duplicate.
    expect(parseSettings({ alwaysConvert: { 'A.com': 'hans' }, noSpam: ['a.com'] }).settings.rules).toEqual([
      rule('a.com', { convert: 'hans', spam: false }),
    ]);
  });
});

describe('regression: ruleFor with a wildcard rule that has a port', () => {
  it('fixed bug E: `*.example.com:8080` (accepted by the schema) matches a.example.com', () => {
    const r = rule('*.example.com:8080');
    expect(ruleFor(settingsWith([r]), 'a.example.com')).toBe(r);
  });
});
