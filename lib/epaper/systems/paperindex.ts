/**
 * "PaperIndex" system (新华每日电讯, 法治日报, 大众日报, 桂林日报, 南方农村报…; often GBK):
 * `content/YYYYMMDD/PageNN<site code>.htm` sections and `ArticelNNNNN<code>.htm` articles (sic).
 * `div.listdaohang` lists the whole issue: `h4 a` per 版, then `ul li a[daoxiang]` whose URL
 * sits in the non-standard `daoxiang` attribute. Article `div.neirong h3/h2/h4` (引题/标题/副题),
 * body `#contenttext` (法治日报 `#oldcontenttext`).
 */
import { DATE_FORMS, frontMovedToDate } from '../dates';
import { currentGroup, groupsOf } from '../groups';
import { defineProfile } from '../profile';
import { fileName } from '../util';

const PATH_RE = /\/\d{8}\/(?:Page\d+[A-Za-z]{2}|Articel\d+[A-Za-z]{2}|IssueIndex)\.htm$/;
const HEADINGS = 'div.listdaohang h4 a';

const groups = (doc: Document) => groupsOf(doc, HEADINGS, 'a[daoxiang]');
/** `Page05HO.htm` → `HO`: the paper's two-letter code, which names every file. */
const siteCode = (url: URL) => /^(?:Page|Articel)\d+([A-Za-z]{2})\.htm$/.exec(fileName(url))?.[1] ?? '';

export const paperindex = defineProfile({
  id: 'paperindex',
  name: 'PaperIndex (content/YYYYMMDD/PageNNxx.htm, Articel…)',
  quick: { path: PATH_RE },
  articleFile: /^Articel\d+/,
  detect: (doc, url) => PATH_RE.test(url.pathname) && doc.getElementsByClassName('listdaohang').length > 0,
  labels: 'loose',
  sections: { rules: [{ select: HEADINGS, text: 'label' }] },
  current: [{ anchor: (doc, url) => currentGroup(doc, url, groups(doc), 'daoxiang')?.heading ?? null }],
  articles: { rules: [], attr: 'daoxiang', find: (doc, url) => currentGroup(doc, url, groups(doc), 'daoxiang')?.items ?? [] },
  date: [{ path: true }, { text: '.shijian' }],
  paper: [
    {
      hook: (doc) =>
        doc.title
          .split(/--|_|-/)
          .find((p) => /[报報]$/.test(p.trim()))
          ?.trim() ?? '',
    },
    { title: true },
  ],
  frontSectionUrl: (url, iso, issue) => {
    const code = siteCode(url);
    return frontMovedToDate(url, iso, DATE_FORMS.yyyymmdd, issue, { file: code ? `Page01${code}.htm` : '' });
  },
  article: {
    titleBlocks: [
      { title: 'div.neirong h2', kicker: 'div.neirong h3', subtitle: 'div.neirong h4' },
      { title: '.bggray .margin15 h2', kicker: '.bggray .margin15 h3', subtitle: '.bggray .margin15 h4' },
    ],
    body: ['#contenttext', '#oldcontenttext', '.contenttext'],
    byline: ['.shijian .author'],
    date: ['.shijian'],
    sectionLabel: [],
    navigation: ['div.listdaohang'],
  },
});
