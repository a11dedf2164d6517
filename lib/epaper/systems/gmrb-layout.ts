/**
 * 光明日报 layout of 2025 (光明日报, 文摘报, 中华读书报 at `…/<paper>/html/layout/YYYYMM/DD/node_NN.html`,
 * articles `…/html/content/YYYYMM/DD/content_N.html`): 版面 in `#list`, titles in `.m-title-list`,
 * article `.m-article-content` (h3 / h1 / h2), body `.m-article-main`, `enpproperty` date.
 */
import { DATE_FORMS, frontMovedToDate } from '../dates';
import { defineProfile } from '../profile';

const PATH_RE = /\/html\/(?:layout|content)\/\d{6}\/\d{2}\/(?:node|content)_\d+\.html$/;
const PAPERS: Record<string, string> = { gmrb: '光明日报', wzb: '文摘报', zhdsb: '中华读书报' };

export const gmrbLayout = defineProfile({
  id: 'gmrb-layout',
  name: '光明日报 2025 skin (光明日报, 文摘报, 中华读书报)',
  quick: { path: PATH_RE },
  articleFile: /^content_\d+/i,
  detect: (doc, url) =>
    PATH_RE.test(url.pathname) &&
    (doc.getElementsByClassName('m-title-list').length > 0 || doc.getElementsByClassName('m-article-content').length > 0),
  sections: { rules: [{ select: '#list a[href*="node_"]', text: 'label' }] },
  current: [{ label: '.m-paper-bot .ban, .m-layout-name' }],
  articles: { rules: [{ select: '.m-title-list a[href*="content_"]' }] },
  date: [{ property: 'date' }, { text: '.m-date' }, { path: true }],
  paper: [{ hook: (_doc, url) => PAPERS[url.pathname.split('/')[1] ?? ''] ?? '' }, { title: true }],
  frontSectionUrl: (url, iso, issue) =>
    frontMovedToDate(url, iso, DATE_FORMS.yyyymmSlashDd, issue, { file: 'node_01.html', dirs: [/\/content\//, '/layout/'] }),
  article: {
    titleBlocks: [{ title: '.m-article-content h1', kicker: '.m-article-content h3', subtitle: '.m-article-content h2' }],
    body: ['.m-article-main'],
    byline: ['.m-article-author'],
    date: ['.m-date'],
    sectionLabel: ['.m-layout-name'],
    navigation: ['#list', '.m-title-list'],
  },
});
