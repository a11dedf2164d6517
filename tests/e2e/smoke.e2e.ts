import { expect, it } from 'vitest';
import { ContentPage, PopupPage } from './pages';
import { SEED_PATH } from './server';
import { forEachBrowser } from './setup';

forEachBrowser('smoke', (ctx) => {
  it('the content script is ready on a corpus page and the popup opens for its tab', async () => {
    const { browser, server } = ctx();
    const page = await ContentPage.open(browser, server.url(SEED_PATH));
    const state = await page.surface();
    expect(state.ready).toBe('ready');
    expect(state.spam).toMatch(/^\d+$/);
    expect(['hans', 'hant', 'mixed', 'none']).toContain(state.script);
    const popup = await PopupPage.open(browser, page);
    expect(await popup.label('convert')).toBeTruthy();
    await popup.close();
    await page.tab.close();
  });

  it('a non-e-paper page is ready, not marked as e-paper, and the popup says why there is no issue', async () => {
    const { browser, server } = ctx();
    const page = await ContentPage.open(browser, server.url('/tyxw/c/2021-11/25/content_183736.htm'));
    expect((await page.surface()).epaper).toBeNull();
    const popup = await PopupPage.open(browser, page);
    await popup.tab.waitFor(() => !!document.querySelector('[data-note="no-issue"]'));
    expect(await popup.label('convert')).toBeTruthy();
    expect(await popup.label('spam')).toBeTruthy();
    await popup.close();
    await page.tab.close();
  });
});
