/**
 * `npm run demo`: serves the bundled sample issue (tests/fixtures/demo-issue) on localhost and
 * opens Chromium with the built extension at its front page. With a display it stays open
 * until Ctrl-C; without one (or with --headless) it drives the extension like a reader would,
 * saves screenshots into demo-output/ and prints what the extension did on each page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../tests/corpus';
import { canRun, launch } from '../tests/e2e/browsers';
import { ContentPage } from '../tests/e2e/pages';
import { startFixtureServer } from '../tests/e2e/server';

const FRONT = '/qxrb/html/2025-06/18/node_1.htm';
const TOUR = [
  { path: FRONT, name: 'front-section' },
  { path: '/qxrb/html/2025-06/18/content_101.htm', name: 'article-simplified' },
  { path: '/qxrb/html/2025-06/18/content_104.htm', name: 'article-traditional-spam' },
];

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const outDir = join(repoRoot, 'demo-output');

if (!canRun('chromium')) process.exit(1);
const server = await startFixtureServer(Number(process.env.PORT) || 0);
console.log(`Sample issue served at ${server.url(FRONT)}`);

if (!headless) {
  const browser = await launch('chromium', { headless: false });
  await browser.newTab(server.url(FRONT));
  console.log('Chromium is open with Qingdu loaded. Press Ctrl-C to stop.');
  const stop = async () => {
    await browser.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  mkdirSync(outDir, { recursive: true });
  const browser = await launch('chromium');
  const shots: string[] = [];
  const shot = async (tab: { screenshot(p: string, f?: boolean): Promise<void> }, name: string) => {
    const file = join(outDir, `${name}.png`);
    await tab.screenshot(file);
    shots.push(file);
  };
  try {
    for (const stop of TOUR) {
      const page = await ContentPage.open(browser, server.url(stop.path));
      await page.tab.setViewport(1100, 900);
      const s = await page.surface();
      console.log(
        `\n${stop.path}\n  e-paper system: ${s.epaper ?? '(not an e-paper page)'}\n  script shown: ${s.script}\n  spam items hidden: ${s.spam}`,
      );
      await shot(page.tab, `${stop.name}-page`);
      const tabId = await browser.tabIdFor(page.tab.url());
      const popup = await browser.openPopup(tabId);
      await popup.setViewport(420, 760);
      await popup.waitFor(() => !!document.querySelector('[data-action="convert"]'));
      const sections = await popup.evaluate(() => document.querySelectorAll('nav[data-list="sections"] a').length);
      const titles = await popup.evaluate(() => document.querySelectorAll('nav[data-list="titles"] a').length);
      console.log(`  popup: ${sections} sections, ${titles} articles in this section`);
      await shot(popup, `${stop.name}-popup`);
      if (stop.name.startsWith('article')) {
        await popup.click('[data-action="reader"]');
        await page.tab.bringToFront();
        await page.tab.waitFor(() => !!document.querySelector('qingdu-reader')?.shadowRoot?.querySelector('article h1'));
        const r = await page.reader();
        console.log(`  reader: "${r.titles[0]}" (${r.text.length} characters)`);
        await shot(page.tab, `${stop.name}-reader`);
        await page.tab.press('Escape');
      }
      if (stop.name === 'article-traditional-spam') {
        await popup.click('[data-action="convert"]');
        await page.waitSurface('data-qingdu-converted', 'hans');
        console.log('  converted to Simplified with one click');
        await shot(page.tab, `${stop.name}-converted`);
      }
      await popup.close();
      await page.tab.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`\nScreenshots saved in ${outDir}:\n${shots.map((s) => `  ${s}`).join('\n')}`);
}
