/**
 * 工人日报 (`papers/grrb/YYYY/MM/DD/N/page.html` per 版, articles `…/N/news-K.html`): the lists
 * are read by structure (structure.ts); the article is `#pretitle` / `#ctitle` / `#subtitle`,
 * body `#ccontent`. The date is three path segments, so moving issues rewrites them.
 */
import { defineProfile } from '../profile';
import { articleListAnchors, sectionListAnchors } from '../structure';
import { dateFromText, isoParts } from '../util';

const PATH_RE = /\/papers\/[a-z]+\/(\d{4})\/(\d{2})\/(\d{2})\/(\d+)\/(?:page|news-\d+)\.html$/;

export const grrb = defineProfile({
  id: 'grrb',
  name: '工人日报 (papers/grrb/YYYY/MM/DD/N/page.html)',
  quick: { path: PATH_RE },
  articleFile: /^news-\d+\.html$/,
  detect: (_doc, url) => PATH_RE.test(url.pathname),
  labels: 'loose',
  sections: { rules: [], find: sectionListAnchors },
  current: [{ fromUrl: (url) => PATH_RE.exec(url.pathname)?.[4] ?? '' }],
  articles: { rules: [], find: (doc, url) => articleListAnchors(doc, url, sectionListAnchors(doc)) },
  date: [{ hook: (_doc, url) => dateFromText(PATH_RE.exec(url.pathname)?.slice(1, 4).join('-') ?? '') }],
  paper: [{ hook: () => '工人日报' }],
  frontSectionUrl(url, iso) {
    const parts = isoParts(iso);
    const m = PATH_RE.exec(url.pathname);
    if (!parts || !m) return null;
    const next = new URL(url.href);
    next.pathname = url.pathname.replace(PATH_RE, (all) =>
      all
        .replace(`/${m[1]}/${m[2]}/${m[3]}/${m[4]}/`, `/${parts.y}/${parts.m}/${parts.d}/1/`)
        .replace(/news-\d+\.html$/, 'page.html'),
    );
    next.search = '';
    next.hash = '';
    return next.href;
  },
  article: {
    titleBlocks: [{ title: '#ctitle', kicker: '#pretitle', subtitle: '#subtitle' }],
    body: ['#ccontent'],
    byline: ['#author'],
    date: [],
    sectionLabel: [],
    navigation: [],
  },
});
