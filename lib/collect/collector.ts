/**
 * Collects a section or a whole issue: reads section title lists, then fetches, decodes and
 * extracts each unique article in issue order, reporting state as pages arrive.
 */
import type { Article } from '../extract/types';
import { FetchLimitError } from './bounded-fetch';
import { decodeHtml } from './decode';
import { createLimiter, type Limiter } from './limiter';
import { MAX_ARTICLES, MAX_ARTICLES_PER_SECTION, MAX_COLLECTION_MS, MAX_CONSECUTIVE_TIMEOUTS, MAX_SECTIONS } from './limits';
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

/** Links or sections left out by a limit, and which limit (see limits.ts for the numbers). */
export interface CollectLimitNote {
  reason: 'sections' | 'section-articles' | 'articles' | 'not-answering' | 'too-long';
  /** How many sections (for `sections`) or articles were left out. */
  count: number;
  /** The limit's number. */
  limit: number;
}

/**
 * What the UI sees. Each update is a new object, but sections and items that did not change
 * keep their identity, so an update costs the changed section, not the whole issue.
 */
export interface CollectState {
  sections: CollectedSection[];
  /** Articles settled (done or error). */
  done: number;
  /** Unique articles known so far. */
  total: number;
  finished: boolean;
  /** What the limits left out; absent when nothing was. */
  limited?: CollectLimitNote[];
}

export interface CollectLimits {
  maxSections: number;
  maxArticlesPerSection: number;
  maxArticles: number;
  maxConsecutiveTimeouts: number;
  /** Milliseconds from start after which no new request is started. */
  maxDurationMs: number;
}

export const DEFAULT_LIMITS: CollectLimits = {
  maxSections: MAX_SECTIONS,
  maxArticlesPerSection: MAX_ARTICLES_PER_SECTION,
  maxArticles: MAX_ARTICLES,
  maxConsecutiveTimeouts: MAX_CONSECUTIVE_TIMEOUTS,
  maxDurationMs: MAX_COLLECTION_MS,
};

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
  /** Defaults: DEFAULT_LIMITS (tests lower or raise them). */
  limits?: Partial<CollectLimits>;
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

const NOT_ANSWERING = 'skipped: the site stopped answering';
const TOO_LONG = 'skipped: the collection took too long';

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.name === 'AbortError' ? 'cancelled' : error.message;
  return String(error);
}

export function createCollector(opts: CollectOptions): Collector {
  const signal = opts.signal ?? new AbortController().signal;
  const limits: CollectLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? DEFAULT_CONCURRENCY, DEFAULT_CONCURRENCY));
  const limit: Limiter = createLimiter({ concurrency, delayMs: opts.delayMs ?? DEFAULT_DELAY_MS });
  const inputs = opts.sections.slice(0, limits.maxSections);
  const sections: CollectedSection[] = inputs.map((s) => ({ label: s.label, url: s.url, items: [] }));
  /** Normalised article URL → where its current (immutable) entry sits. */
  const byUrl = new Map<string, { section: number; index: number }>();
  const notes = new Map<CollectLimitNote['reason'], CollectLimitNote>();
  const note = (reason: CollectLimitNote['reason'], count: number, limitNumber: number): void => {
    const known = notes.get(reason);
    if (known) known.count += count;
    else notes.set(reason, { reason, count, limit: limitNumber });
  };
  if (opts.sections.length > inputs.length) note('sections', opts.sections.length - inputs.length, limits.maxSections);
  let finished = false;
  let done = 0;
  let consecutiveTimeouts = 0;
  /** The site stopped answering: what is left is given up, not requested. */
  let givenUp = false;
  /** When start() or retry() began; past maxDurationMs nothing new is requested. */
  let startedAt = Date.now();
  const outOfTime = (): boolean => Date.now() - startedAt > limits.maxDurationMs;

  // Published views, rebuilt only for sections marked dirty.
  const views: (CollectedSection | undefined)[] = [];
  const dirty = new Set<number>();

  const entryAt = (ref: { section: number; index: number }): CollectedArticle => sections[ref.section].items[ref.index];

  /** Replaces an entry by a changed copy (entries are never mutated once published). */
  const update = (ref: { section: number; index: number }, patch: Partial<CollectedArticle>): CollectedArticle => {
    const before = entryAt(ref);
    const after: CollectedArticle = { ...before, ...patch };
    for (const key of Object.keys(patch) as (keyof CollectedArticle)[]) if (patch[key] === undefined) delete after[key];
    const settled = (e: CollectedArticle) => e.status === 'done' || e.status === 'error';
    done += Number(settled(after)) - Number(settled(before));
    sections[ref.section].items[ref.index] = after;
    dirty.add(ref.section);
    return after;
  };

  const snapshot = (): CollectState => {
    const out = sections.map((s, i) => {
      const view = views[i];
      if (view && !dirty.has(i) && view.error === s.error) return view;
      const fresh: CollectedSection = { label: s.label, url: s.url, items: s.items.slice() };
      if (s.error !== undefined) fresh.error = s.error;
      views[i] = fresh;
      return fresh;
    });
    dirty.clear();
    const state: CollectState = { sections: out, done, total: byUrl.size, finished };
    if (notes.size > 0) state.limited = [...notes.values()].map((n) => ({ ...n }));
    return state;
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

  /**
   * Adds a section's listed articles (within the caps), merging duplicates into their first
   * entry. Returns where the new ones sit.
   */
  const addItems = (sectionIndex: number, list: { title: string; url: string }[]): { section: number; index: number }[] => {
    const section = sections[sectionIndex];
    const added: { section: number; index: number }[] = [];
    let takenHere = 0;
    let overSection = 0;
    let overTotal = 0;
    for (const ref of list) {
      const key = normaliseArticleUrl(ref.url);
      const existing = byUrl.get(key);
      if (existing) {
        const entry = entryAt(existing);
        if (entry.item.section !== section.label && !entry.alsoIn?.includes(section.label)) {
          update(existing, { alsoIn: [...(entry.alsoIn ?? []), section.label] });
        }
        continue;
      }
      if (takenHere >= limits.maxArticlesPerSection) {
        overSection++;
        continue;
      }
      if (byUrl.size >= limits.maxArticles) {
        overTotal++;
        continue;
      }
      const entry: CollectedArticle = {
        item: { section: section.label, sectionUrl: section.url, title: ref.title, url: ref.url },
        status: 'pending',
      };
      const at = { section: sectionIndex, index: section.items.length };
      section.items.push(entry);
      byUrl.set(key, at);
      dirty.add(sectionIndex);
      added.push(at);
      takenHere++;
    }
    if (overSection > 0) note('section-articles', overSection, limits.maxArticlesPerSection);
    if (overTotal > 0) note('articles', overTotal, limits.maxArticles);
    return added;
  };

  const loadSectionList = async (sectionIndex: number): Promise<{ title: string; url: string }[]> => {
    const section = sections[sectionIndex];
    try {
      if (givenUp) throw new Error(NOT_ANSWERING);
      if (outOfTime()) throw new Error(TOO_LONG);
      const html = await countTimeouts(fetchText(section.url));
      const list = opts.parseSection(html, section.url);
      delete section.error;
      dirty.add(sectionIndex);
      return list;
    } catch (error) {
      section.error = errorMessage(error);
      dirty.add(sectionIndex);
      return [];
    }
  };

  /** Counts timeouts in a row; past the limit the site is taken as not answering. */
  const countTimeouts = async <T>(request: Promise<T>): Promise<T> => {
    try {
      const value = await request;
      consecutiveTimeouts = 0;
      return value;
    } catch (error) {
      if (error instanceof FetchLimitError && error.kind === 'timeout') {
        consecutiveTimeouts++;
        if (consecutiveTimeouts >= limits.maxConsecutiveTimeouts) givenUp = true;
      } else consecutiveTimeouts = 0;
      throw error;
    }
  };

  const loadArticle = async (at: { section: number; index: number }): Promise<void> => {
    if (signal.aborted) {
      update(at, { status: 'error', error: 'cancelled' });
      return;
    }
    if (givenUp) {
      update(at, { status: 'error', error: NOT_ANSWERING });
      note('not-answering', 1, limits.maxConsecutiveTimeouts);
      return;
    }
    if (outOfTime()) {
      update(at, { status: 'error', error: TOO_LONG });
      note('too-long', 1, Math.round(limits.maxDurationMs / 1000));
      return;
    }
    const url = entryAt(at).item.url;
    update(at, { status: 'pending', error: undefined });
    try {
      const html = await countTimeouts(
        fetchText(url, () => {
          update(at, { status: 'loading' });
          emit();
        }),
      );
      const article = opts.extract(html, url);
      if (!article) throw new Error('No article found on the page');
      update(at, { status: 'done', article });
    } catch (error) {
      update(at, { status: 'error', error: errorMessage(error) });
    }
    emit();
  };

  /** Runs loads in issue order with `concurrency` workers; the limiter paces their requests. */
  const loadAll = async (entries: { section: number; index: number }[]): Promise<void> => {
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
    startedAt = Date.now();
    const lists: ({ title: string; url: string }[] | undefined)[] = inputs.map((s) => s.articles);
    const queue: { section: number; index: number }[] = [];
    const waiters: (() => void)[] = [];
    let sectionsAdded = 0;
    let nextList = 0;
    let listsInFlight = 0;

    const addReadySections = (): void => {
      while (sectionsAdded < sections.length && lists[sectionsAdded] !== undefined) {
        for (const at of addItems(sectionsAdded, lists[sectionsAdded] ?? [])) queue.push(at);
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
          lists[index] = await loadSectionList(index);
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
    // The user asks again: give the site another chance.
    givenUp = false;
    startedAt = Date.now();
    consecutiveTimeouts = 0;
    try {
      const sectionIndex = sections.findIndex((s) => s.error && s.url === url);
      if (sectionIndex >= 0) {
        const list = await loadSectionList(sectionIndex);
        const added = addItems(sectionIndex, list);
        emit();
        await loadAll(added);
      } else {
        const at = byUrl.get(normaliseArticleUrl(url));
        if (at && entryAt(at).status === 'error') await loadArticle(at);
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
