/**
 * Labelled link blocks for the spam evaluation (scripts/eval-spam-lib.ts). Keys are server
 * paths: `corpus/<dir>/<file>` (the shared corpus) or `fixtures/spam/<file>` (ours). Selectors
 * only — no corpus text. Every selector must match at least one element.
 */
export interface PageLabels {
  spam: string[];
  legit: string[];
  /** How long to let the page's own timers inject content before scanning. */
  waitMs?: number;
}

export const SPAM_LABELS: Record<string, PageLabels> = {
  'corpus/seed/gysb-20220726-content_23602-article-hant-spam.html': {
    spam: ['div.sitemap-links'],
    legit: ['td.topnav', '#bmdh', '#btdh', 'div.bmml', 'div.footer', 'div.preart', '#ozoom'],
  },
  'corpus/spam/synthetic-epaper-traditional-with-simplified-spam-variants.html': {
    spam: ['[data-label="spam"]'],
    legit: ['[data-label="legit"]'],
  },
  'corpus/spam/fixture-yuanzhao-test_dark_link.html': {
    // The scanner's page as far as it applies: z-index:-1 text stays visible and the
    // whitespace-padded URL is shown on screen, so neither is labelled.
    spam: [
      '.hidden1',
      '.hidden2',
      '.hidden3',
      '.hidden4',
      '.hidden6',
      '.tiny-text',
      '.same-color',
      'p > span[style*="display:none"]',
      'body > div > div > div[style*="display:none"]',
      'body > div[style="display:none"]',
      'body > div[style*="display: none"]',
      'body > a[style*="display: none"]',
      'body > div[style*="opacity"]',
    ],
    legit: ['.normal-section', 'body > h1'],
    waitMs: 1500,
  },
  'corpus/spam/real-cuasia-dedecms-display-none-same-host-parasite-links.html': {
    spam: ['div[style="display:none"]', '#ts-20130411-1'],
    legit: ['div.toplinks', 'div.top-tags', '#navMenu', 'div.place', 'div.actbox', 'div.hot', 'div.b-links', 'div.powered'],
  },
  'corpus/spam/real-cuasia-dedecms-paernan-textindent-overflow-wall-plus-display-none.html': {
    spam: ['div#paernan', 'div[style="display:none"]'],
    legit: ['div.ca-navi', 'div.breadcrumb', 'ul.ca-pagination-ul', 'div.ca-bottom_v4'],
  },
  'corpus/spam/real-weigui-hijacked-page-title-entity-traditional-pinyin.html': {
    // A page-level hijack (banner, not hiding); the lone keyword link by the sitemap link is spam.
    spam: ['body > a:not([class])'],
    legit: ['div.ny-nav', 'section.news', 'footer.footer', 'div.copy', 'div.kefu-view'],
  },
  'corpus/epaper/founder-classic-hnsb-20220212-content_547409-article.html': {
    spam: [],
    legit: ['#nav2', 'div.dConL', '#bmdh', 'div.dNav', 'div.dTit2', '#commonFoot', 'form table'],
  },
  'corpus/epaper/founder-classic-kjrb-20230210-node_2-section.html': {
    spam: [],
    legit: ['#head3', 'div.zi', 'div.title', 'div.bmname', 'div.rili', '#kjrbinfo'],
  },
  'corpus/epaper/founder-classic-xxcb-20140521-content_2782508-article.UNVERIFIED-BYTES.html': {
    spam: [],
    legit: ['#list', '#right'],
  },
  'corpus/epaper/founder-newtpl-xzrb-20220213-content_128707-article.html': {
    spam: [],
    legit: ['div.top', 'div.left-btn', 'div.center'],
  },
  'corpus/epaper/founder-xinyu-cms-tywb-20211125-content_183736-nonepaper-article.html': {
    spam: [],
    legit: ['ul.nav-menu', 'ul.list-unstyle', 'div.line-middle'],
  },
  'corpus/epaper/rmrb-pc-20241225-node_01-section.html': {
    spam: [],
    legit: ['ul.right.nav', 'div.swiper-container', 'ul.news-list', '#daydh'],
  },
  'fixtures/spam/techniques.html': {
    spam: ['[data-label="spam"]'],
    legit: ['[data-label="legit"]'],
    waitMs: 700,
  },
  'fixtures/spam/friend-links-mixed.html': {
    spam: ['[data-label="spam"]'],
    legit: ['[data-label="legit"]'],
  },
  'fixtures/spam/hant-edition.html': {
    spam: ['[data-label="spam"]'],
    legit: ['[data-label="legit"]'],
  },
};
