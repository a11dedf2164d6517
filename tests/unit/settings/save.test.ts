/** A refused save is reported and the stored settings come back (issue 13, item 7). */
import { describe, expect, it } from 'vitest';
import { saveOrReport } from '../../../lib/settings/save';
import { defaultSettings, type Settings } from '../../../lib/settings/schema';

describe('saveOrReport', () => {
  const stored: Settings = structuredClone(defaultSettings);
  const imported: Settings = { ...structuredClone(defaultSettings), spamHiding: false };

  it('returns the new settings when storage keeps them', async () => {
    let kept: Settings | null = null;
    const out = await saveOrReport(
      imported,
      async (s) => {
        kept = s;
      },
      async () => stored,
    );
    expect(out).toEqual({ settings: imported, error: null });
    expect(kept).toBe(imported);
  });

  it('returns the quota error and the settings really stored when storage refuses', async () => {
    const out = await saveOrReport(
      imported,
      () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
      async () => stored,
    );
    expect(out.error).toBe('QUOTA_BYTES quota exceeded');
    expect(out.settings).toBe(stored);
  });
});
