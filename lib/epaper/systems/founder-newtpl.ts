/**
 * Founder newer e-paper template, Bootstrap skin (西藏日报, 经济日报 and others):
 * `…/YYYYMM/DD/node_NN.html` sections, `content_N.html` articles, `h2#Title` with `#PreTitle` /
 * `#SubTitle`, JS-driven `#goPrePeriod`/`#goNextPeriod` buttons, `span#paperdate`, `enpproperty`.
 */
import { DATE_FORMS, frontMovedToDate, movedToDate } from '../dates';
import { defineProfile } from '../profile';
import { hasAnyId } from '../util';

/** `node_01`, `node_A01`, `node01`, `l01`, `col01` sections; `content_N` or `cN` articles. */
const PATH_RE = /\/\d{6}\/\d{2}\/(?:node_?[A-Za-z]?\d+|l\d+|col\d+|content_\d+|c\d+)\.html$/i;

export const founderNewtpl = defineProfile({
  id: 'founder-newtpl',
  name: 'Founder new (amucsite), Bootstrap skin',
  quick: { path: PATH_RE, ids: ['goPrePeriod'] },
  articleFile: /^(?:content_\d+|c\d+\.html$)/i,
  detect(doc, url) {
    if (!PATH_RE.test(url.pathname)) return false;
    return hasAnyId(doc, ['goPrePeriod', 'goNextPeriod', 'paperdate']) || doc.getElementById('Title')?.tagName === 'H2';
  },
  sections: {
    mode: 'first',
    rules: [
      { select: 'a[id="pageLink"]' },
      // Variant 1 `div.nav-list a.btn-block`, variant 2 `ul#layoutlist li.posRelative a`, or any 版 link.
      { select: 'div.nav-list li a, ul#layoutlist li a, div.newsNav li a', text: 'label' },
      { select: 'a[href*="node_"]', text: 'label' },
    ],
  },
  current: [{ label: 'span#layout, div.tabs h3' }],
  articles: {
    mode: 'first',
    rules: [
      { select: 'li a[href*="content_"]' },
      { select: 'ul#articlelist li a, li.resultList a, ul.newsList li a', href: /(?:^|\/)c\d+\.html/ },
    ],
  },
  date: [{ text: '#paperdate' }, { property: 'date' }, { path: true }],
  paper: [
    { text: '.top a.curr, a.curr', strip: /[《》]/g },
    { attr: '.top img[alt]', name: 'alt' },
  ],
  // #goPrePeriod/#goNextPeriod are `href="#"` buttons, so real links rarely exist: dates move the URL.
  frontSectionUrl: (url, iso, issue) =>
    issue?.frontSection
      ? frontMovedToDate(url, iso, DATE_FORMS.yyyymmSlashDd, issue, { file: 'node_01.html' })
      : movedToDate(url, iso, DATE_FORMS.yyyymmSlashDd, 'node_01.html'),
  article: {
    titleBlocks: [{ title: '#Title', kicker: '#PreTitle', subtitle: '#SubTitle', wrapper: ['.totalTitle'] }],
    body: ['#ozoom', '<!--enpcontent-->', 'founder-content'],
    byline: [],
    date: ['#paperdate'],
    sectionLabel: [],
    navigation: [],
  },
});
