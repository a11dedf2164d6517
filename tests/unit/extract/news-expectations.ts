/**
 * Pages of the news corpus where plain Readability is wrong, so our body is meant to hold less
 * than 95 % of its body. On each, what Readability adds and we leave out is not the article:
 * the test still requires ≥ 95 % of Readability's prose lines, and at least `minRecall` of all.
 */
export interface NewsExpectation {
  minRecall: number;
  reason: string;
}

export const NEWS_EXPECTATIONS: Record<string, NewsExpectation> = {
  '163/8.html': {
    minRecall: 0.9,
    reason: 'Readability takes the three related-article links under the body into the article',
  },
  'gamersky/gamersky.html': {
    minRecall: 0.8,
    reason: "Readability keeps the site menu (首页 资讯 游戏 …), the share bar and the related-games list's view counts",
  },
  'guancha/guancha.html': {
    minRecall: 0.9,
    reason: 'Readability keeps the 观察员 recommendation list (titles and dates of other articles) after the body',
  },
};

/** Pages whose title is not clean for a reason outside the extractor's reach. */
export const TITLE_EXPECTATIONS: Record<string, string> = {};
