/** Invented articles for export tests (own text, not corpus). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Book } from '../../../lib/export';
import type { Article } from '../../../lib/extract/types';
import { fixturesDir } from '../../corpus';

const BASE = 'http://paper.fxrb.test/fxrb/html/2024-03/15/';
export const PHOTO_URL = 'http://paper.fxrb.test/fxrb/images/2024-03/15/01/p101_b.png';
export const MISSING_PHOTO_URL = 'http://paper.fxrb.test/fxrb/images/2024-03/15/01/gone.jpg';

export function png(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixturesDir, 'issue/fxrb/images/2024-03/15/01', name)));
}

export function article(n: number, title: string, contentHtml: string, extra: Partial<Article> = {}): Article {
  return {
    kicker: '',
    title,
    subtitle: '',
    byline: '',
    date: '2024-03-15',
    paper: '飞霞日报',
    section: '',
    contentHtml,
    textContent: contentHtml.replace(/<[^>]*>/g, '\n'),
    images: [],
    lang: 'zh-Hans',
    url: `${BASE}content_${n}.htm`,
    ...extra,
  };
}

export function sampleBook(): Book {
  return {
    paper: '飞霞日报',
    date: '2024-03-15',
    lang: 'zh-Hans',
    title: '飞霞日报 2024-03-15',
    sourceUrl: `${BASE}node_1.htm`,
    modified: '2024-03-16T08:00:00Z',
    cover: { bytes: png('fxrb2024031501_b.png'), mediaType: 'image/png' },
    sections: [
      {
        label: '第01版：要闻',
        articles: [
          article(
            1,
            '湖畔春耕 A&B<C>',
            `<figure><img src="${PHOTO_URL}" alt="播种机"><figcaption>田间的播种机</figcaption></figure><p>春天来了，田里一片忙碌。</p><p>农机 &amp; 种子 &lt;齐备&gt;。</p>`,
            {
              kicker: '引题 "甲"',
              subtitle: '副题：乙',
              byline: '本报记者 林晓岚',
              images: [{ src: PHOTO_URL, caption: '田间的播种机' }],
            },
          ),
          article(2, '跨江大桥合龙', '<p>未闭合的段落<b>粗体<p>第二段 a & b < c<br>换行<img src="gone.jpg">'),
        ],
      },
      {
        label: '第02版：综 合',
        articles: [article(3, '社区食堂开进老街巷', '<p>老街巷里飘出饭菜香。</p><ul><li>一荤两素</li><li>十元一份</li></ul>')],
      },
      { label: '第03版：空版', articles: [] },
      {
        label: '第04版：文化',
        articles: [
          article(
            4,
            '古村落里的皮影戏班',
            '<blockquote><p>幕布一拉，灯一亮。</p></blockquote><h2>三代人</h2><p>控制字符\u0001要去掉。</p>',
          ),
          article(5, '', '<p>没有标题的短讯。</p>'),
        ],
      },
    ],
    images: new Map([[PHOTO_URL, { bytes: png('p101_b.png'), mediaType: 'image/png' }]]),
  };
}
