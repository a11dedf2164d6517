/**
 * The reader's state: the article (or the collection), preferences, and the page's conversion
 * applied to the reader's own text. Rendering is left to components/.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { COLLECTION_TITLE_ID, CollectionView } from '@/components/collection/CollectionView';
import { fixesInArticle, ProofreadingList } from '@/components/proofreading/ProofreadingList';
import { Reader } from '@/components/reader/Reader';
import { pageTextLang } from '@/components/text-lang';
import type { Collector, CollectState } from '@/lib/collect';
import { composeRepair, PageConverter } from '@/lib/convert';
import type { ConvertFn, Target } from '@/lib/convert/types';
import { extractArticle } from '@/lib/extract';
import type { Article } from '@/lib/extract/types';
import type { ReaderHost, ReaderMode, RepairFix } from '@/lib/messaging/bridge';
import type { ReaderPrefs } from '@/lib/settings/schema';
import { exportCollection, startCollection } from './collection';
import { readerStyles } from './styles';

export interface ReaderAppHandle {
  refreshConversion(): Promise<void>;
  dispose(): void;
}

interface Props {
  host: ReaderHost;
  mode: ReaderMode;
  doc: Document;
  shadow: ShadowRoot;
  onClose(): void;
  /** Reopens the reader in another mode (whole section or issue). */
  onOpenMode(mode: ReaderMode): void;
  registerHandle(h: ReaderAppHandle): void;
}

type Conversion = { target: Target; convert: ConvertFn } | null;

export function ReaderApp({ host, mode, doc, shadow, onClose, onOpenMode, registerHandle }: Props) {
  const [prefs, setPrefs] = useState<ReaderPrefs>(host.prefs);
  const [conversion, setConversion] = useState<Conversion>(null);
  const extract = useCallback(() => extractArticle(doc, doc.location.href, { issue: host.issue }), [doc, host.issue]);
  const [article, setArticle] = useState<Article | null>(() => (mode.kind === 'article' ? extract() : null));
  const [collection, setCollection] = useState<CollectState | null>(null);
  const [exporting, setExporting] = useState<'epub' | 'markdown' | null>(null);
  const [exportError, setExportError] = useState<string>();
  const collector = useRef<{ collector: Collector; abort: AbortController } | null>(null);
  // The page's Traditional repair: the extracted text already holds it; these are its fixes.
  const [repairFixes, setRepairFixes] = useState<RepairFix[]>(() => host.repairFixes?.() ?? []);
  // Articles fetched for whole-section reading were not repaired with the page: the repair goes under the conversion.
  const [repair, setRepair] = useState(() => host.currentRepair?.() ?? null);

  useEffect(() => {
    registerHandle({
      async refreshConversion() {
        // The page DOM is the source of the article: re-read it in its current state.
        if (mode.kind === 'article') setArticle(extract());
        setRepairFixes(host.repairFixes?.() ?? []);
        setRepair(host.currentRepair?.() ?? null);
        setConversion(await host.currentConversion());
      },
      dispose() {
        collector.current?.abort.abort();
      },
    });
    host.currentConversion().then(setConversion, () => setConversion(null));
    if (mode.kind === 'collection') {
      collector.current = startCollection(doc, host, mode.scope, setCollection);
    }
    // Focus moves into the dialog (it carries the label a screen reader announces).
    shadow.querySelector<HTMLElement>('[role="dialog"]')?.focus();
  }, []);

  // What the reader applies to its articles: the page's conversion, and in whole-section reading
  // the page's repair under it (the article view is extracted from the already repaired page).
  const applied = useMemo(
    () => (mode.kind === 'collection' ? composeRepair(repair, conversion) : conversion),
    [mode.kind, repair, conversion],
  );
  // Apply the page's conversion to every <article> the reader shows; undo it when it changes.
  const converter = useMemo(() => new PageConverter(doc), [doc]);
  const converted = useRef(new Map<Element, () => void>());
  const conversionRef = useRef<Conversion>(null);
  useLayoutEffect(() => {
    if (conversionRef.current !== applied) {
      for (const restore of converted.current.values()) restore();
      converted.current.clear();
      conversionRef.current = applied;
    }
    if (!applied) return;
    for (const el of shadow.querySelectorAll('article')) {
      if (!converted.current.has(el)) converted.current.set(el, converter.convertSubtree(el, applied.convert));
    }
  });

  const changePrefs = (p: ReaderPrefs) => {
    setPrefs(p);
    host.savePrefs(p);
  };
  const lang = applied ? (applied.target === 'hans' ? 'zh-Hans' : 'zh-Hant') : (article?.lang ?? 'zh');
  const pageLang = pageTextLang(
    doc.documentElement.lang,
    article?.lang ?? doc.documentElement.getAttribute('data-qingdu-script'),
  );

  return (
    <>
      <style>{readerStyles}</style>
      {mode.kind === 'article' ? (
        <Reader
          article={article && conversion ? { ...article, lang: lang as Article['lang'] } : article}
          nav={navFor(host)}
          prefs={prefs}
          onPrefsChange={changePrefs}
          onClose={onClose}
          onPrint={() => printReader(doc)}
          t={host.t}
          uiLang={uiLang()}
          pageLang={pageLang}
        >
          {article && !conversion && <ProofreadingList fixes={fixesInArticle(repairFixes, articleText(article))} t={host.t} />}
          {host.issue && host.issue.articles.length > 0 && (
            <>
              <button
                type="button"
                data-action="read-section"
                onClick={() => onOpenMode({ kind: 'collection', scope: 'section' })}
              >
                {host.t('readSection')}
              </button>
              {host.issue.sections.length > 1 && (
                <button type="button" data-action="read-issue" onClick={() => onOpenMode({ kind: 'collection', scope: 'issue' })}>
                  {host.t('readIssue')}
                </button>
              )}
            </>
          )}
        </Reader>
      ) : (
        <div
          class="collection-shell"
          data-theme={prefs.theme}
          lang={uiLang()}
          role="dialog"
          aria-modal="true"
          aria-labelledby={COLLECTION_TITLE_ID}
          tabIndex={-1}
          style={prefStyle(prefs)}
        >
          <CollectionView
            t={host.t}
            pageLang={pageLang}
            convertedLang={conversion ? lang : undefined}
            scope={mode.scope}
            paper={host.issue?.paper ?? ''}
            date={host.issue?.date ?? ''}
            state={collection}
            exporting={exporting}
            exportError={exportError}
            onRetry={(url) => collector.current?.collector.retry(url)}
            onExport={async (kind) => {
              if (!collection) return;
              setExporting(kind);
              setExportError(undefined);
              try {
                await exportCollection(doc, host, mode.scope, collection, kind, applied, collector.current?.abort.signal);
              } catch (err) {
                setExportError(`${host.t('exportFailed')} ${String(err)}`);
              } finally {
                setExporting(null);
              }
            }}
            onClose={onClose}
          />
        </div>
      )}
    </>
  );
}

/** The article's text (title and body), for matching the fixes' context. */
function articleText(article: Article): string {
  const body = article.contentHtml.replace(/<[^>]*>/g, '');
  return `${article.title}\n${body}`;
}

function prefStyle(p: ReaderPrefs): Record<string, string> {
  return { '--qd-font-size': `${p.fontSize}px`, '--qd-line-height': String(p.lineHeight), '--qd-width': `${p.width}em` };
}

/** The browser's UI language: the reader's own strings are in it (page text carries its own lang). */
function uiLang(): string | undefined {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}

/** A URL without its fragment, or also without its query (lists add `?div=-1`, 上一篇 links do not). */
const urlKey = (url: string, withQuery: boolean) => {
  try {
    const u = new URL(url);
    return withQuery ? u.origin + u.pathname + u.search : u.origin + u.pathname;
  } catch {
    return url;
  }
};

function navFor(host: ReaderHost) {
  const issue = host.issue;
  if (!issue) return undefined;
  // Previous/next are named by their titles, read from the section's list (absent when not listed).
  const titleOf = (url?: string) => {
    if (!url) return '';
    const find = (withQuery: boolean) => issue.articles.find((a) => urlKey(a.url, withQuery) === urlKey(url, withQuery));
    return (find(true) ?? find(false))?.title ?? '';
  };
  return {
    prevArticle: issue.prevArticle ? { title: titleOf(issue.prevArticle), url: issue.prevArticle } : undefined,
    nextArticle: issue.nextArticle ? { title: titleOf(issue.nextArticle), url: issue.nextArticle } : undefined,
    sections: issue.sections.map((s) => ({ label: s.label, url: s.url, current: s.current })),
  };
}

/** Prints only the reader: the page behind it is hidden for the print. */
function printReader(doc: Document): void {
  const style = doc.createElement('style');
  style.setAttribute('data-qingdu-ui', '');
  style.textContent =
    '@media print { body > *:not(qingdu-reader) { display: none !important; } qingdu-reader { position: static !important; } html { overflow: visible !important; } }';
  doc.head.append(style);
  const win = doc.defaultView;
  const cleanup = () => style.remove();
  win?.addEventListener('afterprint', cleanup, { once: true });
  win?.print();
  setTimeout(cleanup, 60_000);
}
