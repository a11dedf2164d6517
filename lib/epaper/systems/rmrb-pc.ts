/**
 * People's Daily layout used since 2024-12 (`rmrb/pc/layout/YYYYMM/DD/node_NN.html`,
 * `…/content/YYYYMM/DD/content_N.html`): `.swiper-slide a#pageLink` "01版：要闻",
 * `ul.news-list` titles, `span.prev`/`span.next` issue buttons without href.
 */
import { defineProfile } from '../profile';
import { firstPageLink, isoParts } from '../util';

/** `/pc/layout/…`, `/pad/layout/…`, `/pc/content/…`; 光明日报 2025 uses `/html/layout/…`. */
const DATED_DIR_RE = /\/(pc|pad|html)\/(?:layout|content)\/(\d{6})\/(\d{2})\/[^/]*$/;

function frontSectionUrl(url: URL, isoDate: string): string | null {
  const parts = isoParts(isoDate);
  const m = DATED_DIR_RE.exec(url.pathname);
  if (!parts || !m) return null;
  const next = new URL(url.href);
  next.pathname = url.pathname.replace(DATED_DIR_RE, `/${m[1]}/layout/${parts.y}${parts.m}/${parts.d}/node_01.html`);
  next.search = '';
  next.hash = '';
  return next.href;
}

export const rmrbPc = defineProfile({
  id: 'rmrb-pc',
  name: "People's Daily PC skin (人民日报, 人民日报海外版)",
  quick: { path: /\/(?:pc|pad)\/(?:layout|content)\/\d{6}\/\d{2}\/(?:node|content)_\d+\.html$/i },
  articleFile: /^content_\d+/i,
  detect(doc, url) {
    if (DATED_DIR_RE.test(url.pathname) && /(?:node|content)_\d+\.html$/i.test(url.pathname)) {
      return !!firstPageLink(doc) || doc.getElementsByClassName('news-list').length > 0;
    }
    return !!firstPageLink(doc)?.closest('.swiper-slide') && doc.getElementsByClassName('news-list').length > 0;
  },
  sections: { rules: [{ select: 'a[id="pageLink"]' }] },
  current: [{ label: '.paper-bot p.ban, p.ban' }],
  articles: { rules: [{ select: 'ul.news-list li a' }] },
  requireLists: true,
  date: [{ text: '.newstime' }, { path: true }],
  paper: [{ text: '.date-box p.date, p.date', ownText: true }, { title: true }],
  pdfIn: '.paper-bot',
  // 上一期/下一期 are `<span onClick=goPrePeriod()>`: derive the neighbouring days' front pages.
  frontSectionUrl,
  article: {
    titleBlocks: [{ title: '.article > h1', kicker: '.article > h3', subtitle: '.article > h2' }],
    body: ['#ozoom', '#articleContent'],
    byline: ['.article p.sec'],
    date: ['.newstime'],
    sectionLabel: ['p.ban', '.ban', '.paper-bot .left'],
    navigation: ['.swiper-box', '.news-list'],
  },
});
