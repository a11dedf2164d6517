/**
 * The fixture server: serves tests/fixtures/ and ../shared/corpus/ at realistic e-paper paths
 * on 127.0.0.1, with a Content-Type charset read from each page's own <meta> (GBK pages too).
 * Used by the e2e tests, the demo, the spam evaluation and the benchmarks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { corpusDir, fixturesDir, hasCorpus } from '../corpus';
import { hostileRoute } from './hostile-site';

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

/**
 * E-paper fixture pages (tests/fixtures/epaper/<slug>/) at the path of their url.txt, served as
 * HTML with charset.txt's charset when the page's own <meta> lies.
 */
export function epaperFixtureRoutes(): Map<string, { file: string; charset?: string }> {
  const routes = new Map<string, { file: string; charset?: string }>();
  const root = join(fixturesDir, 'epaper');
  if (!existsSync(root)) return routes;
  for (const d of readdirSync(root, { withFileTypes: true })) {
    const urlFile = join(root, d.name, 'url.txt');
    if (!d.isDirectory() || !existsSync(urlFile)) continue;
    const charsetFile = join(root, d.name, 'charset.txt');
    routes.set(new URL(readFileSync(urlFile, 'utf8').trim()).pathname, {
      file: join(root, d.name, 'source.html'),
      charset: existsSync(charsetFile) ? readFileSync(charsetFile, 'utf8').trim() : undefined,
    });
  }
  return routes;
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

/**
 * Pages made on request for stress tests: `/generated/huge.htm` has about 50,000 nodes (an
 * e-paper article with a long body, a 版面 list and a spam wall) and rewrites itself every
 * 50 ms for 3 seconds, the way badly built pages do.
 */
function generatedPage(pathname: string): string | null {
  if (pathname !== '/generated/huge.htm') return null;
  const sections = Array.from({ length: 8 }, (_, i) => `<a id=pageLink href=node_${i + 1}.htm>第0${i + 1}版：要闻</a>`).join(
    '<br>',
  );
  const paragraphs = Array.from(
    { length: 8000 },
    (_, i) => `<p>&nbsp;&nbsp;第${i}段：本报讯 <span>城市</span>建设<b>持续</b>推进，<a href="content_${i}.htm">详情</a>。</p>`,
  ).join('');
  const wall = Array.from(
    { length: 30 },
    (_, i) => `<a href="http://w${i}.zq${9100 + i}k.com/">久久精品国产亚洲综合${i}</a>`,
  ).join('|');
  return `<!doctype html><html><head><meta charset="utf-8"><title>大页面测试</title></head><body>
<div id="bmdh">${sections}</div><div id="ozoom">${paragraphs}</div>
<div id="ticker">0</div>
<div class="sitemap-links">主站蜘蛛池模板: ${wall}</div>
<script>var n=0;var t=setInterval(function(){document.getElementById('ticker').textContent=String(++n);if(n>=60)clearInterval(t);},50);</script>
</body></html>`;
}

export interface FixtureServer {
  origin: string;
  port: number;
  url(path: string): string;
  /** Paths requested so far, in order (for politeness and privacy assertions). */
  requests: string[];
  /** `host path` of each request under /hostile/, to tell 127.0.0.1 from localhost. */
  hostRequests: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const requests: string[] = [];
  const hostRequests: string[] = [];
  const epaperRoutes = epaperFixtureRoutes();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    // The hostile e-paper of issue 13 (tests/e2e/hostile-site.ts); the Host is logged to tell origins apart.
    if (url.pathname.startsWith('/hostile/')) hostRequests.push(`${req.headers.host ?? ''} ${url.pathname}`);
    if (hostileRoute(req, res, url.pathname)) return;
    const generated = generatedPage(url.pathname);
    if (generated) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(generated);
      return;
    }
    const fixture = epaperRoutes.get(url.pathname);
    if (fixture) {
      const bytes = readFileSync(fixture.file);
      res.writeHead(200, {
        'content-type': `text/html; charset=${fixture.charset ?? sniffCharset(bytes)}`,
        'cache-control': 'no-store',
      });
      res.end(bytes);
      return;
    }
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
    hostRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
