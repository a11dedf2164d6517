/**
 * Launchers for the built extension in Debian's Chromium (playwright-core) and Firefox ESR
 * (puppeteer-core over WebDriver BiDi), behind one small driver interface so every e2e test
 * runs unchanged in both. Browsers are found at the Debian paths or CHROME_PATH/FIREFOX_PATH;
 * without one the suite is skipped with a printed notice, except under CI=true.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../corpus';

export type BrowserName = 'chromium' | 'firefox';

export const FIREFOX_ADDON_ID = 'qingdu@qingdu.example';
/** Pinned so tests can open moz-extension://UUID/popup.html. */
export const FIREFOX_UUID = '7c0e2c1a-5b7d-4f3e-9a51-0d1e2f3a4b5c';

/** Debian's Chromium as root on a closed network (see DESIGN.md); shared by the e2e tests, the demo, the evaluation and the benchmarks. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function browserPath(name: BrowserName): string | null {
  const candidates =
    name === 'chromium'
      ? [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
      : [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export function extensionDir(name: BrowserName): string {
  return join(repoRoot, '.output', name === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');
}

/** Whether a browser suite can run; prints a notice or throws under CI when it cannot. */
export function canRun(name: BrowserName): boolean {
  const path = browserPath(name);
  const built = existsSync(join(extensionDir(name), 'manifest.json'));
  if (path && built) return true;
  const why = !path
    ? `${name} not found (set ${name === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH'})`
    : `extension not built at ${extensionDir(name)} (run the build first)`;
  if (process.env.CI === 'true') throw new Error(`e2e: ${why}; required under CI=true`);
  console.warn(`NOTICE: e2e ${name} tests skipped: ${why}.`);
  return false;
}

/** One browser tab, driven the same way in both browsers. */
export interface Tab {
  goto(url: string): Promise<void>;
  url(): string;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until fn(arg) returns a truthy value in the page. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  click(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Runs `trigger` and returns the file the browser downloaded because of it. */
  download(trigger: () => Promise<void>): Promise<{ name: string; bytes: Buffer }>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  newTab(url?: string): Promise<Tab>;
  /** moz-extension:// or chrome-extension:// URL of a file of the extension. */
  extensionUrl(path: string): string;
  /** The tab id the extension sees for the tab currently showing `url`. */
  tabIdFor(url: string): Promise<number>;
  /** Opens the popup as a tab acting on `tabId`, the way the test surface defines. */
  openPopup(tabId: number): Promise<Tab>;
  /** The toolbar badge text the extension set for a tab. */
  badgeText(tabId: number): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  locale?: string; // e.g. 'zh-TW'
  headless?: boolean;
  /** The system colour scheme pages see (prefers-color-scheme); the browser's default otherwise. */
  colorScheme?: 'light' | 'dark';
}

export async function launch(name: BrowserName, opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}

async function launchChromium(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const { chromium } = await import('playwright-core');
  const ext = extensionDir('chromium');
  const profile = mkdtempSync(join(tmpdir(), 'qingdu-chromium-'));
  const locale = opts.locale ?? 'en-US';
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath('chromium')!,
    headless: opts.headless ?? true,
    locale,
    acceptDownloads: true,
    ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}),
    args: [...CHROMIUM_FLAGS, `--lang=${locale}`, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
    env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
  });
  let [worker] = ctx.serviceWorkers();
  if (!worker) worker = await ctx.waitForEvent('serviceworker', { timeout: 15_000 });
  const extId = new URL(worker.url()).host;

  const wrap = (page: import('playwright-core').Page): Tab => ({
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as any, arg) as any,
    async waitFor(fn, arg, timeoutMs = 10_000) {
      await page.waitForFunction(fn as any, arg, { timeout: timeoutMs });
    },
    click: (selector) => page.click(selector),
    press: (key) => page.keyboard.press(key),
    async type(selector, text) {
      await page.fill(selector, text);
    },
    bringToFront: () => page.bringToFront(),
    async screenshot(path, fullPage = false) {
      await page.screenshot({ path, fullPage });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    async download(trigger) {
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), trigger()]);
      return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
    },
    close: () => page.close(),
  });

  const browser: ExtensionBrowser = {
    name: 'chromium',
    async newTab(url) {
      const page = await ctx.newPage();
      const tab = wrap(page);
      if (url) await tab.goto(url);
      return tab;
    },
    extensionUrl: (path) => `chrome-extension://${extId}/${path.replace(/^\//, '')}`,
    async tabIdFor(url) {
      const id = await worker.evaluate(async (u: string) => {
        const tabs: { id?: number; url?: string }[] = await (globalThis as any).chrome.tabs.query({});
        return tabs.find((t) => t.url === u)?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async openPopup(tabId) {
      return browser.newTab(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    },
    badgeText: (tabId) => worker.evaluate((id: number) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }), tabId),
    async close() {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return browser;
}

async function launchFirefox(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const puppeteer = (await import('puppeteer-core')).default;
  const locale = opts.locale ?? 'en-US';
  const downloadDir = mkdtempSync(join(tmpdir(), 'qingdu-ff-downloads-'));
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox')!,
    headless: opts.headless ?? true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      'intl.accept_languages': locale,
      'intl.locale.requested': locale,
      'browser.aboutwelcome.enabled': false,
      // prefers-color-scheme for content (0 dark, 1 light), only when a test asks for one.
      ...(opts.colorScheme
        ? {
            'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
            'ui.systemUsesDarkTheme': opts.colorScheme === 'dark' ? 1 : 0,
          }
        : {}),
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/epub+zip,text/markdown,application/json,application/octet-stream',
    },
  });
  await ff.installExtension(extensionDir('firefox'));
  const base = `moz-extension://${FIREFOX_UUID}/`;

  const wrap = (page: import('puppeteer-core').Page): Tab => ({
    async goto(url) {
      if (url.startsWith('moz-extension:')) {
        // BiDi does not report load events for moz-extension pages: navigate, then poll.
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
        await page.waitForFunction(
          (u: string) => location.href === u && document.readyState === 'complete',
          { timeout: 10_000 },
          url,
        );
        return;
      }
      await page.goto(url, { waitUntil: 'load' });
    },
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as any, arg) as any,
    async waitFor(fn, arg, timeoutMs = 10_000) {
      await page.waitForFunction(fn as any, { timeout: timeoutMs, polling: 50 }, arg);
    },
    click: (selector) => page.click(selector),
    async press(key) {
      // Puppeteer presses one key at a time: hold the modifiers of a combo like Alt+Shift+C.
      const parts = key.split('+');
      const main = parts.pop()!;
      for (const m of parts) await page.keyboard.down(m as any);
      await page.keyboard.press((main.length === 1 ? `Key${main.toUpperCase()}` : main) as any);
      for (const m of parts.reverse()) await page.keyboard.up(m as any);
    },
    async type(selector, text) {
      await page.$eval(selector, (el) => {
        (el as HTMLInputElement).value = '';
      });
      await page.type(selector, text);
    },
    bringToFront: () => page.bringToFront(),
    async screenshot(path, fullPage = false) {
      await page.screenshot({ path: path as `${string}.png`, fullPage });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    async download(trigger) {
      const before = new Set(readdirSync(downloadDir));
      await trigger();
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const done = readdirSync(downloadDir).filter((f) => !before.has(f) && !f.endsWith('.part'));
        const partial = readdirSync(downloadDir).some((f) => f.endsWith('.part'));
        if (done.length && !partial) return { name: done[0], bytes: readFileSync(join(downloadDir, done[0])) };
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('no download arrived');
    },
    close: () => page.close(),
  });

  let helper: import('puppeteer-core').Page | null = null;
  const browser: ExtensionBrowser = {
    name: 'firefox',
    async newTab(url) {
      const page = await ff.newPage();
      const tab = wrap(page);
      if (url) await tab.goto(url);
      return tab;
    },
    extensionUrl: (path) => base + path.replace(/^\//, ''),
    async tabIdFor(url) {
      // An extension page can ask the tabs API (host permissions make tab URLs visible).
      if (!helper) {
        helper = await ff.newPage();
        await wrap(helper).goto(`${base}popup.html?tabId=-1`);
      }
      const id = await helper.evaluate(async (u: string) => {
        const tabs = await (globalThis as any).browser.tabs.query({});
        return (tabs as { id: number; url: string }[]).find((t) => t.url === u)?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async openPopup(tabId) {
      return browser.newTab(browser.extensionUrl(`popup.html?tabId=${tabId}`));
    },
    async badgeText(tabId) {
      await browser.tabIdFor('about:blank').catch(() => {}); // opens the helper extension page
      return helper!.evaluate((id: number) => (globalThis as any).browser.browserAction.getBadgeText({ tabId: id }), tabId);
    },
    async close() {
      await ff.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
  return browser;
}
