/**
 * Accessibility: axe-core (default rules + WCAG 2.0/2.1 A and AA) over the popup, the options
 * page, the reader in every theme and the section view, in both browsers, failing on any
 * violation; text size and reflow of the extension pages; and the keyboard: the reader and the
 * section view are modal (Tab never leaves them, the page behind is inert, Esc returns focus).
 */
import { afterEach, expect, it } from 'vitest';
import { requireCorpus } from '../corpus';
import { type AxeReport, describeViolations, runAxe } from './axe';
import type { ExtensionBrowser } from './browsers';
import { ContentPage, layoutOf, OptionsPage, PopupPage, ReaderKeyboard } from './pages';
import { SEED_PATH } from './server';
import { forEachBrowser } from './setup';

/** A fixture issue's article page (Simplified), with section and title lists. */
const ARTICLE = '/fxrb/html/2024-03/15/content_104.htm';
/** An ordinary page: no e-paper markup. */
const ORDINARY = '/fixtures/e2e/live-hant.html';

/** Tabs a test opened, closed after it even when it fails (a tab left open would answer the next test's tab lookup). */
const openTabs: { close(): Promise<void> }[] = [];
function closeTabsAfterEach() {
  afterEach(async () => {
    for (const tab of openTabs.splice(0).reverse()) await tab.close().catch(() => {});
  });
}
async function track<T extends { tab: { close(): Promise<void> } }>(opened: Promise<T>): Promise<T> {
  const value = await opened;
  openTabs.push(value.tab);
  return value;
}

function expectClean(report: AxeReport, where: string) {
  expect(describeViolations(report.violations), where).toBe('');
  // Guard against an axe run that looked at nothing.
  expect(report.passedRules, where).toBeGreaterThan(5);
}

async function openReader(browser: ExtensionBrowser, page: ContentPage): Promise<PopupPage> {
  const popup = await track(PopupPage.open(browser, page));
  await popup.click('reader');
  await page.tab.bringToFront();
  await page.tab.waitFor(
    () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article h1'),
    undefined,
    20_000,
  );
  return popup;
}

async function setTheme(page: ContentPage, theme: string): Promise<void> {
  await page.tab.evaluate((t) => {
    const select = document
      .querySelector('qingdu-reader')!
      .shadowRoot!.querySelector('[data-action="theme"]') as HTMLSelectElement;
    select.value = t;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, theme);
  await page.tab.waitFor(
    (t) => document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-theme]')?.getAttribute('data-theme') === t,
    theme,
  );
}

async function openSectionView(page: ContentPage): Promise<void> {
  await page.clickInReader('[data-action="read-section"]');
  await page.tab.waitFor(
    () => {
      const b = document
        .querySelector('qingdu-reader')
        ?.shadowRoot?.querySelector('[data-action="export-epub"]') as HTMLButtonElement | null;
      return !!b && !b.disabled && !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-finished="true"]');
    },
    undefined,
    30_000,
  );
}

/** The reader's background colour and its `--qd-muted` token, as rendered. */
function readerColours(page: ContentPage) {
  return page.tab.evaluate(() => {
    const el = document.querySelector('qingdu-reader')!.shadowRoot!.querySelector('[data-theme]') as HTMLElement;
    return { bg: getComputedStyle(el).backgroundColor, muted: getComputedStyle(el).getPropertyValue('--qd-muted').trim() };
  });
}

forEachBrowser('accessibility: axe on every surface', (ctx) => {
  closeTabsAfterEach();
  it('popup on an e-paper page: no violations; page text carries its script as lang; 14px; fits 320px', async () => {
    const { browser, server } = ctx();
    const page = await track(ContentPage.open(browser, server.url(ARTICLE)));
    const popup = await track(PopupPage.open(browser, page));
    await popup.tab.waitFor(() => document.querySelectorAll('nav[data-list="sections"] a').length > 0);
    expectClean(await runAxe(popup.tab), 'popup (e-paper)');

    const langs = await popup.tab.evaluate(() => ({
      ui: document.documentElement.lang,
      paper: document.querySelector('h1')?.getAttribute('lang'),
      sections: [...document.querySelectorAll('nav[data-list="sections"] a')].map((a) => a.getAttribute('lang')),
      titles: [...document.querySelectorAll('nav[data-list="titles"] a')].map((a) => a.getAttribute('lang')),
    }));
    expect(langs.ui).toMatch(/^en/);
    expect(langs.paper).toBe('zh-Hans');
    expect(new Set(langs.sections)).toEqual(new Set(['zh-Hans']));
    expect(langs.titles.length).toBeGreaterThan(0);
    expect(langs.titles.every((l) => l?.startsWith('zh'))).toBe(true);

    await popup.tab.setViewport(320, 700);
    const layout = await layoutOf(popup.tab);
    expect(layout.bodyFontPx).toBe(14);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewportWidth);
    expect(layout.cut).toEqual([]);
    expectClean(await runAxe(popup.tab), 'popup at 320px');
    await popup.close();
    await page.tab.close();
  });

  it('popup on an ordinary page: no violations, and a heading one', async () => {
    const { browser, server } = ctx();
    const page = await track(ContentPage.open(browser, server.url(ORDINARY)));
    const popup = await track(PopupPage.open(browser, page));
    await popup.tab.waitFor(() => !!document.querySelector('[data-note="no-issue"]'));
    expect(await popup.tab.evaluate(() => document.querySelectorAll('h1').length)).toBe(1);
    expectClean(await runAxe(popup.tab), 'popup (ordinary page)');
    await popup.close();
    await page.tab.close();
  });

  it('options: no violations with a site rule listed; 14px; the rules table fits a 640px window (200 % zoom)', async () => {
    const { browser } = ctx();
    const options = await track(OptionsPage.open(browser));
    await options.addRule('epaper.example.com');
    expectClean(await runAxe(options.tab), 'options');
    await options.tab.setViewport(640, 800);
    const layout = await layoutOf(options.tab);
    expect(layout.bodyFontPx).toBe(14);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewportWidth);
    expect(layout.cut).toEqual([]);
    // Leave no rule behind for the other tests.
    await options.tab.click('[data-action="remove-rule"]');
    await options.tab.waitFor(() => !document.querySelector('[data-rule-host]'));
    await options.tab.close();
  });

  it('reader in the light, sepia and dark themes: no violations inside its shadow root', async () => {
    const { browser, server } = ctx();
    const page = await track(ContentPage.open(browser, server.url(ARTICLE)));
    const popup = await openReader(browser, page);
    for (const theme of ['light', 'sepia', 'dark']) {
      await setTheme(page, theme);
      const report = await runAxe(page.tab, ['qingdu-reader']);
      expectClean(report, `reader (${theme})`);
      expect(report.passedInShadow, theme).toBeGreaterThan(5);
      if (theme === 'light') {
        // The check can fail: a low-contrast line (pale grey on the light page) put inside the shadow root is caught.
        await page.tab.evaluate(() => {
          const p = document.createElement('p');
          p.id = 'a11y-canary';
          p.style.color = '#c8c8c8';
          p.textContent = 'canary 金丝雀';
          document.querySelector('qingdu-reader')!.shadowRoot!.querySelector('article')!.prepend(p);
        });
        const canary = await runAxe(page.tab, ['qingdu-reader']);
        expect(canary.violations.find((v) => v.id === 'color-contrast')?.nodes.join('')).toContain('a11y-canary');
        await page.tab.evaluate(() =>
          document.querySelector('qingdu-reader')!.shadowRoot!.getElementById('a11y-canary')!.remove(),
        );
      }
    }
    // The names that used to miss their visible text, and previous/next named with titles.
    const names = await page.tab.evaluate(() => {
      const root = document.querySelector('qingdu-reader')!.shadowRoot!;
      const label = (s: string) => root.querySelector(s)?.getAttribute('aria-label') ?? '';
      return {
        smaller: label('[data-action="font-smaller"]'),
        font: label('[data-action="font"]'),
        fontText: root.querySelector('[data-action="font"]')?.textContent ?? '',
        toolbarRole: root.querySelector('[role="toolbar"]') !== null,
        pager: [...root.querySelectorAll('.qd-pager a')].map((a) => a.textContent?.trim() ?? ''),
      };
    });
    expect(names.smaller.startsWith('A−')).toBe(true);
    expect(names.font).toContain(names.fontText);
    expect(names.toolbarRole).toBe(false);
    for (const link of names.pager) expect(link).toMatch(/:\s*\S/);
    await setTheme(page, 'auto');
    await page.tab.press('Escape');
    await popup.close();
    await page.tab.close();
  });

  if (requireCorpus()) {
    it('the seed page (Traditional, from the corpus): popup, and the reader in sepia, have no violations', async () => {
      const { browser, server } = ctx();
      const page = await track(ContentPage.open(browser, server.url(SEED_PATH)));
      const popup = await track(PopupPage.open(browser, page));
      await popup.tab.waitFor(() => document.querySelectorAll('nav[data-list="sections"] a').length > 0);
      expectClean(await runAxe(popup.tab), 'popup (seed)');
      expect(await popup.tab.evaluate(() => document.querySelector('h1')?.getAttribute('lang'))).toBe('zh-Hant');
      await popup.click('reader');
      await page.tab.bringToFront();
      await page.tab.waitFor(
        () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article h1'),
        undefined,
        20_000,
      );
      await setTheme(page, 'sepia');
      expectClean(await runAxe(page.tab, ['qingdu-reader']), 'reader (seed, sepia)');
      await setTheme(page, 'auto');
      await page.tab.press('Escape');
    });
  }

  it('section view in the light, sepia and dark themes: no violations', async () => {
    const { browser, server } = ctx();
    const page = await track(ContentPage.open(browser, server.url(ARTICLE)));
    const popup = await openReader(browser, page);
    await openSectionView(page);
    for (const theme of ['light', 'sepia', 'dark']) {
      // The view's theme comes from the reader's preference; each theme is set on it directly here.
      await page.tab.evaluate((t) => {
        const root = document.querySelector('qingdu-reader')!.shadowRoot!;
        root.querySelector('.collection-shell')!.setAttribute('data-theme', t);
      }, theme);
      const report = await runAxe(page.tab, ['qingdu-reader']);
      expectClean(report, `section view (${theme})`);
      expect(report.passedInShadow, theme).toBeGreaterThan(5);
    }
    const dialog = await page.tab.evaluate(() => {
      const d = document.querySelector('qingdu-reader')!.shadowRoot!.querySelector('[role="dialog"]')!;
      return { modal: d.getAttribute('aria-modal'), label: d.getAttribute('aria-labelledby') };
    });
    expect(dialog).toEqual({ modal: 'true', label: 'qd-collection-title' });
    await page.tab.press('Escape');
    await popup.close();
    await page.tab.close();
  });
});

forEachBrowser(
  'accessibility: the system dark scheme',
  (ctx) => {
    closeTabsAfterEach();
    it('popup, options and the reader in theme "auto" are dark and have no violations', async () => {
      const { browser, server } = ctx();
      const page = await track(ContentPage.open(browser, server.url(ARTICLE)));
      const popup = await track(PopupPage.open(browser, page));
      await popup.tab.waitFor(() => document.querySelectorAll('nav[data-list="sections"] a').length > 0);
      expect(await popup.tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      expectClean(await runAxe(popup.tab), 'popup (dark scheme)');

      const options = await track(OptionsPage.open(browser));
      expectClean(await runAxe(options.tab), 'options (dark scheme)');
      await options.tab.close();

      await popup.click('reader');
      await page.tab.bringToFront();
      await page.tab.waitFor(
        () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article h1'),
        undefined,
        20_000,
      );
      await setTheme(page, 'auto');
      const colours = await readerColours(page);
      const [r, g, b] = colours.bg.match(/\d+/g)!.map(Number);
      expect(r + g + b).toBeLessThan(200);
      expectClean(await runAxe(page.tab, ['qingdu-reader']), 'reader (auto, dark scheme)');
      await openSectionView(page);
      expectClean(await runAxe(page.tab, ['qingdu-reader']), 'section view (auto, dark scheme)');
      await page.tab.press('Escape');
      await popup.close();
      await page.tab.close();
    });
  },
  { colorScheme: 'dark' },
);

forEachBrowser('keyboard: the reader and the section view are modal', (ctx) => {
  closeTabsAfterEach();
  it('the reader: focus moves in, Tab and Shift+Tab wrap inside, the page is inert, Esc returns focus', async () => {
    const { browser, server } = ctx();
    const page = await track(ContentPage.open(browser, server.url(ARTICLE)));
    await page.tab.bringToFront();
    const start = await page.tab.evaluate(() => {
      const link = document.querySelector('a[href]') as HTMLAnchorElement;
      link.focus();
      return link.getAttribute('href');
    });
    await page.tab.press('Alt+Shift+Y');
    await page.tab.waitFor(
      () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article h1'),
      undefined,
      20_000,
    );
    const keys = new ReaderKeyboard(page);
    expect((await keys.focus()).inReader).toBe(true);
    expect(await keys.pageIsInert()).toBe(true);

    const stops = await keys.stopCount();
    expect(stops).toBeGreaterThan(8);
    const forward = await keys.press('Tab', stops + 2);
    expect(forward.filter((f) => !f.inReader)).toEqual([]);
    // It wrapped: the first stop came round again.
    expect(forward[stops].what).toBe(forward[0].what);
    const backward = await keys.press('Shift+Tab', stops + 2);
    expect(backward.filter((f) => !f.inReader)).toEqual([]);
    expect(new Set(backward.map((f) => f.what)).size).toBe(stops);

    await page.tab.press('Escape');
    await page.tab.waitFor(() => !document.querySelector('qingdu-reader'));
    expect(await page.tab.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'))).toBe(start);
    expect(await page.tab.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0);
    await page.tab.close();
  });

  it('the section view: focus moves in, Tab wraps inside, contents links focus their article without touching the page URL', async () => {
    const { browser, server } = ctx();
    const page = await track(ContentPage.open(browser, server.url(ARTICLE)));
    await page.tab.bringToFront();
    const start = await page.tab.evaluate(() => {
      const link = document.querySelector('a[href]') as HTMLAnchorElement;
      link.focus();
      return link.getAttribute('href');
    });
    await page.tab.press('Alt+Shift+Y');
    await page.tab.waitFor(
      () => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[data-action="read-section"]'),
      undefined,
      20_000,
    );
    await openSectionView(page);
    const keys = new ReaderKeyboard(page);
    const focus = await keys.focus();
    expect(focus.inReader).toBe(true);
    expect(focus.what).toMatch(/^div/); // the dialog itself, which carries the label
    expect(await keys.pageIsInert()).toBe(true);

    const stops = await keys.stopCount();
    expect(stops).toBeGreaterThan(3);
    const forward = await keys.press('Tab', stops + 2);
    expect(forward.filter((f) => !f.inReader)).toEqual([]);
    expect(forward[stops].what).toBe(forward[0].what);
    const backward = await keys.press('Shift+Tab', 3);
    expect(backward.filter((f) => !f.inReader)).toEqual([]);

    // A contents link, by keyboard: its article is focused and in view; the page's URL is untouched.
    const urlBefore = await page.tab.evaluate(() => location.href);
    const target = await page.tab.evaluate(() => {
      const links = document
        .querySelector('qingdu-reader')!
        .shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav[data-list="toc"] a');
      const last = links[links.length - 1];
      last.focus();
      return last.getAttribute('href')!.slice(1);
    });
    await page.tab.press('Enter');
    await page.tab.waitFor((id) => document.querySelector('qingdu-reader')?.shadowRoot?.activeElement?.id === id, target);
    const placed = await page.tab.evaluate((id) => {
      const el = document.querySelector('qingdu-reader')!.shadowRoot!.getElementById(id)!;
      const r = el.getBoundingClientRect();
      return { top: r.top, height: innerHeight, tag: el.tagName };
    }, target);
    expect(placed.tag).toBe('ARTICLE');
    expect(placed.top).toBeGreaterThanOrEqual(0);
    expect(placed.top).toBeLessThan(placed.height / 2);
    expect(await page.tab.evaluate(() => location.href)).toBe(urlBefore);
    // Tab goes on from the article, still inside.
    expect((await keys.press('Tab', 2)).every((f) => f.inReader)).toBe(true);

    await page.tab.press('Escape');
    await page.tab.waitFor(() => !document.querySelector('qingdu-reader'));
    expect(await page.tab.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'))).toBe(start);
    await page.tab.close();
  });

  it('the popup: the main actions and "Read this section" come within a few Tabs; list focus rings are not cut', async () => {
    const { browser, server } = ctx();
    const page = await track(ContentPage.open(browser, server.url(ARTICLE)));
    const popup = await track(PopupPage.open(browser, page));
    await popup.tab.waitFor(() => !!document.querySelector('[data-action="read-section"]'));
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await popup.tab.press('Tab');
      seen.push(await popup.tab.evaluate(() => document.activeElement?.getAttribute('data-action') ?? ''));
    }
    expect(seen.slice(0, 4)).toEqual(['reader', 'convert', 'spam', 'read-section']);
    // On to the first section link: its focus ring is drawn inside the scrolling list, not cut by it.
    for (let i = 0; i < 15; i++) {
      if (await popup.tab.evaluate(() => !!document.activeElement?.closest('nav[data-list="sections"]'))) break;
      await popup.tab.press('Tab');
    }
    const ring = await popup.tab.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      const list = a.closest('ul')!;
      const style = getComputedStyle(a);
      const width = Number.parseFloat(style.outlineWidth);
      const offset = Number.parseFloat(style.outlineOffset);
      const r = a.getBoundingClientRect();
      const box = list.getBoundingClientRect();
      // The ring's outer edge, against the list's inner (clipping) edge.
      const grow = width + offset;
      return {
        inSections: !!a.closest('nav[data-list="sections"]'),
        style: style.outlineStyle,
        inside:
          r.left - grow >= box.left + list.clientLeft - 0.5 &&
          r.right + grow <= box.left + list.clientLeft + list.clientWidth + 0.5,
      };
    });
    expect(ring).toEqual({ inSections: true, style: 'solid', inside: true });
    await popup.close();
    await page.tab.close();
  });
});
