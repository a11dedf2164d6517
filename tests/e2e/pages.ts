/** Page objects: the page state published on <html>, the popup, and the reader. */
import type { ExtensionBrowser, Tab } from './browsers';

export interface SurfaceState {
  ready: string | null;
  epaper: string | null;
  script: string | null;
  converted: string | null;
  spam: string | null;
}

export class ContentPage {
  constructor(
    readonly tab: Tab,
    readonly url: string,
  ) {}

  static async open(browser: ExtensionBrowser, url: string): Promise<ContentPage> {
    const tab = await browser.newTab(url);
    const page = new ContentPage(tab, url);
    await page.waitReady();
    return page;
  }

  waitReady(): Promise<void> {
    return this.tab.waitFor(() => document.documentElement.getAttribute('data-qingdu') === 'ready');
  }

  surface(): Promise<SurfaceState> {
    return this.tab.evaluate(() => {
      const h = document.documentElement;
      return {
        ready: h.getAttribute('data-qingdu'),
        epaper: h.getAttribute('data-qingdu-epaper'),
        script: h.getAttribute('data-qingdu-script'),
        converted: h.getAttribute('data-qingdu-converted'),
        spam: h.getAttribute('data-qingdu-spam'),
      };
    });
  }

  /** Waits until an attribute of <html> has a value (or is absent, for null). */
  waitSurface(attr: string, value: string | null, timeoutMs = 15_000): Promise<void> {
    return this.tab.waitFor(
      ([a, v]) => document.documentElement.getAttribute(a as string) === v,
      [attr, value] as [string, string | null],
      timeoutMs,
    );
  }

  text(selector: string): Promise<string | null> {
    return this.tab.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  /** Visible = has a box and is not display:none through an ancestor. */
  isVisible(selector: string): Promise<boolean> {
    return this.tab.evaluate((s) => {
      const el = document.querySelector(s) as HTMLElement | null;
      return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    }, selector);
  }

  /** The reader's state, read through its open shadow root. */
  reader(): Promise<{ open: boolean; titles: string[]; articleCount: number; text: string; body: string; theme: string | null }> {
    return this.tab.evaluate(() => {
      const host = document.querySelector('qingdu-reader');
      const root = host?.shadowRoot;
      if (!host || !root) return { open: false, titles: [], articleCount: 0, text: '', body: '', theme: null };
      const articles = [...root.querySelectorAll('article')];
      return {
        open: true,
        titles: articles.map((a) => a.querySelector('h1')?.textContent?.trim() ?? ''),
        articleCount: articles.length,
        text: articles.map((a) => a.textContent ?? '').join('\n'),
        body: articles.map((a) => a.querySelector('.qd-body, .body')?.textContent ?? '').join('\n'),
        theme: root.querySelector('[data-theme]')?.getAttribute('data-theme') ?? null,
      };
    });
  }

  clickInReader(selector: string): Promise<void> {
    return this.tab.evaluate((s) => {
      const el = document.querySelector('qingdu-reader')?.shadowRoot?.querySelector(s) as HTMLElement | null;
      if (!el) throw new Error(`no ${s} in the reader`);
      el.click();
    }, selector);
  }
}

export class PopupPage {
  constructor(readonly tab: Tab) {}

  static async open(browser: ExtensionBrowser, page: ContentPage): Promise<PopupPage> {
    const tabId = await browser.tabIdFor(page.tab.url());
    const tab = await browser.openPopup(tabId);
    const popup = new PopupPage(tab);
    await tab.waitFor(() => !!document.querySelector('[data-action="convert"], .note'));
    return popup;
  }

  list(kind: 'sections' | 'titles'): Promise<{ text: string; href: string; current: boolean }[]> {
    return this.tab.evaluate(
      (k) =>
        [...document.querySelectorAll(`nav[data-list="${k}"] a`)].map((a) => ({
          text: a.textContent ?? '',
          href: (a as HTMLAnchorElement).href,
          current: a.getAttribute('aria-current') === 'page',
        })),
      kind,
    );
  }

  label(action: string): Promise<string | null> {
    return this.tab.evaluate((a) => document.querySelector(`[data-action="${a}"]`)?.textContent ?? null, action);
  }

  async click(action: string): Promise<void> {
    await this.tab.click(`[data-action="${action}"]`);
  }

  /** Clicks and waits until the popup has re-rendered with the content script's answer. */
  async act(action: string): Promise<void> {
    await this.click(action);
    await this.tab.waitFor(() => document.querySelector('main')?.getAttribute('aria-busy') !== 'true');
  }

  close(): Promise<void> {
    return this.tab.close();
  }
}
