/** Plain data describing an e-paper issue as seen from one page. No DOM references. */

import type { SystemId } from './registry';

export type { SystemId };

export interface SectionRef {
  /** The label exactly as the page shows it, whitespace-trimmed (e.g. `第02版：综 合`, `01版：要闻`). */
  label: string;
  /** The section number as shown (`01`, `A1`, `A01`), or '' when unknown. */
  number: string;
  /** The section name (`综 合`, `要闻`), or '' when unknown. */
  name: string;
  /** Absolute http(s) URL. */
  url: string;
  current: boolean;
}

export interface ArticleRef {
  title: string;
  /** Absolute http(s) URL. */
  url: string;
  current: boolean;
}

/** An issue as profiles see it (the system id kept open, so `SystemId` can be derived from the registry). */
export interface IssueData {
  system: string;
  kind: 'section' | 'article';
  paper: string;
  /** ISO date `YYYY-MM-DD`, or '' when the page does not tell. */
  date: string;
  sections: SectionRef[];
  /** Index into `sections` of the current section, or -1. */
  currentSection: number;
  /** The current section's article list (标题导航), in page order. */
  articles: ArticleRef[];
  prevSection?: string;
  nextSection?: string;
  prevArticle?: string;
  nextArticle?: string;
  prevIssue?: string;
  nextIssue?: string;
  /** URL of the current section's PDF, when the page links one. */
  pdf?: string;
  /** URL of the current section's page scan image, when present. */
  pageImage?: string;
  /** URL of the issue's front section (第01版). */
  frontSection?: string;
}

export interface Issue extends IssueData {
  system: SystemId;
}
