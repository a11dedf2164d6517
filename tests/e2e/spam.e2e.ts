/** Spam hiding as the page loads, the count, and show/hide from the popup. */
import { expect, it } from 'vitest';
import { readManifest, requireCorpus } from '../corpus';
import { ContentPage, PopupPage } from './pages';
import { SEED_PATH } from './server';
import { forEachBrowser } from './setup';

const seed = requireCorpus() ? readManifest('seed').files[0].expected : null;

if (seed) {
  forEachBrowser('spam on the seed page', (ctx) => {
    it('hides the wall on load, keeps the paper’s own link blocks, and shows it again from the popup', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url(SEED_PATH));
      const wall = seed.spam[0].css_selector as string;
      expect(await page.tab.evaluate((s) => document.querySelector(s)?.hasAttribute('data-qingdu-hidden'), wall)).toBe(true);
      expect(await page.isVisible(wall)).toBe(false);
      for (const legit of seed.legit_link_blocks as { css_selector: string }[]) {
        expect(await page.isVisible(legit.css_selector), legit.css_selector).toBe(true);
        expect(
          await page.tab.evaluate((s) => !!document.querySelector(s)?.closest('[data-qingdu-hidden]'), legit.css_selector),
        ).toBe(false);
      }
      const count = Number((await page.surface()).spam);
      expect(count).toBeGreaterThanOrEqual(1);
      // The toolbar badge shows the same count.
      const tabId = await browser.tabIdFor(page.tab.url());
      expect(await browser.badgeText(tabId)).toBe(String(count));

      const popup = await PopupPage.open(browser, page);
      expect(await popup.tab.evaluate(() => document.querySelector('[data-action="spam"]')?.getAttribute('data-count'))).toBe(
        String(count),
      );
      expect(await popup.label('spam')).toContain(String(count));
      await popup.click('spam');
      await page.tab.waitFor((s) => document.querySelector(s)!.getClientRects().length > 0, wall);
      expect(await page.isVisible(wall)).toBe(true);
      await popup.tab.waitFor(() => document.querySelector('[data-action="spam"]')?.getAttribute('aria-pressed') === 'true');
      await popup.click('spam');
      await page.tab.waitFor((s) => document.querySelector(s)!.getClientRects().length === 0, wall);
      expect(await browser.badgeText(tabId)).toBe(String(count));
      await popup.close();
      await page.tab.close();
    });
  });
}

forEachBrowser('spam written late by a script', (ctx) => {
  it('a wall injected after load is caught by the observer and counted', async () => {
    const { browser, server } = ctx();
    const page = await ContentPage.open(browser, server.url('/fixtures/e2e/live-hant.html'));
    await page.tab.waitFor(() => !!document.querySelector('.late-wall'));
    await page.tab.waitFor(() => document.querySelector('.late-wall')?.hasAttribute('data-qingdu-hidden'), undefined, 10_000);
    expect(await page.isVisible('.late-wall')).toBe(false);
    await page.tab.waitFor(() => Number(document.documentElement.getAttribute('data-qingdu-spam')) >= 1);
    // The paper's own footer with | separators stays.
    expect(await page.isVisible('#foot')).toBe(true);
    await page.tab.close();
  });
});
