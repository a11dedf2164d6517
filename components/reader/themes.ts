/**
 * The reader's and the section view's colours, in one place: every theme's tokens, the CSS that
 * sets them as custom properties, and the text/background pairs the views draw (a unit test
 * checks each pair's contrast in each theme).
 */
export type ThemeName = 'light' | 'sepia' | 'dark';

export interface ThemeTokens {
  /** Page background. */
  bg: string;
  /** Body text. */
  fg: string;
  /** Secondary text: kicker, meta line, captions, progress. */
  muted: string;
  /** Links, section labels, focus rings. */
  accent: string;
  /** Borders (not text). */
  rule: string;
  /** Button and select background. */
  control: string;
  /** Error text (failed pages, export errors). */
  error: string;
}

export const THEME_TOKENS: Record<ThemeName, ThemeTokens> = {
  light: {
    bg: '#fdfdfb',
    fg: '#1f1f1f',
    muted: '#5f5f5f',
    accent: '#a61b1b',
    rule: '#dddddd',
    control: '#f0f0ec',
    error: '#a8401a',
  },
  sepia: {
    bg: '#f4ecd8',
    fg: '#3b2f21',
    muted: '#65553f',
    accent: '#8a3b12',
    rule: '#dccfb4',
    control: '#eadfc6',
    error: '#9a3412',
  },
  dark: {
    bg: '#1b1c1e',
    fg: '#d9d6cf',
    muted: '#a39f97',
    accent: '#e0896f',
    rule: '#3a3b3e',
    control: '#2a2b2e',
    error: '#f0a070',
  },
};

/** Which token colours text drawn on which background token, anywhere in the two views. */
export const TEXT_ON_BACKGROUND: readonly [text: keyof ThemeTokens, background: keyof ThemeTokens][] = [
  ['fg', 'bg'],
  ['muted', 'bg'],
  ['accent', 'bg'],
  ['error', 'bg'],
  ['fg', 'control'],
  ['muted', 'control'],
  ['accent', 'control'],
];

function declarations(tokens: ThemeTokens): string {
  return Object.entries(tokens)
    .map(([name, value]) => `--qd-${name}: ${value};`)
    .join(' ');
}

/**
 * The theme rules for `selector` (an element carrying `data-theme`): light by default, sepia,
 * dark, and `auto` following the system's colour scheme.
 */
export function themeCss(selector: string): string {
  return [
    `${selector} { ${declarations(THEME_TOKENS.light)} }`,
    `${selector}[data-theme="sepia"] { ${declarations(THEME_TOKENS.sepia)} }`,
    `${selector}[data-theme="dark"] { ${declarations(THEME_TOKENS.dark)} }`,
    `@media (prefers-color-scheme: dark) { ${selector}[data-theme="auto"] { ${declarations(THEME_TOKENS.dark)} } }`,
  ].join('\n');
}
