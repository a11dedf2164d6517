/**
 * Joyhua-hosted `bmnr_con` system (哈尔滨日报, 南宁日报, 驻马店日报, 新安晚报…):
 * `<paper>/YYYYMMDD/html/page_NN.htm` sections, `page_NN_content_N.htm` or `content_N.htm`
 * articles; 版面 `div.bmml_con_div a.bmml_con_div_name`, titles `a.bmdh_con_a`, article
 * `div.bmnr_con_yinti` / `bmnr_con_biaoti` / `bmnr_con_futi`, body `div#zoom`.
 */
import { ALL_DATE_FORMS, dateInPath, frontMovedToDate } from '../dates';
import { defineProfile } from '../profile';
import { fileName } from '../util';

const PATH_RE = /\/\d{8}\/html\/(?:page_[A-Za-z]?\d+(?:_content_\d+)?|content_\d+)\.htm$/;
const YYYYMMDD_ANYWHERE = ALL_DATE_FORMS[3];

export const joyhua = defineProfile({
  id: 'joyhua',
  name: 'Joyhua bmnr_con (YYYYMMDD/html/page_NN.htm)',
  quick: { path: PATH_RE },
  articleFile: /content_\d+\.htm$/,
  // The URL first: class lookups walk the whole tree, and detection runs on every page.
  detect: (doc, url) =>
    PATH_RE.test(url.pathname) &&
    (doc.getElementsByClassName('bmml_con_div').length > 0 || doc.getElementsByClassName('bmnr_con_biaoti').length > 0),
  sections: { rules: [{ select: 'div.bmml_con_div a.bmml_con_div_name, a.bmml_con_div_name', text: 'label' }] },
  current: [{ fromUrl: (url) => /^page_([A-Za-z]?\d+)_content_/.exec(fileName(url))?.[1] ?? '' }],
  articles: { rules: [{ select: 'a.bmdh_con_a' }] },
  date: [{ hook: (_doc, url) => dateInPath(url.pathname)?.iso ?? '' }, { text: '.bmml_date, .date' }],
  paper: [{ title: true }],
  frontSectionUrl: (url, iso, issue) => frontMovedToDate(url, iso, YYYYMMDD_ANYWHERE, issue, { file: 'page_01.htm' }),
  article: {
    titleBlocks: [{ title: 'div.bmnr_con_biaoti', kicker: 'div.bmnr_con_yinti', subtitle: 'div.bmnr_con_futi' }],
    body: ['div#zoom'],
    byline: ['div.bmnr_con_zuozhe'],
    date: [],
    sectionLabel: [],
    navigation: ['div.bmml_con_div', 'div.bmdh_con'],
  },
});
