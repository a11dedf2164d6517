import { readFileSync } from 'node:fs';
import * as Cn2t from 'opencc-js/cn2t';
import * as T2cn from 'opencc-js/t2cn';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ConvertFn,
  composeRepair,
  detectScript,
  diffChanges,
  estimateRepair,
  hansSourceOf,
  makeConverter,
  PageRepairer,
  previewRepair,
  REPAIR_VARIANTS,
  type RepairVariant,
  type RoundTripPair,
  repairOffer,
  repairText,
  repairWhereTraditional,
  roundTrip,
  visibleTextSample,
} from '../../../lib/convert';
import { corpusPath, readCorpusText, requireCorpus } from '../../corpus';
import { domOf, fixtureHtml, settle } from './helpers';

const pairs = new Map<RepairVariant, RoundTripPair>();
let tw: RoundTripPair;
let toTw: ConvertFn;
beforeAll(() => {
  for (const v of REPAIR_VARIANTS) {
    pairs.set(v, { toHans: makeConverter(T2cn, 'hans', hansSourceOf(v)), toHant: makeConverter(Cn2t, v) });
  }
  tw = pairs.get('tw')!;
  toTw = tw.toHant;
});

const hasCorpus = requireCorpus();
const seedHtml = () => readFileSync(corpusPath('seed', 'gysb-20220726-content_23602-article-hant-spam.html'), 'utf8');

describe('diffChanges', () => {
  it('finds runs of adjacent changed characters', () => {
    expect(diffChanges('按摩后開始，鑒于老人', '按摩後開始，鑑於老人')).toEqual([
      { start: 2, end: 3, before: '后', after: '後', chars: 1 },
      { start: 6, end: 8, before: '鑒于', after: '鑑於', chars: 2 },
    ]);
    expect(diffChanges('相同', '相同')).toEqual([]);
  });

  it('treats a change of length as one run between the common ends', () => {
    expect(diffChanges('甲乙丙', '甲丁戊丙')).toEqual([{ start: 1, end: 2, before: '乙', after: '丁戊', chars: 2 }]);
  });
});

describe.runIf(hasCorpus)('the seed article (a Traditional page converted character by character)', () => {
  /** Each changed run inside the article body, as `before→after`, in document order. */
  function articleRuns(doc: Document, places: { node: Text; before: string; after: string }[]): string[] {
    const article = doc.querySelector('#ozoom')!;
    return places.filter((p) => article.contains(p.node)).map((p) => `${p.before}→${p.after}`);
  }

  it('chooses Taiwan, whose round trip changes 20 characters, over Hong Kong (36) and standard', () => {
    const doc = domOf(seedHtml()).window.document;
    const text = doc.querySelector('#ozoom')!.textContent!;
    const estimate = estimateRepair(text, pairs);
    expect(estimate.variant).toBe('tw');
    expect(estimate.fixes).toBe(20);
    const hk = estimate.scores.find((s) => s.variant === 'hk')!;
    expect(hk.changed).toBe(36);
    expect(hk.changedCorrect).toBe(16);
    expect(estimate.scores.find((s) => s.variant === 'tw')!.changedCorrect).toBe(0);
    expect(estimate.simplifiedOnly).toBeGreaterThanOrEqual(15);
  });

  it('repairs the 20 botched characters in place, in document order, and nothing else', () => {
    const doc = domOf(seedHtml()).window.document;
    const repairer = new PageRepairer(doc);
    const stats = repairer.apply(roundTrip(tw));
    // The list (后×4, 于, 并, 志愿×4, 干部, 采取, 筑, 鑒于, 癌癥, 借助, 了解), plus the
    // Simplified 罢 in the page's mojibake run and 匯集→彙集: 20 characters.
    expect(articleRuns(doc, stats.places)).toEqual([
      '后→後',
      '癥→症',
      '后→後',
      '罢→罷',
      '了→瞭',
      '后→後',
      '于→於',
      '并→並',
      '鑒于→鑑於',
      '借→藉',
      '愿→願',
      '匯→彙',
      '筑→築',
      '采→採',
      '后→後',
      '愿→願',
      '干→幹',
      '愿→願',
      '愿→願',
    ]);
    const inArticle = stats.places.filter((p) => doc.querySelector('#ozoom')!.contains(p.node));
    expect(inArticle.reduce((n, p) => n + p.chars, 0)).toBe(20);
    const body = doc.querySelector('#ozoom')!.textContent!;
    for (const fixed of ['最後一米', '於2022年', '志願者', '民政幹部', '按摩後開始', '採取', '築牢', '鑑於', '癌症', '藉助'])
      expect(body).toContain(fixed);
    // Each place points at the characters it changed.
    for (const p of stats.places) expect(p.node.data.slice(p.start, p.end)).toBe(p.after);
  });

  it('writes into the page exactly the plain-string round trip, paragraph by paragraph', () => {
    const doc = domOf(seedHtml()).window.document;
    const paragraphs = [...doc.querySelectorAll('#ozoom p')];
    const before = paragraphs.map((p) => p.textContent!);
    new PageRepairer(doc).apply(roundTrip(tw));
    for (const [i, p] of paragraphs.entries()) expect(p.textContent).toBe(repairText(before[i], tw).text);
    expect(doc.title).toBe(roundTrip(tw)(domOf(seedHtml()).window.document.title));
  });

  it('counts the same fixes without touching the page (preview) as the repair makes', () => {
    const doc = domOf(seedHtml()).window.document;
    const html = doc.documentElement.outerHTML;
    const preview = previewRepair(doc, roundTrip(tw));
    expect(doc.documentElement.outerHTML).toBe(html);
    const applied = new PageRepairer(doc).apply(roundTrip(tw));
    expect(preview.fixes).toBe(applied.fixes);
    expect(preview.fixes).toBeGreaterThan(20);
  });

  it('leaves text hidden as spam alone', () => {
    const doc = domOf(seedHtml()).window.document;
    const wall = doc.querySelector('div.sitemap-links')!;
    wall.setAttribute('data-qingdu-hidden', 'wall');
    const wallText = wall.textContent;
    const stats = new PageRepairer(doc).apply(roundTrip(tw));
    expect(wall.textContent).toBe(wallText);
    expect(stats.places.some((p) => wall.contains(p.node))).toBe(false);
  });

  it('restores the page exactly', () => {
    const doc = domOf(seedHtml()).window.document;
    const html = doc.documentElement.outerHTML;
    const repairer = new PageRepairer(doc);
    repairer.apply(roundTrip(tw));
    expect(doc.documentElement.outerHTML).not.toBe(html);
    repairer.restore();
    expect(doc.documentElement.outerHTML).toBe(html);
    expect(repairer.isApplied).toBe(false);
  });

  it('offers the repair on this Traditional page, with the page count', () => {
    const doc = domOf(seedHtml()).window.document;
    const offer = repairOffer(detectScript(doc), visibleTextSample(doc), pairs, (v) =>
      previewRepair(doc, roundTrip(pairs.get(v)!)),
    );
    expect(offer?.variant).toBe('tw');
    expect(offer?.fixes).toBe(previewRepair(doc, roundTrip(tw)).fixes);
  });
});

describe.runIf(hasCorpus)("OpenCC's golden document (the US constitution, s2tw)", () => {
  const input = () => readCorpusText('opencc-cases', 'golden', 'input', 'us_constitution_zhs.txt');
  const golden = () => readCorpusText('opencc-cases', 'golden', 'output', 'us_constitution_zhs.s2tw.txt');
  const differing = (a: string, b: string) => {
    const at: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) at.push(i);
    return at;
  };

  it('leaves the correct Taiwan output unchanged', () => {
    expect(repairText(golden(), tw).changes).toEqual([]);
  });

  it('fully repairs the document converted character by character (no phrases)', () => {
    const charByChar = [...input()].map((ch) => toTw(ch)).join('');
    expect(differing(charByChar, golden()).length).toBe(42);
    expect(repairText(charByChar, tw).text).toBe(golden());
  });

  it('repairs the correct output with a third of its converted characters put back to Simplified, but the known ambiguity', () => {
    const src = input();
    const out = golden();
    const converted = differing(src, out);
    const chars = [...out];
    converted.forEach((at, k) => {
      if (k % 3 === 0) chars[at] = src[at];
    });
    const leftovers = chars.join('');
    expect(differing(leftovers, out).length).toBeGreaterThan(750);
    const left = differing(repairText(leftovers, tw).text, out);
    expect(left.length).toBeLessThanOrEqual(3);
    // Anything left over is the known ambiguity 馬里蘭 / 馬裡蘭.
    for (const at of left) expect(out.slice(at - 2, at + 3)).toContain('馬里蘭');
  });
});

describe('pages that need no repair', () => {
  it('a correct Traditional page: nothing to repair, nothing offered', () => {
    const doc = domOf(fixtureHtml('traditional-correct.html')).window.document;
    expect(detectScript(doc)).toBe('hant');
    expect(previewRepair(doc, roundTrip(tw)).fixes).toBe(0);
    const offer = repairOffer(detectScript(doc), visibleTextSample(doc), pairs, (v) =>
      previewRepair(doc, roundTrip(pairs.get(v)!)),
    );
    expect(offer).toBeNull();
  });

  it('a Simplified page: nothing offered, though its round trip would rewrite it all', () => {
    const doc = domOf(fixtureHtml('simplified-page.html')).window.document;
    expect(detectScript(doc)).toBe('hans');
    expect(previewRepair(doc, roundTrip(tw)).fixes).toBeGreaterThan(50);
    const offer = repairOffer(detectScript(doc), visibleTextSample(doc), pairs, (v) =>
      previewRepair(doc, roundTrip(pairs.get(v)!)),
    );
    expect(offer).toBeNull();
  });
});

describe('live pages', () => {
  it('repairs text the page adds while the repair is applied, and restores it', async () => {
    const dom = domOf(fixtureHtml('traditional-correct.html'));
    const doc = dom.window.document;
    const repairer = new PageRepairer(doc);
    repairer.apply(roundTrip(tw));
    repairer.watch();
    const p = doc.createElement('p');
    p.textContent = '活動結束后，志愿者繼續服務。';
    doc.body.append(p);
    await settle();
    expect(p.textContent).toBe('活動結束後，志願者繼續服務。');
    expect(repairer.stats().fixes).toBe(2);
    repairer.restore();
    expect(p.textContent).toBe('活動結束后，志愿者繼續服務。');
  });
});

describe('the repair for articles fetched for whole-section reading', () => {
  it('repairs Traditional or mixed text only, never Simplified text', () => {
    const repair = repairWhereTraditional(roundTrip(tw));
    expect(repair('社工站成立后，志愿者與民政干部共同面對。')).toBe('社工站成立後，志願者與民政幹部共同面對。');
    expect(repair('社工站成立后，志愿者与民政干部共同面对。')).toBe('社工站成立后，志愿者与民政干部共同面对。');
  });

  it('goes under the conversion: repaired, then converted; alone it keeps its variant as the target', () => {
    const toHans = makeConverter(T2cn, 'hans', 't');
    const composed = composeRepair({ variant: 'tw', convert: roundTrip(tw) }, { target: 'hans', convert: toHans })!;
    expect(composed.target).toBe('hans');
    expect(composed.convert('成立后，志愿者')).toBe(toHans(roundTrip(tw)('成立后，志愿者')));
    expect(composeRepair({ variant: 'hk', convert: roundTrip(tw) }, null)?.target).toBe('hk');
    expect(composeRepair(null, null)).toBeNull();
    const conversion = { target: 'hans' as const, convert: toHans };
    expect(composeRepair(null, conversion)).toBe(conversion);
  });
});
