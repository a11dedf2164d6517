/**
 * Founder classic 数字报 (`tplimg/mp.js` template, canonical table skin): `…/html/YYYY-MM/DD/node_N.htm`
 * sections, `content_N.htm` articles, `a#pageLink` 版面 lists, `div#mpN` title anchors,
 * `mpproperty` comment after `</html>`, `table.wz` / `td.font01` title rows, body `#ozoom`.
 */
import { DATE_FORMS, movedToDate } from '../dates';
import { defineProfile } from '../profile';
import { firstPageLink, hasPagePicMap, hasScriptFile, propertyComment } from '../util';

const PATH_RE = /\/html\/\d{4}-\d{2}\/\d{2}\/(?:node|content)_\d+\.htm$/i;

function hasTemplateHooks(doc: Document): boolean {
  return !!firstPageLink(doc) || hasPagePicMap(doc) || !!doc.querySelector('div[id^="mp"], a.preart');
}

export const founderClassic = defineProfile({
  id: 'founder-classic',
  name: 'Founder classic (方正经典), canonical table skin',
  quick: { path: PATH_RE, ids: ['pageLink'] },
  articleFile: /content_\d+/i,
  detect(doc, url) {
    if (PATH_RE.test(url.pathname)) return hasTemplateHooks(doc) || !!propertyComment(doc);
    // Mirrors may serve the template under other paths; the 版面 anchors plus mp.js still tell.
    return !!firstPageLink(doc) && (hasScriptFile(doc, 'mp.js') || hasPagePicMap(doc));
  },
  sections: { rules: [{ select: 'a[id="pageLink"]' }] },
  current: [{ property: 'founder-pagenum' }, { strongLabel: true }],
  articles: {
    rules: [
      { select: 'div[id^="mp"]', id: /^mp\d+$/, closest: 'a' },
      { select: '#btdh a[href], #list a[href], .title a[href]', href: /content_\d+/ },
    ],
  },
  requireLists: true,
  date: [{ property: 'founder-date' }, { path: true }],
  paper: [{ property: 'founder-papername' }, { title: true }],
  issueWords: { prev: ['上一期', '上期'], next: ['下一期', '下期'] },
  frontSectionUrl: (url, iso, issue) => movedToDate(url, iso, DATE_FORMS.yyyyMmSlashDd, 'issue-front', issue),
  article: {
    titleBlocks: [
      { title: 'td.font01', rows: 'td.font01, td.font02', wrapper: ['.dTit2', 'h1', 'table'] },
      { title: '.biaot h1', kicker: '.biaot h3', subtitle: '.biaot > p', wrapper: ['.biaot'] },
      { title: '.dTit2 h1', wrapper: ['.dTit2'] },
    ],
    body: ['#ozoom', '<!--enpcontent-->', 'founder-content'],
    byline: [],
    date: ['.biaot h6'],
    sectionLabel: ['.banci', '.dNav td', '.dNav span'],
    navigation: ['#bmdh', '#btdh', '.bmml', '.fany', '.dZoom', '.dPage', '.ptaobao', '.ptaobaob', '.psogou', '#list'],
  },
});
