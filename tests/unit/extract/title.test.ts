/** Titles on the ordinary web: site and channel parts go, the headline's own dashes stay. */
import { describe, expect, test } from 'vitest';
import { chooseTitle, cleanTitle, isSiteName, isUiLabel } from '../../../lib/extract/title';
import { titleProblem } from '../../support/differential';

const none = { documentTitle: '' };

describe('cleanTitle by shape', () => {
  test.each([
    ['青石镇图书馆借阅量翻番_读书频道_青山网', '青石镇图书馆借阅量翻番'],
    ['青石镇图书馆借阅量翻番 - 汀州晚报', '青石镇图书馆借阅量翻番'],
    ['山间小屋的第一场雪 – 山小屋手記', '山间小屋的第一场雪'],
    ['河堤步道年底完工--青山日报', '河堤步道年底完工'],
    ['河堤步道年底完工-青山新闻网', '河堤步道年底完工'],
    ['河堤步道年底完工｜青山网', '河堤步道年底完工'],
    ['河堤步道年底完工 | 青山新闻', '河堤步道年底完工'],
    ['河堤步道年底完工_10%公司_青山新闻-The Paper', '河堤步道年底完工'],
    ['河堤步道年底完工_首页青山_新闻中心_青山网_qs.cn', '河堤步道年底完工'],
    ['河堤步道年底完工-CSDN.NET', '河堤步道年底完工'],
    ['青山网 | 河堤步道年底完工', '河堤步道年底完工'],
    ['一块顶十块GPU-EDN 电子技术设计', '一块顶十块GPU'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanTitle(raw, none)).toBe(clean);
  });

  test('a dash or bar that belongs to the headline stays', () => {
    expect(cleanTitle('棱镜|数据业大整顿：爬虫与现金贷共生共荣_财经_青山网', none)).toBe(
      '棱镜|数据业大整顿：爬虫与现金贷共生共荣',
    );
    expect(cleanTitle('老街夜市重新开张——记青石镇的一个夏夜', none)).toBe('老街夜市重新开张——记青石镇的一个夏夜');
    expect(cleanTitle('1-10月青山县固定资产投资结构趋稳', none)).toBe('1-10月青山县固定资产投资结构趋稳');
    expect(cleanTitle('华为Mate20X 5G版续航实测', none)).toBe('华为Mate20X 5G版续航实测');
    expect(cleanTitle('华为Mate20-Pro续航实测', none)).toBe('华为Mate20-Pro续航实测');
    expect(cleanTitle('春天 - 夏天 - 秋天', none)).toBe('春天 - 夏天 - 秋天');
  });

  test('a declared site name is stripped even when it has no site-like ending', () => {
    expect(cleanTitle('游戏新作上线首日 |游民小站', { documentTitle: '', siteNames: ['游民小站'] })).toBe('游戏新作上线首日');
    expect(cleanTitle('游戏新作上线首日 |游民小站', none)).toBe('游戏新作上线首日 |游民小站');
  });
});

describe('cleanTitle where the page agrees', () => {
  test('the <h1> that the <title> holds as a part is the headline', () => {
    const sources = { documentTitle: '', headings: ['明日股市：全球增长率降至2.3%'] };
    expect(cleanTitle('股市预测--明日股市：全球增长率降至2.3%', sources)).toBe('明日股市：全球增长率降至2.3%');
  });

  test('a site name cut off by a space only', () => {
    const sources = { documentTitle: '', headings: ['【不忘初心】药剂党支部举办技能大赛'] };
    expect(cleanTitle('【不忘初心】药剂党支部举办技能大赛 青山中医院', sources)).toBe('【不忘初心】药剂党支部举办技能大赛');
  });

  test('og:title agrees the same way', () => {
    expect(cleanTitle('芯片大战 - 科技 - 青山', { documentTitle: '', ogTitle: '芯片大战' })).toBe('芯片大战');
  });

  test('an <h1> that is only the site name is no reference', () => {
    const sources = { documentTitle: '', headings: ['青山省人民政府网站'] };
    expect(cleanTitle('丝路行正式启动 - 青山省人民政府门户网站', sources)).toBe('丝路行正式启动');
  });
});

describe('chooseTitle', () => {
  test('skips one-word UI labels and bare site names', () => {
    const sources = { documentTitle: '河堤步道年底完工_青山网' };
    expect(chooseTitle(['显示', '河堤步道年底完工_青山网'], sources)).toBe('河堤步道年底完工');
    expect(chooseTitle(['青山省人民政府网站', '', '丝路行正式启动 - 青山省人民政府门户网站'], sources)).toBe('丝路行正式启动');
    expect(chooseTitle(['首页', '登录'], sources)).toBe('');
  });

  test('a headline that happens to end like a site name is kept', () => {
    expect(chooseTitle(['织密疫情防护网', '织密疫情防护网_青山网'], { documentTitle: '织密疫情防护网_青山网' })).toBe(
      '织密疫情防护网',
    );
  });

  test('a site name beats no title at all', () => {
    expect(chooseTitle(['青山新闻网'], { documentTitle: '青山新闻网' })).toBe('青山新闻网');
  });
});

describe('labels and site names', () => {
  test('UI labels', () => {
    for (const label of ['显示', '首页', '登录', '顯示', '  ', '|']) expect(isUiLabel(label)).toBe(true);
    expect(isUiLabel('显示屏价格下降')).toBe(false);
  });

  test('site names', () => {
    for (const name of ['青山网', '汀州晚报', '山小屋手記', 'CSDN.NET', 'The Paper', '新闻中心'])
      expect(isSiteName(name)).toBe(true);
    expect(isSiteName('青石镇图书馆借阅量翻番')).toBe(false);
  });
});

describe('the differential test judges titles independently of lib/extract/title', () => {
  test('titleProblem flags site parts, bare site names and labels; passes headlines', () => {
    expect(titleProblem('河堤步道年底完工_青山网', '', '')).not.toBe('');
    expect(titleProblem('河堤步道年底完工-EDN 电子技术设计', '', '')).not.toBe('');
    expect(titleProblem('青山省人民政府网站', '', '')).not.toBe('');
    expect(titleProblem('显示', '', '')).not.toBe('');
    expect(titleProblem('河堤步道年底完工 青山小站', '', '青山小站')).not.toBe('');
    expect(titleProblem('棱镜|数据业大整顿：爬虫与现金贷共生共荣', '', '')).toBe('');
    expect(titleProblem('1-10月青山县固定资产投资结构趋稳', '', '')).toBe('');
  });
});
