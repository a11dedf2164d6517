/** `lang` of page text from its script, for the popup, the reader, the section view and exports. */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pageTextLang, textLang } from '../../../components/text-lang';
import { bookLang } from '../../../entrypoints/reader/collection';
import type { Article } from '../../../lib/extract/types';

describe('textLang', () => {
  it('names the script when the characters tell it', () => {
    expect(textLang('第01版：要闻 国务院发布', 'en-US')).toBe('zh-Hans');
    expect(textLang('公益時報 第07版：慈善觀察', 'en-US')).toBe('zh-Hant');
  });

  it('falls back to the page’s own Chinese lang, or zh for Han text on a page claiming another language', () => {
    expect(textLang('中文人口', 'zh-CN')).toBe('zh-CN');
    expect(textLang('中文人口', 'en')).toBe('zh');
    expect(textLang('中文人口', undefined)).toBe('zh');
  });

  it('leaves text without Han characters to the page (or to its parent)', () => {
    expect(textLang('A1 News', 'en')).toBe('en');
    expect(textLang('A1 News', '')).toBeUndefined();
  });
});

describe('pageTextLang', () => {
  it('prefers the page’s own Chinese lang, then the script it shows, then whatever it says', () => {
    expect(pageTextLang('zh-CN', 'hant')).toBe('zh-CN');
    expect(pageTextLang('en', 'hant')).toBe('zh-Hant');
    expect(pageTextLang('', 'hans')).toBe('zh-Hans');
    expect(pageTextLang('en', 'none')).toBe('en');
    expect(pageTextLang(undefined, 'mixed')).toBeUndefined();
  });
});

describe('bookLang', () => {
  const art = (lang: Article['lang']) => ({ lang }) as Article;
  it('is the articles’ script when they agree, else the page’s Chinese lang, else zh', () => {
    expect(bookLang([art('zh-Hant'), art('zh'), art('zh-Hant')], 'en')).toBe('zh-Hant');
    expect(bookLang([art('zh-Hant'), art('zh-Hans')], 'zh-CN')).toBe('zh-CN');
    expect(bookLang([art('zh-Hant'), art('zh-Hans')], 'en')).toBe('zh');
  });
});

describe('EPUB chapters', () => {
  it('carry their article’s script as lang', async () => {
    const { buildEpub } = await import('../../../lib/export');
    const article = (title: string, lang: Article['lang']): Article =>
      ({
        title,
        lang,
        kicker: '',
        subtitle: '',
        byline: '',
        paper: '',
        section: '',
        date: '',
        url: '',
        contentHtml: `<p>${title}</p>`,
        textContent: title,
        images: [],
      }) as unknown as Article;
    const bytes = buildEpub({
      paper: '报',
      date: '2024-03-15',
      lang: 'zh-Hans',
      title: '报',
      sourceUrl: 'https://example.com/',
      sections: [{ label: '第01版', articles: [article('简体标题', 'zh-Hans'), article('繁體標題', 'zh-Hant')] }],
      modified: '2024-03-15T00:00:00Z',
    });
    const files = unzipSync(bytes);
    const page = (n: number) => new TextDecoder().decode(files[`OEBPS/text/ch-00${n}.xhtml`]);
    expect(page(1)).toContain('lang="zh-Hans" xml:lang="zh-Hans"');
    expect(page(2)).toContain('lang="zh-Hant" xml:lang="zh-Hant"');
  });
});
