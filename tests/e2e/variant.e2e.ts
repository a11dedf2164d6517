/** The default Traditional follows the browser language while the reader has never chosen one. */
import { expect, it } from 'vitest';
import { requireCorpus } from '../corpus';
import { ContentPage, PopupPage } from './pages';
import { forEachBrowser } from './setup';

/** A Simplified article page of the shared corpus (served by tests/e2e/server.ts). */
const SIMPLIFIED_PAGE = '/tyxw/c/2021-11/25/content_183736.htm';

if (requireCorpus())
  forEachBrowser(
    'default Traditional variant (browser in zh-HK)',
    (ctx) => {
      it('the options page shows Hong Kong, says it follows the browser, and the popup converts to Hong Kong', async () => {
        const { browser, server } = ctx();
        const options = await browser.newTab(browser.extensionUrl('options.html'));
        await options.waitFor(() => !!document.querySelector('select[data-field="hantVariant"]'));
        expect(
          await options.evaluate(() => (document.querySelector('select[data-field="hantVariant"]') as HTMLSelectElement).value),
        ).toBe('hk');
        expect(await options.evaluate(() => !!document.querySelector('[data-note="variant-follows-browser"]'))).toBe(true);
        await options.close();

        const page = await ContentPage.open(browser, server.url(SIMPLIFIED_PAGE));
        expect((await page.surface()).script).toBe('hans');
        const popup = await PopupPage.open(browser, page);
        expect(
          await popup.tab.evaluate(() => document.querySelector('[data-action="convert"]')?.getAttribute('data-target')),
        ).toBe('hk');
        // A Simplified page offers no repair (the popup does not even ask for an estimate).
        expect(await popup.tab.evaluate(() => !!document.querySelector('[data-action="repair"]'))).toBe(false);
        await popup.close();
        await page.tab.close();
      });
    },
    { locale: 'zh-HK' },
  );
