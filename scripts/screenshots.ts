/**
 * README screenshots from a real browser: the popup (and at 320px wide) and the reader (light,
 * sepia and dark) on the seed page, and the sample issue's spam-walled page before and after. `npx tsx scripts/screenshots.ts`
 * after a build; writes docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, requireCorpus } from '../tests/corpus';
import { launch } from '../tests/e2e/browsers';
import { ContentPage, PopupPage } from '../tests/e2e/pages';
import { SEED_PATH, startFixtureServer } from '../tests/e2e/server';

const out = join(repoRoot, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const server = await startFixtureServer();
const browser = await launch('chromium');
try {
  if (requireCorpus()) {
    const page = await ContentPage.open(browser, server.url(SEED_PATH));
    await page.tab.setViewport(1000, 760);
    const popup = await PopupPage.open(browser, page);
    await popup.tab.setViewport(400, 820);
    await popup.tab.waitFor(() => document.querySelectorAll('nav[data-list="sections"] a').length > 0);
    await popup.tab.screenshot(join(out, 'popup-seed.png'));
    // The narrowest popup: no sideways scroll, nothing cut.
    await popup.tab.setViewport(320, 820);
    await popup.tab.screenshot(join(out, 'popup-seed-320.png'));
    await popup.click('reader');
    await page.tab.bringToFront();
    await page.tab.waitFor(() => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article h1'));
    for (const theme of ['light', 'sepia', 'dark']) {
      await page.tab.evaluate((t) => {
        const select = document
          .querySelector('qingdu-reader')!
          .shadowRoot!.querySelector('[data-action="theme"]') as HTMLSelectElement;
        select.value = t;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, theme);
      await page.tab.waitFor(
        (t) => document.querySelector('qingdu-reader')?.shadowRoot?.querySelector(`[data-theme="${t}"]`),
        theme,
      );
      await page.tab.screenshot(join(out, `reader-seed-${theme}.png`));
    }
    await page.tab.evaluate(() => {
      const select = document
        .querySelector('qingdu-reader')!
        .shadowRoot!.querySelector('[data-action="theme"]') as HTMLSelectElement;
      select.value = 'auto';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.tab.press('Escape');
    await popup.close();
    await page.tab.close();
  }
  const walled = await ContentPage.open(browser, server.url('/qxrb/html/2025-06/18/content_104.htm'));
  await walled.tab.setViewport(1000, 900);
  await walled.tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await walled.tab.screenshot(join(out, 'spam-hidden.png'));
  const popup = await PopupPage.open(browser, walled);
  await popup.click('spam');
  await walled.tab.bringToFront();
  await walled.tab.waitFor(() => document.documentElement.hasAttribute('data-qingdu-spam-shown'));
  await walled.tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await walled.tab.screenshot(join(out, 'spam-shown.png'));
  await popup.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${out}`);
