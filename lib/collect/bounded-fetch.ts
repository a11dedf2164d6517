/**
 * One request with hard bounds: a timeout over headers and body, a byte cap enforced while the
 * body streams in (the request is aborted as soon as it is exceeded), and redirects followed by
 * hand so that no request ever goes to another origin. The only hop allowed off the origin is
 * the same host's upgrade from http to https.
 */
import { MAX_PAGE_BYTES, MAX_REDIRECTS, REQUEST_TIMEOUT_MS } from './limits';

export interface BoundedOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

export interface BoundedResponse {
  ok: boolean;
  status: number;
  bytes: ArrayBuffer;
  contentType: string | null;
  /** The URL that answered (after an allowed redirect). */
  url: string;
}

export class FetchLimitError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'too-large' | 'redirect',
  ) {
    super(message);
    this.name = 'FetchLimitError';
  }
}

function parse(url: string, base?: string): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

/** `to` is the same origin as `from`, or the same host and port moved from http to https. */
export function isAllowedRedirect(from: string, to: string): boolean {
  const a = parse(from);
  const b = parse(to);
  if (!a || !b) return false;
  if (b.protocol !== 'http:' && b.protocol !== 'https:') return false;
  if (a.origin === b.origin) return true;
  const defaultPort = (u: URL) => u.port === '' || (u.protocol === 'http:' && u.port === '80');
  return a.protocol === 'http:' && b.protocol === 'https:' && a.hostname === b.hostname && defaultPort(a) && b.port === '';
}

/** The https form of an http URL (same host, default port), or null. */
function httpsUpgrade(url: string): string | null {
  const u = parse(url);
  if (u?.protocol !== 'http:' || (u.port !== '' && u.port !== '80')) return null;
  u.protocol = 'https:';
  u.port = '';
  return u.href;
}

/** Reads the body as it streams, aborting once it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, abort: () => void): Promise<ArrayBuffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    abort();
    throw new FetchLimitError(`Too large: over ${maxBytes} bytes`, 'too-large');
  }
  if (!response.body) {
    const whole = await response.arrayBuffer();
    if (whole.byteLength > maxBytes) throw new FetchLimitError(`Too large: over ${maxBytes} bytes`, 'too-large');
    return whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      abort();
      reader.cancel().catch(() => {});
      throw new FetchLimitError(`Too large: over ${maxBytes} bytes`, 'too-large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out.buffer;
}

const isRedirect = (r: Response) => r.type === 'opaqueredirect' || (r.status >= 300 && r.status < 400);

/**
 * Fetches `url` within the bounds. Redirects are never followed by the browser
 * (`redirect: 'manual'`): a readable Location is checked and followed only when allowed; an
 * opaque one (browsers hide it) is answered by trying the https form of an http URL once.
 */
export async function boundedFetch(
  fetchImpl: typeof fetch,
  url: string,
  signal: AbortSignal,
  opts: BoundedOptions = {},
): Promise<BoundedResponse> {
  const timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? MAX_PAGE_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  if (signal.aborted) controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let current = url;
    let triedUpgrade = false;
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(current, {
        signal: controller.signal,
        credentials: 'same-origin',
        redirect: 'manual',
      });
      if (!isRedirect(response)) {
        const bytes = await readCapped(response, maxBytes, () => controller.abort());
        return {
          ok: response.ok,
          status: response.status,
          bytes,
          contentType: response.headers.get('content-type'),
          url: current,
        };
      }
      response.body?.cancel().catch(() => {});
      if (hop >= MAX_REDIRECTS) throw new FetchLimitError(`Refused: more than ${MAX_REDIRECTS} redirects`, 'redirect');
      const location = response.headers.get('location');
      let next: string | null = null;
      if (location) next = parse(location, current)?.href ?? null;
      else if (!triedUpgrade) next = httpsUpgrade(current); // opaque: only the upgrade is worth a try
      triedUpgrade = true;
      if (!next || !isAllowedRedirect(url, next)) {
        throw new FetchLimitError(`Refused: ${url} redirects off its origin`, 'redirect');
      }
      current = next;
    }
  } catch (error) {
    if (timedOut && !signal.aborted) throw new FetchLimitError(`Timed out after ${timeoutMs} ms`, 'timeout');
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
