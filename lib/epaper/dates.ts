/** Moving an issue URL to another date: the date forms of e-paper paths and the front file. */
import type { IssueData as Issue } from './types';
import { dateFromText, fileName, isoParts } from './util';

/** A date layout in a path (matched on the directory part before the file), and how to write it. */
export interface PathDateForm {
  re: RegExp;
  write: (y: string, m: string, d: string) => string;
}

/** Date directories right before the file name (`…/2023-02/10/node_2.htm`). */
export const DATE_FORMS = {
  /** `/2023-02/10/` (Founder classic, nbs). */
  yyyyMmSlashDd: { re: /\/(\d{4})-(\d{2})\/(\d{2})\/$/, write: (y, m, d) => `/${y}-${m}/${d}/` },
  /** `/202412/25/` (Founder new). */
  yyyymmSlashDd: { re: /\/(\d{4})(\d{2})\/(\d{2})\/$/, write: (y, m, d) => `/${y}${m}/${d}/` },
  /** `/2024-12-25/`. */
  yyyyMmDd: { re: /\/(\d{4})-(\d{2})-(\d{2})\/$/, write: (y, m, d) => `/${y}-${m}-${d}/` },
  /** `/20241225/`. */
  yyyymmdd: { re: /\/(\d{4})(\d{2})(\d{2})\/$/, write: (y, m, d) => `/${y}${m}${d}/` },
} satisfies Record<string, PathDateForm>;

/** The same forms anywhere in the directory (`…/hrb/20240315/html/page_01.htm`), tried in order. */
export const ALL_DATE_FORMS: readonly PathDateForm[] = Object.values(DATE_FORMS).map((f) => ({
  re: new RegExp(f.re.source.replace(/\$$/, '')),
  write: f.write,
}));

/**
 * `url` with its date directory moved to `isoDate` and its file replaced by `file`
 * (or by the issue's own front section file when `file` is 'issue-front'); null when the
 * path has no such date or the file is unknown.
 */
export function movedToDate(
  url: URL,
  isoDate: string,
  form: PathDateForm,
  file: string | ((url: URL) => string) | 'issue-front',
  issue?: Issue,
): string | null {
  const parts = isoParts(isoDate);
  if (!parts) return null;
  const dir = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
  const m = form.re.exec(dir);
  if (!m) return null;
  const name =
    file === 'issue-front'
      ? issue?.frontSection
        ? fileName(issue.frontSection)
        : ''
      : typeof file === 'string'
        ? file
        : file(url);
  if (!name) return null;
  const next = new URL(url.href);
  next.pathname = dir.slice(0, m.index) + form.write(parts.y, parts.m, parts.d) + dir.slice(m.index + m[0].length) + name;
  next.search = '';
  next.hash = '';
  return next.href;
}

/** The first date directory of `path` in one of `forms`, as ISO, with the form that matched. */
export function dateInPath(
  path: string,
  forms: readonly PathDateForm[] = ALL_DATE_FORMS,
): { iso: string; form: PathDateForm } | null {
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  for (const form of forms) {
    const m = form.re.exec(dir);
    if (!m) continue;
    const iso = dateFromText(`${m[1]}-${m[2]}-${m[3]}`);
    if (iso) return { iso, form };
  }
  return null;
}

/**
 * The issue's front section moved to `isoDate`: its own URL with the date replaced (the front
 * 版 keeps its file name across days), else `fallback(url)`'s file in the page's date directory
 * (`node_01.html` in `…/layout/` for an article under `…/content/`).
 */
export function frontMovedToDate(
  url: URL,
  isoDate: string,
  form: PathDateForm,
  issue: Issue | undefined,
  fallback: { file: string; dirs?: [RegExp, string] },
): string | null {
  if (issue?.frontSection) {
    const front = new URL(issue.frontSection);
    return movedToDate(front, isoDate, form, fileName(front));
  }
  const page = new URL(url.href);
  if (fallback.dirs) page.pathname = page.pathname.replace(fallback.dirs[0], fallback.dirs[1]);
  return movedToDate(page, isoDate, form, fallback.file);
}
