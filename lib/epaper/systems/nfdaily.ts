/**
 * 南方日报 (`nfdaily/html/YYYYMM/DD/node_A01.html`, articles `content_N.html`): one scrolled panel
 * (`#mCSB_4 .mCSB_container`) lists every 版 as `h3 > a` followed by that 版's titles in a `ul`;
 * article `#print_area` with the 引题 in a `span` before `h1`, body `#content`.
 */
import { DATE_FORMS, frontMovedToDate } from '../dates';
import { currentGroup, groupsOf } from '../groups';
import { defineProfile } from '../profile';

const PATH_RE = /\/nfdaily\/html\/\d{6}\/\d{2}\/(?:node_[A-Za-z]?\d+|content_\d+)\.html$/;
const HEADINGS = '.mCSB_container h3 > a';

const groups = (doc: Document) => groupsOf(doc, HEADINGS, 'a');

export const nfdaily = defineProfile({
  id: 'nfdaily',
  name: '南方日报 (nfdaily)',
  quick: { path: PATH_RE },
  articleFile: /^content_\d+/i,
  detect: (doc, url) =>
    PATH_RE.test(url.pathname) || (!!doc.getElementById('print_area') && doc.getElementsByClassName('mCSB_container').length > 0),
  labels: 'loose',
  sections: { rules: [{ select: HEADINGS, text: 'label' }] },
  current: [{ anchor: (doc, url) => currentGroup(doc, url, groups(doc))?.heading ?? null }],
  articles: { rules: [], find: (doc, url) => currentGroup(doc, url, groups(doc))?.items ?? [] },
  date: [{ path: true }],
  paper: [{ hook: () => '南方日报' }],
  frontSectionUrl: (url, iso, issue) => frontMovedToDate(url, iso, DATE_FORMS.yyyymmSlashDd, issue, { file: 'node_A01.html' }),
  article: {
    titleBlocks: [{ title: '#print_area h1', kicker: '#print_area > span, #print_area .pretitle', subtitle: '#print_area h2' }],
    body: ['#content'],
    byline: ['#print_area .author'],
    date: ['#print_area .date'],
    sectionLabel: [],
    navigation: ['.mCSB_container'],
  },
});
