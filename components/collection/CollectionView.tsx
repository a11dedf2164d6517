/**
 * Whole-section / whole-issue reading: a table of contents by section, a progress bar while
 * pages arrive, one <article> per article in issue order, failed pages with their error and a
 * retry, and the export actions. Presentational: props in, callbacks out.
 */
import type { CollectState } from '@/lib/collect';
import { HtmlBlock } from '../HtmlBlock';
import { textLang } from '../text-lang';

export type T = (key: string, subs?: string[]) => string;

export interface CollectionViewProps {
  t: T;
  scope: 'section' | 'issue';
  paper: string;
  date: string;
  state: CollectState | null;
  exporting: 'epub' | 'markdown' | null;
  exportError?: string;
  onRetry(url: string): void;
  onExport(kind: 'epub' | 'markdown'): void;
  onClose(): void;
  /** The page's language, or the conversion's when the view shows converted text. */
  pageLang?: string;
  /** Set while the page is converted: all page text is in this language. */
  convertedLang?: string;
}

/** Labels the dialog the view lives in. */
export const COLLECTION_TITLE_ID = 'qd-collection-title';

/** An entry's id: by position, so two URLs can never share one (ids live in the shadow root). */
const anchor = (section: number, item: number) => `qd-entry-${section}-${item}`;

/** Scrolls to and focuses a contents link's target, inside the view's own root, leaving the page's location alone. */
function goToEntry(event: MouseEvent, id: string): void {
  event.preventDefault();
  const root = (event.currentTarget as Node).getRootNode() as Document | ShadowRoot;
  const target = root.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

export function CollectionView(props: CollectionViewProps) {
  const { t, state } = props;
  const langOf = (text: string, known?: string) =>
    props.convertedLang ?? (known && known !== 'zh' ? known : textLang(text, props.pageLang));
  const done = state?.done ?? 0;
  const total = state?.total ?? 0;
  const finished = state?.finished ?? false;
  // Exports take what has arrived (missing items are listed in the file), so one slow page
  // never holds back the export of the rest.
  const canExport = (finished || done > 0) && !props.exporting;
  return (
    <div class="collection">
      <header class="toolbar">
        <strong class="collection-title" id={COLLECTION_TITLE_ID}>
          <span lang={langOf(props.paper)}>{props.paper}</span> {props.date} ·{' '}
          {props.scope === 'issue' ? t('readIssue') : t('readSection')}
        </strong>
        <button type="button" data-action="export-epub" disabled={!canExport} onClick={() => props.onExport('epub')}>
          {t('exportEpub')}
        </button>
        <button type="button" data-action="export-markdown" disabled={!canExport} onClick={() => props.onExport('markdown')}>
          {t('exportMarkdown')}
        </button>
        <button type="button" data-action="close" onClick={props.onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <div class="progress" role="status" aria-live="polite" data-finished={finished ? 'true' : 'false'}>
        <progress max={Math.max(total, 1)} value={done} data-progress={`${done}/${total}`} />
        <span>
          {finished ? t('collectDone', [String(done), String(total)]) : t('collectProgress', [String(done), String(total)])}
        </span>
        {props.exportError && <span class="error">{props.exportError}</span>}
      </div>
      {state && (
        <nav class="toc" data-list="toc" aria-label={t('contents')}>
          <ol>
            {state.sections.map((section, si) => (
              <li key={section.url}>
                <span class="toc-section" lang={langOf(section.label)}>
                  {section.label}
                </span>
                <ol>
                  {section.items.map((entry, ii) => {
                    const title = entry.article?.title ?? entry.item.title;
                    const id = anchor(si, ii);
                    return (
                      <li key={entry.item.url}>
                        <a href={`#${id}`} lang={langOf(title)} onClick={(e) => goToEntry(e, id)}>
                          {title}
                        </a>
                      </li>
                    );
                  })}
                </ol>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div class="articles">
        {state?.sections.map((section, si) => (
          <section key={section.url} data-section={section.label}>
            <h2 class="section-label" lang={langOf(section.label)}>
              {section.label}
            </h2>
            {section.error && (
              <p class="failed" data-failed={section.url}>
                {t('sectionFailed', [section.error])}{' '}
                <button type="button" data-action="retry" onClick={() => props.onRetry(section.url)}>
                  {t('retry')}
                </button>
              </p>
            )}
            {section.items.map((entry, ii) => {
              // Targets of the contents links: focusable by script only (tabIndex -1).
              const id = anchor(si, ii);
              if (entry.status === 'done' && entry.article) {
                const a = entry.article;
                const meta = [a.byline, entry.alsoIn?.length ? t('alsoIn', [entry.alsoIn.join('、')]) : '']
                  .filter(Boolean)
                  .join(' · ');
                return (
                  <article
                    key={entry.item.url}
                    id={id}
                    tabIndex={-1}
                    lang={langOf(`${a.title}${a.textContent.slice(0, 400)}`, a.lang)}
                    data-url={entry.item.url}
                  >
                    {a.kicker && <p class="kicker">{a.kicker}</p>}
                    <h1>{a.title}</h1>
                    {a.subtitle && <p class="subtitle">{a.subtitle}</p>}
                    {meta && <p class="meta">{meta}</p>}
                    {/* contentHtml is sanitised by lib/extract (DOMPurify). */}
                    <HtmlBlock class="body" html={a.contentHtml} />
                  </article>
                );
              }
              if (entry.status === 'error') {
                return (
                  <div key={entry.item.url} id={id} tabIndex={-1} class="failed" data-failed={entry.item.url}>
                    <strong lang={langOf(entry.item.title)}>{entry.item.title}</strong> —{' '}
                    {t('articleFailed', [entry.error ?? ''])}{' '}
                    <button type="button" data-action="retry" onClick={() => props.onRetry(entry.item.url)}>
                      {t('retry')}
                    </button>
                  </div>
                );
              }
              return (
                <div key={entry.item.url} id={id} tabIndex={-1} class="pending" aria-busy="true">
                  <span lang={langOf(entry.item.title)}>{entry.item.title}</span> …
                </div>
              );
            })}
          </section>
        ))}
      </div>
    </div>
  );
}
