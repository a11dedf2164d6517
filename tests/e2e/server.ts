/**
 * The fixture server: serves tests/fixtures/ and ../shared/corpus/ at realistic e-paper paths
 * on 127.0.0.1, with a Content-Type charset read from each page's own <meta> (GBK pages too).
 * Used by the e2e tests, the demo, the spam evaluation and the benchmarks.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { corpusDir, fixturesDir, hasCorpus } from '../corpus';

/** Realistic URL path → corpus file (relative to the corpus root). */
export const corpusRoutes: Record<string, string> = {
  '/newdzb/html/2022-07/26/content_23602.htm': 'seed/gysb-20220726-content_23602-article-hant-spam.html',
  '/kjrb/html/2023-02/10/node_2.htm': 'epaper/founder-classic-kjrb-20230210-node_2-section.html',
  '/hnsb/html/2022-02/12/content_547409.htm': 'epaper/founder-classic-hnsb-20220212-content_547409-article.html',
  '/xxcb/html/2014-05/21/content_2782508.htm':
    'epaper/founder-classic-xxcb-20140521-content_2782508-article.UNVERIFIED-BYTES.html',
  '/xzrb/202202/13/content_128707.html': 'epaper/founder-newtpl-xzrb-20220213-content_128707-article.html',
  '/rmrb/pc/layout/202412/25/node_01.html': 'epaper/rmrb-pc-20241225-node_01-section.html',
  '/tyxw/c/2021-11/25/content_183736.htm': 'epaper/founder-xinyu-cms-tywb-20211125-content_183736-nonepaper-article.html',
};

/** The seed page's path, used by many tests. */
export const SEED_PATH = '/newdzb/html/2022-07/26/content_23602.htm';

const types: Record<string, string> = {
  '.htm': 'text/html',
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.txt': 'text/plain',
};

/** The charset a page declares in its first bytes, as servers of these papers send it. */
export function sniffCharset(bytes: Buffer): string {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : 'utf-8';
}

function resolveFile(pathname: string): string | null {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  if (hasCorpus && corpusRoutes[clean]) return join(corpusDir, corpusRoutes[clean]);
  if (hasCorpus && clean.startsWith('/corpus/')) return join(corpusDir, clean.slice('/corpus/'.length));
  if (clean.startsWith('/fixtures/')) return join(fixturesDir, clean.slice('/fixtures/'.length));
  // Fixture issues live at their own paper's path, e.g. /fxrb/html/2024-03/15/node_1.htm.
  for (const dir of ['issue', 'demo-issue']) {
    const candidate = join(fixturesDir, dir, clean);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export interface FixtureServer {
  origin: string;
  port: number;
  url(path: string): string;
  /** Paths requested so far, in order (for politeness and privacy assertions). */
  requests: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const file = resolveFile(url.pathname);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>404</title><h1>404 Not Found</h1>');
      return;
    }
    const bytes = readFileSync(file);
    const ext = extname(file).toLowerCase();
    let type = types[ext] ?? 'application/octet-stream';
    if (type === 'text/html') type += `; charset=${sniffCharset(bytes)}`;
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${actual}`;
  return {
    origin,
    port: actual,
    url: (path: string) => origin + path,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
