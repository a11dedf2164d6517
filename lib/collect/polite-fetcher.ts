/** A fetch wrapper that only fetches same-origin http(s) URLs, politely. */
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
}

export const DEFAULT_CONCURRENCY = 2;
export const DEFAULT_DELAY_MS = 200;

/**
 * Wraps `fetchImpl`: refuses (rejects) anything but same-origin http(s), keeps at most
 * `concurrency` requests in flight with `delayMs` between starts, and passes the signal on.
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
      const response = await fetchImpl(url, { signal, credentials: 'same-origin', redirect: 'follow' });
      // A redirect to another origin would leak the request there; treat it as a failure.
      if (response.url && !isSameOriginHttp(response.url, opts.origin)) {
        throw new Error(`Refused: redirected off ${opts.origin}`);
      }
      const bytes = await response.arrayBuffer();
      return { ok: response.ok, status: response.status, bytes, contentType: response.headers.get('content-type') };
    }, signal);
  };
}
