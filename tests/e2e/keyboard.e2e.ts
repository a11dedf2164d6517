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

    it('two quick presses while the converter is still loading convert and then restore, in order', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url('/fixtures/e2e/live-hant.html'));
      await page.tab.bringToFront();
      const original = await page.tab.evaluate(() => {
        // Record every state of the paragraph, to see that the conversion happened in between.
        const p = document.getElementById('p1')!;
        const seen: string[] = [];
        (window as any).qdSeen = seen;
        new MutationObserver(() => seen.push(p.textContent ?? '')).observe(p, {
          subtree: true,
          characterData: true,
          childList: true,
        });
        return p.textContent;
      });
      // The first press starts loading the dictionary; the second arrives before it is ready.
      await page.tab.press('Alt+Shift+J');
      await page.tab.press('Alt+Shift+J');
      await page.tab.waitFor(() => ((window as any).qdSeen as string[]).length >= 2, undefined, 20_000);
      await page.tab.waitFor(
        (o) =>
          document.getElementById('p1')?.textContent === o && !document.documentElement.hasAttribute('data-qingdu-converted'),
        original,
        20_000,
      );
      const seen: string[] = await page.tab.evaluate(() => (window as any).qdSeen);
      expect(seen[0]).toContain('为了让上班族');
      // It stays restored: no late conversion lands after the second press.
      await new Promise((r) => setTimeout(r, 1500));
      expect((await page.surface()).converted).toBeNull();
      expect(await page.tab.evaluate(() => document.getElementById('p1')?.textContent)).toBe(original);
      await page.tab.close();
    });
  });
}
