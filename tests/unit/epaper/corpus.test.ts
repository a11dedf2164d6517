// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { adapters, detectIssue, issueUrlForDate, looksLikeEpaper } from '../../../lib/epaper';
import type { Issue } from '../../../lib/epaper/types';
import { parseSectionLabel, shiftIsoDate } from '../../../lib/epaper/util';
import { readCorpusText, readManifest, requireCorpus } from '../../corpus';
import { domFrom, resolve } from './helpers';

const hasCorpus = requireCorpus();

interface Entry {
  file: string;
  system: string;
  kind: string;
  url_if_known: string | null;
  expected: Record<string, any>;
}

/** The 潇湘晨报 page has no known URL; its links say `…/html/2014-05/21/content_N.htm` on epaper.xxcb.cn. */
function pageUrl(entry: Entry): string {
  if (entry.url_if_known) return entry.url_if_known;
  const [y, m, d] = String(entry.expected.issue_date).split('-');
  const id = /content_(\d+)/.exec(entry.file)?.[1];
  return `http://epaper.xxcb.cn/xxcb/html/${y}-${m}/${d}/content_${id}.htm`;
}

function allUrls(issue: Issue): string[] {
  const one = [
    issue.prevSection,
    issue.nextSection,
    issue.prevArticle,
    issue.nextArticle,
    issue.prevIssue,
    issue.nextIssue,
    issue.pdf,
    issue.pageImage,
    issue.frontSection,
  ].filter((u): u is string => !!u);
  return [...one, ...issue.sections.map((s) => s.url), ...issue.articles.map((a) => a.url)];
}

const entries: Entry[] = hasCorpus ? readManifest<{ files: Entry[] }>('epaper').files : [];
const epaperEntries = entries.filter((e) => !e.file.includes('nonepaper'));
const controlEntries = entries.filter((e) => e.file.includes('nonepaper'));

describe.runIf(hasCorpus)('corpus e-paper pages (MANIFEST)', () => {
  it('has e-paper pages and a control page to test', () => {
    expect(epaperEntries.length).toBeGreaterThanOrEqual(5);
    expect(controlEntries.length).toBeGreaterThanOrEqual(1);
  });

  describe.each(epaperEntries.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    const url = pageUrl(entry);
    const doc = domFrom(readCorpusText('epaper', entry.file), url);
    const issue = detectIssue(doc, url);
    const ex = entry.expected;

    it('is detected as its system, with kind and date', () => {
      expect(looksLikeEpaper(doc, url)).toBe(true);
      expect(issue).not.toBeNull();
      expect(issue!.system).toBe(entry.system.split(' ')[0]);
      expect(issue!.kind).toBe(entry.kind);
      expect(issue!.date).toBe(ex.issue_date);
    });

    it('names the paper as the page does', () => {
      expect(issue!.paper).not.toBe('');
      if (ex.page_title_tag) expect(ex.page_title_tag).toContain(issue!.paper);
      if (ex.metadata_comment) expect(ex.metadata_comment).toContain(issue!.paper);
    });

    it('lists the sections exactly, with resolved links and the current one', () => {
      if (!ex.sections) {
        expect(issue!.sections).toEqual([]);
        expect(issue!.currentSection).toBe(-1);
        return;
      }
      expect(issue!.sections.map((s) => s.label)).toEqual(ex.sections);
      const links: string[] = ex.section_links;
      if (links.includes('…')) {
        expect(issue!.sections[0].url).toBe(resolve(links[0], url));
        expect(issue!.sections.at(-1)!.url).toBe(resolve(links.at(-1)!, url));
      } else {
        expect(issue!.sections.map((s) => s.url)).toEqual(links.map((l) => resolve(l, url)));
      }
      const current = parseSectionLabel(ex.current_section);
      const shown = issue!.sections[issue!.currentSection];
      expect(shown.current).toBe(true);
      expect(shown.number).toBe(current.number);
      expect(shown.name).toBe(current.name);
      expect(issue!.sections.filter((s) => s.current)).toHaveLength(1);
      expect(issue!.frontSection).toBe(issue!.sections[0].url);
    });

    it("lists the current section's article titles with resolved links", () => {
      const titles: string[] | undefined = ex.article_titles ?? ex.article_titles_on_this_page;
      if (!titles) {
        expect(issue!.articles).toEqual([]);
        return;
      }
      expect(issue!.articles.map((a) => a.title)).toEqual(titles);
      if (ex.article_links) {
        expect(issue!.articles.map((a) => a.url)).toEqual(ex.article_links.map((l: string) => resolve(l, url)));
      }
      const current = issue!.articles.filter((a) => a.current);
      if (entry.kind === 'article') {
        expect(current).toHaveLength(1);
        expect(current[0].title).toBe(ex.title);
      } else {
        expect(current).toHaveLength(0);
      }
    });

    it('finds previous/next section and article links the page has', () => {
      if (ex.next_section_link) expect(issue!.nextSection).toBe(resolve(ex.next_section_link, url));
      if (ex.prev_section_link) expect(issue!.prevSection).toBe(resolve(ex.prev_section_link, url));
      if ('prev_section_link' in ex && ex.prev_section_link === null) expect(issue!.prevSection).toBeUndefined();
      if (ex.next_article_link) expect(issue!.nextArticle).toBe(resolve(ex.next_article_link, url));
      if (ex.back_to_section_link) expect(issue!.frontSection).toBe(resolve(ex.back_to_section_link, url));
    });

    it('finds the PDF and the page scan', () => {
      if (ex.pdf_link) expect(issue!.pdf).toBe(resolve(ex.pdf_link, url));
      const scan =
        ex.images?.find((i: any) => i.role?.startsWith('page scan'))?.src ?? /page scan (\S+)/.exec(ex.images_note ?? '')?.[1];
      expect(scan).toBeTruthy();
      expect(issue!.pageImage).toBe(resolve(scan, url));
    });

    it('derives previous/next issue when the page has no real links', () => {
      // The manifest gives no real anchors here (null, or "#" for JS buttons).
      expect(ex.prev_issue_link === null || ex.prev_issue_link === '#').toBe(true);
      if (!issue!.frontSection) {
        expect(issue!.prevIssue).toBeUndefined();
        return;
      }
      const adapter = adapters.find((a) => a.id === issue!.system)!;
      const prev = adapter.frontSectionUrl(new URL(url), shiftIsoDate(ex.issue_date, -1), issue!);
      const next = adapter.frontSectionUrl(new URL(url), shiftIsoDate(ex.issue_date, 1), issue!);
      expect(prev).toBeTruthy();
      expect(issue!.prevIssue).toBe(prev);
      expect(issue!.nextIssue).toBe(next);
      expect(issue!.prevIssue).not.toBe(issue!.frontSection);
    });

    it('moves to another date keeping the front section file and directory', () => {
      const other = issueUrlForDate(issue!, url, '2021-03-04');
      if (!issue!.frontSection) {
        expect(other).toBeNull();
        return;
      }
      const front = new URL(issue!.frontSection);
      const moved = new URL(other!);
      expect(moved.host).toBe(front.host);
      expect(moved.pathname.split('/').at(-1)).toBe(front.pathname.split('/').at(-1));
      expect(moved.pathname).toMatch(/\/2021-?03\/04\//);
      expect(moved.pathname).not.toBe(front.pathname);
      // Same date → the issue's own front section.
      expect(issueUrlForDate(issue!, url, ex.issue_date)).toBe(issue!.frontSection);
    });

    it('keeps only same-site http(s) links', () => {
      const host = new URL(url).host;
      for (const link of allUrls(issue!)) {
        const u = new URL(link);
        expect(['http:', 'https:']).toContain(u.protocol);
        expect(u.host).toBe(host);
      }
    });
  });

  it.each(controlEntries.map((e) => [e.file, e] as const))('control %s is not an e-paper', (_f, entry) => {
    const url = pageUrl(entry);
    const doc = domFrom(readCorpusText('epaper', entry.file), url);
    expect(detectIssue(doc, url)).toBeNull();
    expect(looksLikeEpaper(doc, url)).toBe(false);
    for (const adapter of adapters) expect(adapter.matches(doc, new URL(url))).toBe(false);
  });
});

interface SeedEntry {
  file: string;
  system: string;
  kind: string;
  url_if_served: string;
  expected: Record<string, any>;
}

describe.runIf(hasCorpus)('seed page (MANIFEST)', () => {
  const seed = hasCorpus ? readManifest<{ files: SeedEntry[] }>('seed').files[0] : undefined;
  it('parses the Founder classic article page', () => {
    const entry = seed!;
    const ex = entry.expected;
    const url = entry.url_if_served.replace('PORT', '8080');
    const doc = domFrom(readCorpusText('seed', entry.file), url);
    const issue = detectIssue(doc, url)!;
    expect(issue).not.toBeNull();
    expect(ex.is_epaper).toBe(true);
    expect(issue.system).toBe(entry.system);
    expect(issue.kind).toBe(entry.kind);
    expect(issue.paper).toBe(ex.paper);
    expect(issue.date).toBe(ex.issue_date);
    expect(issue.sections.map((s) => s.label)).toEqual(ex.sections);
    expect(issue.sections[issue.currentSection].label).toBe(ex.current_section);
    expect(issue.sections.filter((s) => s.current)).toHaveLength(1);
    expect(issue.articles.map((a) => a.title)).toEqual(ex.article_titles);
    const current = issue.articles.filter((a) => a.current);
    expect(current.map((a) => a.title)).toEqual([ex.title]);
    expect(issue.prevIssue).toBe(resolve(ex.prev_issue_href, url));
    expect(issue.nextIssue).toBe(resolve(ex.next_issue_href, url));
    // The injected wall's off-site links never leak into the issue.
    for (const s of issue.sections) expect(new URL(s.url).host).toBe(new URL(url).host);
    const i = issue.currentSection;
    expect(issue.prevSection).toBe(issue.sections[i - 1].url);
    expect(issue.nextSection).toBe(issue.sections[i + 1].url);
    expect(issue.frontSection).toBe(issue.sections[0].url);
  });
});
