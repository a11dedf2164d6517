/** One request, bounded: byte cap while streaming, timeout, redirects checked before they are followed (issue 13, items 3–4). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  boundedFetch,
  createPoliteFetcher,
  FetchLimitError,
  isAllowedRedirect,
  MAX_IMAGE_BYTES,
  MAX_PAGE_BYTES,
  MAX_REDIRECTS,
  REQUEST_TIMEOUT_MS,
} from '../../../lib/collect';

interface Server {
  origin: string;
  requests: string[];
  /** Bytes written by the endless route before the client went away. */
  endlessWritten: () => number;
  close(): Promise<void>;
}

async function serve(): Promise<Server> {
  const requests: string[] = [];
  let written = 0;
  let origin = '';
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const path = req.url ?? '/';
    if (path === '/endless') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (!res.destroyed && written < 256 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    } else if (path === '/declared-huge') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(64 * 1024 * 1024) });
      res.write('<p>');
    } else if (path === '/hang') {
      // Never answers.
    } else if (path === '/to-other') {
      res.writeHead(302, { location: (req.headers['x-other'] as string) || 'http://127.0.0.2:9/x' });
      res.end();
    } else if (path === '/to-same') {
      res.writeHead(301, { location: '/final' });
      res.end();
    } else if (path === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<p>${path}</p>`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    endlessWritten: () => written,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let site: Server;
let other: Server;
beforeAll(async () => {
  site = await serve();
  other = await serve();
});
afterAll(async () => {
  await site.close();
  await other.close();
});

const signal = () => new AbortController().signal;

describe('boundedFetch against a real server', () => {
  it('aborts a never-ending body once it passes the byte cap', async () => {
    const error = await boundedFetch(fetch, `${site.origin}/endless`, signal(), { maxBytes: 1024 * 1024 }).catch((e) => e);
    expect(error).toBeInstanceOf(FetchLimitError);
    expect(error.kind).toBe('too-large');
    await new Promise((r) => setTimeout(r, 200));
    expect(site.endlessWritten()).toBeLessThan(64 * 1024 * 1024); // the server was stopped long before its 256 MiB
  });

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    const error = await boundedFetch(fetch, `${site.origin}/declared-huge`, signal(), { maxBytes: 1024 }).catch((e) => e);
    expect(error.kind).toBe('too-large');
  });

  it('times out a request that never answers', async () => {
    const error = await boundedFetch(fetch, `${site.origin}/hang`, signal(), { timeoutMs: 300 }).catch((e) => e);
    expect(error).toBeInstanceOf(FetchLimitError);
    expect(error.kind).toBe('timeout');
  });

  it('never sends a request to another origin a redirect points to', async () => {
    const before = other.requests.length;
    const custom: typeof fetch = (input, init) => fetch(input, { ...init, headers: { 'x-other': `${other.origin}/stolen` } });
    const error = await boundedFetch(custom, `${site.origin}/to-other`, signal()).catch((e) => e);
    expect(error.kind).toBe('redirect');
    expect(other.requests.length).toBe(before);
  });

  it('follows a same-origin redirect, and stops a redirect loop', async () => {
    const page = await boundedFetch(fetch, `${site.origin}/to-same`, signal());
    expect(page.url).toBe(`${site.origin}/final`);
    expect(new TextDecoder().decode(page.bytes)).toBe('<p>/final</p>');
    const error = await boundedFetch(fetch, `${site.origin}/loop`, signal()).catch((e) => e);
    expect(error.kind).toBe('redirect');
  });

  it('the polite fetcher uses these bounds', async () => {
    const fetchPage = createPoliteFetcher(fetch, { concurrency: 2, delayMs: 0, origin: site.origin, maxBytes: 4096 });
    await expect(fetchPage(`${site.origin}/endless`, signal())).rejects.toThrow(/Too large/);
    await expect(fetchPage(`${site.origin}/to-other`, signal())).rejects.toThrow(/Refused/);
  });
});

describe('the http → https upgrade of the same host', () => {
  const ok = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'text/html' } });

  it('is followed from a readable Location', async () => {
    const seen: string[] = [];
    const impl = (async (input: RequestInfo | URL) => {
      const url = String(input);
      seen.push(url);
      if (url.startsWith('http:'))
        return new Response(null, { status: 301, headers: { location: url.replace('http:', 'https:') } });
      return ok('secure');
    }) as typeof fetch;
    const page = await boundedFetch(impl, 'http://paper.test/a.htm', signal());
    expect(seen).toEqual(['http://paper.test/a.htm', 'https://paper.test/a.htm']);
    expect(page.url).toBe('https://paper.test/a.htm');
  });

  it('is tried once for an opaque redirect (browsers hide its Location), and nothing else is', async () => {
    const seen: string[] = [];
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;
    const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(String(input));
      expect(init?.redirect).toBe('manual');
      return String(input).startsWith('http:') ? opaque : ok('secure');
    }) as typeof fetch;
    expect((await boundedFetch(impl, 'http://paper.test/a.htm', signal())).url).toBe('https://paper.test/a.htm');
    expect(seen).toEqual(['http://paper.test/a.htm', 'https://paper.test/a.htm']);
    const always = (async () => opaque) as unknown as typeof fetch;
    await expect(boundedFetch(always, 'http://paper.test/b.htm', signal())).rejects.toThrow(/redirects off/);
  });

  it('allows only same origin or the same host upgraded', () => {
    expect(isAllowedRedirect('http://a.test/x', 'https://a.test/y')).toBe(true);
    expect(isAllowedRedirect('http://a.test/x', 'http://a.test/y')).toBe(true);
    expect(isAllowedRedirect('https://a.test/x', 'http://a.test/y')).toBe(false);
    expect(isAllowedRedirect('http://a.test/x', 'https://b.a.test/y')).toBe(false);
    expect(isAllowedRedirect('http://a.test:8080/x', 'https://a.test/y')).toBe(false);
    expect(isAllowedRedirect('http://a.test/x', 'https://a.test:8443/y')).toBe(false);
  });
});

describe('the default bounds, by their numbers', () => {
  it(`times out after REQUEST_TIMEOUT_MS (${REQUEST_TIMEOUT_MS} ms) and not before`, async () => {
    vi.useFakeTimers();
    try {
      const hanging = ((_: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('Aborted'), { name: 'AbortError' })));
        })) as typeof fetch;
      let outcome = '';
      boundedFetch(hanging, 'http://paper.test/a.htm', signal()).catch((e: FetchLimitError) => {
        outcome = e.kind;
      });
      await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
      expect(outcome).toBe('');
      await vi.advanceTimersByTimeAsync(1);
      expect(outcome).toBe('timeout');
      expect(REQUEST_TIMEOUT_MS).toBe(20_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it(`reads a page of MAX_PAGE_BYTES (${MAX_PAGE_BYTES}) and refuses one byte more`, async () => {
    const body = (n: number) => (async () => new Response(new Uint8Array(n), { status: 200 })) as unknown as typeof fetch;
    expect((await boundedFetch(body(MAX_PAGE_BYTES), 'http://paper.test/a.htm', signal())).bytes.byteLength).toBe(MAX_PAGE_BYTES);
    await expect(boundedFetch(body(MAX_PAGE_BYTES + 1), 'http://paper.test/a.htm', signal())).rejects.toThrow(/Too large/);
    expect([MAX_PAGE_BYTES, MAX_IMAGE_BYTES]).toEqual([4 * 1024 * 1024, 12 * 1024 * 1024]);
  });

  it(`follows at most MAX_REDIRECTS (${MAX_REDIRECTS}) same-origin hops`, async () => {
    const hops = (n: number) => {
      let seen = 0;
      return (async () =>
        seen++ < n
          ? new Response(null, { status: 302, headers: { location: `/hop${seen}` } })
          : new Response('ok', { status: 200 })) as unknown as typeof fetch;
    };
    expect((await boundedFetch(hops(MAX_REDIRECTS), 'http://paper.test/a.htm', signal())).url).toBe(
      `http://paper.test/hop${MAX_REDIRECTS}`,
    );
    await expect(boundedFetch(hops(MAX_REDIRECTS + 1), 'http://paper.test/a.htm', signal())).rejects.toThrow(/redirects/);
  });
});
