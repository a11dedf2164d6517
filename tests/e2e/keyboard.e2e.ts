/** The keyboard commands, pressed on the page as a reader would. */
import { expect, it } from 'vitest';
import { requireCorpus } from '../corpus';
import { ContentPage } from './pages';
import { SEED_PATH } from './server';
import { forEachBrowser } from './setup';

if (requireCorpus()) {
  forEachBrowser('keyboard commands', (ctx) => {
    it('Alt+Shift+J switches the script and back, Alt+Shift+S shows and hides spam, Alt+Shift+Y opens the reader, Esc closes it', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url(SEED_PATH));
      await page.tab.bringToFront();
      const original = await page.tab.evaluate(() => document.body.innerHTML);

      await page.tab.press('Alt+Shift+J');
      await page.waitSurface('data-qingdu-converted', 'hans');
      await page.tab.press('Alt+Shift+J');
      await page.waitSurface('data-qingdu-converted', null);
      expect(await page.tab.evaluate(() => document.body.innerHTML)).toBe(original);

      await page.tab.press('Alt+Shift+S');
      await page.tab.waitFor(() => document.documentElement.hasAttribute('data-qingdu-spam-shown'));
      await page.tab.press('Alt+Shift+S');
      await page.tab.waitFor(() => !document.documentElement.hasAttribute('data-qingdu-spam-shown'));

      await page.tab.press('Alt+Shift+Y');
      await page.tab.waitFor(
        () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article h1'),
        undefined,
        20_000,
      );
      await page.tab.press('Escape');
      await page.tab.waitFor(() => !document.querySelector('qingdu-reader'));
      await page.tab.close();
    });
  });
}
