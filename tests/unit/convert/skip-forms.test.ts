/** Form data and edited documents are left as served (issue 13, item 6). */
import * as Cn2t from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { makeConverter, PageConverter } from '../../../lib/convert';
import { domOf } from './helpers';

const toTw = makeConverter(Cn2t, 'tw');

describe('conversion and forms', () => {
  it('leaves select, option and datalist alone (an option without value submits its text)', () => {
    const doc = domOf(`<!doctype html><html lang="zh-CN"><body><p id=p>人民日报的报道</p>
      <form><select name=paper><option>人民日报</option><option label="人民日报">a</option></select>
      <input list=papers name=q><datalist id=papers><option>光明日报</option></datalist></form></body></html>`).window.document;
    const before = doc.querySelector('form')!.innerHTML;
    new PageConverter(doc).apply('tw', toTw);
    expect(doc.getElementById('p')!.textContent).toBe(toTw('人民日报的报道'));
    expect(doc.querySelector('form')!.innerHTML).toBe(before);
    const win = doc.defaultView as unknown as { FormData: typeof FormData };
    expect(new win.FormData(doc.querySelector('form')!).get('paper')).toBe('人民日报');
  });

  it('leaves a designMode document alone', () => {
    const doc = domOf('<!doctype html><html lang="zh-CN"><body><p id=p>人民日报的报道</p></body></html>').window.document;
    Object.defineProperty(doc, 'designMode', { value: 'on', configurable: true });
    new PageConverter(doc).apply('tw', toTw);
    expect(doc.getElementById('p')!.textContent).toBe('人民日报的报道');
  });
});
