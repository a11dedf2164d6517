/**
 * Every text colour against every background it is drawn on, in every theme: WCAG 2 contrast
 * computed from the theme tokens themselves (the reader's and section view's in
 * components/reader/themes.ts, the popup's and options' in entrypoints/popup/style.css).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readerCss } from '../../../components/reader/reader.css';
import { TEXT_ON_BACKGROUND, THEME_TOKENS, type ThemeName, themeCss } from '../../../components/reader/themes';
import { repoRoot } from '../../corpus';

/** Relative luminance of `#rgb` / `#rrggbb` (WCAG 2.x). */
function luminance(hex: string): number {
  let h = hex.replace('#', '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  expect(h, hex).toMatch(/^[0-9a-f]{6}$/i);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const AA = 4.5;

describe('contrast arithmetic', () => {
  it('matches known ratios', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#777', '#fff')).toBeCloseTo(4.48, 2);
    // The sepia meta line the issue measured: below AA, so the check can fail.
    expect(contrast('#7a6a55', '#f4ecd8')).toBeLessThan(AA);
  });
});

describe('reader and section view themes', () => {
  const themes = Object.keys(THEME_TOKENS) as ThemeName[];

  it('has the three themes, each with every token', () => {
    expect(themes.sort()).toEqual(['dark', 'light', 'sepia']);
  });

  for (const theme of themes) {
    for (const [text, background] of TEXT_ON_BACKGROUND) {
      it(`${theme}: ${text} on ${background} is at least 4.5:1`, () => {
        const tokens = THEME_TOKENS[theme];
        expect(contrast(tokens[text], tokens[background])).toBeGreaterThanOrEqual(AA);
      });
    }
  }

  it('the system dark scheme (theme auto) uses the dark tokens', () => {
    const css = themeCss('.x');
    const auto = /@media \(prefers-color-scheme: dark\) \{ \.x\[data-theme="auto"\] \{ ([^}]*) \}/.exec(css);
    expect(auto?.[1]).toContain(`--qd-bg: ${THEME_TOKENS.dark.bg};`);
    expect(auto?.[1]).toContain(`--qd-muted: ${THEME_TOKENS.dark.muted};`);
  });

  it('the stylesheets set no text colour of their own outside the tokens (print aside)', () => {
    const collection = readFileSync(join(repoRoot, 'components/collection/collection.css'), 'utf8');
    const screenCss = `${readerCss.split('@media print')[0]}\n${collection.split('@media print')[0]}`;
    const literalColours = [...screenCss.matchAll(/(?<![-\w])color:\s*(#[0-9a-f]{3,6}|rgb[^;]*)/gi)].map((m) => m[1]);
    expect(literalColours).toEqual([]);
  });
});

describe('popup and options colour schemes', () => {
  const css = readFileSync(join(repoRoot, 'entrypoints/popup/style.css'), 'utf8');
  const vars = (block: string) =>
    Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{3,6})/gi)].map((m) => [m[1], m[2]]));
  const light = vars(/:root\s*\{([^}]*)\}/.exec(css)![1]);
  const dark = { ...light, ...vars(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)![1]) };

  for (const [name, scheme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    for (const text of ['fg', 'muted', 'accent', 'error']) {
      for (const background of ['bg', 'btn']) {
        it(`${name}: --${text} on --${background} is at least 4.5:1`, () => {
          expect(scheme[text], text).toBeDefined();
          expect(contrast(scheme[text], scheme[background])).toBeGreaterThanOrEqual(AA);
        });
      }
    }
  }

  it('uses no literal text colour outside the tokens', () => {
    const options = readFileSync(join(repoRoot, 'entrypoints/options/style.css'), 'utf8');
    expect([...`${css}\n${options}`.matchAll(/(?<![-\w])color:\s*#/g)]).toEqual([]);
  });
});
