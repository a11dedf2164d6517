/**
 * Tiered spam lexicon, matched on a link's own text. Strong terms almost never name a real
 * newspaper section or partner; weak terms do (综合, 亚洲, 国产) and only count in numbers.
 * Both scripts are listed because hacked pages carry walls in either one.
 */
const STRONG_CJK = [
  '蜘蛛池',
  '百家乐',
  '百家樂',
  '娱乐城',
  '娛樂城',
  '时时彩',
  '時時彩',
  '一区二区',
  '一區二區',
  '久久',
  '无码',
  '無碼',
  '有码',
  '国产精品',
  '國產精品',
  '亚洲综合',
  '亞洲綜合',
  '色综合',
  '色綜合',
  '彩金',
  '真人娱乐',
  '真人娛樂',
  '赌场',
  '賭場',
  '赌博',
  '賭博',
  '博彩',
  '棋牌',
  '老虎机',
  '老虎機',
  '六合彩',
  '北京赛车',
  '北京賽車',
  '威廉希尔',
  '威廉希爾',
  '新葡京',
  '太阳城',
  '太陽城',
  '皇冠体育',
  '申博',
  '色情',
  '草榴',
  '奇米',
  '撸',
  '擼',
  '人妻',
  '熟女',
  '少妇',
  '少婦',
  'av天堂',
  '毛片',
  '黄片',
  '黃片',
  '成人影',
  '乱码',
  '亂碼',
  '内射',
  '內射',
  '偷拍',
  '代孕',
  '办证',
  '辦證',
  '私服',
  '黄播',
  '黃播',
  '上门按摩',
  '上門按摩',
  '高仿',
  '天天爽',
  '爱爱',
  '愛愛',
  // Betting and casino brands and verbs as sold in 友情链接 slots (a partner link never says them).
  '投注',
  '下注',
  '网赌',
  '網賭',
  '赌球',
  '賭球',
  '葡京',
  '威尼斯人',
  '金沙娱乐',
  '金沙娛樂',
  '澳门金沙',
  '澳門金沙',
  '银河娱乐',
  '銀河娛樂',
  '亚博体育',
  '亞博體育',
  '开云体育',
  '開雲體育',
  '真人视讯',
  '真人視訊',
  '电子游艺',
  '電子遊藝',
];
const WEAK_CJK = [
  '综合',
  '綜合',
  '亚洲',
  '亞洲',
  '亚州',
  '欧美',
  '歐美',
  '欧州',
  '日韩',
  '日韓',
  '精品',
  '国产',
  '國產',
  '彩票',
  '澳门',
  '澳門',
  '盘口',
  '盤口',
  '皇冠',
  '立博',
  '中文字幕',
  '视频',
  '視頻',
  '影院',
  '天堂',
  '动漫',
  '動漫',
  '美女',
  '激情',
  '蜜芽',
  '在线观看',
  '在線觀看',
  '一本',
  '金沙',
  '狠狠',
  '婷婷',
  '丁香',
  '五月天',
  '伊人',
  '高潮',
  '自拍',
  '发票',
  '發票',
  '高利贷',
  '高利貸',
  '蜜桃',
  '色',
];
/** Latin spam words, matched only on word boundaries so "Avenue" is not "av". */
const STRONG_LATIN = [
  'av',
  'aⅴ',
  'porn',
  'porno',
  'sex',
  'xxx',
  'casino',
  'baccarat',
  'bet365',
  'bwin',
  'viagra',
  'cialis',
  'replica',
  'louis vuitton',
  'gucci',
  'air jordan',
  'jordan shoes',
  'jordan retro',
  'jordans',
  'beats by dre',
  'monster beats',
  'gambling',
  'lottery',
];
const WEAK_LATIN = ['cheap', 'outlet', 'sale', 'handbags', 'for less', 'discount', 'jordan', 'bags'];

function latinPattern(words: string[]): RegExp {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![a-z0-9])(?:${escaped.join('|')})(?![a-z0-9])`, 'gi');
}
const STRONG_LATIN_RE = latinPattern(STRONG_LATIN);
const WEAK_LATIN_RE = latinPattern(WEAK_LATIN);

export interface LexiconHits {
  /** Distinct strong terms found. */
  strong: number;
  weak: number;
}

/**
 * Strong and weak terms by their first UTF-16 unit: one pass over the text finds both tiers
 * (the same distinct counts as one `includes` per term).
 */
interface Term {
  term: string;
  strong: boolean;
}
const TERM_INDEX = new Map<number, Term[]>();
for (const [terms, strong] of [
  [STRONG_CJK, true],
  [WEAK_CJK, false],
] as const) {
  for (const term of new Set(terms)) {
    const key = term.charCodeAt(0);
    const list = TERM_INDEX.get(key);
    if (list) list.push({ term, strong });
    else TERM_INDEX.set(key, [{ term, strong }]);
  }
}

function countCjk(text: string, hits: LexiconHits): void {
  let seen: Set<Term> | null = null;
  for (let i = 0; i < text.length; i++) {
    const list = TERM_INDEX.get(text.charCodeAt(i));
    if (!list) continue;
    for (const t of list) {
      if (!text.startsWith(t.term, i)) continue;
      seen ??= new Set();
      if (seen.has(t)) continue;
      seen.add(t);
      if (t.strong) hits.strong++;
      else hits.weak++;
    }
  }
}

function countLatin(text: string, re: RegExp): number {
  let seen: Set<string> | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    seen ??= new Set();
    seen.add(m[0].toLowerCase());
  }
  return seen ? seen.size : 0;
}

export function lexiconHits(text: string): LexiconHits {
  const hits: LexiconHits = { strong: 0, weak: 0 };
  if (/[a-z]/i.test(text)) {
    countCjk(text.toLowerCase(), hits);
    hits.strong += countLatin(text, STRONG_LATIN_RE);
    hits.weak += countLatin(text, WEAK_LATIN_RE);
  } else {
    countCjk(text, hits);
  }
  return hits;
}

/** A link text that reads as a spam keyword on its own. */
export function isOffendingText(hits: LexiconHits): boolean {
  return hits.strong >= 1 || hits.weak >= 3;
}

/** Words that announce a sold-link wall when they sit next to it. */
const WALL_CUE_RE = /蜘蛛池|站群|主站.{0,4}模板|友情链接出售|链接出售|seo/i;
export function hasWallCue(text: string): boolean {
  return WALL_CUE_RE.test(text);
}

/** 版面 labels: 第01版：要闻, A01版, 01版：要闻. */
const EDITION_LABEL_RE = /^\s*第?\s*[A-Za-z]?\d{1,3}\s*版/;
export function isEditionLabel(text: string): boolean {
  return EDITION_LABEL_RE.test(text);
}

const FOOTER_RE = /ICP|版权|版權|copyright|©|备案|備案|公网安|公網安|all rights reserved/i;
export function hasFooterMarks(text: string): boolean {
  return FOOTER_RE.test(text);
}

export const SEPARATOR_RE = /[|｜丨]/g;
