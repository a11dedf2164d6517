// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixesInArticle, ProofreadingList } from '../../../components/proofreading/ProofreadingList';

const t = (key: string, subs?: string[]) => (subs?.length ? `${key}[${subs.join('|')}]` : key);
const fixes = [
  { before: '后', after: '後', head: '康復按摩', tail: '開始了一天' },
  { before: '鑒于', after: '鑑於', head: '的問題。', tail: '老陳家的' },
  { before: '干', after: '幹', head: '與基層民政', tail: '部共同面對' },
];

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('ProofreadingList', () => {
  it('shows nothing without fixes', () => {
    render(<ProofreadingList fixes={[]} t={t} />, root);
    expect(root.innerHTML).toBe('');
  });

  it('a button with the count opens the fixes in order, before → after with context', () => {
    render(<ProofreadingList fixes={fixes} t={t} />, root);
    const button = root.querySelector<HTMLButtonElement>('[data-action="proofreading"]')!;
    expect(button.textContent).toBe('proofTitle[4]');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('[data-list="repairs"]')).toBeNull();
    button.click();
    return Promise.resolve().then(() => {
      const items = [...root.querySelectorAll('[data-list="repairs"] li')];
      expect(items.map((li) => `${li.getAttribute('data-before')}→${li.getAttribute('data-after')}`)).toEqual([
        '后→後',
        '鑒于→鑑於',
        '干→幹',
      ]);
      expect(items[0].querySelector('.qd-proof-before')!.textContent).toBe('康復按摩后開始了一天');
      expect(items[0].querySelector('.qd-proof-after')!.textContent).toBe('康復按摩後開始了一天');
      expect(items[0].querySelector('del')!.textContent).toBe('后');
      expect(items[0].querySelector('ins')!.textContent).toBe('後');
      expect(button.getAttribute('aria-expanded')).toBe('true');
    });
  });
});

describe('fixesInArticle', () => {
  it("keeps the fixes whose repaired context is in the article's text (spaces ignored), in order", () => {
    const article = '老陳在為女兒做完康復按摩後 開始了一天的工作。社工們與基層民政幹部共同面對';
    expect(fixesInArticle(fixes, article).map((f) => f.after)).toEqual(['後', '幹']);
  });
});
