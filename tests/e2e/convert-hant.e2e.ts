/**
 * 简→繁 through the lazily injected opencc-hant.js bundle (dictionaries compiled at build time):
 * phrase-level results as opencc-js gives them, in the standard and the Taiwan-phrasing variant,
 * and an exact restore.
 */
import { expect, it } from 'vitest';
import type { ExtensionBrowser } from './browsers';
import { ContentPage, PopupPage } from './pages';
import { forEachBrowser } from './setup';

const PAGE = '/fixtures/e2e/page-hans.html';

async function setVariant(browser: ExtensionBrowser, variant: string): Promise<void> {
  const options = await browser.newTab(browser.extensionUrl('options.html'));
  await options.waitFor(() => !!document.querySelector('[data-field="hantVariant"]'));
  await options.evaluate((v) => {
    const select = document.querySelector('[data-field="hantVariant"]') as HTMLSelectElement;
    select.value = v;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, variant);
  await options.waitFor((v) => (document.querySelector('[data-field="hantVariant"]') as HTMLSelectElement).value === v, variant);
  await options.close();
}

async function convertAndRestore(browser: ExtensionBrowser, url: string, target: string, expected: Record<string, string>) {
  const page = await ContentPage.open(browser, url);
  expect((await page.surface()).script).toBe('hans');
  const before = await page.tab.evaluate(() => ({ body: document.body.innerHTML, title: document.title }));
  const popup = await PopupPage.open(browser, page);
  await popup.click('convert');
  await page.waitSurface('data-qingdu-converted', target, 30_000);
  expect((await page.surface()).script).toBe('hant');
  for (const [selector, text] of Object.entries(expected)) expect(await page.text(selector)).toBe(text);
  expect(await page.tab.evaluate(() => document.title)).toBe(expected['#headline']);
  // The reader's own text in the input is not converted.
  expect(await page.tab.evaluate(() => (document.querySelector('#comment') as HTMLInputElement).value)).toBe(
    '读者自己写的简体字',
  );

  await popup.tab.waitFor(() => document.querySelector('[data-action="convert"]')?.getAttribute('data-target') === 'restore');
  await popup.click('convert');
  await page.waitSurface('data-qingdu-converted', null);
  expect(await page.tab.evaluate(() => ({ body: document.body.innerHTML, title: document.title }))).toEqual(before);
  await popup.close();
  await page.tab.close();
}

forEachBrowser('简→繁 conversion with the compiled dictionaries', (ctx) => {
  it('converts a Simplified page to standard Traditional by phrase, and restores it exactly', async () => {
    const { browser, server } = ctx();
    // The default follows the browser's language (Taiwan here): choose OpenCC's standard forms.
    await setVariant(browser, 'hant');
    await convertAndRestore(browser, server.url(PAGE), 'hant', {
      '#headline': '晨報：城西圖書館開放夜間閱覽',
      '#p1': '他去理髮店剪了頭髮，後來發現皇后也在那裏。',
      '#p2': '這個軟件的發展歷程：幹部們在面對複雜局面時不干涉，乾隆年間的故事。',
    });
  });

  it('with Taiwanese phrasing chosen in the options, converts 软件 to 軟體 and 那里 to 那裡', async () => {
    const { browser, server } = ctx();
    await setVariant(browser, 'twp');
    try {
      await convertAndRestore(browser, server.url(PAGE), 'twp', {
        '#headline': '晨報：城西圖書館開放夜間閱覽',
        '#p1': '他去理髮店剪了頭髮，後來發現皇后也在那裡。',
        '#p2': '這個軟體的發展歷程：幹部們在面對複雜局面時不干涉，乾隆年間的故事。',
      });
    } finally {
      await setVariant(browser, 'hant');
    }
  });
});
