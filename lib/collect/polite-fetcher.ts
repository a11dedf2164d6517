/** A fetch wrapper that only fetches same-origin http(s) URLs, politely and within bounds. */
import { boundedFetch } from './bounded-fetch';
import { createLimiter } from './limiter';
import { isSameOriginHttp } from './url';

export interface FetchedPage {
  ok: boolean;
  status: number;
  bytes: ArrayBuffer;
  contentType: string | null;
}

export type FetchPage = (url: string, signal: AbortSignal) => Promise<FetchedPage>;

export interface PoliteOptions {
  concurrency: number;
  delayMs: number;
  origin: string;
  /** Per-request timeout (default REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Per-response byte cap (default MAX_PAGE_BYTES). */
  maxBytes?: number;
}

export const DEFAULT_CONCURRENCY = 2;
export const DEFAULT_DELAY_MS = 200;

/**
 * Wraps `fetchImpl`: refuses (rejects) anything but same-origin http(s), keeps at most
 * `concurrency` requests in flight with `delayMs` between starts, passes the signal on, and
 * bounds each request (timeout, byte cap, checked redirects: see boundedFetch).
 */
export function createPoliteFetcher(fetchImpl: typeof fetch, opts: PoliteOptions): FetchPage {
  const limit = createLimiter({
    concurrency: Math.min(opts.concurrency || DEFAULT_CONCURRENCY, DEFAULT_CONCURRENCY),
    delayMs: opts.delayMs,
  });
  return (url, signal) => {
    if (!isSameOriginHttp(url, opts.origin)) {
      return Promise.reject(new Error(`Refused: ${url} is not on ${opts.origin}`));
    }
    return limit(async () => {
      const page = await boundedFetch(fetchImpl, url, signal, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes });
      return { ok: page.ok, status: page.status, bytes: page.bytes, contentType: page.contentType };
    }, signal);
  };
}
