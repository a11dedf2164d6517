/**
 * Whole-section / whole-issue reading: a table of contents by section, a progress bar while
 * pages arrive, one <article> per article in issue order, failed pages with their error and a
 * retry, and the export actions. Presentational: props in, callbacks out.
 */
import type { CollectState } from '@/lib/collect';
import { HtmlBlock } from '../HtmlBlock';

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
}

const anchor = (url: string) => `qd-${url.replace(/[^a-zA-Z0-9]+/g, '-').slice(-60)}`;

export function CollectionView(props: CollectionViewProps) {
  const { t, state } = props;
  const done = state?.done ?? 0;
  const total = state?.total ?? 0;
  const finished = state?.finished ?? false;
  return (
    <div class="collection">
      <header class="toolbar" role="toolbar" aria-label={t('readerTools')}>
        <strong class="collection-title">
          {props.paper} {props.date} · {props.scope === 'issue' ? t('readIssue') : t('readSection')}
        </strong>
        <span class="spacer" />
        <button
          type="button"
          data-action="export-epub"
          disabled={!finished || !!props.exporting}
          onClick={() => props.onExport('epub')}
        >
          {t('exportEpub')}
        </button>
        <button
          type="button"
          data-action="export-markdown"
          disabled={!finished || !!props.exporting}
          onClick={() => props.onExport('markdown')}
        >
          {t('exportMarkdown')}
        </button>
        <button type="button" data-action="close" onClick={props.onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <div class="progress" role="status" aria-live="polite">
        <progress max={Math.max(total, 1)} value={done} data-progress={`${done}/${total}`} />
        <span>
          {finished ? t('collectDone', [String(done), String(total)]) : t('collectProgress', [String(done), String(total)])}
        </span>
        {props.exportError && <span class="error">{props.exportError}</span>}
      </div>
      {state && (
        <nav class="toc" data-list="toc" aria-label={t('contents')}>
          <ol>
            {state.sections.map((section) => (
              <li key={section.url}>
                <span class="toc-section">{section.label}</span>
                <ol>
                  {section.items.map((entry) => (
                    <li key={entry.item.url}>
                      <a href={`#${anchor(entry.item.url)}`}>{entry.article?.title ?? entry.item.title}</a>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <main class="articles">
        {state?.sections.map((section) => (
          <section key={section.url} data-section={section.label}>
            <h2 class="section-label">{section.label}</h2>
            {section.error && (
              <p class="failed" data-failed={section.url}>
                {t('sectionFailed', [section.error])}{' '}
                <button type="button" data-action="retry" onClick={() => props.onRetry(section.url)}>
                  {t('retry')}
                </button>
              </p>
            )}
            {section.items.map((entry) => {
              const id = anchor(entry.item.url);
              if (entry.status === 'done' && entry.article) {
                const a = entry.article;
                const meta = [a.byline, entry.alsoIn?.length ? t('alsoIn', [entry.alsoIn.join('、')]) : '']
                  .filter(Boolean)
                  .join(' · ');
                return (
                  <article key={entry.item.url} id={id} lang={a.lang} data-url={entry.item.url}>
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
                  <div key={entry.item.url} id={id} class="failed" data-failed={entry.item.url}>
                    <strong>{entry.item.title}</strong> — {t('articleFailed', [entry.error ?? ''])}{' '}
                    <button type="button" data-action="retry" onClick={() => props.onRetry(entry.item.url)}>
                      {t('retry')}
                    </button>
                  </div>
                );
              }
              return (
                <div key={entry.item.url} id={id} class="pending" aria-busy="true">
                  {entry.item.title} …
                </div>
              );
            })}
          </section>
        ))}
      </main>
    </div>
  );
}
