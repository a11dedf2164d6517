import { describe, expect, it } from 'vitest';
import {
  dateFromPath,
  dateFromText,
  isSectionLabel,
  paperFromTitle,
  parseSectionLabel,
  sameSectionNumber,
  sameSiteUrl,
  shiftIsoDate,
} from '../../../lib/epaper/util';

describe('parseSectionLabel', () => {
  it.each([
    ['第07版:社會工作', '07', '社會工作'],
    ['第A1版：头版', 'A1', '头版'],
    ['01版：要闻', '01', '要闻'],
    ['第02版：综 合', '02', '综 合'],
    ['  第A01版：头版 \n', 'A01', '头版'],
    ['第3版', '3', ''],
  ])('%s → %s / %s', (text, number, name) => {
    expect(parseSectionLabel(text)).toEqual({ label: text.trim(), number, name });
  });

  it('rejects text that is not a whole label', () => {
    expect(isSectionLabel('详见第3版的报道')).toBe(false);
    expect(isSectionLabel('版权所有')).toBe(false);
    expect(parseSectionLabel('新闻').number).toBe('');
  });

  it('compares numbers across zero padding', () => {
    expect(sameSectionNumber('A01', 'A1')).toBe(true);
    expect(sameSectionNumber('07', '7')).toBe(true);
    expect(sameSectionNumber('A01', 'B01')).toBe(false);
    expect(sameSectionNumber('', '')).toBe(false);
  });
});

describe('sameSiteUrl', () => {
  const page = new URL('http://paper.example.cn/a/html/2020-01/02/node_2.htm');
  it.each([
    ['node_3.htm', 'http://paper.example.cn/a/html/2020-01/02/node_3.htm'],
    ['../../2020-01/01/node_2.htm', 'http://paper.example.cn/a/html/2020-01/01/node_2.htm'],
    ['https://paper.example.cn/x.pdf', 'https://paper.example.cn/x.pdf'],
    ['javascript:void(0)', null],
    ['JavaScript:go()', null],
    ['data:text/html,x', null],
    ['http://other.example.com/node_3.htm', null],
    ['//other.example.com/node_3.htm', null],
    ['#', null],
    ['', null],
    ['mailto:a@example.cn', null],
  ])('%s → %s', (href, expected) => {
    expect(sameSiteUrl(href, page, page)).toBe(expected);
  });
});

describe('dates', () => {
  it('reads dates from paths of every system', () => {
    expect(dateFromPath('/kjrb/html/2023-02/10/node_2.htm')).toBe('2023-02-10');
    expect(dateFromPath('/rmrb/pc/layout/202412/25/node_01.html')).toBe('2024-12-25');
    expect(dateFromPath('/rmrb/html/2023-05/08/nw.D110000renmrb_20230508_2-01.htm')).toBe('2023-05-08');
    expect(dateFromPath('/rmrb/html/nw.D110000renmrb_20230508_2-01.htm')).toBe('2023-05-08');
    expect(dateFromPath('/html/2023-02/30/node_2.htm')).toBe('');
    expect(dateFromPath('/about/index.html')).toBe('');
  });

  it('reads dates from page text', () => {
    expect(dateFromText('2014年5月21日\n星期三')).toBe('2014-05-21');
    expect(dateFromText('2022-02-13 00:00:00:0')).toBe('2022-02-13');
    expect(dateFromText('无日期')).toBe('');
  });

  it('shifts across month and year ends', () => {
    expect(shiftIsoDate('2024-03-01', -1)).toBe('2024-02-29');
    expect(shiftIsoDate('2024-12-31', 1)).toBe('2025-01-01');
    expect(shiftIsoDate('bad', 1)).toBe('');
  });
});

describe('paperFromTitle', () => {
  it.each([
    ['科技日报--数字报', '科技日报'],
    ['某标题_潇湘晨报数字报', '潇湘晨报'],
    ['人民日报-人民网', '人民日报'],
    ['晨光日報--電子報', '晨光日報'],
  ])('%s → %s', (title, paper) => {
    expect(paperFromTitle(title)).toBe(paper);
  });
});
