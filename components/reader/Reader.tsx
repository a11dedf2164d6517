/** The reader overlay's presentational part: props in, callbacks out, no browser.* calls. */
import type { ComponentChildren } from 'preact';
import type { Article } from '../../lib/extract/types';
import { defaultReaderPrefs, type ReaderPrefs, type ReaderTheme } from '../../lib/settings/schema';
import { HtmlBlock } from '../HtmlBlock';
import { textLang } from '../text-lang';
import { fontStackFor } from './fonts';

export type { ReaderPrefs, ReaderTheme };

export interface NavLink {
  title: string;
  url: string;
}

export interface ReaderNav {
  prevArticle?: NavLink;
  nextArticle?: NavLink;
  sections?: { label: string; url: string; current: boolean }[];
}

export interface ReaderProps {
  article: Article | null;
  nav?: ReaderNav;
  prefs: ReaderPrefs;
  onPrefsChange: (prefs: ReaderPrefs) => void;
  onClose: () => void;
  onPrint: () => void;
  t: (key: string, subs?: string[]) => string;
  /** The UI's language (of `t`'s strings); page text carries its own `lang`. */
  uiLang?: string;
  /** The page's own `lang`, for page text whose script does not say more. */
  pageLang?: string;
  /** Extra toolbar actions (e.g. export buttons). */
  children?: ComponentChildren;
}

/** The reader's defaults are the settings' defaults (lib/settings). */
export const DEFAULT_PREFS: ReaderPrefs = defaultReaderPrefs;
export const FONT_SIZE_RANGE = { min: 12, max: 36, step: 1 } as const;
export const LINE_HEIGHTS = [1.6, 1.8, 1.9, 2.1, 2.4] as const;
export const WIDTHS = [28, 32, 36, 42, 50] as const;
export const THEMES: readonly ReaderTheme[] = ['auto', 'light', 'sepia', 'dark'];

/** The next value of a cycle, starting from the one nearest the current value. */
function nextInCycle(values: readonly number[], current: number): number {
  let nearest = 0;
  values.forEach((v, i) => {
    if (Math.abs(v - current) < Math.abs(values[nearest] - current)) nearest = i;
  });
  return values[(nearest + 1) % values.length];
}

const clampFont = (n: number) => Math.min(FONT_SIZE_RANGE.max, Math.max(FONT_SIZE_RANGE.min, n));

/** A keydown handler the host attaches where it likes: Esc closes the reader. */
export function readerKeyHandler(onClose: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
}

export const READER_TITLE_ID = 'qingdu-reader-title';

function Toolbar({ prefs, onPrefsChange, onClose, onPrint, t, children }: Omit<ReaderProps, 'article' | 'nav'>) {
  const set = (patch: Partial<ReaderPrefs>) => onPrefsChange({ ...prefs, ...patch });
  const fontName = t(prefs.font === 'serif' ? 'readerFontSerif' : 'readerFontSans');
  // A labelled group, not a toolbar: its controls are reached with Tab, not arrow keys.
  // Names start with the visible text (A−, A+, Serif) so speech input can say what is shown.
  return (
    <fieldset class="qd-toolbar">
      <legend class="qd-sr-only">{t('readerToolbar')}</legend>
      <button
        type="button"
        data-action="font-smaller"
        title={t('readerFontSmaller')}
        aria-label={`A− ${t('readerFontSmaller')}`}
        disabled={prefs.fontSize <= FONT_SIZE_RANGE.min}
        onClick={() => set({ fontSize: clampFont(prefs.fontSize - FONT_SIZE_RANGE.step) })}
      >
        A−
      </button>
      <button
        type="button"
        data-action="font-larger"
        title={t('readerFontLarger')}
        aria-label={`A+ ${t('readerFontLarger')}`}
        disabled={prefs.fontSize >= FONT_SIZE_RANGE.max}
        onClick={() => set({ fontSize: clampFont(prefs.fontSize + FONT_SIZE_RANGE.step) })}
      >
        A+
      </button>
      <button
        type="button"
        data-action="line-height"
        title={t('readerLineHeight')}
        aria-label={t('readerLineHeight')}
        onClick={() => set({ lineHeight: nextInCycle(LINE_HEIGHTS, prefs.lineHeight) })}
      >
        ☰
      </button>
      <button
        type="button"
        data-action="width"
        title={t('readerWidth')}
        aria-label={t('readerWidth')}
        onClick={() => set({ width: nextInCycle(WIDTHS, prefs.width) })}
      >
        ↔
      </button>
      <select
        data-action="theme"
        title={t('readerTheme')}
        aria-label={t('readerTheme')}
        value={prefs.theme}
        onChange={(e) => set({ theme: (e.currentTarget as HTMLSelectElement).value as ReaderTheme })}
      >
        {THEMES.map((theme) => (
          <option key={theme} value={theme} selected={theme === prefs.theme}>
            {t(`readerTheme_${theme}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-action="font"
        title={t('readerFont')}
        aria-label={`${fontName} · ${t('readerFont')}`}
        onClick={() => set({ font: prefs.font === 'serif' ? 'sans' : 'serif' })}
      >
        {fontName}
      </button>
      {children}
      <button type="button" data-action="print" title={t('readerPrint')} aria-label={t('readerPrint')} onClick={onPrint}>
        {t('readerPrint')}
      </button>
      <button type="button" data-action="close" title={t('readerClose')} aria-label={t('readerClose')} onClick={onClose}>
        ✕
      </button>
    </fieldset>
  );
}

/** "Previous: <title>", or just "Previous" when the title is unknown (never a name ending in a colon). */
function PagerText({ label, title, pageLang }: { label: string; title: string; pageLang?: string }) {
  if (!title) return <span class="qd-pager-label">{label.replace(/\s*[:：]\s*$/, '')}</span>;
  return (
    <>
      <span class="qd-pager-label">{label}</span> <span lang={textLang(title, pageLang)}>{title}</span>
    </>
  );
}

function Navigation({ nav, t, pageLang }: { nav: ReaderNav; t: ReaderProps['t']; pageLang?: string }) {
  const { prevArticle, nextArticle, sections } = nav;
  return (
    <>
      {(prevArticle || nextArticle) && (
        <nav class="qd-pager" aria-label={t('readerArticleNav')}>
          {prevArticle && (
            <a data-action="prev-article" rel="prev" href={prevArticle.url}>
              <PagerText label={t('readerPrevArticle')} title={prevArticle.title} pageLang={pageLang} />
            </a>
          )}
          {nextArticle && (
            <a data-action="next-article" rel="next" href={nextArticle.url}>
              <PagerText label={t('readerNextArticle')} title={nextArticle.title} pageLang={pageLang} />
            </a>
          )}
        </nav>
      )}
      {sections && sections.length > 0 && (
        <nav class="qd-sections" data-list="sections" aria-label={t('readerSections')}>
          <ul>
            {sections.map((s) => (
              <li key={s.url}>
                <a href={s.url} lang={textLang(s.label, pageLang)} aria-current={s.current ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}

/** Images the body does not already show (the extractor puts most in `contentHtml`). */
function extraFigures(article: Article) {
  return article.images.filter((img) => !article.contentHtml.includes(img.src.replace(/&/g, '&amp;')));
}

export function Reader(props: ReaderProps) {
  const { article, nav, prefs, onClose, t, uiLang, pageLang } = props;
  const lang = article?.lang ?? 'zh';
  const style = {
    '--qd-font-size': `${prefs.fontSize}px`,
    '--qd-line-height': String(prefs.lineHeight),
    '--qd-width': `${prefs.width}em`,
    '--qd-font': fontStackFor(lang, prefs.font),
  } as Record<string, string>;
  const onKeyDown = readerKeyHandler(onClose);

  if (!article) {
    return (
      <div
        class="qd-reader qd-empty"
        data-theme={prefs.theme}
        lang={uiLang}
        role="dialog"
        aria-modal="true"
        aria-labelledby={READER_TITLE_ID}
        tabIndex={-1}
        style={style}
        onKeyDown={onKeyDown}
      >
        <div class="qd-empty-box">
          <p id={READER_TITLE_ID}>{t('readerNoArticle')}</p>
          <button type="button" data-action="close" onClick={onClose}>
            {t('readerBackToPage')}
          </button>
        </div>
      </div>
    );
  }

  const meta = [article.paper, article.section, article.date, article.byline].filter(Boolean);
  return (
    <div
      class="qd-reader"
      data-theme={prefs.theme}
      data-font={prefs.font}
      lang={uiLang}
      role="dialog"
      aria-modal="true"
      aria-labelledby={READER_TITLE_ID}
      tabIndex={-1}
      style={style}
      onKeyDown={onKeyDown}
    >
      <Toolbar {...props} />
      <article lang={article.lang === 'zh' ? (textLang(article.title + article.textContent, pageLang) ?? 'zh') : article.lang}>
        <header class="qd-titles">
          {article.kicker && <p class="qd-kicker">{article.kicker}</p>}
          <h1 id={READER_TITLE_ID}>{article.title}</h1>
          {article.subtitle && <p class="qd-subtitle">{article.subtitle}</p>}
          {meta.length > 0 && <p class="qd-meta">{meta.join(' · ')}</p>}
        </header>
        {/* contentHtml was sanitised by lib/extract (DOMPurify) */}
        <HtmlBlock class="qd-body" html={article.contentHtml} />
        {extraFigures(article).map((img) => (
          <figure key={img.src}>
            <img src={img.src} alt={img.caption} />
            {img.caption && <figcaption>{img.caption}</figcaption>}
          </figure>
        ))}
        {article.url && (
          <p class="qd-source">
            <a href={article.url} target="_blank" rel="noopener noreferrer">
              {t('readerOriginal')}
            </a>
          </p>
        )}
      </article>
      {nav && <Navigation nav={nav} t={t} pageLang={pageLang} />}
    </div>
  );
}

export default Reader;
