// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CollectState, collectIssue, createCollector } from '../../../lib/collect';
import {
  createFakeSite,
  extractFounderArticle,
  fixtureBytes,
  ISSUE_DIR,
  ORIGIN,
  parseFounderSection,
  sectionsOfFixture,
} from './fixture-site';

function decodeFixture(path: string): string {
  return new TextDecoder().decode(fixtureBytes(path));
}

/** The expected issue order, read from the fixture's own section pages. */
function expectedOrder(): { section: string; titles: string[]; urls: string[] }[] {
  const seen = new Set<string>();
  return sectionsOfFixture().map((section) => {
    const file = `fxrb/html/2024-03/15/${section.url.split('/').pop()}`;
    const list = parseFounderSection(decodeFixture(file), section.url).filter((a) => {
      const key = a.url.split('?')[0];
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { section: section.label, titles: list.map((a) => a.title), urls: list.map((a) => a.url) };
  });
}

function baseOptions(site: ReturnType<typeof createFakeSite>, updates: CollectState[] = []) {
  return {
    origin: ORIGIN,
    sections: sectionsOfFixture(),
    fetchPage: site.fetchPage,
    parseSection: parseFounderSection,
    extract: extractFounderArticle,
    delayMs: 0,
    onUpdate: (state: CollectState) => updates.push(state),
  };
}

function allItems(state: CollectState) {
  return state.sections.flatMap((s) => s.items);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('collectIssue on the fixture issue', () => {
  it('collects every unique article in issue order, once, and reports progress', async () => {
    const site = createFakeSite(() => new Promise((r) => setTimeout(r, 1)));
    const updates: CollectState[] = [];
    const state = await collectIssue(baseOptions(site, updates));
    const expected = expectedOrder();
    expect(expected.length).toBeGreaterThanOrEqual(4);

    expect(state.sections.map((s) => s.label)).toEqual(expected.map((e) => e.section));
    state.sections.forEach((section, i) => {
      expect(section.items.map((item) => item.item.title)).toEqual(expected[i].titles);
    });
    const uniqueCount = expected.reduce((n, e) => n + e.urls.length, 0);
    expect(state.total).toBe(uniqueCount);
    expect(state.done).toBe(uniqueCount);
    expect(state.finished).toBe(true);

    // Every URL fetched once: 4 section pages + each unique article.
    expect(new Set(site.requested).size).toBe(site.requested.length);
    expect(site.requested.length).toBe(expected.length + uniqueCount);
    expect(site.maxInFlight()).toBeLessThanOrEqual(2);

    // Progress is monotonic and ends finished.
    const dones = updates.map((u) => u.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(updates.at(-1)?.finished).toBe(true);
    expect(updates.some((u) => !u.finished && u.done > 0 && u.done < u.total)).toBe(true);
  });

  it('lists an article on two sections once, noting the other section', async () => {
    const site = createFakeSite();
    const state = await collectIssue(baseOptions(site));
    const labels = state.sections.map((s) => s.label);
    const shared = allItems(state).filter((i) => i.alsoIn && i.alsoIn.length > 0);
    expect(shared).toHaveLength(1);
    expect(shared[0].item.section).toBe(labels[0]);
    expect(shared[0].alsoIn).toEqual([labels[2]]);
    const key = shared[0].item.url.split('?')[0];
    expect(allItems(state).filter((i) => i.item.url.split('?')[0] === key)).toHaveLength(1);
  });

  it('decodes the GBK article', async () => {
    const site = createFakeSite();
    const state = await collectIssue(baseOptions(site));
    const gbk = allItems(state).find((i) => i.item.url.includes('content_105.htm'));
    expect(gbk?.status).toBe('done');
    expect(gbk?.article?.title).toBe(gbk?.item.title); // title list (UTF-8) matches the GBK page's own title
    expect(gbk?.article?.textContent).toMatch(/[\u4e00-\u9fff]{10}/);
  });

  it('lists a missing page with its error, shows the rest, and retry loads it', async () => {
    const site = createFakeSite();
    const updates: CollectState[] = [];
    const collector = createCollector(baseOptions(site, updates));
    const state = await collector.start();
    const failed = allItems(state).filter((i) => i.status === 'error');
    expect(failed).toHaveLength(1);
    expect(failed[0].error).toBe('HTTP 404');
    expect(allItems(state).filter((i) => i.status === 'done')).toHaveLength(state.total - 1);

    // The page appears on the server; retry fetches it again.
    const path = new URL(failed[0].item.url).pathname.slice(1);
    site.extra.set(path, fixtureBytes('fxrb/html/2024-03/15/content_110.htm'));
    const retried = await collector.retry(failed[0].item.url);
    const item = allItems(retried).find((i) => i.item.url === failed[0].item.url);
    expect(item?.status).toBe('done');
    expect(item?.error).toBeUndefined();
    expect(retried.done).toBe(retried.total);
    expect(collector.state().done).toBe(retried.total);
  });

  it('records a failed section list and retry fills it in', async () => {
    const site = createFakeSite();
    const sections = sectionsOfFixture();
    site.broken.add(new URL(sections[3].url).pathname.slice(1));
    const collector = createCollector(baseOptions(site));
    const state = await collector.start();
    expect(state.sections[3].error).toBe('HTTP 404');
    expect(state.sections[3].items).toHaveLength(0);
    expect(state.sections[0].items.length).toBeGreaterThan(0);

    site.broken.clear();
    const retried = await collector.retry(sections[3].url);
    expect(retried.sections[3].error).toBeUndefined();
    expect(retried.sections[3].items.map((i) => i.item.title)).toEqual(expectedOrder()[3].titles);
  });

  it('uses given title lists without fetching those sections', async () => {
    const site = createFakeSite();
    const [front] = sectionsOfFixture();
    const list = parseFounderSection(decodeFixture('fxrb/html/2024-03/15/node_1.htm'), front.url);
    const state = await collectIssue({ ...baseOptions(site), sections: [{ ...front, articles: list }] });
    expect(site.requested).not.toContain(front.url);
    expect(state.sections[0].items.map((i) => i.item.title)).toEqual(list.map((a) => a.title));
    expect(state.done).toBe(list.length);
  });

  it('starts on known articles before every section list has arrived, keeping issue order', async () => {
    const site = createFakeSite(() => new Promise((r) => setTimeout(r, 1)));
    const sections = sectionsOfFixture();
    const list = parseFounderSection(decodeFixture('fxrb/html/2024-03/15/node_1.htm'), sections[0].url);
    const state = await collectIssue({
      ...baseOptions(site),
      sections: [{ ...sections[0], articles: list }, ...sections.slice(1)],
    });
    expect(site.requested[0]).toBe(list[0].url);
    const lastListRequest = site.requested.indexOf(sections[sections.length - 1].url);
    expect(lastListRequest).toBeGreaterThan(0);
    state.sections.forEach((section, i) => {
      expect(section.items.map((item) => item.item.title)).toEqual(expectedOrder()[i].titles);
    });
  });

  it('refuses article links to another origin without fetching them', async () => {
    const site = createFakeSite();
    const [front] = sectionsOfFixture();
    const state = await collectIssue({
      ...baseOptions(site),
      sections: [{ ...front, articles: [{ title: '外站链接', url: 'http://elsewhere.test/content_1.htm' }] }],
    });
    expect(allItems(state)[0].status).toBe('error');
    expect(allItems(state)[0].error).toMatch(/Refused/);
    expect(site.requested).toHaveLength(0);
  });

  it('stays at 2 in flight with a pause between starts even with a raw fetchPage', async () => {
    vi.useFakeTimers();
    const starts: number[] = [];
    const site = createFakeSite(() => new Promise((r) => setTimeout(r, 500)));
    const timed = (url: string, signal: AbortSignal) => {
      starts.push(Date.now());
      return site.fetchPage(url, signal);
    };
    const running = collectIssue({ ...baseOptions(site), fetchPage: timed, concurrency: 5, delayMs: 200 });
    await vi.runAllTimersAsync();
    const state = await running;
    expect(state.finished).toBe(true);
    expect(site.maxInFlight()).toBe(2);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(200);
  });

  it('abort stops the remaining fetches and marks them cancelled', async () => {
    vi.useFakeTimers();
    const site = createFakeSite(() => new Promise((r) => setTimeout(r, 300)));
    const controller = new AbortController();
    const running = collectIssue({ ...baseOptions(site), delayMs: 200, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(2000);
    const requestedBeforeAbort = site.requested.length;
    controller.abort();
    await vi.runAllTimersAsync();
    const state = await running;
    expect(site.requested.length).toBe(requestedBeforeAbort);
    expect(site.requested.length).toBeLessThan(4 + state.total);
    const cancelled = allItems(state).filter((i) => i.error === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(state.finished).toBe(true);
  });

  it('keeps going when the UI callback throws or the extractor finds nothing', async () => {
    const site = createFakeSite();
    const state = await collectIssue({
      ...baseOptions(site),
      extract: (html, url) => (url.includes('content_101') ? null : extractFounderArticle(html, url)),
      onUpdate: () => {
        throw new Error('ui broke');
      },
    });
    const first = allItems(state).find((i) => i.item.url.includes('content_101'));
    expect(first?.status).toBe('error');
    expect(first?.error).toMatch(/No article/);
    expect(state.done).toBe(state.total);
  });
});

it('fixture article URLs are under the issue directory', () => {
  for (const e of expectedOrder()) for (const url of e.urls) expect(url.startsWith(ISSUE_DIR)).toBe(true);
});
