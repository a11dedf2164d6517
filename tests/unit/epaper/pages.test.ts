/**
 * The one data-driven test over tests/fixtures/epaper/<slug>/: what the code makes of each page
 * (system, paper, date, sections, current section, titles, previous/next issue, and on article
 * pages the title block and first/last body sentence) equals the page's expected.json.
 * Regenerate with `npx tsx scripts/write-expected.ts <slug>` and review the diff.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profiles } from '../../../lib/epaper/registry';
import { repoRoot } from '../../corpus';
import { epaperPages, expectedOf, observe } from '../../epaper-pages';

const pages = epaperPages();

describe('e-paper fixture pages', () => {
  it('there are pages to test, each with its expectations', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    for (const page of pages) expect(expectedOf(page), `${page.slug}/expected.json`).not.toBeNull();
  });

  it.each(pages.map((p) => [p.slug, p] as const))('%s', (_slug, page) => {
    const expected = expectedOf(page);
    expect(observe(page)).toEqual(expected);
  });
});

describe('every system is documented and tested', () => {
  const expectations = pages.map((p) => ({ slug: p.slug, exp: expectedOf(p) }));

  it.each(profiles.map((p) => [p.id] as const))('%s has a section page and an article page among the fixtures', (id) => {
    const own = expectations.filter((e) => e.exp?.system === id);
    expect(own.map((e) => e.exp?.kind)).toContain('section');
    if (id !== 'generic') expect(own.map((e) => e.exp?.kind)).toContain('article');
    // An article fixture's reader expectations are real: a title and a body.
    for (const e of own.filter((o) => o.exp?.kind === 'article')) {
      expect(e.exp?.article?.title, e.slug).toBeTruthy();
      expect(e.exp?.article?.firstSentence, e.slug).toBeTruthy();
    }
  });

  it('each profile lives in its own file named by its id', () => {
    const files = readdirSync(join(repoRoot, 'lib/epaper/systems')).filter((f) => f.endsWith('.ts'));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(profiles.map((p) => p.id).sort());
  });

  it("the README's list of systems names every profile, and only those", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- systems -->');
    const end = readme.indexOf('<!-- /systems -->');
    expect(start).toBeGreaterThan(-1);
    const listed = [...readme.slice(start, end).matchAll(/^\s*[-*|]\s*`([a-z0-9-]+)`/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(profiles.map((p) => p.id).sort());
  });
});
