// @vitest-environment jsdom
/** Page-chosen text and URLs cannot change the structure of the exported Markdown (issue 13, item 1). */
import { describe, expect, it } from 'vitest';
import { type Book, bookFileName, buildMarkdown, escapeMarkdown } from '../../../lib/export';
import { cutCodePoints, safeHttpUrl, stripUnsafeChars } from '../../../lib/export/safe-text';
import { article } from './book-fixture';

const BREAKER_IMG = 'data:image/png,x> <img src=x onerror=alert(1)> [click](http://phish.test/)';

function hostileBook(): Book {
  return {
    paper: '清溪日报',
    date: '2024-03-15',
    lang: 'zh-Hans',
    title: '清溪日报 2024-03-15',
    sourceUrl: 'http://paper.test/node_1.htm',
    sections: [
      {
        label: '第01版：要闻',
        articles: [
          article(
            1,
            '# 假标题\u202e',
            [
              `<p><img src="${BREAKER_IMG}" alt="a](x"></p>`,
              '<p><img src="javascript:alert(1)" alt="js"></p>',
              '<p><img src="/p.png?q=a b<c>d\\" alt="ok"></p>',
              '<p>~~~</p><p>---</p><p>===</p><p>+ 列表</p><p>1) 列表</p><p>&lt;div onclick=x&gt;html&lt;/div&gt;</p>',
              '<p>```js</p><p>&gt; 引用</p><p>正文\u0000含\u202e控制\u0085字符</p>',
            ].join(''),
          ),
        ],
      },
    ],
  };
}

describe('Markdown export of a hostile page', () => {
  const md = buildMarkdown(hostileBook());
  const lines = md.split('\n');

  it('writes only http(s) images, with no character that could end the link destination', () => {
    const images = lines.filter((l) => l.startsWith('!['));
    expect(images).toEqual(['![ok](<http://paper.fxrb.test/p.png?q=a%20b%3Cc%3Ed%5C>)']);
    expect(md).not.toContain('data:');
    expect(md).not.toContain('javascript:');
  });

  it('carries no raw HTML and no live link written by the page', () => {
    // Every `<` is escaped, or opens one of our own autolinks / image destinations.
    for (const m of md.matchAll(/</g)) {
      const at = m.index ?? 0;
      const escaped = md[at - 1] === '\\';
      const ours = /^<https?:\/\/[^\s<>]*>/.test(md.slice(at));
      expect(escaped || ours, md.slice(Math.max(0, at - 20), at + 40)).toBe(true);
    }
    expect(md).not.toMatch(/(^|[^\\])\[click\]\(/);
  });

  it('escapes every block-level marker a paragraph starts with', () => {
    for (const marker of ['~~~', '---', '===', '+ 列表', '1) 列表', '```js', '> 引用', '# 假标题']) {
      expect(lines, marker).not.toContain(marker);
    }
    expect(md).toContain('\n\\~\\~\\~\n');
    expect(md).toContain('\n\\---\n');
    expect(md).toContain('\n\\===\n');
    expect(md).toContain('\n1\\) 列表\n');
    expect(md).toContain('### \\# 假标题\n');
    expect(escapeMarkdown('1. 不是列表')).toBe('1\\. 不是列表');
  });

  it('strips control characters and bidi overrides from the text', () => {
    expect(md).toContain('正文含控制字符');
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('safe pieces', () => {
  it('safeHttpUrl keeps http(s) only and percent-encodes breakers', () => {
    expect(safeHttpUrl('data:image/png;base64,AAAA')).toBeNull();
    expect(safeHttpUrl('blob:http://a.test/x')).toBeNull();
    expect(safeHttpUrl('x y', 'http://a.test/dir/')).toBe('http://a.test/dir/x%20y');
    expect(safeHttpUrl('http://a.test/?q=(a)\\`')).toBe('http://a.test/?q=%28a%29%5C%60');
  });

  it('cuts on code points and strips controls', () => {
    expect(cutCodePoints('a😀b', 2)).toBe('a😀');
    expect(stripUnsafeChars('a\u0000b\u202ec\u2066d\te')).toBe('abcd\te');
  });

  it('file names carry no controls or bidi overrides and never half an emoji', () => {
    const name = bookFileName({ paper: '报\u202egpj.exe', date: '', lang: 'zh', title: '', sourceUrl: '', sections: [] }, 'md');
    expect(name).toBe('报gpj.exe.md');
    const long = bookFileName(
      { paper: '报', date: '', lang: 'zh', title: `${'字'.repeat(118)}😀😀`, sourceUrl: '', sections: [] },
      'epub',
    );
    expect(long).toBe(`报-${'字'.repeat(118)}.epub`); // 120 code points; both emoji cut whole
    expect(long).not.toMatch(/[\ud800-\udfff]/);
  });
});
