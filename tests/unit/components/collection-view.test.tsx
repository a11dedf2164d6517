// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CollectionView, type CollectionViewProps } from '../../../components/collection/CollectionView';
import type { CollectState } from '../../../lib/collect';

const t = (key: string) => key;

function state(patch: Partial<CollectState>): CollectState {
  const item = (n: number) => ({
    section: '第01版：要闻',
    sectionUrl: 'https://e.example/node_1.htm',
    title: `第${n}篇`,
    url: `https://e.example/c${n}.htm`,
  });
  return {
    sections: [
      {
        label: '第01版：要闻',
        url: 'https://e.example/node_1.htm',
        items: [
          {
            item: item(1),
            status: 'done',
            article: {
              title: '第1篇',
              byline: '',
              contentHtml: '<p>正文</p>',
              textContent: '正文',
              lang: 'zh-Hans',
            } as never,
          },
          { item: item(2), status: 'loading' },
        ],
      },
    ],
    done: 1,
    total: 2,
    finished: false,
    ...patch,
  };
}

function mount(props: Partial<CollectionViewProps>) {
  const host = document.createElement('div');
  document.body.append(host);
  const onExport = vi.fn();
  render(
    <CollectionView
      t={t}
      scope="issue"
      paper="某某日报"
      date="2024-03-05"
      state={null}
      exporting={null}
      onRetry={() => {}}
      onExport={onExport}
      onClose={() => {}}
      {...props}
    />,
    host,
  );
  const button = (kind: string) => host.querySelector(`[data-action="export-${kind}"]`) as HTMLButtonElement;
  return { host, onExport, button };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('CollectionView exports', () => {
  it('offers the export of what has arrived while a page is still loading (one hung request never blocks it)', () => {
    const { host, button, onExport } = mount({ state: state({}) });
    expect(button('epub').disabled).toBe(false);
    expect(button('markdown').disabled).toBe(false);
    expect(host.querySelector('[data-finished]')?.getAttribute('data-finished')).toBe('false');
    button('markdown').click();
    expect(onExport).toHaveBeenCalledWith('markdown');
  });

  it('offers nothing before the first article has arrived, and nothing while an export runs', () => {
    expect(mount({ state: state({ done: 0 }) }).button('epub').disabled).toBe(true);
    expect(mount({ state: null }).button('markdown').disabled).toBe(true);
    expect(mount({ state: state({}), exporting: 'epub' }).button('epub').disabled).toBe(true);
  });

  it('marks the collection finished', () => {
    const { host, button } = mount({ state: state({ done: 2, finished: true }) });
    expect(host.querySelector('[data-finished]')?.getAttribute('data-finished')).toBe('true');
    expect(button('epub').disabled).toBe(false);
  });
});
