import { describe, expect, it } from 'vitest';
import { parseLooseLabel } from '../../../lib/epaper/labels';

describe('parseLooseLabel: every 版 label form', () => {
  it.each([
    ['第01版：要闻', '01', '要闻'],
    ['01版：要闻', '01', '要闻'],
    ['第A01版', 'A01', ''],
    ['A1 封面', 'A1', '封面'],
    ['A1', 'A1', ''],
    ['(GA01) 封面', 'GA01', '封面'],
    ['（A03）要闻', 'A03', '要闻'],
    ['00001', '01', ''],
    ['0607', '06-07', ''],
    ['01 - 封面', '01', '封面'],
    ['0405 - 周末 特刊', '04-05', '周末 特刊'],
    ['02 - 要 闻', '02', '要 闻'],
    ['  第02版：综 合 ', '02', '综 合'],
  ])('%s → %s / %s', (text, number, name) => {
    expect(parseLooseLabel(text)).toMatchObject({ number, name });
  });

  it.each([
    ['广告'],
    ['第04版：广告'],
    ['(GA04) 廣告'],
    ['06 - 广告'],
    ['本版责编：林一帆'],
    [''],
    ['   '],
    ['3 things you should know about the city'],
    ['2024年3月15日，记者来到这里。'],
    ['链接123'],
  ])('%s is not a section', (text) => {
    expect(parseLooseLabel(text)).toBeNull();
  });
});
