/**
 * The reader's proofreading list for the Traditional repair: every fix in document order with
 * the text around it, before → after, so a reader can check each one. A toolbar button opens it.
 */
import { useState } from 'preact/hooks';
import type { RepairFix } from '@/lib/messaging/bridge';

export interface ProofreadingListProps {
  fixes: readonly RepairFix[];
  t(key: string, subs?: string[]): string;
}

const PANEL_ID = 'qd-proofreading-panel';

/** Context shown on each side of a fix. */
function Context(props: { head: string; mark: string; tail: string; kind: 'before' | 'after' }) {
  const Tag = props.kind === 'before' ? 'del' : 'ins';
  return (
    <span class={`qd-proof-${props.kind}`}>
      {props.head}
      <Tag>{props.mark}</Tag>
      {props.tail}
    </span>
  );
}

export function ProofreadingList({ fixes, t }: ProofreadingListProps) {
  const [open, setOpen] = useState(false);
  if (fixes.length === 0) return null;
  const count = fixes.reduce((n, f) => n + [...f.before].length, 0);
  const title = t('proofTitle', [String(count)]);
  return (
    <>
      <button
        type="button"
        data-action="proofreading"
        aria-expanded={open}
        aria-controls={PANEL_ID}
        onClick={() => setOpen(!open)}
      >
        {title}
      </button>
      {open && (
        <section id={PANEL_ID} class="qd-proofreading" data-list="repairs" aria-label={title}>
          <ol>
            {fixes.map((f, i) => (
              <li key={`${i}:${f.before}`} data-before={f.before} data-after={f.after}>
                <span class="qd-sr">{t('proofBefore')} </span>
                <Context kind="before" head={f.head} mark={f.before} tail={f.tail} />
                <span aria-hidden="true"> → </span>
                <span class="qd-sr"> {t('proofAfter')} </span>
                <Context kind="after" head={f.head} mark={f.after} tail={f.tail} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

/** Strips spaces (the reader's text normalises them) so a fix's context can be found in the article. */
function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, '');
}

/** The fixes whose context appears in `articleText` (the page's other fixes, in menus or footers, are left out). */
export function fixesInArticle(fixes: readonly RepairFix[], articleText: string): RepairFix[] {
  const text = squeeze(articleText);
  return fixes.filter((f) => text.includes(squeeze(`${f.head.slice(-3)}${f.after}${f.tail.slice(0, 3)}`)));
}

export const proofreadingCss = `
.qd-proofreading {
  position: fixed; top: 3.2em; right: 12px; z-index: 2; width: min(28em, calc(100vw - 24px)); max-height: 70vh;
  overflow: auto; padding: 8px 12px; background: var(--qd-bg); color: var(--qd-fg);
  border: 1px solid var(--qd-rule); border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2);
  text-align: start; font: 15px/1.7 var(--qd-font, serif);
}
.qd-proofreading ol { margin: 0; padding-inline-start: 2em; }
.qd-proofreading li { margin: 2px 0; }
.qd-proofreading del { color: var(--qd-muted); text-decoration: line-through; }
.qd-proofreading ins { color: var(--qd-accent); text-decoration: underline dotted; font-weight: 600; }
.qd-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
