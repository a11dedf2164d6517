// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectHijack, hideVerdicts, scanForSpam, watchForSpam } from '../../../lib/spam';
import { readCorpusText, readManifest, requireCorpus } from '../../corpus';
import { loadPage, readFixture } from './helpers';
import { SPAM_LABELS } from './labels';

const WALL =
  '<div id="late">' +
  ['k3x9q', 'm8z2w', 'p4v7r', 'z9c3n'].map((h, i) => `<a href="http://${h}${i}.test/">国产精品久久综合${i}</a>|`).join(' ') +
  '</div>';

describe('watchForSpam', () => {
  it('hides a wall injected after load, once, and stops after disconnect', async () => {
    const doc = loadPage(readFixture('hant-edition.html'));
    doc.querySelector('.sitemap')!.remove();
    const changes: number[] = [];
    const stop = watchForSpam(doc, (n) => changes.push(n));
    doc.body.insertAdjacentHTML('beforeend', WALL);
    await new Promise((r) => setTimeout(r, 300));
    expect(doc.getElementById('late')!.getAttribute('data-qingdu-hidden')).toBe('wall');
    expect(changes).toEqual([1]);
    stop();
    doc.body.insertAdjacentHTML('beforeend', WALL.replace('late', 'later'));
    await new Promise((r) => setTimeout(r, 300));
    expect(doc.getElementById('later')!.hasAttribute('data-qingdu-hidden')).toBe(false);
    expect(changes).toEqual([1]);
  });
});

describe('detectHijack and the corpus', () => {
  const run = requireCorpus();
  it.runIf(run)('reports the hijacked page and none of the clean pages', () => {
    const hijacked = loadPage(readCorpusText('spam', 'real-weigui-hijacked-page-title-entity-traditional-pinyin.html'));
    const report = detectHijack(hijacked);
    expect(report.hijacked).toBe(true);
    expect(report.reasons.length).toBeGreaterThan(1);
    const clean = [
      ...readManifest<{ files: { file: string }[] }>('epaper').files.map((f) => ['epaper', f.file]),
      ...readManifest<{ files: { file: string }[] }>('seed').files.map((f) => ['seed', f.file]),
    ];
    for (const [dir, file] of clean) expect(detectHijack(loadPage(readCorpusText(dir, file))).hijacked, file).toBe(false);
  });
  it.runIf(run)('hides the seed wall named by the MANIFEST and none of its legit blocks', () => {
    const manifest = readManifest<any>('seed').files[0];
    const doc = loadPage(readCorpusText('seed', manifest.file));
    hideVerdicts(doc, scanForSpam(doc));
    for (const s of manifest.expected.spam)
      expect(doc.querySelector(s.css_selector)!.getAttribute('data-qingdu-hidden')).toBe('wall');
    for (const b of manifest.expected.legit_link_blocks) {
      const el = doc.querySelector(b.css_selector)!;
      expect(el.closest('[data-qingdu-hidden]') ?? el.querySelector('[data-qingdu-hidden]'), b.css_selector).toBeNull();
    }
  });
  it.runIf(run)('flags no block on the real e-paper pages (lexical pass)', () => {
    for (const f of readManifest<{ files: { file: string }[] }>('epaper').files) {
      const doc = loadPage(readCorpusText('epaper', f.file));
      expect(scanForSpam(doc), f.file).toEqual([]);
    }
  });
  it.runIf(run)('labels every corpus page of the spam, seed and epaper MANIFESTs', () => {
    for (const dir of ['spam', 'seed', 'epaper'] as const) {
      const files = (readManifest<any>(dir).files ?? readManifest<any>(dir).samples).map((f: { file: string }) => f.file);
      for (const file of files) expect(SPAM_LABELS[`corpus/${dir}/${file}`], file).toBeDefined();
    }
  });
});
