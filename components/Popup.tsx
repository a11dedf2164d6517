/** The popup's view: props in, callbacks out, no browser APIs. */
import type { Target } from '@/lib/convert/types';
import type { ArticleRef, Issue, SectionRef } from '@/lib/epaper/types';
import type { PageState, RepairOfferState } from '@/lib/messaging/protocol';
import { pageTextLang, textLang } from './text-lang';

export type T = (key: string, subs?: string[]) => string;

export interface SiteRuleView {
  convert: 'hans' | 'hant' | null;
  reader: boolean;
  spam: boolean | null;
}

export interface PopupProps {
  t: T;
  state: PageState | null;
  /** Why there is no state (content script unreachable), already localised. */
  error?: string;
  busy?: boolean;
  rule: SiteRuleView;
  onNavigate(url: string): void;
  onToggleReader(): void;
  onToggleConvert(): void;
  onToggleSpam(): void;
  onReadCollection(scope: 'section' | 'issue'): void;
  onJumpToDate(isoDate: string): void;
  onRule(patch: Partial<SiteRuleView>): void;
  onOpenOptions(): void;
  /** The Traditional repair on offer (null or absent: nothing to repair, or not known yet). */
  repair?: RepairOfferState | null;
  onToggleRepair?(): void;
  onRepairMarks?(shown: boolean): void;
  /** The site's "always repair Traditional" rule. */
  repairRule?: boolean;
  onRepairRule?(on: boolean): void;
}

const scriptName = (t: T, target: Target | 'hans' | 'hant') => t(`script_${target}`);

/** Only http(s) links of the page's own site are shown; anything else from the page is dropped. */
export function safeLink(url: string | undefined, pageUrl: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, pageUrl);
    const page = new URL(pageUrl);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname !== page.hostname) return null;
    return u.href;
  } catch {
    return null;
  }
}

function LinkList(props: {
  kind: 'sections' | 'titles';
  label: string;
  items: (SectionRef | ArticleRef)[];
  pageUrl: string;
  pageLang?: string;
  onNavigate(url: string): void;
}) {
  const items = props.items
    .map((item) => ({ item, href: safeLink(item.url, props.pageUrl) }))
    .filter((x): x is { item: SectionRef | ArticleRef; href: string } => x.href !== null);
  if (!items.length) return null;
  return (
    <nav data-list={props.kind} aria-label={props.label}>
      <h2>{props.label}</h2>
      <ul>
        {items.map(({ item, href }) => (
          <li key={href}>
            <a
              href={href}
              lang={textLang('label' in item ? item.label : item.title, props.pageLang)}
              aria-current={item.current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                props.onNavigate(href);
              }}
            >
              {'label' in item ? item.label : item.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function IssueView(props: PopupProps & { issue: Issue; pageUrl: string; pageLang?: string }) {
  const { t, issue, pageUrl, pageLang } = props;
  const prev = safeLink(issue.prevIssue, pageUrl);
  const next = safeLink(issue.nextIssue, pageUrl);
  return (
    <section class="issue">
      <header>
        {issue.paper ? <h1 lang={textLang(issue.paper, pageLang)}>{issue.paper}</h1> : <h1>{t('unknownPaper')}</h1>}
        {issue.date && <p class="date">{issue.date}</p>}
      </header>
      {/* Reading comes before the date controls and the long lists: a few Tabs from the top. */}
      <div class="row">
        <button type="button" data-action="read-section" onClick={() => props.onReadCollection('section')}>
          {t('readSection')}
        </button>
        <button type="button" data-action="read-issue" onClick={() => props.onReadCollection('issue')}>
          {t('readIssue')}
        </button>
      </div>
      <div class="issue-nav">
        <button type="button" data-action="prev-issue" disabled={!prev} onClick={() => prev && props.onNavigate(prev)}>
          {t('prevIssue')}
        </button>
        <form
          class="date-form"
          onSubmit={(e) => {
            e.preventDefault();
            const input = (e.currentTarget as HTMLFormElement).elements.namedItem('date') as HTMLInputElement;
            if (input.value) props.onJumpToDate(input.value);
          }}
        >
          <label>
            <span class="sr-only">{t('issueDate')}</span>
            <input type="date" name="date" data-field="date" defaultValue={issue.date} aria-label={t('issueDate')} />
          </label>
          <button type="submit" data-action="go-date">
            {t('go')}
          </button>
        </form>
        <button type="button" data-action="next-issue" disabled={!next} onClick={() => next && props.onNavigate(next)}>
          {t('nextIssue')}
        </button>
      </div>
      <LinkList
        kind="sections"
        label={t('sections')}
        items={issue.sections}
        pageUrl={pageUrl}
        pageLang={pageLang}
        onNavigate={props.onNavigate}
      />
      <LinkList
        kind="titles"
        label={t('titles')}
        items={issue.articles}
        pageUrl={pageUrl}
        pageLang={pageLang}
        onNavigate={props.onNavigate}
      />
    </section>
  );
}

/** "Repair Traditional (N fixes)": only when the repair would change something; pressed while applied. */
function RepairButton(props: PopupProps) {
  const { t, state, repair } = props;
  const applied = state?.repaired !== undefined;
  const fixes = applied ? (state?.repaired ?? 0) : (repair?.fixes ?? 0);
  if (fixes <= 0 && !applied) return null;
  return (
    <button type="button" data-action="repair" data-count={fixes} aria-pressed={applied} onClick={props.onToggleRepair}>
      {applied ? t('repairUndo', [String(fixes)]) : t('repairOffer', [String(fixes)])}
    </button>
  );
}

export function Popup(props: PopupProps) {
  const { t, state, rule } = props;
  if (!state) {
    return (
      <main class="popup">
        <h1>{t('extShortName')}</h1>
        <p class="note" role="status">
          {props.error ?? t('loading')}
        </p>
      </main>
    );
  }
  const convertLabel =
    state.convertTarget === 'restore'
      ? t('convertRestore')
      : t('convertTo', [scriptName(t, state.convertTarget === 'hans' ? 'hans' : state.convertTarget)]);
  const spamLabel = state.spamShown ? t('spamHide', [String(state.spamCount)]) : t('spamShow', [String(state.spamCount)]);
  const hantOrHans =
    state.convertTarget === 'restore'
      ? state.converted === 'hans'
        ? 'hans'
        : 'hant'
      : state.convertTarget === 'hans'
        ? 'hans'
        : 'hant';
  return (
    <main class="popup" aria-busy={props.busy ? 'true' : 'false'}>
      {/* Off an e-paper page the paper's name is not there to head the popup. */}
      {!state.issue && <h1>{t('extShortName')}</h1>}
      <div class="actions">
        <button type="button" data-action="reader" aria-pressed={state.readerOpen} onClick={props.onToggleReader}>
          {state.readerOpen ? t('readerClose') : t('readerOpen')}
        </button>
        <button type="button" data-action="convert" data-target={state.convertTarget} onClick={props.onToggleConvert}>
          {convertLabel}
        </button>
        <button
          type="button"
          data-action="spam"
          data-count={state.spamCount}
          aria-pressed={state.spamShown}
          onClick={props.onToggleSpam}
        >
          {spamLabel}
        </button>
        <RepairButton {...props} />
      </div>
      {state.repaired !== undefined && props.onRepairMarks && (
        <label class="repair-marks">
          <input
            type="checkbox"
            data-action="repair-marks"
            checked={state.repairMarks !== false}
            onChange={(e) => props.onRepairMarks?.((e.currentTarget as HTMLInputElement).checked)}
          />
          {t('repairMarks')}
        </label>
      )}
      {state.issue ? (
        <IssueView {...props} issue={state.issue} pageUrl={state.url} pageLang={pageTextLang(state.pageLang, state.script)} />
      ) : (
        <p class="note" data-note="no-issue">
          {t('noIssue')}
        </p>
      )}
      {props.error && (
        <p class="note warn" role="alert" data-note="error">
          {props.error}
        </p>
      )}
      {state.hijack?.hijacked && (
        <p class="note warn" role="alert">
          {t('hijackWarning')}
        </p>
      )}
      <fieldset class="rules">
        <legend>{t('alwaysOnSite')}</legend>
        <label>
          <input
            type="checkbox"
            data-rule="convert"
            checked={rule.convert !== null}
            onChange={(e) => props.onRule({ convert: (e.currentTarget as HTMLInputElement).checked ? hantOrHans : null })}
          />
          {rule.convert ? t('ruleConvertTo', [scriptName(t, rule.convert)]) : t('ruleConvertTo', [scriptName(t, hantOrHans)])}
        </label>
        <label>
          <input
            type="checkbox"
            data-rule="reader"
            checked={rule.reader}
            onChange={(e) => props.onRule({ reader: (e.currentTarget as HTMLInputElement).checked })}
          />
          {t('ruleReader')}
        </label>
        <label>
          <input
            type="checkbox"
            data-rule="spam"
            checked={rule.spam !== false}
            onChange={(e) => props.onRule({ spam: (e.currentTarget as HTMLInputElement).checked })}
          />
          {t('ruleSpam')}
        </label>
        {props.onRepairRule && (props.repairRule || (props.repair?.fixes ?? 0) > 0) && (
          <label>
            <input
              type="checkbox"
              data-rule="repair"
              checked={props.repairRule === true}
              onChange={(e) => props.onRepairRule?.((e.currentTarget as HTMLInputElement).checked)}
            />
            {t('ruleRepair')}
          </label>
        )}
      </fieldset>
      {state.problems.length > 0 && (
        <p class="note warn" data-note="problems">
          {t('problems', [state.problems.join('; ')])}
        </p>
      )}
      <footer>
        <button type="button" class="link" data-action="options" onClick={props.onOpenOptions}>
          {t('options')}
        </button>
      </footer>
    </main>
  );
}
