/** The options page: a site rule set there applies on the next visit; export/import round-trips. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readManifest, requireCorpus } from '../corpus';
import { ContentPage, PopupPage } from './pages';
import { SEED_PATH } from './server';
import { forEachBrowser } from './setup';

const seed = requireCorpus() ? readManifest('seed').files[0].expected : null;

async function openOptions(browser: import('./browsers').ExtensionBrowser) {
  const tab = await browser.newTab(browser.extensionUrl('options.html'));
  await tab.waitFor(() => !!document.querySelector('[data-field="hantVariant"]'));
  return tab;
}

if (seed) {
  forEachBrowser('settings', (ctx) => {
    it('a rule "always convert this site to Simplified" set in the options page converts the seed page on load', async () => {
      const { browser, server } = ctx();
      const options = await openOptions(browser);
      await options.type('[data-field="new-host"]', '127.0.0.1');
      await options.click('[data-action="add-rule"]');
      await options.waitFor(() => !!document.querySelector('tr[data-rule-host="127.0.0.1"]'));
      await options.evaluate(() => {
        const select = document.querySelector('tr[data-rule-host="127.0.0.1"] [data-field="convert"]') as HTMLSelectElement;
        select.value = 'hans';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await options.waitFor(() => document.querySelector('[data-status]')?.getAttribute('data-status') === 'ok');

      const page = await ContentPage.open(browser, server.url(SEED_PATH));
      await page.waitSurface('data-qingdu-converted', 'hans');
      const sample = seed.convert_sample as { selector: string; starts_hans: string };
      expect(await page.text(sample.selector)).toContain(sample.starts_hans);
      await page.tab.close();

      // Remove the rule again: the next visit shows the original script.
      await options.click('tr[data-rule-host="127.0.0.1"] [data-action="remove-rule"]');
      await options.waitFor(() => !document.querySelector('tr[data-rule-host="127.0.0.1"]'));
      const again = await ContentPage.open(browser, server.url(SEED_PATH));
      expect((await again.surface()).converted).toBeNull();
      await again.tab.close();
      await options.close();
    });

    it('the popup writes "always on this site" rules: the reader opens by itself next time, and the options page shows the rule', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url(SEED_PATH));
      const popup = await PopupPage.open(browser, page);
      await popup.tab.click('[data-rule="reader"]');
      await popup.tab.waitFor(() => (document.querySelector('[data-rule="reader"]') as HTMLInputElement).checked);
      // The next article page of this site opens in the reader by itself.
      const next = await ContentPage.open(browser, server.url(SEED_PATH));
      await next.tab.waitFor(
        () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article h1'),
        undefined,
        20_000,
      );
      expect((await next.reader()).titles).toEqual([seed.title]);
      await next.tab.close();
      const options = await openOptions(browser);
      await options.waitFor(
        () =>
          (document.querySelector('tr[data-rule-host="127.0.0.1"] [data-field="reader"]') as HTMLInputElement | null)?.checked ===
          true,
      );
      await options.click('tr[data-rule-host="127.0.0.1"] [data-action="remove-rule"]');
      await options.waitFor(() => !document.querySelector('tr[data-rule-host="127.0.0.1"]'));
      await options.close();
      await popup.close();
      await page.tab.close();
    });

    it('exporting then importing settings round-trips, and a bad file is reported', async () => {
      const { browser } = ctx();
      const options = await openOptions(browser);
      // Change some settings through the UI.
      await options.evaluate(() => {
        const v = document.querySelector('[data-field="hantVariant"]') as HTMLSelectElement;
        v.value = 'twp';
        v.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await options.type('[data-field="new-host"]', 'epaper.example.com');
      await options.click('[data-action="add-rule"]');
      await options.waitFor(() => !!document.querySelector('tr[data-rule-host="epaper.example.com"]'));
      // Export: capture the file the page hands to the browser.
      const exported = await options.evaluate(async () => {
        const orig = URL.createObjectURL;
        let blob: Blob | null = null;
        URL.createObjectURL = (b: Blob) => {
          blob = b;
          return orig.call(URL, b);
        };
        (document.querySelector('[data-action="export-settings"]') as HTMLElement).click();
        URL.createObjectURL = orig;
        return blob ? await (blob as Blob).text() : '';
      });
      const json = JSON.parse(exported);
      expect(json.hantVariant).toBe('twp');
      expect(json.rules.map((r: { host: string }) => r.host)).toContain('epaper.example.com');
      const dir = mkdtempSync(join(tmpdir(), 'qingdu-settings-'));
      writeFileSync(join(dir, 'settings.json'), exported);

      // Reset, then import the exported file: everything is back.
      await options.click('[data-action="reset-settings"]');
      await options.waitFor(() => !document.querySelector('tr[data-rule-host="epaper.example.com"]'));
      await importFile(options, readFileSync(join(dir, 'settings.json'), 'utf8'));
      await options.waitFor(() => !!document.querySelector('tr[data-rule-host="epaper.example.com"]'));
      expect(
        await options.evaluate(() => (document.querySelector('[data-field="hantVariant"]') as HTMLSelectElement).value),
      ).toBe('twp');

      // A file with invalid values: imported with the rejected values reported.
      await importFile(options, JSON.stringify({ hantVariant: 'klingon', rules: [{ host: 'not a host!' }], spamHiding: true }));
      await options.waitFor(() => document.querySelector('[data-status]')?.getAttribute('data-status') === 'warn');
      expect(await options.evaluate(() => document.querySelector('[data-status]')?.textContent)).toContain('hantVariant');
      await options.click('[data-action="reset-settings"]');
      await options.close();
    });
  });
}

/** Sets a file on the import input the way a person picking a file would, then fires change. */
function importFile(tab: import('./browsers').Tab, content: string) {
  return tab.evaluate((text) => {
    const input = document.querySelector('[data-action="import-settings"]') as HTMLInputElement;
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'settings.json', { type: 'application/json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, content);
}

forEachBrowser(
  'languages',
  (ctx) => {
    it('with the browser in zh-TW the popup labels are Traditional Chinese', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url('/tyxw/c/2021-11/25/content_183736.htm'));
      const popup = await PopupPage.open(browser, page);
      const text = await popup.tab.evaluate(() => document.body.textContent ?? '');
      expect(text).toContain('閱讀檢視');
      expect(text).toContain('設定');
      expect(text).not.toContain('Reader view');
      await popup.close();
      await page.tab.close();
    });
  },
  { locale: 'zh-TW' },
);
