/** A cleaned article, ready to render. `contentHtml` is sanitised. */
export interface ArticleImage {
  src: string;
  caption: string;
}

export interface Article {
  kicker: string; // 引题
  title: string;
  subtitle: string; // 副题
  byline: string;
  date: string; // ISO date or ''
  paper: string;
  section: string;
  /** Sanitised HTML of the body (DOMPurify): paragraphs, figures with captions, absolute URLs. */
  contentHtml: string;
  /** Plain text of the body, paragraphs separated by `\n`. */
  textContent: string;
  images: ArticleImage[];
  /** The script of the article text. */
  lang: 'zh-Hans' | 'zh-Hant' | 'zh';
  url: string;
}

/**
 * Where an e-paper family puts its article's parts, from the matched profile in lib/epaper
 * (lib/extract holds no system selectors of its own). Selectors, most specific first.
 */
export interface TitleBlockHint {
  /** The title line. */
  title: string;
  /** 引题 and 副题 lines, when the family names them. */
  kicker?: string;
  subtitle?: string;
  /** Table title blocks: 引题/副题 are the nearest cells matching this before/after the title. */
  rows?: string;
  /** Ancestors of the title removed with the block, tried in order (else the named lines). */
  wrapper?: readonly string[];
}

export interface ArticleHints {
  titleBlocks: readonly TitleBlockHint[];
  /** Body containers; `<!--enpcontent-->` means the element holding that comment. */
  body: readonly string[];
  byline: readonly string[];
  date: readonly string[];
  /** Elements showing the current 版 label (`第01版：要闻`). */
  sectionLabel: readonly string[];
  /** Section / title navigation of the family, removed before Readability. */
  navigation: readonly string[];
}
