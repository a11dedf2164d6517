// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../lib/settings/schema';

describe('parseSettings: hideSelectors with a DOM', () => {
  it('has a document here', () => {
    expect(typeof document).toBe('object');
  });

  it('rejects selectors that do not parse and keeps valid ones', () => {
    const { settings, rejected } = parseSettings({
      version: 2,
      rules: [
        {
          host: 'a.com',
          hideSelectors: [
            '.ad',
            'div[',
            '#x > p:not(.keep)',
            '>>>',
            'a:has(img)',
            '..x',
            ' [data-ad="1"] ',
            '',
            '::bogus-pseudo(',
          ],
        },
      ],
    });
    expect(settings.rules[0].hideSelectors).toEqual(['.ad', '#x > p:not(.keep)', 'a:has(img)', '[data-ad="1"]']);
    expect(rejected).toEqual([
      'rules[0].hideSelectors[1]',
      'rules[0].hideSelectors[3]',
      'rules[0].hideSelectors[5]',
      'rules[0].hideSelectors[7]',
      'rules[0].hideSelectors[8]',
    ]);
  });

  it('is idempotent with DOM validation', () => {
    const first = parseSettings({ version: 2, rules: [{ host: 'a.com', hideSelectors: ['.a', 'div[', ' p '] }] }).settings;
    expect(parseSettings(structuredClone(first))).toEqual({ settings: first, rejected: [] });
  });
});
