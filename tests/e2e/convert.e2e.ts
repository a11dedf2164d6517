/** One-click 简↔繁 conversion, exact restore, live pages, inputs and page scripts. */
import { expect, it } from 'vitest';
import { readManifest, requireCorpus } from '../corpus';
import { ContentPage, PopupPage } from './pages';
import { SEED_PATH } from './server';
import { forEachBrowser } from './setup';

const seed = requireCorpus() ? readManifest('seed').files[0].expected : null;

if (seed) {
  forEachBrowser('conversion on the seed page', (ctx) => {
    it('converts to Simplified with one click and back to the exact original', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, server.url(SEED_PATH));
      expect((await page.surface()).script).toBe('hant');
      const before = await page.tab.evaluate(() => ({
        body: document.body.innerHTML,
        title: document.title,
        lang: document.documentElement.lang,
      }));
      const sample = seed.convert_sample as { selector: string; starts_hant: string; starts_hans: string };
      expect(await page.text(sample.selector)).toContain(sample.starts_hant);

      const popup = await PopupPage.open(browser, page);
      expect(await popup.tab.evaluate(() => document.querySelector('[data-action="convert"]')?.getAttribute('data-target'))).toBe(
        'hans',
      );
      await popup.click('convert');
      await page.waitSurface('data-qingdu-converted', 'hans');
      expect((await page.surface()).script).toBe('hans');
      expect((await page.text(sample.selector))?.trimStart()).toMatch(new RegExp(`^\\s*${sample.starts_hans}`));
      expect(await page.tab.evaluate(() => document.title)).not.toBe(before.title);

      await popup.tab.waitFor(() => document.querySelector('[data-action="convert"]')?.getAttribute('data-target') === 'restore');
      await popup.click('convert');
      await page.waitSurface('data-qingdu-converted', null);
      const after = await page.tab.evaluate(() => ({
        body: document.body.innerHTML,
        title: document.title,
        lang: document.documentElement.lang,
      }));
      expect(after).toEqual(before);
      expect((await page.surface()).script).toBe('hant');
      await popup.close();
      await page.tab.close();
    });
  });
}

forEachBrowser('conversion on a live page', (ctx) => {
  it('text added later is converted too; inputs and page scripts keep working; restore is exact', async () => {
    const { browser, server } = ctx();
    const page = await ContentPage.open(browser, server.url('/fixtures/e2e/live-hant.html'));
    const popup = await PopupPage.open(browser, page);
    await popup.click('convert');
    await page.waitSurface('data-qingdu-converted', 'hans');
    expect(await page.text('#p1')).toContain('为了让上班族也能安心读书');
    // Wait for all ten updates; every one is shown in Simplified.
    await page.tab.waitFor(() => document.querySelectorAll('#feed p').length === 10, undefined, 15_000);
    await page.tab.waitFor(
      () => document.querySelector('#feed p:last-child')?.textContent === '环保团体举办净滩活动。',
      undefined,
      10_000,
    );
    const feed = await page.tab.evaluate(() => [...document.querySelectorAll('#feed p')].map((p) => p.textContent));
    expect(feed[0]).toBe('台风过后，市区交通逐渐恢复正常。');
    // The reader's own text is never touched; the placeholder attribute is.
    expect(await page.tab.evaluate(() => (document.querySelector('#comment') as HTMLInputElement).value)).toBe(
      '這是讀者原本寫的繁體字',
    );
    expect(await page.tab.evaluate(() => (document.querySelector('#draft') as HTMLTextAreaElement).value)).toBe(
      '讀者的草稿不應被轉換',
    );
    expect(await page.tab.evaluate(() => document.querySelector('#comment')?.getAttribute('placeholder'))).toBe('请输入您的意见');
    // The page's listeners still fire and its inputs still take typing.
    await page.tab.click('#counter');
    await page.tab.click('#counter');
    await page.tab.waitFor(() => document.querySelector('#count')?.textContent === '2');
    await page.tab.type('#comment', 'abc');
    expect(await page.tab.evaluate(() => (document.querySelector('#comment') as HTMLInputElement).value)).toBe('abc');

    await popup.tab.waitFor(() => document.querySelector('[data-action="convert"]')?.getAttribute('data-target') === 'restore');
    await popup.click('convert');
    await page.waitSurface('data-qingdu-converted', null);
    expect(await page.text('#p1')).toContain('為了讓上班族也能安心讀書');
    expect(await page.tab.evaluate(() => document.querySelector('#feed p')?.textContent)).toBe(
      '颱風過後，市區交通逐漸恢復正常。',
    );
    expect(await page.text('#count')).toBe('2');
    await popup.close();
    await page.tab.close();
  });
});
