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

/** Where keyboard focus is: in the reader's shadow root (and on what), or elsewhere on the page. */
export interface ReaderFocus {
  /** Focus is on an element inside the <qingdu-reader> shadow root. */
  inReader: boolean;
  /** A short description of the focused element (tag, data-action or id, text). */
  what: string;
}

export class ReaderKeyboard {
  constructor(readonly page: ContentPage) {}

  focus(): Promise<ReaderFocus> {
    return this.page.tab.evaluate(() => {
      const host = document.querySelector('qingdu-reader');
      const inner = host?.shadowRoot?.activeElement as HTMLElement | null | undefined;
      const el = (document.activeElement === host && inner ? inner : document.activeElement) as HTMLElement | null;
      const what = el
        ? `${el.tagName.toLowerCase()}${el.getAttribute('data-action') ? `[${el.getAttribute('data-action')}]` : ''}${el.id ? `#${el.id}` : ''} ${(el.getAttribute('href') ?? el.textContent ?? '').trim().slice(-40)}`
        : 'none';
      return { inReader: !!host && document.activeElement === host && !!inner, what };
    });
  }

  /** Presses `key` `times` times and returns where focus was after each press. */
  async press(key: string, times: number): Promise<ReaderFocus[]> {
    const seen: ReaderFocus[] = [];
    for (let i = 0; i < times; i++) {
      await this.page.tab.press(key);
      seen.push(await this.focus());
    }
    return seen;
  }

  /** How many elements in the reader's dialog a keyboard user can Tab to (visible, enabled, tabindex ≥ 0). */
  stopCount(): Promise<number> {
    return this.page.tab.evaluate(() => {
      const dialog = document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('[role="dialog"]');
      if (!dialog) return 0;
      const candidates = dialog.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]');
      return [...candidates].filter(
        (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
      ).length;
    });
  }

  /** Whether everything on the page beside the reader is inert (out of focus and the accessibility tree). */
  pageIsInert(): Promise<boolean> {
    return this.page.tab.evaluate(() =>
      [...document.body.children]
        .filter((el) => el.tagName !== 'QINGDU-READER' && !['SCRIPT', 'STYLE', 'LINK', 'NOSCRIPT'].includes(el.tagName))
        .every((el) => !!el.closest('[inert]')),
    );
  }
}

/** The options page, opened as a tab. */
export class OptionsPage {
  constructor(readonly tab: Tab) {}

  static async open(browser: ExtensionBrowser): Promise<OptionsPage> {
    const tab = await browser.newTab(browser.extensionUrl('options.html'));
    await tab.waitFor(() => !!document.querySelector('[data-field="new-host"]'));
    return new OptionsPage(tab);
  }

  async addRule(host: string): Promise<void> {
    await this.tab.type('[data-field="new-host"]', host);
    await this.tab.click('[data-action="add-rule"]');
    await this.tab.waitFor((h) => !!document.querySelector(`[data-rule-host="${h}"]`), host);
  }
}

/** Layout facts of an extension page, for text size and reflow checks. */
export function layoutOf(tab: Tab): Promise<{ bodyFontPx: number; scrollWidth: number; viewportWidth: number; cut: string[] }> {
  return tab.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const cut = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < -0.5 || r.right > vw + 0.5;
      })
      .map((el) => el.getAttribute('data-action') ?? el.getAttribute('data-field') ?? el.tagName);
    return {
      bodyFontPx: Number.parseFloat(getComputedStyle(document.body).fontSize),
      scrollWidth: document.documentElement.scrollWidth,
      viewportWidth: vw,
      cut,
    };
  });
}
