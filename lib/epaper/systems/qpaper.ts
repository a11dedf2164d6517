/**
 * `Html/YYYY-MM-DD/Qpaper.html` system (消费日报, 永州日报, 怒江日报, 中国电影报…): 版面
 * `#bancilist li a`, current 版 `span.banming2`, titles `#doclist`, article `#yinti` /
 * `#doctitle` / `#subdoctitle`, body `#doccontent`. File names of other 版 and of articles vary
 * by paper, so the page kind comes from the article markup.
 */
import { DATE_FORMS, dateInPath, frontMovedToDate } from '../dates';
import { defineProfile } from '../profile';
import { elementText } from '../util';

const PATH_RE = /\/Html\/\d{4}-\d{2}-\d{2}\/Qpaper[\w-]*\.html$/i;

export const qpaper = defineProfile({
  id: 'qpaper',
  name: 'Qpaper (Html/YYYY-MM-DD/Qpaper.html)',
  quick: { path: PATH_RE, ids: ['bancilist'] },
  detect: (doc) => !!doc.getElementById('bancilist') && (!!doc.getElementById('doclist') || !!doc.getElementById('doctitle')),
  labels: 'loose',
  sections: { rules: [{ select: '#bancilist li a', text: 'label' }] },
  current: [{ label: 'span.banming2' }],
  articles: { rules: [{ select: '#doclist a[href]' }] },
  date: [{ hook: (_doc, url) => dateInPath(url.pathname)?.iso ?? '' }, { text: '#paperdate, .date' }],
  paper: [{ title: true }],
  frontSectionUrl: (url, iso, issue) => frontMovedToDate(url, iso, DATE_FORMS.yyyyMmDd, issue, { file: 'Qpaper.html' }),
  hooks: {
    kind: (doc) => {
      const title = doc.getElementById('doctitle');
      return title && elementText(title) ? 'article' : 'section';
    },
  },
  article: {
    titleBlocks: [{ title: '#doctitle', kicker: '#yinti', subtitle: '#subdoctitle' }],
    body: ['#doccontent'],
    byline: ['#docauthor'],
    date: [],
    sectionLabel: ['span.banming2'],
    navigation: ['#bancilist', '#doclist'],
  },
});
