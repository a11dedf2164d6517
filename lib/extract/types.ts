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
