// @vitest-environment jsdom
/**
 * The exported EPUB of the demo issue, judged by Debian's epubcheck: 0 errors, 0 warnings.
 * Runs when epubcheck is installed (EPUBCHECK or /usr/bin/epubcheck, a jar run with java);
 * without it the test is skipped with a notice, and under CI=true that is a failure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEpub } from '../../../lib/export';
import { article } from './book-fixture';
import { demoBook } from './demo-book';

const EPUBCHECK = process.env.EPUBCHECK ?? '/usr/bin/epubcheck';

function hasEpubcheck(): boolean {
  if (existsSync(EPUBCHECK)) return true;
  if (process.env.CI === 'true') throw new Error(`epubcheck is missing at ${EPUBCHECK}; it is required under CI=true`);
  console.warn(`NOTICE: epubcheck not found at ${EPUBCHECK}: the EPUB conformance test is skipped.`);
  return false;
}

interface Report {
  messages: { ID: string; severity: string; message: string; locations: { path: string }[] }[];
}

/** Runs epubcheck on the bytes; returns its messages of severity WARNING or worse. */
function epubcheck(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'qingdu-epubcheck-'));
  try {
    const file = join(dir, 'book.epub');
    const out = join(dir, 'report.json');
    writeFileSync(file, bytes);
    try {
      // Debian installs the jar itself as /usr/bin/epubcheck; java runs it with or without binfmt.
      execFileSync('java', ['-jar', EPUBCHECK, file, '--json', out], { stdio: 'pipe', timeout: 170_000 });
    } catch {
      // A non-zero exit means problems were found; the report says which.
    }
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    return report.messages
      .filter((m) => ['FATAL', 'ERROR', 'WARNING'].includes(m.severity))
      .map((m) => `${m.severity} ${m.ID} ${m.locations[0]?.path ?? ''}: ${m.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BEACONS = [
  '<p>正文在前。</p>',
  '<video src="http://beacon.test/v.mp4" poster="http://beacon.test/poster.jpg" controls><source src="http://beacon.test/v.webm" type="video/webm"><track src="http://beacon.test/t.vtt" kind="captions">不支持视频</video>',
  '<audio src="https://beacon.test/a.mp3"><source src="https://beacon.test/a.ogg"></audio>',
  '<p><img src="http://beacon.test/pixel.gif" alt="像素"></p><picture><source srcset="http://beacon.test/p.webp"><img src="http://beacon.test/p.jpg" alt=""></picture>',
  '<p>正文在后。</p>',
].join('');

describe.runIf(hasEpubcheck())('epubcheck', () => {
  it('passes the demo issue’s EPUB (plus a page planting media beacons) with 0 errors and 0 warnings', {
    timeout: 180_000,
  }, async () => {
    const book = await demoBook();
    const articles = book.sections.flatMap((s) => s.articles);
    expect(articles.length).toBe(8);
    expect(book.cover).toBeDefined();
    expect(book.images?.size).toBeGreaterThan(0);
    book.sections.push({
      label: '第05版：测试',
      articles: [article(9, '埋了信标的页面', BEACONS, { url: 'http://qxrb.demo.test/qxrb/html/2025-06/18/content_109.htm' })],
    });
    expect(epubcheck(buildEpub(book))).toEqual([]);
  });
});
