/**
 * Runs a suite once per browser that is available. A missing browser prints a notice and
 * registers nothing (under CI=true it fails instead).
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { type BrowserName, canRun, type ExtensionBrowser, type LaunchOptions, launch } from './browsers';
import { type FixtureServer, startFixtureServer } from './server';

export interface E2EContext {
  browser: ExtensionBrowser;
  server: FixtureServer;
}

export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export function forEachBrowser(
  title: string,
  body: (ctx: () => E2EContext, name: BrowserName) => void,
  opts: LaunchOptions = {},
): void {
  for (const name of BROWSERS) {
    if (!canRun(name)) continue;
    describe(`${title} [${name}]`, () => {
      let ctx: E2EContext | undefined;
      beforeAll(async () => {
        const server = await startFixtureServer();
        const browser = await launch(name, opts);
        ctx = { browser, server };
      });
      afterAll(async () => {
        await ctx?.browser.close().catch(() => {});
        await ctx?.server.close();
      });
      body(() => {
        if (!ctx) throw new Error('browser did not launch');
        return ctx;
      }, name);
    });
  }
}
