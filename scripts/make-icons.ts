/**
 * Draws the toolbar/store icons (public/icon/*.png) from one SVG, rendered by Chromium with the
 * Noto CJK font so the 清 glyph is crisp at every size. Run once after changing the design:
 * `npx tsx scripts/make-icons.ts`. The PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../tests/corpus';
import { browserPath } from '../tests/e2e/browsers';

// A red seal-like rounded square with a white 清 and a thin "page" rule at the bottom;
// at 16 px the rule is dropped so the glyph keeps every pixel.
const svg = (size: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#9b2f1a"/>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="none" stroke="#6e1f10" stroke-width="4"/>
  <text x="64" y="${size <= 16 ? 104 : 96}" font-family="Noto Serif CJK SC, Noto Sans CJK SC" font-weight="900"
    font-size="${size <= 16 ? 112 : 96}" text-anchor="middle" fill="#fffaf0">清</text>
  ${size > 16 ? '<rect x="28" y="108" width="72" height="6" rx="3" fill="#f3c9a8"/>' : ''}
</svg>`;

const browser = await chromium.launch({ executablePath: browserPath('chromium')!, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  writeFileSync(join(repoRoot, 'public/icon', `${size}.png`), png);
}
writeFileSync(join(repoRoot, 'public/icon', 'icon.svg'), svg(128));
await browser.close();
console.log('icons written to public/icon/');
