/** Issue navigation in the popup, on the seed page (a Founder classic article page). */
import { expect, it } from 'vitest';
import { readManifest, requireCorpus } from '../corpus';
import { ContentPage, PopupPage } from './pages';
import { SEED_PATH } from './server';
import { forEachBrowser } from './setup';

const seed = requireCorpus() ? readManifest('seed').files[0].expected : null;

if (seed) {
  forEachBrowser('popup on the seed page', (ctx) => {
    it('lists the sections exactly, marks the current one, lists its titles', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url(SEED_PATH));
      expect((await page.surface()).epaper).toBe('founder-classic');
      const popup = await PopupPage.open(browser, page);
      await popup.tab.waitFor(() => document.querySelectorAll('nav[data-list="sections"] a').length > 0);
      const sections = await popup.list('sections');
      expect(sections.map((s) => s.text)).toEqual(seed.sections);
      expect(sections.filter((s) => s.current).map((s) => s.text)).toEqual([seed.current_section]);
      expect(seed.current_section).toMatch(/^第07版/);
      const titles = await popup.list('titles');
      expect(titles.map((s) => s.text)).toEqual(seed.article_titles);
      // Every link is an http(s) link of the page's own site.
      for (const link of [...sections, ...titles]) expect(new URL(link.href).origin).toBe(server.origin);
      await popup.close();
      await page.tab.close();
    });

    it('上一期 takes the tab to the previous issue, by keyboard', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url(SEED_PATH));
      const popup = await PopupPage.open(browser, page);
      await popup.tab.waitFor(() => !!document.querySelector('[data-action="prev-issue"]:not([disabled])'));
      await popup.tab.evaluate(() => (document.querySelector('[data-action="prev-issue"]') as HTMLElement).focus());
      await popup.tab.press('Enter');
      const expected = new URL(seed.prev_issue_href, server.url(SEED_PATH)).href;
      expect(expected).toContain('/2022-07/19/');
      await page.tab.waitFor((u) => location.href === u, expected, 15_000);
      await popup.close();
      await page.tab.close();
    });

    it('the date field jumps to another issue', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url(SEED_PATH));
      const popup = await PopupPage.open(browser, page);
      await popup.tab.waitFor(() => !!document.querySelector('[data-field="date"]'));
      await popup.tab.evaluate(() => {
        const input = document.querySelector('[data-field="date"]') as HTMLInputElement;
        input.value = '2022-08-02';
      });
      await popup.click('go-date');
      await page.tab.waitFor(() => location.pathname.includes('/2022-08/02/'), undefined, 15_000);
      expect(page.tab.url()).toMatch(/\/newdzb\/html\/2022-08\/02\/node_\d+\.htm$/);
      await popup.close();
      await page.tab.close();
    });
  });
}
