/**
 * Every e-paper family in both browsers, driven by the fixture pages' expected.json: for one
 * section page and one article page per system (and every GBK, generic and charset-lying page), the page is detected as
 * its system, the popup lists the sections exactly with the current one marked and the
 * section's titles, 上一期 moves the tab to the previous issue, and on article pages the reader
 * shows the title block (引题 / 标题 / 副题) and the body.
 */
import { expect, it } from 'vitest';
import { type EpaperPage, epaperPages, expectedOf, metaCharset, type Observation } from '../epaper-pages';
import type { ExtensionBrowser } from './browsers';
import { ContentPage, PopupPage } from './pages';
import { forEachBrowser } from './setup';

interface Case {
  page: EpaperPage;
  exp: Observation;
}

function chosenCases(): Case[] {
  const all = epaperPages()
    .map((page) => ({ page, exp: expectedOf(page) }))
    .filter((c): c is Case => !!c.exp?.system);
  const seen = new Set<string>();
  return all.filter(({ page, exp }) => {
    const key = `${exp.system}/${exp.kind}`;
    // Every GBK page, every page whose <meta> lies about its charset, every generic page.
    const special = page.slug.includes('gbk') || page.charset !== metaCharset(page.bytes) || exp.system === 'generic';
    if (special || !seen.has(key)) {
      seen.add(key);
      return true;
    }
    return false;
  });
}

/** A fixture URL as the local server serves it (same path and query, the server's origin). */
function served(origin: string, url: string): string {
  const u = new URL(url);
  return origin + u.pathname + u.search;
}

async function readerFromPopup(browser: ExtensionBrowser, page: ContentPage): Promise<void> {
  const popup = await PopupPage.open(browser, page);
  await popup.click('reader');
  await page.tab.bringToFront();
  await page.tab.waitFor(
    () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article h1'),
    undefined,
    20_000,
  );
  await popup.close().catch(() => {});
}

const cases = chosenCases();

forEachBrowser('e-paper families', (ctx) => {
  it('covers every system that has fixtures', () => {
    expect(new Set(cases.map((c) => c.exp.system)).size).toBeGreaterThanOrEqual(10);
  });

  for (const { page: fixture, exp } of cases) {
    it(`${fixture.slug}: detected; popup lists sections (current marked) and titles; 上一期 moves`, async () => {
      const { browser, server } = ctx();
      const page = await ContentPage.open(browser, served(server.origin, fixture.url));
      expect((await page.surface()).epaper).toBe(exp.system);
      const popup = await PopupPage.open(browser, page);
      await popup.tab.waitFor(() => document.querySelectorAll('nav[data-list="sections"] a').length > 0);
      const sections = await popup.list('sections');
      expect(sections.map((s) => s.text)).toEqual(exp.sections);
      expect(sections.filter((s) => s.current).map((s) => s.text)).toEqual(exp.currentSection ? [exp.currentSection] : []);
      const titles = await popup.list('titles');
      expect(titles.map((t) => t.text)).toEqual(exp.articles);
      for (const link of [...sections, ...titles]) expect(new URL(link.href).origin).toBe(server.origin);
      if (exp.prevIssue) {
        await popup.tab.waitFor(() => !!document.querySelector('[data-action="prev-issue"]:not([disabled])'));
        await popup.click('prev-issue');
        await page.tab.waitFor((u) => location.href === u, served(server.origin, exp.prevIssue), 15_000);
      }
      await popup.close().catch(() => {});
      await page.tab.close();
    });

    if (exp.kind === 'article' && exp.article) {
      const article = exp.article;
      it(`${fixture.slug}: the reader shows the title block and the body`, async () => {
        const { browser, server } = ctx();
        const page = await ContentPage.open(browser, served(server.origin, fixture.url));
        await readerFromPopup(browser, page);
        const shown = await page.tab.evaluate(() => {
          const root = document.querySelector('qingdu-reader')!.shadowRoot!;
          const text = (s: string) => root.querySelector(`article ${s}`)?.textContent?.trim() ?? '';
          return { kicker: text('.qd-kicker'), title: text('h1'), subtitle: text('.qd-subtitle') };
        });
        expect(shown).toEqual({ kicker: article.kicker, title: article.title, subtitle: article.subtitle });
        const r = await page.reader();
        expect(r.body).toContain(article.firstSentence);
        expect(r.body).toContain(article.lastSentence);
        await page.tab.close();
      });
    }
  }
});
