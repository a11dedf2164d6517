// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { adapters, detectIssue, looksLikeEpaper } from '../../../lib/epaper';
import { QUICK } from '../../../lib/epaper/quick';
import { EPAPER_PATH_RE, profiles } from '../../../lib/epaper/registry';
import { domFrom, fixtureDoc } from './helpers';

describe('registry', () => {
  it('has one adapter per profile, distinct ids, generic last', () => {
    expect(adapters.map((a) => a.id)).toEqual(profiles.map((p) => p.id));
    expect(new Set(adapters.map((a) => a.id)).size).toBe(adapters.length);
    expect(adapters.at(-1)!.id).toBe('generic');
  });

  it("the content script's quick test (lib/epaper/quick.ts) has exactly the profiles' quick data", () => {
    expect(Object.keys(QUICK).sort()).toEqual(profiles.map((p) => p.id).sort());
    for (const p of profiles) {
      expect(QUICK[p.id].path?.source, p.id).toBe(p.quick?.path?.source);
      expect(QUICK[p.id].path?.flags ?? '', p.id).toBe(p.quick?.path?.flags ?? '');
      expect([...(QUICK[p.id].ids ?? [])], p.id).toEqual([...(p.quick?.ids ?? [])]);
    }
  });

  it('derives the quick path test from every profile that declares a path shape', () => {
    for (const p of profiles) {
      if (!p.quick?.path) continue;
      expect(EPAPER_PATH_RE.source).toContain(p.quick.path.source);
    }
  });

  it('a throwing adapter does not throw into the page', () => {
    const url = 'http://szb.example.cn/hbrb/html/2020-01/06/node_5.htm';
    const doc = fixtureDoc('founder-classic-24-sections', url);
    const broken = new Proxy(doc, {
      get(target, prop) {
        if (prop === 'querySelectorAll' || prop === 'getElementsByTagName') throw new Error('boom');
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    expect(() => detectIssue(broken, url)).not.toThrow();
    expect(detectIssue(broken, url)).toBeNull();
  });
});

describe('speed on a 50,000-node ordinary page', () => {
  it('pre-check and detection stay fast and find nothing', () => {
    const paragraphs = Array.from(
      { length: 7500 },
      (_, i) => `<div class="c"><p>第${i}段文字<a href="/p/${i}">链接${i}</a><span>说明</span></p></div>`,
    ).join('');
    const url = 'https://news.example.com/2021/03/04/story.html';
    const doc = domFrom(`<!DOCTYPE html><html><head><title>新闻</title></head><body>${paragraphs}</body></html>`, url);
    const nodes = doc.createTreeWalker(doc, 0xffffffff);
    let count = 0;
    while (nodes.nextNode()) count++;
    expect(count).toBeGreaterThan(50000);
    // jsdom builds its id/tag caches on the first lookup; that one-off cost is jsdom's, not ours.
    doc.getElementById('warm-up');
    doc.getElementsByTagName('a').length;
    const t0 = performance.now();
    expect(looksLikeEpaper(doc, url)).toBe(false);
    expect(detectIssue(doc, url)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
