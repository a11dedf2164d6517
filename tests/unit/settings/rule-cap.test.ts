/** Imported site rules: de-duplicated in one pass and capped (issue 13, item 7). */
import { describe, expect, it } from 'vitest';
import { MAX_RULES, parseSettings } from '../../../lib/settings/schema';

const rule = (host: string, reader = false) => ({ host, convert: null, reader, spam: null, hideSelectors: [] });

describe('site rule de-duplication and cap', () => {
  it('a later rule for a host replaces the earlier one in its place', () => {
    const { settings } = parseSettings({ version: 2, rules: [rule('a.test'), rule('b.test'), rule('A.test', true)] });
    expect(settings.rules.map((r) => [r.host, r.reader])).toEqual([
      ['a.test', true],
      ['b.test', false],
    ]);
  });

  it(`keeps at most ${MAX_RULES} rules and names the rejected ones; 40,000 rules parse in one pass`, { timeout: 3000 }, () => {
    const many = Array.from({ length: 40_000 }, (_, i) => rule(`h${i}.example.test`));
    // Duplicates of kept hosts still replace them after the cap is reached.
    many.push(rule('h0.example.test', true));
    const { settings, rejected } = parseSettings({ version: 2, rules: many });
    expect(settings.rules).toHaveLength(MAX_RULES);
    expect(settings.rules[0]).toMatchObject({ host: 'h0.example.test', reader: true });
    expect(rejected).toHaveLength(40_000 - MAX_RULES);
    expect(rejected[0]).toBe(`rules[${MAX_RULES}]`);
  });
});
