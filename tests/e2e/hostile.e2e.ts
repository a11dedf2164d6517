/**
 * A hostile page (issue 13): every attack of the security review at once, served by the fixture
 * server (tests/e2e/hostile-site.ts). Nothing of it may get through, and the page keeps its own
 * content, inputs and scripts.
 */
import { unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { expect, it } from 'vitest';
import { MAX_ARTICLES_PER_SECTION } from '../../lib/collect/limits';
import { validateEpub } from '../../lib/export/validate-epub';
import { BEACON_PREFIX, HOSTILE_DIR, HOSTILE_FRONT, STOLEN_PREFIX } from './hostile-site';
import { ContentPage, PopupPage } from './pages';
import { forEachBrowser } from './setup';

forEachBrowser('hostile page', (ctx) => {
  it('synthetic keys, a clobbered name, a pre-created stylesheet and page CSS change nothing; the page keeps its own', async () => {
    const { browser, server } = ctx();
    const page = await ContentPage.open(browser, server.url(HOSTILE_FRONT));
    await page.tab.waitFor(() => (window as any).__syntheticDone === true, undefined, 15_000);
    // 60 synthetic shortcut presses reached the page's own handler and did nothing of ours.
    expect(Number(await page.text('#key-log'))).toBeGreaterThanOrEqual(60);
    const s = await page.surface();
    expect(s.converted).toBeNull();
    expect(await page.tab.evaluate(() => document.documentElement.hasAttribute('data-qingdu-spam-shown'))).toBe(false);
    expect(await page.tab.evaluate(() => document.querySelector('qingdu-reader'))).toBeNull();

    // The wall is hidden although the page pre-created #qingdu-spam-style and fights with !important.
    await page.tab.waitFor(() => document.querySelector('.sitemap-links')?.hasAttribute('data-qingdu-hidden'));
    expect(await page.isVisible('.sitemap-links')).toBe(false);
    // The page's own name is left as it made it.
    expect(await page.tab.evaluate(() => (window as any).__qingdu?.tagName)).toBe('A');

    const own = await page.tab.evaluate(() => document.getElementById('page-own')!.innerHTML);
    await page.tab.evaluate(() => {
      (document.getElementById('q') as HTMLInputElement).value = '人民日报 社论';
    });

    // Conversion and the reader still work through the clobbered name.
    const popup = await PopupPage.open(browser, page);
    await popup.click('convert');
    // The default Traditional follows the browser's language: Taiwan in these en-US browsers.
    await page.waitSurface('data-qingdu-converted', 'tw');
    expect(await page.text('#page-own')).toContain('人民日報');
    const form = await page.tab.evaluate(() => ({
      q: (document.getElementById('q') as HTMLInputElement).value,
      options: [...document.querySelectorAll('#paper option')].map((o) => o.textContent),
      submitted: new FormData(document.getElementById('page-form') as HTMLFormElement).get('paper'),
      note: (document.getElementById('note') as HTMLTextAreaElement).value,
    }));
    expect(form).toEqual({ q: '人民日报 社论', options: ['人民日报', '光明日报'], submitted: '人民日报', note: '读者留言' });
    await popup.tab.waitFor(() => document.querySelector('[data-action="convert"]')?.getAttribute('data-target') === 'restore');
    await popup.click('convert');
    await page.waitSurface('data-qingdu-converted', null);
    expect(await page.tab.evaluate(() => document.getElementById('page-own')!.innerHTML)).toBe(own);

    await popup.click('reader');
    await page.tab.waitFor(
      () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-action]'),
      undefined,
      20_000,
    );
    await page.tab.bringToFront();
    await page.tab.press('Escape');
    await page.tab.waitFor(() => !document.querySelector('qingdu-reader'));
    // The spam stays hidden after all of it.
    expect(await page.isVisible('.sitemap-links')).toBe(false);
    await popup.close();
    await page.tab.close();
  });

  it('reading the issue stays bounded (20,000 links, huge, endless, redirected pages); nothing reaches another origin; exports carry no beacon or breaker', async () => {
    const { browser, server } = ctx();
    const page = await ContentPage.open(browser, server.url(HOSTILE_FRONT));
    const before = server.hostRequests.length;
    const popup = await PopupPage.open(browser, page);
    await popup.click('read-issue');
    await page.tab.bringToFront();
    await page.tab.waitFor(
      () => {
        const b = document
          .querySelector('qingdu-reader')
          ?.shadowRoot?.querySelector('[data-action="export-markdown"]') as HTMLButtonElement | null;
        return (
          !!b && !b.disabled && !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-finished="true"]')
        );
      },
      undefined,
      120_000,
    );
    const requests = server.hostRequests.slice(before);
    const host = new URL(server.origin).host;
    // Nothing was sent to the other origin (localhost), neither the redirect target nor a beacon.
    expect(requests.filter((r) => !r.startsWith(`${host} `))).toEqual([]);
    expect(requests.filter((r) => r.includes(STOLEN_PREFIX))).toEqual([]);
    // The 20,000-link section cost at most the per-section cap of requests.
    const longList = requests.filter((r) => /content_1\d{4}\.htm/.test(r));
    expect(longList.length).toBeGreaterThan(0);
    expect(longList.length).toBeLessThanOrEqual(MAX_ARTICLES_PER_SECTION);
    // Each article page was requested once.
    const articles = requests.filter((r) => r.includes(`${HOSTILE_DIR}content_`));
    expect(new Set(articles).size).toBe(articles.length);

    // The failed pages are listed as failed, the good article is shown.
    const failed = await page.tab.evaluate(() =>
      [...document.querySelector('qingdu-reader')!.shadowRoot!.querySelectorAll('[data-failed]')].map((e) =>
        (e.getAttribute('data-failed') ?? '').replace(/[?#].*$/, '').replace(/^.*\//, ''),
      ),
    );
    for (const name of ['content_2.htm', 'content_3.htm', 'content_4.htm']) expect(failed).toContain(name);
    expect((await page.reader()).titles).toContain('信标与断行符的一篇报道');

    // EPUB first, then Markdown (as collection.e2e does): the browsers' download folders see one new file at a time.
    const epub = await page.tab.download(() => page.clickInReader('[data-action="export-epub"]'));
    const bytes = new Uint8Array(epub.bytes);
    const { DOMParser } = new JSDOM('').window;
    expect(validateEpub(bytes, new DOMParser())).toEqual([]);
    const files = unzipSync(bytes);
    const xhtml = Object.entries(files)
      .filter(([name]) => name.endsWith('.xhtml'))
      .map(([, data]) => new TextDecoder().decode(data))
      .join('\n');
    expect(xhtml).not.toMatch(/<(video|audio|source|track)\b/);
    expect(xhtml).not.toContain(BEACON_PREFIX);
    expect(xhtml).not.toMatch(/\b(poster|srcset)=/);
    // The video is replaced by a link to its page.
    expect(xhtml).toContain('视频：请在原网页观看');
    const md = (await page.tab.download(() => page.clickInReader('[data-action="export-markdown"]'))).bytes.toString('utf8');
    expect(md).toContain('信标与断行符的一篇报道');
    expect(md).not.toContain('data:');
    expect(md).not.toContain(BEACON_PREFIX);
    expect(md).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    const lines = md.split('\n');
    for (const breaker of ['~~~', '---', '===', '# 假标题']) expect(lines).not.toContain(breaker);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).toContain('未收录的文章');
    expect(md).toContain('content_3.htm');

    // Still nothing sent to the other origin by the exports.
    expect(server.hostRequests.slice(before).filter((r) => !r.startsWith(`${host} `))).toEqual([]);

    await page.tab.press('Escape');
    await popup.close();
    await page.tab.close();
  });
});
