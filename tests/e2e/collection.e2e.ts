/** Reading a whole issue in one view, and taking it away as EPUB and Markdown. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { expect, it } from 'vitest';
import { validateEpub } from '../../lib/export/validate-epub';
import { fixturesDir } from '../corpus';
import { ContentPage, PopupPage } from './pages';
import { forEachBrowser } from './setup';

const dayDir = join(fixturesDir, 'issue/fxrb/html/2024-03/15');

/** The expected reading order, read from the fixture files themselves: sections in order, each
 * section's title list in order, an article listed twice kept at its first place. */
function expectedIssue() {
  const order: string[] = [];
  for (let n = 1; n <= 4; n++) {
    const html = readFileSync(join(dayDir, `node_${n}.htm`), 'utf8');
    for (const m of html.matchAll(/href=["']?(content_\d+)\.htm/g)) if (!order.includes(m[1])) order.push(m[1]);
  }
  const titles = new Map<string, string>();
  for (const id of order) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dayDir, `${id}.htm`));
    } catch {
      continue; // listed but missing: the 404
    }
    const head = bytes.subarray(0, 1024).toString('latin1');
    const html = new TextDecoder(/charset=["']?gbk/i.test(head) ? 'gbk' : 'utf-8').decode(bytes);
    titles.set(id, /class="?font01"?[^>]*>([^<]+)</.exec(html)![1].trim());
  }
  return { order, titles, missing: order.filter((id) => !titles.has(id)) };
}

forEachBrowser('whole-issue reading', (ctx) => {
  it('the reader offers "read this section", which shows the section’s articles in order', async () => {
    const { browser, server } = ctx();
    const page = await ContentPage.open(browser, server.url('/fxrb/html/2024-03/15/content_104.htm'));
    const popup = await PopupPage.open(browser, page);
    await popup.click('reader');
    await page.tab.bringToFront();
    await page.tab.waitFor(
      () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-action="read-section"]'),
      undefined,
      20_000,
    );
    await page.clickInReader('[data-action="read-section"]');
    await page.tab.waitFor(
      () => {
        const b = document
          .querySelector('qingdu-reader')
          ?.shadowRoot?.querySelector('[data-action="export-epub"]') as HTMLButtonElement | null;
        return (
          !!b && !b.disabled && !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-finished="true"]')
        );
      },
      undefined,
      30_000,
    );
    const { titles } = expectedIssue();
    const section2 = readFileSync(join(dayDir, 'node_2.htm'), 'utf8');
    const ids = [...section2.matchAll(/href=["']?(content_\d+)\.htm/g)]
      .map((m) => m[1])
      .filter((id, i, all) => all.indexOf(id) === i);
    expect((await page.reader()).titles).toEqual(ids.map((id) => titles.get(id)));
    await page.tab.press('Escape');
    await popup.close();
    await page.tab.close();
  });

  it('reads every article once, in issue order, lists the 404, and exports a valid EPUB and Markdown', async () => {
    const { browser, server } = ctx();
    const { order, titles, missing } = expectedIssue();
    expect(order.length).toBeGreaterThanOrEqual(10);
    expect(missing.length).toBe(1);

    const page = await ContentPage.open(browser, server.url('/fxrb/html/2024-03/15/node_1.htm'));
    const requestsBefore = server.requests.length;
    const popup = await PopupPage.open(browser, page);
    // Nothing is fetched until the reader asks.
    expect(server.requests.slice(requestsBefore).filter((r) => r.includes('/content_'))).toEqual([]);
    await popup.click('read-issue');
    await page.tab.bringToFront();
    await page.tab.waitFor(
      () => {
        const bar = document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('progress');
        const exportButton = document
          .querySelector('qingdu-reader')
          ?.shadowRoot?.querySelector('[data-action="export-epub"]') as HTMLButtonElement | null;
        return (
          !!bar &&
          !!exportButton &&
          !exportButton.disabled &&
          !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-finished="true"]')
        );
      },
      undefined,
      60_000,
    );
    const r = await page.reader();
    expect(r.titles).toEqual(order.filter((id) => titles.has(id)).map((id) => titles.get(id)));
    const failed = await page.tab.evaluate(() =>
      [...document.querySelector('qingdu-reader')!.shadowRoot!.querySelectorAll('[data-failed]')].map((e) =>
        e.getAttribute('data-failed')?.replace(/[?#].*$/, ''),
      ),
    );
    expect(failed).toEqual([server.url(`/fxrb/html/2024-03/15/${missing[0]}.htm`)]);
    // Every article page was fetched once, from this site only.
    const fetched = server.requests.slice(requestsBefore).filter((r) => r.includes('/content_'));
    expect(new Set(fetched).size).toBe(fetched.length);

    const epub = await page.tab.download(() => page.clickInReader('[data-action="export-epub"]'));
    expect(epub.name).toMatch(/\.epub$/);
    const bytes = new Uint8Array(epub.bytes);
    const { DOMParser } = new JSDOM('').window;
    expect(validateEpub(bytes, new DOMParser())).toEqual([]);
    const files = unzipSync(bytes);
    const chapters = Object.keys(files)
      .filter((f) => /ch-\d+\.xhtml$/.test(f))
      .sort();
    expect(chapters.length).toBe(titles.size);
    const chapterTitles = chapters.map((f) => {
      const doc = new DOMParser().parseFromString(new TextDecoder().decode(files[f]), 'application/xhtml+xml');
      return doc.querySelector('h1')?.textContent?.trim();
    });
    expect(chapterTitles).toEqual(r.titles);

    const md = await page.tab.download(() => page.clickInReader('[data-action="export-markdown"]'));
    expect(md.name).toMatch(/\.md$/);
    const text = md.bytes.toString('utf8');
    let at = -1;
    for (const title of r.titles) {
      const next = text.indexOf(title, at + 1);
      expect(next, title).toBeGreaterThan(at);
      at = next;
    }
    await page.tab.press('Escape');
    await popup.close();
    await page.tab.close();
  });
});
