/**
 * Founder classic 数字报 (`tplimg/mp.js` template): `…/html/YYYY-MM/DD/node_N.htm` sections,
 * `content_N.htm` articles, `mpproperty` comment after `</html>`, body `#ozoom`. The canonical
 * table skin (`a#pageLink`, `div#mpN` title anchors, `table.wz` / `td.font01` title rows) and the
 * skins on the same URLs: zjol `main-ed*` (浙江日报, 钱江晚报), `bmdh_tr` (西安, 沈阳, cnepaper),
 * dayoo/ycwb `box1Ul` (广州日报, 羊城晚报), 大河 `layout-catalogue` (河南日报, 大河报) and 北青 `div.rit`.
 */
import { DATE_FORMS, movedToDate } from '../dates';
import { defineProfile } from '../profile';
import { firstPageLink, hasPagePicMap, hasScriptFile, propertyComment } from '../util';

const PATH_RE = /\/html\/\d{4}-\d{2}\/\d{2}\/(?:node|content)_\d+\.htm$/i;

const SKIN_HOOKS = '.main-ednav-nav, tr.bmdh_tr, ul.box1Ul, ul.layout-catalogue-list, div.rit';

function hasTemplateHooks(doc: Document): boolean {
  return !!firstPageLink(doc) || hasPagePicMap(doc) || !!doc.querySelector(`div[id^="mp"], a.preart, ${SKIN_HOOKS}`);
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
  sections: {
    rules: [
      { select: 'a[id="pageLink"]' },
      {
        select:
          'tr.bmdh_tr a.rigth_bmdh_href, #catalog ul.box1Ul li.box1Li a, ul.layout-catalogue-list li.layout-catalogue-item a',
        text: 'label',
      },
    ],
  },
  current: [
    { property: 'founder-pagenum' },
    { strongLabel: true },
    { label: '.main-ed-bm-name, .layout-name, #bmName' },
    { byClass: true },
  ],
  articles: {
    rules: [
      { select: 'div[id^="mp"]', id: /^mp\d+$/, closest: 'a' },
      { select: '#btdh a[href], #list a[href], .title a[href]', href: /content_\d+/ },
      {
        select:
          'ul.main-ed-articlenav-list li a, #main-ed-articlenav-list a, tr.wzlb_tr a, #listBox a, ul.layout-news-list li a, div.rit-list li a',
        href: /content_\d+/,
      },
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
      // table.wz without cell classes: rows 1/2/3 are 引题/标题/副题.
      { title: 'table.wz tr[valign="top"]:nth-of-type(2) > td', rows: 'tr[valign="top"] > td', wrapper: ['table.wz'] },
      {
        title: '.main-article-title',
        kicker: '.main-article-pretitle',
        subtitle: '.main-article-subtitle',
        wrapper: ['.main-article-alltitle'],
      },
      { title: '#list div.article h1', kicker: '#list div.article h2', subtitle: '#list div.article h3' },
      { title: 'div.rit h1', kicker: 'div.rit p.ybiaot', subtitle: 'div.rit p.fbiaot' },
    ],
    body: ['#ozoom', '<!--enpcontent-->', 'founder-content', '.main-article-content', '#articleContent', 'div.contnt'],
    byline: ['table.wz founder-author', 'div.rit p.pdec'],
    date: ['.biaot h6'],
    sectionLabel: ['.banci', '.dNav td', '.dNav span'],
    navigation: [
      '#bmdh',
      '#btdh',
      '.bmml',
      '.fany',
      '.dZoom',
      '.dPage',
      '.ptaobao',
      '.ptaobaob',
      '.psogou',
      '#list',
      '.main-ednav-nav',
      '.main-ed-articlenav-list',
      '#catalog',
      '.layout-catalogue-list',
    ],
  },
});
