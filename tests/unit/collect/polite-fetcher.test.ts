import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLimiter, createPoliteFetcher, isSameOriginHttp, normaliseArticleUrl } from '../../../lib/collect';

const ORIGIN = 'http://paper.example.test';

/** A fake fetch whose responses arrive after `latencyMs` of (fake) time. */
function fakeFetch(latencyMs: (n: number) => number) {
  let inFlight = 0;
  let maxInFlight = 0;
  const starts: { url: string; at: number }[] = [];
  const impl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    starts.push({ url, at: Date.now() });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, latencyMs(starts.length));
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(Object.assign(new Error('Aborted'), { name: 'AbortError' }));
        });
      });
      return new Response(`<p>${url}</p>`, { status: 200, headers: { 'content-type': 'text/html' } });
    } finally {
      inFlight--;
    }
  });
  return { impl: impl as unknown as typeof fetch, mock: impl, starts, maxInFlight: () => maxInFlight };
}

describe('createPoliteFetcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps at most 2 requests in flight and spaces starts by the pause', async () => {
    const site = fakeFetch((n) => [900, 50, 400, 1200, 30, 700, 80, 500, 60, 300][n % 10]);
    const fetchPage = createPoliteFetcher(site.impl, { concurrency: 2, delayMs: 250, origin: ORIGIN });
    const signal = new AbortController().signal;
    const urls = Array.from({ length: 10 }, (_, i) => `${ORIGIN}/a/content_${i}.htm`);
    const all = Promise.all(urls.map((url) => fetchPage(url, signal)));
    await vi.runAllTimersAsync();
    const pages = await all;
    expect(pages.every((p) => p.ok)).toBe(true);
    expect(site.starts.map((s) => s.url)).toEqual(urls); // issue order kept
    expect(site.maxInFlight()).toBe(2);
    for (let i = 1; i < site.starts.length; i++) {
      expect(site.starts[i].at - site.starts[i - 1].at).toBeGreaterThanOrEqual(250);
    }
  });

  it('caps a larger requested concurrency at 2', async () => {
    const site = fakeFetch(() => 1000);
    const fetchPage = createPoliteFetcher(site.impl, { concurrency: 8, delayMs: 0, origin: ORIGIN });
    const signal = new AbortController().signal;
    const all = Promise.all([1, 2, 3, 4, 5].map((i) => fetchPage(`${ORIGIN}/${i}.htm`, signal)));
    await vi.runAllTimersAsync();
    await all;
    expect(site.maxInFlight()).toBe(2);
  });

  it('fetches nothing until asked, and refuses other origins and schemes without a request', async () => {
    const site = fakeFetch(() => 10);
    const fetchPage = createPoliteFetcher(site.impl, { concurrency: 2, delayMs: 100, origin: ORIGIN });
    expect(site.mock).not.toHaveBeenCalled();
    const signal = new AbortController().signal;
    for (const url of [
      'http://other.example.test/a.htm',
      'https://paper.example.test/a.htm',
      'http://paper.example.test:8080/a.htm',
      'ftp://paper.example.test/a.htm',
      'javascript:alert(1)',
      'data:text/html,hi',
      'not a url',
    ]) {
      await expect(fetchPage(url, signal)).rejects.toThrow(/Refused/);
    }
    expect(site.mock).not.toHaveBeenCalled();
  });

  it('abort cancels queued requests and the ones in flight', async () => {
    const site = fakeFetch(() => 1000);
    const fetchPage = createPoliteFetcher(site.impl, { concurrency: 2, delayMs: 200, origin: ORIGIN });
    const controller = new AbortController();
    const results = Array.from({ length: 6 }, (_, i) =>
      fetchPage(`${ORIGIN}/${i}.htm`, controller.signal).then(
        () => 'ok',
        (error: Error) => error.name,
      ),
    );
    await vi.advanceTimersByTimeAsync(250); // two requests started
    controller.abort();
    await vi.runAllTimersAsync();
    expect(await Promise.all(results)).toEqual(Array(6).fill('AbortError'));
    expect(site.mock).toHaveBeenCalledTimes(2);
  });
});

describe('createLimiter', () => {
  it('runs a task that throws synchronously as a rejection and keeps going', async () => {
    const limit = createLimiter({ concurrency: 1, delayMs: 0 });
    await expect(
      limit(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(limit(async () => 42)).resolves.toBe(42);
  });
});

describe('url rules', () => {
  it('normalises article URLs by dropping query and hash', () => {
    expect(normaliseArticleUrl(`${ORIGIN}/h/content_5.htm?div=-1`)).toBe(`${ORIGIN}/h/content_5.htm`);
    expect(normaliseArticleUrl(`${ORIGIN}/h/content_5.htm#p2`)).toBe(`${ORIGIN}/h/content_5.htm`);
    expect(normaliseArticleUrl(`${ORIGIN}/h/content_5.htm?div=0`)).toBe(normaliseArticleUrl(`${ORIGIN}/h/content_5.htm`));
    expect(normaliseArticleUrl(`${ORIGIN}/h/content_6.htm`)).not.toBe(normaliseArticleUrl(`${ORIGIN}/h/content_5.htm`));
  });
  it('accepts only same-origin http(s)', () => {
    expect(isSameOriginHttp(`${ORIGIN}/x`, ORIGIN)).toBe(true);
    expect(isSameOriginHttp(`${ORIGIN}/x`, `${ORIGIN}/some/page.htm`)).toBe(true);
    expect(isSameOriginHttp('http://evil.test/x', ORIGIN)).toBe(false);
  });
});
