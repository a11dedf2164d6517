/** The reader view on the seed page: title, body, theme, Esc; and on the demo issue's photo article. */
import { expect, it } from 'vitest';
import { readManifest, requireCorpus } from '../corpus';
import { ContentPage, PopupPage } from './pages';
import { SEED_PATH } from './server';
import { forEachBrowser } from './setup';

const seed = requireCorpus() ? readManifest('seed').files[0].expected : null;

async function openReaderFromPopup(browser: import('./browsers').ExtensionBrowser, page: ContentPage) {
  const popup = await PopupPage.open(browser, page);
  await popup.click('reader');
  await page.tab.bringToFront();
  await page.tab.waitFor(
    () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article h1'),
    undefined,
    20_000,
  );
  return popup;
}

if (seed) {
  forEachBrowser('reader on the seed page', (ctx) => {
    it('opens from the popup with the title and body, switches theme, closes with Esc', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url(SEED_PATH));
      const popup = await openReaderFromPopup(browser, page);
      const r = await page.reader();
      expect(r.articleCount).toBe(1);
      expect(r.titles).toEqual([seed.title]);
      expect(r.body.trim().startsWith(seed.first_body_sentence)).toBe(true);
      expect(r.body).toContain(seed.last_body_sentence);
      expect(r.text).not.toContain(seed.spam[0].sample_text);
      for (const label of seed.sections) expect(r.body).not.toContain(label);
      for (const other of seed.article_titles.filter((x: string) => x !== seed.title)) expect(r.text).not.toContain(other);

      // Theme: pick dark in the reader's own control; the choice is remembered.
      await page.tab.evaluate(() => {
        const select = document
          .querySelector('qingdu-reader')!
          .shadowRoot!.querySelector('[data-action="theme"]') as HTMLSelectElement;
        select.value = 'dark';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await page.tab.waitFor(
        () =>
          document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-theme]')?.getAttribute('data-theme') ===
          'dark',
      );
      const bg = await page.tab.evaluate(() => {
        const el = document.querySelector('qingdu-reader')!.shadowRoot!.querySelector('[data-theme]') as HTMLElement;
        return getComputedStyle(el).backgroundColor;
      });
      const [rr, gg, bb] = bg.match(/\d+/g)!.map(Number);
      expect(rr + gg + bb).toBeLessThan(200); // a dark background

      // Page CSS cannot reach the reader, and the page behind is untouched.
      await page.tab.press('Escape');
      await page.tab.waitFor(() => !document.querySelector('qingdu-reader'));
      expect(await page.isVisible('#ozoom')).toBe(true);

      // Reopen: the dark theme was remembered.
      await popup.click('reader');
      await page.tab.waitFor(
        () =>
          document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-theme]')?.getAttribute('data-theme') ===
          'dark',
        undefined,
        20_000,
      );
      await page.tab.press('Escape');
      await page.tab.waitFor(() => !document.querySelector('qingdu-reader'));
      await popup.close();
      await page.tab.close();
    });

    it('conversion applies inside the reader and is undone with the page', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url(SEED_PATH));
      const popup = await openReaderFromPopup(browser, page);
      const sample = seed.convert_sample as { starts_hant: string; starts_hans: string };
      expect((await page.reader()).text).toContain(sample.starts_hant);
      await popup.click('convert');
      await page.waitSurface('data-qingdu-converted', 'hans');
      await page.tab.waitFor(
        (s) => (document.querySelector('qingdu-reader')?.shadowRoot?.textContent ?? '').includes(s),
        sample.starts_hans,
      );
      await popup.tab.waitFor(() => document.querySelector('[data-action="convert"]')?.getAttribute('data-target') === 'restore');
      await popup.click('convert');
      await page.waitSurface('data-qingdu-converted', null);
      await page.tab.waitFor(
        (s) => (document.querySelector('qingdu-reader')?.shadowRoot?.textContent ?? '').includes(s),
        sample.starts_hant,
      );
      await page.clickInReader('[data-action="close"]');
      await page.tab.waitFor(() => !document.querySelector('qingdu-reader'));
      await popup.close();
      await page.tab.close();
    });
  });
}

forEachBrowser('reader on the demo issue', (ctx) => {
  it('keeps the photo with its caption as an absolute URL, and 引题 in the title block', async () => {
    const { browser, server } = ctx();
    const page = await ContentPage.open(browser, server.url('/qxrb/html/2025-06/18/content_105.htm'));
    await openReaderFromPopup(browser, page);
    const figure = await page.tab.evaluate(() => {
      const root = document.querySelector('qingdu-reader')!.shadowRoot!;
      const img = root.querySelector('article img') as HTMLImageElement | null;
      return { src: img?.getAttribute('src') ?? '', caption: root.querySelector('article figcaption')?.textContent ?? '' };
    });
    expect(figure.src).toBe(server.url('/qxrb/images/2025-06/18/02/p3_b.png'));
    expect(figure.caption.length).toBeGreaterThan(2);
    await page.tab.press('Escape');
    await page.tab.close();
  });

  it('says plainly when a page has no article, and leaves the page as it was', async () => {
    const { browser, server } = ctx();
    const page = await ContentPage.open(browser, server.url('/qxrb/html/2025-06/18/node_3.htm'));
    const before = await page.tab.evaluate(() => document.body.innerHTML);
    const popup = await PopupPage.open(browser, page);
    await popup.click('reader');
    await page.tab.waitFor(
      () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('.qd-empty'),
      undefined,
      20_000,
    );
    await page.clickInReader('[data-action="close"]');
    await page.tab.waitFor(() => !document.querySelector('qingdu-reader'));
    expect(await page.tab.evaluate(() => document.body.innerHTML)).toBe(before);
    await popup.close();
    await page.tab.close();
  });
});
