/** Bad input: GBK pages, 50,000-node pages that keep changing, hijacked titles, scripts that throw. */
import { expect, it } from 'vitest';
import { requireCorpus } from '../corpus';
import { ContentPage } from './pages';
import { forEachBrowser } from './setup';

forEachBrowser('robustness', (ctx) => {
  it('a GBK-encoded e-paper page is read: issue detected, script known', async () => {
    const { browser, server } = ctx();
    const page = await ContentPage.open(browser, server.url('/fixtures/epaper/founder-classic-gbk/source.html'));
    const s = await page.surface();
    expect(s.epaper).not.toBeNull();
    expect(s.script).toBe('hans');
    await page.tab.close();
  });

  it('a 50,000-node page that rewrites itself stays responsive, its wall is hidden, its scripts keep running', async () => {
    const { browser, server } = ctx();
    const page = await ContentPage.open(browser, server.url('/generated/huge.htm'));
    expect(
      await page.tab.evaluate(() => document.getElementsByTagName('*').length + document.querySelectorAll('p *').length),
    ).toBeGreaterThan(30_000);
    await page.tab.waitFor(() => document.querySelector('.sitemap-links')?.hasAttribute('data-qingdu-hidden'), undefined, 20_000);
    // The page's own timer kept running to its end, and the tab answers.
    await page.tab.waitFor(() => document.getElementById('ticker')?.textContent === '60', undefined, 20_000);
    expect(await page.tab.evaluate(() => 1 + 1)).toBe(2);
    await page.tab.close();
  });

  if (requireCorpus()) {
    it('a page whose title was hijacked gets a warning banner instead of hidden content', async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(
        browser,
        server.url('/corpus/spam/real-weigui-hijacked-page-title-entity-traditional-pinyin.html'),
      );
      await page.tab.waitFor(() => !!document.querySelector('qingdu-banner')?.shadowRoot?.querySelector('[role="alert"]'));
      await page.tab.close();
    });
  }
});
