/**
 * The `shtml/<paper>/YYYYMMDD/` family, three templates on one URL scheme (`vNN.shtml` sections,
 * `<id>.shtml` articles): 山西日报 group (`ul.conRList` 版面, `ul.conMItemList` titles,
 * `h2.detConTit`, `div.details`), 华商报 / 每日经济新闻 (`div.pageNav`, `div.titleNav`, `#art` or
 * `#content_div`) and the 四川 scol papers, served in GBK (`#scrollDiv`, `dl.Rcon dd a`,
 * `td#DivDisplay`).
 */
import { DATE_FORMS, frontMovedToDate } from '../dates';
import { defineProfile } from '../profile';

const PATH_RE = /\/shtml\/[a-z]+\/\d{8}\/(?:v[A-Za-z]?\d+|\d+)\.shtml$/;

export const shtml = defineProfile({
  id: 'shtml',
  name: 'shtml/<paper>/YYYYMMDD/ templates (山西日报 group, 华商报, 四川 scol)',
  quick: { path: PATH_RE },
  articleFile: /^\d+\.shtml$/,
  detect: (_doc, url) => PATH_RE.test(url.pathname),
  labels: 'loose',
  sections: { rules: [{ select: 'ul.conRList li a, div.pageNav a, #scrollDiv a', text: 'label' }] },
  current: [{ label: 'dl.Rcon dt, .pageNav .cur' }, { byClass: true }],
  articles: { rules: [{ select: 'ul.conMItemList li a, div.titleNav li a, dl.Rcon dd a', href: /\d+\.shtml/ }] },
  date: [{ path: true }, { hook: (_doc, url) => /\/(\d{4})(\d{2})(\d{2})\//.exec(url.pathname)?.slice(1).join('-') ?? '' }],
  paper: [{ title: true }],
  frontSectionUrl: (url, iso, issue) => frontMovedToDate(url, iso, DATE_FORMS.yyyymmdd, issue, { file: 'v01.shtml' }),
  article: {
    titleBlocks: [
      { title: 'h2.detConTit', kicker: 'h3.detConYin', subtitle: 'h3.detConFu' },
      { title: 'td#DivTitle h1, .scol-title h1', kicker: 'td#DivTitle h3', subtitle: 'td#DivTitle h2' },
    ],
    body: ['div.details', '#art', '#content_div', 'td#DivDisplay'],
    byline: ['.detConAuthor'],
    date: [],
    sectionLabel: [],
    navigation: ['ul.conRList', 'ul.conMItemList', 'div.pageNav', 'div.titleNav', '#scrollDiv', 'dl.Rcon'],
  },
});
