// @vitest-environment jsdom
/** The Founder property comment parse: same pairs as the old regex, in one pass (issue 13, item 7). */
import { describe, expect, it } from 'vitest';
import { propertyElements, readPropertyComments } from '../../../lib/extract/metadata';

const OLD = /<([\w-]+)>([\s\S]*?)<\/\1>/g;
const byRegex = (data: string): [string, string][] => [...data.matchAll(OLD)].map((m) => [m[1], m[2]]);

describe('propertyElements', () => {
  it('finds what the regex finds, on real-looking and on odd comments', () => {
    const samples = [
      'enpproperty <founder-title>标题</founder-title><founder-author>记者 甲</founder-author>',
      '<a>1</a><b>2<a>3</a></b><a>4</a>',
      '<a>x<a>y</a></a>',
      '<title>未闭合<author>乙</author><title>二</title>',
      '<x><y></x></y><y>z</y>',
      '</a><a>tail',
    ];
    // And random strings over a small alphabet of tags and text.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const parts = ['<a>', '</a>', '<b>', '</b>', '<c-d>', '</c-d>', '文', ' ', '<', '>'];
    for (let i = 0; i < 300; i++) samples.push(Array.from({ length: 1 + rand(30) }, () => parts[rand(parts.length)]).join(''));
    for (const data of samples) expect(propertyElements(data), data).toEqual(byRegex(data));
  });

  it('reads a 1 MB comment of unclosed tags in one pass (the regex took seconds on 313 KB)', { timeout: 3000 }, () => {
    const doc = document.implementation.createHTMLDocument('');
    const data = `mpproperty ${'<founder-title>标题 '.repeat(60_000)}<founder-author>丙</founder-author>`;
    doc.body.append(doc.createComment(data));
    expect(readPropertyComments(doc)).toEqual({ author: '丙' });
  });
});
