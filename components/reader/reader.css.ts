/**
 * The reader's stylesheet as a string, for the shadow root (nothing leaks in or out).
 * Themes set colour variables (themes.ts); `auto` follows prefers-color-scheme; print hides controls.
 */
import { themeCss } from './themes';

export const readerCss = `
:host { all: initial; }
${themeCss('.qd-reader')}
.qd-reader {
  position: fixed; inset: 0; z-index: 2147483646; overflow: auto; box-sizing: border-box;
  background: var(--qd-bg); color: var(--qd-fg);
  font-family: var(--qd-font); font-size: var(--qd-font-size, 19px); line-height: var(--qd-line-height, 1.9);
  -webkit-text-size-adjust: 100%; text-align: start; outline: none;
}
.qd-reader *, .qd-reader *::before, .qd-reader *::after { box-sizing: border-box; }
.qd-toolbar {
  position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 4px; justify-content: flex-end;
  margin: 0; min-width: 0; border: 0; padding: 6px 12px; background: var(--qd-bg); border-bottom: 1px solid var(--qd-rule);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
}
.qd-toolbar button, .qd-toolbar select, .qd-empty button {
  min-width: 2.4em; min-height: 2.2em; padding: 2px 8px; border: 1px solid var(--qd-rule); border-radius: 6px;
  background: var(--qd-control); color: var(--qd-fg); font: inherit; cursor: pointer;
}
.qd-toolbar button:disabled { opacity: .4; cursor: default; }
.qd-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.qd-toolbar button:focus-visible, .qd-toolbar select:focus-visible, .qd-reader a:focus-visible, .qd-empty button:focus-visible {
  outline: 2px solid var(--qd-accent); outline-offset: 2px;
}
.qd-reader article, .qd-pager, .qd-sections { max-width: var(--qd-width, 36em); margin: 0 auto; padding: 0 1.2em; }
.qd-reader article { padding-top: 2em; padding-bottom: 2em; }
.qd-titles { text-align: center; margin-bottom: 1.6em; }
.qd-kicker, .qd-subtitle { margin: .3em 0; color: var(--qd-muted); font-size: .95em; line-height: 1.5; }
.qd-titles h1 { margin: .2em 0; font-size: 1.6em; line-height: 1.35; font-weight: 700; color: var(--qd-fg); }
.qd-meta { margin: .8em 0 0; color: var(--qd-muted); font-size: .8em; line-height: 1.5; }
.qd-body p { margin: 0 0 .9em; text-indent: 2em; text-align: justify; }
.qd-body h2, .qd-body h3, .qd-body h4 { font-size: 1.1em; margin: 1.4em 0 .6em; }
.qd-reader figure { margin: 1.2em 0; text-align: center; }
.qd-reader img { max-width: 100%; height: auto; }
.qd-reader figcaption { margin-top: .4em; color: var(--qd-muted); font-size: .85em; line-height: 1.5; text-indent: 0; }
.qd-reader a { color: var(--qd-accent); }
.qd-body table { border-collapse: collapse; margin: 1em 0; font-size: .9em; }
.qd-body td, .qd-body th { border: 1px solid var(--qd-rule); padding: .2em .5em; }
.qd-body blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--qd-rule); color: var(--qd-muted); }
.qd-source { margin-top: 2em; font-size: .8em; text-indent: 0; }
.qd-pager { display: flex; justify-content: space-between; gap: 1em; padding-bottom: 1em; font-size: .85em; }
.qd-pager a { text-decoration: none; }
.qd-pager-label { color: var(--qd-muted); }
.qd-sections { padding-bottom: 3em; font-size: .8em; }
.qd-sections ul { list-style: none; margin: 0; padding: .8em 0 0; border-top: 1px solid var(--qd-rule); display: flex; flex-wrap: wrap; gap: .3em 1em; }
.qd-sections a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--qd-fg); }
.qd-empty { display: flex; align-items: center; justify-content: center; }
.qd-empty-box { text-align: center; padding: 2em; font-family: system-ui, sans-serif; font-size: 16px; }
@media print {
  .qd-reader { position: static; overflow: visible; background: #fff; color: #000; --qd-bg: #fff; --qd-fg: #000; --qd-muted: #333; --qd-accent: #000; }
  .qd-toolbar, .qd-pager, .qd-sections, .qd-empty button { display: none !important; }
  .qd-reader article { max-width: none; padding: 0; }
  .qd-reader figure, .qd-reader img { break-inside: avoid; }
  .qd-reader a { color: inherit; text-decoration: none; }
}
`;
