/**
 * Collects a section or a whole issue: reads section title lists, then fetches, decodes and
 * extracts each unique article in issue order, reporting state as pages arrive.
 */
import type { Article } from '../extract/types';
import { decodeHtml } from './decode';
import { createLimiter, type Limiter } from './limiter';
import { DEFAULT_CONCURRENCY, DEFAULT_DELAY_MS, type FetchPage } from './polite-fetcher';
import { isSameOriginHttp, normaliseArticleUrl } from './url';

export interface CollectItem {
  section: string;
  sectionUrl: string;
  title: string;
  url: string;
}

export interface CollectedArticle {
  item: CollectItem;
  status: 'pending' | 'loading' | 'done' | 'error';
  article?: Article;
  error?: string;
  /** Labels of the other sections that list this article too. */
  alsoIn?: string[];
}

export interface CollectedSection {
  label: string;
  url: string;
  error?: string;
  items: CollectedArticle[];
}

export interface CollectState {
  sections: CollectedSection[];
  /** Articles settled (done or error). */
  done: number;
  /** Unique articles known so far. */
  total: number;
  finished: boolean;
}

export interface SectionInput {
  label: string;
  url: string;
  /** The title list when the caller already has it (the current section); fetched otherwise. */
  articles?: { title: string; url: string }[];
}

export interface CollectOptions {
  origin: string;
  sections: SectionInput[];
  fetchPage: FetchPage;
  parseSection: (html: string, url: string) => { title: string; url: string }[];
  extract: (html: string, url: string) => Article | null;
  concurrency?: number;
  delayMs?: number;
  signal?: AbortSignal;
  onUpdate: (state: CollectState) => void;
}

export interface Collector {
  /** Runs the whole collection once; resolves with the final state (never rejects). */
  start(): Promise<CollectState>;
  /** Fetches a failed article (or a failed section's list and its articles) again. */
  retry(url: string): Promise<CollectState>;
  /** A snapshot of the current state. */
  state(): CollectState;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.name === 'AbortError' ? 'cancelled' : error.message;
  return String(error);
}

export function createCollector(opts: CollectOptions): Collector {
  const signal = opts.signal ?? new AbortController().signal;
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? DEFAULT_CONCURRENCY, DEFAULT_CONCURRENCY));
  const limit: Limiter = createLimiter({ concurrency, delayMs: opts.delayMs ?? DEFAULT_DELAY_MS });
  const sections: CollectedSection[] = opts.sections.map((s) => ({ label: s.label, url: s.url, items: [] }));
  /** Normalised article URL → its one entry (first listing wins). */
  const byUrl = new Map<string, CollectedArticle>();
  let finished = false;

  const snapshot = (): CollectState => {
    let done = 0;
    for (const entry of byUrl.values()) if (entry.status === 'done' || entry.status === 'error') done++;
    return {
      sections: sections.map((s) => ({
        ...s,
        items: s.items.map((i) => ({ ...i, item: { ...i.item }, alsoIn: i.alsoIn ? [...i.alsoIn] : undefined })),
      })),
      done,
      total: byUrl.size,
      finished,
    };
  };

  const emit = (): void => {
    try {
      opts.onUpdate(snapshot());
    } catch {
      // A failing UI callback must not stop the collection.
    }
  };

  const fetchText = async (url: string, onStart?: () => void): Promise<string> => {
    if (!isSameOriginHttp(url, opts.origin)) throw new Error(`Refused: ${url} is not on ${opts.origin}`);
    const page = await limit(() => {
      onStart?.();
      return opts.fetchPage(url, signal);
    }, signal);
    if (!page.ok) throw new Error(`HTTP ${page.status}`);
    return decodeHtml(page.bytes, page.contentType);
  };

  /** Adds a section's listed articles, merging duplicates into their first entry. Returns the new ones. */
  const addItems = (section: CollectedSection, list: { title: string; url: string }[]): CollectedArticle[] => {
    const added: CollectedArticle[] = [];
    for (const ref of list) {
      const key = normaliseArticleUrl(ref.url);
      const existing = byUrl.get(key);
      if (existing) {
        if (existing.item.section !== section.label && !existing.alsoIn?.includes(section.label)) {
          existing.alsoIn = [...(existing.alsoIn ?? []), section.label];
        }
        continue;
      }
      const entry: CollectedArticle = {
        item: { section: section.label, sectionUrl: section.url, title: ref.title, url: ref.url },
        status: 'pending',
      };
      byUrl.set(key, entry);
      section.items.push(entry);
      added.push(entry);
    }
    return added;
  };

  const loadSectionList = async (section: CollectedSection): Promise<{ title: string; url: string }[]> => {
    try {
      const html = await fetchText(section.url);
      const list = opts.parseSection(html, section.url);
      delete section.error;
      return list;
    } catch (error) {
      section.error = errorMessage(error);
      return [];
    }
  };

  const loadArticle = async (entry: CollectedArticle): Promise<void> => {
    if (signal.aborted) {
      entry.status = 'error';
      entry.error = 'cancelled';
      return;
    }
    entry.status = 'pending';
    delete entry.error;
    try {
      const html = await fetchText(entry.item.url, () => {
        entry.status = 'loading';
        emit();
      });
      const article = opts.extract(html, entry.item.url);
      if (!article) throw new Error('No article found on the page');
      entry.article = article;
      entry.status = 'done';
    } catch (error) {
      entry.status = 'error';
      entry.error = errorMessage(error);
    }
    emit();
  };

  /** Runs loads in issue order with `concurrency` workers; the limiter paces their requests. */
  const loadAll = async (entries: CollectedArticle[]): Promise<void> => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < entries.length) await loadArticle(entries[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
  };

  /**
   * Two workers share one task list: load a known article if there is one, otherwise fetch the
   * next section's title list. So the first articles show before every list has arrived, while
   * items are still added strictly in section order (that keeps dedupe and issue order right).
   */
  const start = async (): Promise<CollectState> => {
    const lists: ({ title: string; url: string }[] | undefined)[] = opts.sections.map((s) => s.articles);
    const queue: CollectedArticle[] = [];
    const waiters: (() => void)[] = [];
    let sectionsAdded = 0;
    let nextList = 0;
    let listsInFlight = 0;

    const addReadySections = (): void => {
      while (sectionsAdded < sections.length && lists[sectionsAdded] !== undefined) {
        queue.push(...addItems(sections[sectionsAdded], lists[sectionsAdded] ?? []));
        sectionsAdded++;
      }
      emit();
    };

    const worker = async (): Promise<void> => {
      for (;;) {
        const entry = queue.shift();
        if (entry) {
          await loadArticle(entry);
          continue;
        }
        while (nextList < sections.length && lists[nextList] !== undefined) nextList++;
        if (nextList < sections.length) {
          const index = nextList++;
          listsInFlight++;
          lists[index] = await loadSectionList(sections[index]);
          listsInFlight--;
          addReadySections();
          for (const wake of waiters.splice(0)) wake();
          continue;
        }
        if (listsInFlight === 0) return;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    };

    try {
      addReadySections();
      await Promise.all(Array.from({ length: concurrency }, worker));
    } catch {
      // Everything above records its own errors; this only guards against the unexpected.
    }
    finished = true;
    emit();
    return snapshot();
  };

  const retry = async (url: string): Promise<CollectState> => {
    try {
      const section = sections.find((s) => s.error && s.url === url);
      if (section) {
        const list = await loadSectionList(section);
        const added = addItems(section, list);
        emit();
        await loadAll(added);
      } else {
        const entry = byUrl.get(normaliseArticleUrl(url));
        if (entry && entry.status === 'error') await loadArticle(entry);
      }
    } catch {
      // As in start(): errors are recorded on the entries.
    }
    emit();
    return snapshot();
  };

  return { start, retry, state: snapshot };
}

/** Collects once; see createCollector for retries. */
export function collectIssue(opts: CollectOptions): Promise<CollectState> {
  return createCollector(opts).start();
}
