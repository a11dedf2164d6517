// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildMarkdown, escapeMarkdown } from '../../../lib/export';
import { PHOTO_URL, sampleBook } from './book-fixture';

describe('buildMarkdown', () => {
  const book = sampleBook();
  const md = buildMarkdown(book);

  it('has every article heading in issue order under its section', () => {
    const headings = md.split('\n').filter((line) => /^#{2,3} /.test(line));
    const expected = book.sections
      .filter((s) => s.articles.length > 0)
      .flatMap((s) => [
        `## ${escapeMarkdown(s.label)}`,
        ...s.articles.map((a) => `### ${escapeMarkdown(a.title) || '（无标题）'}`),
      ]);
    expect(headings).toEqual(expected);
    expect(md.startsWith(`# ${book.title}\n`)).toBe(true);
  });

  it('escapes Markdown syntax and keeps the text readable', () => {
    expect(md).toContain('### 湖畔春耕 A&B\\<C\\>');
    expect(md).toContain('农机 & 种子 \\<齐备\\>。');
    expect(md).toContain('*引题 "甲"*');
    expect(md).toContain('**副题：乙**');
    expect(md).toContain('本报记者 林晓岚 · 2024-03-15');
    expect(escapeMarkdown('# 不是标题')).toBe('\\# 不是标题');
    expect(escapeMarkdown('1. 不是列表')).toBe('1\\. 不是列表');
    expect(escapeMarkdown('a_b*c[d]')).toBe('a\\_b\\*c\\[d\\]');
  });

  it('renders images, captions, lists, quotes and subheadings', () => {
    expect(md).toContain(`![播种机](<${PHOTO_URL}>)`);
    expect(md).toContain('*田间的播种机*');
    expect(md).toContain('- 一荤两素\n\n- 十元一份');
    expect(md).toContain('> 幕布一拉，灯一亮。');
    expect(md).toContain('#### 三代人');
    expect(md).toContain('未闭合的段落粗体');
    // Body text of every article is present, in order.
    const order = ['春天来了', '第二段', '老街巷里飘出', '幕布一拉', '没有标题的短讯'].map((t) => md.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('lists the contents and links each source page', () => {
    for (const a of book.sections.flatMap((s) => s.articles)) expect(md).toContain(`<${a.url}>`);
    const tocEnd = md.indexOf('\n## ');
    const toc = md.slice(0, tocEnd);
    expect(toc).toContain('- 第01版：要闻\n  - 湖畔春耕');
    expect(toc).not.toContain('第03版：空版');
  });

  it('falls back to the plain text when there is no HTML body', () => {
    const plain = buildMarkdown({
      ...book,
      sections: [
        {
          label: '第05版：副刊',
          articles: [{ ...book.sections[0].articles[1], contentHtml: '', textContent: '第一行\n第二行' }],
        },
      ],
    });
    expect(plain).toContain('第一行\n\n第二行');
  });
});
