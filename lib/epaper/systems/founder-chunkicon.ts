/**
 * Founder new, `Chunkiconlist` / `newsdetatit` skin (新华日报 family, 深圳特区报, 安徽日报, 辽宁日报,
 * 扬子晚报…): `pc/layout/YYYYMM/DD/node_01.html` (or `PC/layout/…/node_A01.html`) sections,
 * `pc/content/…/content_N.html` articles; 版面 in `div.Chunkiconlist p a` (PDF second) or
 * `div.Therestlist li a`, titles in `#ScroLeft div.newslist h3 a`, article `div.intro` /
 * `div.newsdetatit h3` / `div.sub`, body `div.newsdetatext`.
 */
import { DATE_FORMS, frontMovedToDate } from '../dates';
import { defineProfile } from '../profile';

const PATH_RE = /\/(?:pc|PC)\/(?:layout|content)\/\d{6}\/\d{2}\/(?:node_[A-Za-z]?\d+|content_\d+)\.html$/;
const SKIN_CLASSES = ['Chunkiconlist', 'Therestlist', 'newsdetatit'];

export const founderChunkicon = defineProfile({
  id: 'founder-chunkicon',
  name: 'Founder new, Chunkiconlist/newsdetatit skin',
  quick: { path: PATH_RE },
  articleFile: /^content_\d+/i,
  // The URL first: class lookups walk the whole tree, and detection runs on every page.
  detect: (doc, url) => PATH_RE.test(url.pathname) && SKIN_CLASSES.some((c) => doc.getElementsByClassName(c).length > 0),
  labels: 'loose',
  sections: { rules: [{ select: 'div.Chunkiconlist p a, div.Therestlist li a', text: 'label' }] },
  articles: { rules: [{ select: '#ScroLeft div.newslist li h3 a, div.newslist li h3 a' }] },
  date: [{ property: 'date' }, { path: true }],
  paper: [{ attr: '.logo img[alt]', name: 'alt' }, { title: true }],
  frontSectionUrl: (url, iso, issue) =>
    frontMovedToDate(url, iso, DATE_FORMS.yyyymmSlashDd, issue, { file: 'node_01.html', dirs: [/\/content\//, '/layout/'] }),
  article: {
    titleBlocks: [{ title: '.newsdetatit h3', kicker: 'div.intro', subtitle: 'div.sub', wrapper: ['.newsdetatit'] }],
    body: ['.newsdetatext founder-content', '.newsdetatext'],
    byline: ['.newsdetatit .author'],
    date: [],
    sectionLabel: [],
    navigation: ['.Chunkiconbox', '#ScroLeft', '.Therestlist', '.newsnext'],
  },
});
