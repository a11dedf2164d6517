/** A settings import that storage refuses (quota) is reported, and the page shows what is stored (issue 13, item 7). */
import { expect, it } from 'vitest';
import { forEachBrowser } from './setup';

forEachBrowser('settings save refused by storage', (ctx) => {
  it('shows the quota error and keeps showing the stored settings', async () => {
    const { browser } = ctx();
    const options = await browser.newTab(browser.extensionUrl('options.html'));
    await options.waitFor(() => !!document.querySelector('[data-field="spamHiding"]'));
    const stored = await options.evaluate(() => ({
      spamHiding: (document.querySelector('[data-field="spamHiding"]') as HTMLInputElement).checked,
      variant: (document.querySelector('[data-field="hantVariant"]') as HTMLSelectElement).value,
    }));
    expect(stored.spamHiding).toBe(true);
    // The imported file below differs from what is stored in both fields.
    expect(stored.variant).not.toBe('hk');
    // Storage refuses every write from now on, as it does when the quota is used up.
    await options.evaluate(() => {
      const g = globalThis as any;
      for (const api of [g.chrome, g.browser]) {
        const area = api?.storage?.local;
        if (area) area.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
      }
    });
    await options.evaluate(
      (text) => {
        const input = document.querySelector('[data-action="import-settings"]') as HTMLInputElement;
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'settings.json', { type: 'application/json' }));
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      JSON.stringify({ version: 3, hantVariant: 'hk', hantVariantChosen: true, spamHiding: false, rules: [] }),
    );
    await options.waitFor(() => document.querySelector('[data-status]')?.getAttribute('data-status') === 'error');
    expect(await options.evaluate(() => document.querySelector('[data-status]')?.textContent)).toContain('QUOTA_BYTES');
    const shown = await options.evaluate(() => ({
      spamHiding: (document.querySelector('[data-field="spamHiding"]') as HTMLInputElement).checked,
      variant: (document.querySelector('[data-field="hantVariant"]') as HTMLSelectElement).value,
    }));
    expect(shown).toEqual(stored);
    await options.close();
  });
});
