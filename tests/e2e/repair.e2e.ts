/** Repair of botched Traditional on the seed page: the offer with its count, the repair, its marks, undo, and composition with conversion. */
import { expect, it } from 'vitest';
import { requireCorpus } from '../corpus';
import { type ContentPage, ContentPage as Page, PopupPage } from './pages';
import { SEED_PATH } from './server';
import { forEachBrowser } from './setup';

const ARTICLE = '#ozoom';

function snapshot(page: ContentPage) {
  // <html>'s own attributes by name: a layer taken off and put back may re-add them in another order.
  return page.tab.evaluate(() => ({
    html: document.documentElement.innerHTML,
    attrs: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`).sort(),
    title: document.title,
  }));
}

/** Waits for the popup to offer the repair (the converters load on the first estimate) and returns its count. */
async function offeredCount(popup: PopupPage): Promise<number> {
  await popup.tab.waitFor(() => !!document.querySelector('[data-action="repair"]'), undefined, 30_000);
  return Number(await popup.tab.evaluate(() => document.querySelector('[data-action="repair"]')?.getAttribute('data-count')));
}

/** Polls the extension's stored settings (read in the popup's page) until the site's always-repair rule is `on`. */
async function waitForStoredRepairRule(popup: PopupPage, on: boolean): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const stored = await popup.tab.evaluate(async () => {
      const api = (globalThis as unknown as { chrome?: any; browser?: any }).browser ?? (globalThis as any).chrome;
      const { settings } = await api.storage.local.get('settings');
      return (settings?.rules ?? []).some((r: { repair?: boolean }) => r.repair === true);
    });
    if (stored === on) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the always-repair rule was not stored as ${on}`);
}

const markCount = (page: ContentPage) =>
  page.tab.evaluate(() => {
    const registry = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<unknown>> } }).CSS.highlights;
    return registry ? (registry.get('qingdu-repair')?.size ?? 0) : -1;
  });

if (requireCorpus()) {
  forEachBrowser('repair of botched Traditional on the seed page', (ctx) => {
    it('the popup offers the repair with its count; the page shows the repaired text, marked; undo restores it exactly', async () => {
      const { browser, server } = ctx();
      const page = await Page.open(browser, server.url(SEED_PATH));
      const before = await snapshot(page);
      expect(await page.text(ARTICLE)).toContain('最后一米');

      const popup = await PopupPage.open(browser, page);
      const count = await offeredCount(popup);
      expect(count).toBeGreaterThanOrEqual(20);
      expect(await popup.label('repair')).toMatch(
        new RegExp(`^(Repair Traditional \\(${count} fixes\\)|修正繁[体體]（${count} [处處]）)$`),
      );
      // Estimating touched nothing.
      expect((await snapshot(page)).html).toBe(before.html);

      await popup.act('repair');
      await page.waitSurface('data-qingdu-repaired', String(count));
      const text = (await page.text(ARTICLE)) ?? '';
      for (const fixed of ['最後一米', '於2022年', '志願者', '民政幹部']) expect(text).toContain(fixed);
      expect(text).not.toContain('最后一米');
      // The marks: one highlight range per changed place, without touching the page's text nodes.
      expect(await markCount(page)).toBeGreaterThanOrEqual(19);
      await popup.tab.waitFor(() => document.querySelector('[data-action="repair"]')?.getAttribute('aria-pressed') === 'true');

      // The caret entering a mark says the original characters in a live region (for assistive technology).
      await page.tab.evaluate(() => {
        const walker = document.createTreeWalker(document.querySelector('#ozoom')!, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n as Text).data.indexOf('最後一米');
          if (at >= 0) {
            document.getSelection()!.collapse(n, at + 1);
            return;
          }
        }
      });
      await page.tab.waitFor(() => /后/.test(document.getElementById('qingdu-repair-live')?.textContent ?? ''));
      expect(await page.tab.evaluate(() => document.getElementById('qingdu-repair-live')?.getAttribute('aria-live'))).toBe(
        'polite',
      );

      // The marks switch.
      await popup.act('repair-marks');
      await page.tab.waitFor(
        () => !(globalThis as unknown as { CSS: { highlights: Map<string, unknown> } }).CSS.highlights.has('qingdu-repair'),
      );
      await popup.act('repair-marks');
      expect(await markCount(page)).toBeGreaterThanOrEqual(19);

      // A second click undoes it exactly.
      await popup.act('repair');
      await page.waitSurface('data-qingdu-repaired', null);
      expect(await snapshot(page)).toEqual(before);
      expect(await markCount(page)).toBeLessThanOrEqual(0);
      await popup.close();
      await page.tab.close();
    });

    it('the reader shows the repaired text and the proofreading list; undo gives the reader the original back', async () => {
      const { browser, server } = ctx();
      const page = await Page.open(browser, server.url(SEED_PATH));
      const popup = await PopupPage.open(browser, page);
      await offeredCount(popup);
      await popup.act('repair');
      await page.tab.waitFor(() => document.documentElement.hasAttribute('data-qingdu-repaired'));
      await popup.act('reader');
      // As when the popup is a panel over the page: the page tab is in front (the reader's effects wait for a frame).
      await page.tab.bringToFront();
      await page.tab.waitFor(() => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article h1'));
      const reader = await page.reader();
      for (const fixed of ['最後一米', '於2022年', '志願者', '民政幹部']) expect(reader.text).toContain(fixed);
      expect(reader.text).not.toContain('最后一米');

      await page.clickInReader('[data-action="proofreading"]');
      await page.tab.waitFor(
        () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-list="repairs"] li'),
      );
      const items = await page.tab.evaluate(() =>
        [...(document.querySelector('qingdu-reader')?.shadowRoot?.querySelectorAll('[data-list="repairs"] li') ?? [])].map(
          (li) => `${li.getAttribute('data-before')}→${li.getAttribute('data-after')}`,
        ),
      );
      // In document order: the title's 最后, then the body's first fixes.
      expect(items.length).toBeGreaterThanOrEqual(19);
      expect(items).toContain('鑒于→鑑於');
      expect(items.indexOf('后→後')).toBeLessThan(items.indexOf('鑒于→鑑於'));
      expect(items.indexOf('鑒于→鑑於')).toBeLessThan(items.indexOf('干→幹'));

      await popup.act('repair');
      await page.waitSurface('data-qingdu-repaired', null);
      await page.tab.waitFor(() =>
        (document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article')?.textContent ?? '').includes('最后一米'),
      );

      expect(
        await page.tab.evaluate(
          () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-action="proofreading"]'),
        ),
      ).toBe(false);
      await popup.close();
      await page.tab.close();
    });

    it('whole-section reading repairs the fetched Traditional articles, and the Markdown export holds the repaired text', async () => {
      const { browser, server } = ctx();
      const page = await Page.open(browser, server.url(SEED_PATH));
      const popup = await PopupPage.open(browser, page);
      await offeredCount(popup);
      await popup.act('repair');
      await page.tab.waitFor(() => document.documentElement.hasAttribute('data-qingdu-repaired'));
      await popup.click('read-section');
      await page.tab.bringToFront();
      // The seed article is fetched again from the site (its section's other articles are not served).
      await page.tab.waitFor(
        () =>
          (document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article')?.textContent ?? '').includes('最後一米'),
        undefined,
        30_000,
      );
      const reader = await page.reader();
      expect(reader.text).toContain('志願者');
      expect(reader.text).not.toContain('最后一米');
      // Export is offered once every article has loaded or failed.
      await page.tab.waitFor(
        () =>
          (
            document
              .querySelector('qingdu-reader')
              ?.shadowRoot?.querySelector('[data-action="export-markdown"]') as HTMLButtonElement | null
          )?.disabled === false,
        undefined,
        60_000,
      );
      const md = await page.tab.download(() => page.clickInReader('[data-action="export-markdown"]'));
      const text = md.bytes.toString('utf8');
      for (const fixed of ['最後一米', '志願者', '民政幹部']) expect(text).toContain(fixed);
      expect(text).not.toContain('最后一米');
      await popup.close();
      await page.tab.close();
    });

    it('Alt+Shift+F repairs the page and undoes it exactly', async () => {
      const { browser, server } = ctx();
      const page = await Page.open(browser, server.url(SEED_PATH));
      await page.tab.bringToFront();
      const before = await snapshot(page);
      await page.tab.press('Alt+Shift+F');
      await page.tab.waitFor(() => document.documentElement.hasAttribute('data-qingdu-repaired'), undefined, 30_000);
      expect(await page.text(ARTICLE)).toContain('最後一米');
      await page.tab.press('Alt+Shift+F');
      await page.waitSurface('data-qingdu-repaired', null);
      expect(await snapshot(page)).toEqual(before);
      await page.tab.close();
    });

    it('repair and conversion compose: convert a repaired page, repair a converted page, restore exactly', async () => {
      const { browser, server } = ctx();
      const page = await Page.open(browser, server.url(SEED_PATH));
      const before = await snapshot(page);
      const popup = await PopupPage.open(browser, page);
      const count = await offeredCount(popup);

      // Repaired, then converted to Simplified, then back.
      await popup.act('repair');
      await page.waitSurface('data-qingdu-repaired', String(count));
      const repaired = await snapshot(page);
      await popup.act('convert');
      await page.waitSurface('data-qingdu-converted', 'hans');
      expect(await page.text(ARTICLE)).toContain('最后一米');
      expect(await page.text(ARTICLE)).toContain('志愿者');
      expect(await markCount(page)).toBeLessThanOrEqual(0);
      await popup.act('convert');
      await page.waitSurface('data-qingdu-converted', null);
      expect(await snapshot(page)).toEqual(repaired);

      // Converted, then repaired underneath, then the repair undone, then the conversion.
      await popup.act('repair');
      await page.waitSurface('data-qingdu-repaired', null);
      expect(await snapshot(page)).toEqual(before);
      await popup.act('convert');
      await page.waitSurface('data-qingdu-converted', 'hans');
      const converted = await snapshot(page);
      await popup.act('repair');
      await page.waitSurface('data-qingdu-repaired', String(count));
      expect(await page.tab.evaluate(() => document.documentElement.getAttribute('data-qingdu-converted'))).toBe('hans');
      await popup.act('repair');
      await page.waitSurface('data-qingdu-repaired', null);
      expect(await snapshot(page)).toEqual(converted);
      await popup.act('convert');
      await page.waitSurface('data-qingdu-converted', null);
      expect(await snapshot(page)).toEqual(before);
      await popup.close();
      await page.tab.close();
    });

    it('the "always repair" site rule repairs the page as it loads', async () => {
      const { browser, server } = ctx();
      const first = await Page.open(browser, server.url(SEED_PATH));
      const popup = await PopupPage.open(browser, first);
      const count = await offeredCount(popup);
      await popup.tab.waitFor(() => !!document.querySelector('[data-rule="repair"]'));
      await popup.tab.click('[data-rule="repair"]');
      // The checkbox ticks at once; wait until the rule is stored before the popup goes away.
      await waitForStoredRepairRule(popup, true);
      await popup.close();
      await first.tab.close();

      const page = await Page.open(browser, server.url(SEED_PATH));
      await page.waitSurface('data-qingdu-repaired', String(count));
      expect(await page.text(ARTICLE)).toContain('最後一米');
      // Turn the rule off again for the tests that follow in this browser.
      const again = await PopupPage.open(browser, page);
      await again.tab.waitFor(
        () => (document.querySelector('[data-rule="repair"]') as HTMLInputElement | null)?.checked === true,
      );
      await again.tab.click('[data-rule="repair"]');
      await waitForStoredRepairRule(again, false);
      await again.close();
      await page.tab.close();
    });
  });
}
