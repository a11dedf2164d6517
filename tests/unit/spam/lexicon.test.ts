import { describe, expect, it } from 'vitest';
import { hasAbusedTld, isRandomLookingHost, registrableDomain } from '../../../lib/spam/hosts';
import { hasFooterMarks, isEditionLabel, isOffendingText, lexiconHits } from '../../../lib/spam/lexicon';

describe('lexicon', () => {
  it('counts strong and weak terms on link text in both scripts', () => {
    expect(lexiconHits('亚洲综合国产一区二区').strong).toBeGreaterThanOrEqual(2);
    expect(lexiconHits('百家樂娛樂城').strong).toBe(2);
    expect(isOffendingText(lexiconHits('色综合久久'))).toBe(true);
  });
  it('keeps legit names with weak words below the offending line', () => {
    expect(isOffendingText(lexiconHits('欧美同学会'))).toBe(false);
    expect(isOffendingText(lexiconHits('第02版：综 合'))).toBe(false);
    expect(isOffendingText(lexiconHits('國產大飛機完成試飛'))).toBe(false);
  });
  it('matches Latin terms on word boundaries only', () => {
    expect(lexiconHits('Amsterdam Avenue').strong).toBe(0);
    expect(lexiconHits('亚洲Av综合').strong).toBe(1);
    expect(lexiconHits('cheap louis vuitton bags').strong).toBe(1);
  });
  it('recognises edition labels and footer marks', () => {
    expect(isEditionLabel('第A01版：头版')).toBe(true);
    expect(isEditionLabel('01版：要闻')).toBe(true);
    expect(isEditionLabel('亚洲综合')).toBe(false);
    expect(hasFooterMarks('版權所有 京ICP備00000000號')).toBe(true);
  });
});

describe('hosts', () => {
  it('approximates registrable domains', () => {
    expect(registrableDomain('www.xxhzsw.gov.cn')).toBe('xxhzsw.gov.cn');
    expect(registrableDomain('a8d2.k1.test')).toBe('k1.test');
  });
  it('tells random-looking hosts from ordinary ones', () => {
    expect(isRandomLookingHost('jzde8gx.net')).toBe(true);
    expect(isRandomLookingHost('www.xzzjsw.com')).toBe(true);
    expect(isRandomLookingHost('www.people.com.cn')).toBe(false);
    expect(isRandomLookingHost('digitalpaper.stdaily.com')).toBe(false);
    expect(hasAbusedTld('evil.tk')).toBe(true);
    expect(hasAbusedTld('example.com')).toBe(false);
  });
});
