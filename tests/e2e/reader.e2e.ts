/**
 * The reader view on the seed page: title, body, theme, Esc; on the demo issue's photo article;
 * and on pages only the extraction chain reads (a Traditional blog post, an unknown e-paper).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fixturesDir, readManifest, requireCorpus } from '../corpus';
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

/** Our own pages under tests/fixtures/extract/, each with its expected.json beside it. */
const CHAIN_FIXTURES = [
  { label: 'a Traditional-script blog post (title only in <title>, comments, sidebar)', dir: 'hant-blog' },
  { label: 'an article page of an e-paper system no adapter knows', dir: 'unknown-epaper' },
];

forEachBrowser('reader on pages that plain Readability reads and the tuned step alone did not', (ctx) => {
  for (const { label, dir } of CHAIN_FIXTURES) {
    it(`opens on ${label} with its title and body, without navigation or comments`, async () => {
      const expected = JSON.parse(readFileSync(join(fixturesDir, 'extract', dir, 'expected.json'), 'utf8'));
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url(`/fixtures/extract/${dir}/page.html`));
      const popup = await openReaderFromPopup(browser, page);
      const r = await page.reader();
      expect(r.articleCount).toBe(1);
      expect(r.titles).toEqual([expected.title]);
      const body = r.body.trim();
      expect(body.startsWith(expected.first_body_sentence)).toBe(true);
      expect(body.endsWith(expected.last_body_sentence)).toBe(true);
      for (const text of expected.not_in_body) expect(r.body).not.toContain(text);
      const lang = await page.tab.evaluate(
        () => document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article')?.getAttribute('lang') ?? '',
      );
      expect(lang).toBe(expected.lang);
      await page.tab.press('Escape');
      await page.tab.waitFor(() => !document.querySelector('qingdu-reader'));
      await popup.close();
      await page.tab.close();
    });
  }
});
