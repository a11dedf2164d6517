/**
 * 人民网 "nbs" layout (People's Daily / Guangming Daily 2012–2025, 学习时报, 中国妇女报, 青年参考):
 * `…/html/YYYY-MM/DD/nbs.D110000renmrb_NN.htm` sections and `nw.D110000renmrb_YYYYMMDD_K-NN.htm`
 * articles (K-th article on 版 NN), `#pageList` 版面 and `#titleList` 标题 lists.
 */
import { DATE_FORMS, movedToDate } from '../dates';
import { defineProfile } from '../profile';
import { elementText, fileName } from '../util';

const SECTION_FILE_RE = /^nbs\.(D\d+[a-z]+)_([A-Za-z]?\d+)\.htm$/i;
const ARTICLE_FILE_RE = /^nw\.(D\d+[a-z]+)_\d{8}_\d+-([A-Za-z]?\d+)\.htm$/i;
const DATED_DIR_RE = /\/(\d{4}-\d{2})\/(\d{2})\/[^/]*$/;
const PAPER_BY_CODE: Record<string, string> = { renmrb: '人民日报', gmrb: '光明日报' };

function fileParts(url: URL): { code: string; section: string } | null {
  const name = fileName(url);
  const m = SECTION_FILE_RE.exec(name) ?? ARTICLE_FILE_RE.exec(name);
  return m ? { code: m[1], section: m[2] } : null;
}

/** Some years wrote titles with `<script>document.write(view("标题"))</script>`. */
function titleText(a: Element): string {
  const text = elementText(a);
  if (text) return text;
  const script = a.querySelector('script')?.textContent ?? '';
  const m = /view\(\s*["']([^"']*)["']\s*\)/.exec(script);
  return m ? m[1].trim() : '';
}

export const rmrbNbs = defineProfile({
  id: 'rmrb-nbs',
  name: '人民网 nbs legacy (nbs.D110000…)',
  quick: { path: /\/(?:nbs|nw)\.D\d+[a-z]+_[\d_-]+\.htm$/i, ids: ['pageList', 'titleList'] },
  articleFile: ARTICLE_FILE_RE,
  detect: (_doc, url) => fileParts(url) !== null && DATED_DIR_RE.test(url.pathname),
  sections: { rules: [{ select: '#pageList a[href], a[id="pageLink"]', text: 'label' }] },
  current: [{ fromUrl: (url) => fileParts(url)?.section ?? '' }],
  articles: { rules: [{ select: '#titleList a[href]' }], title: titleText },
  date: [{ path: true }],
  paper: [
    { hook: (_doc, url) => PAPER_BY_CODE[(fileParts(url)?.code ?? '').replace(/^D\d+/, '').toLowerCase()] ?? '' },
    { title: true },
  ],
  frontSectionUrl: (url, iso) =>
    movedToDate(url, iso, DATE_FORMS.yyyyMmSlashDd, (u) => {
      const parts = fileParts(u);
      return parts ? `nbs.${parts.code}_01.htm` : '';
    }),
  article: {
    titleBlocks: [{ title: '.article > h1', kicker: '.article > h3', subtitle: '.article > h2' }],
    body: ['#ozoom', '#articleContent', '<!--enpcontent-->'],
    byline: ['.article p.sec'],
    date: ['.date'],
    sectionLabel: ['.l_t'],
    navigation: ['#pageList', '#titleList'],
  },
});
