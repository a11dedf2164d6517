import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { Popup, type SiteRuleView } from '@/components/Popup';
import { issueUrlForDate } from '@/lib/epaper';
import { type PageState, type RepairOfferState, sendMessage } from '@/lib/messaging/protocol';
import { loadSettings, normalizeHost, ruleFor, updateSettings, withRule } from '@/lib/settings';
import './style.css';

const t = (key: string, subs?: string[]) => browser.i18n.getMessage(key as never, subs) || key;

/** `popup.html?tabId=N` acts on tab N (the test surface); otherwise on the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
const openedAsTab = new URLSearchParams(location.search).has('tabId');

function App() {
  const [tabId, setTabId] = useState<number>();
  const [state, setState] = useState<PageState | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [rule, setRule] = useState<SiteRuleView>({ convert: null, reader: false, spam: null });
  const [repair, setRepair] = useState<RepairOfferState | null>(null);
  const [repairRule, setRepairRule] = useState(false);

  const refreshRule = useCallback(async (url: string) => {
    const r = ruleFor(await loadSettings(), new URL(url).hostname);
    setRule({ convert: r?.convert ?? null, reader: r?.reader ?? false, spam: r?.spam ?? null });
    setRepairRule(r?.repair === true);
  }, []);

  useEffect(() => {
    document.documentElement.lang = browser.i18n.getUILanguage();
    (async () => {
      const id = await targetTabId();
      setTabId(id);
      if (id === undefined) return setError(t('noTab'));
      try {
        const s = await sendMessage('pageGetState', undefined, id);
        setState(s);
        await refreshRule(s.url);
        // The repair estimate loads the converters: asked for after the popup is shown.
        if (s.script === 'hant' || s.script === 'mixed' || s.repaired !== undefined || s.converted === 'hans')
          sendMessage('pageRepairOffer', undefined, id).then(setRepair, () => {});
      } catch {
        setError(t('unreachable'));
      }
    })();
  }, [refreshRule]);

  /** Runs an action on the tab; resolves true when it worked (the error is shown otherwise). */
  const act = async (fn: () => Promise<PageState>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      setState(await fn());
      return true;
    } catch (err) {
      setError(`${t('actionFailed')} ${String(err)}`);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const navigate = async (url: string) => {
    if (tabId === undefined) return;
    await browser.tabs.update(tabId, { url });
    if (!openedAsTab) window.close();
  };
  const id = tabId as number;

  return (
    <Popup
      t={t}
      state={state}
      error={error}
      busy={busy}
      rule={rule}
      onNavigate={navigate}
      onToggleReader={() =>
        act(() => sendMessage('pageToggleReader', undefined, id)).then((ok) => ok && !openedAsTab && window.close())
      }
      onToggleConvert={() => act(() => sendMessage('pageToggleConvert', {}, id))}
      onToggleSpam={() => act(() => sendMessage('pageSetSpamShown', { shown: !state?.spamShown }, id))}
      onReadCollection={(scope) =>
        act(() => sendMessage('pageReadCollection', { scope }, id)).then((ok) => ok && !openedAsTab && window.close())
      }
      onJumpToDate={(date) => {
        if (!state?.issue) return;
        const url = issueUrlForDate(state.issue, state.url, date);
        if (url) navigate(url);
        else setError(t('noDateUrl'));
      }}
      onRule={async (patch) => {
        if (!state) return;
        const host = normalizeHost(new URL(state.url).hostname);
        await updateSettings((s) => withRule(s, host, patch));
        await refreshRule(state.url);
      }}
      onOpenOptions={() => browser.runtime.openOptionsPage()}
      repair={repair}
      onToggleRepair={() =>
        act(async () => {
          const s = await sendMessage('pageToggleRepair', undefined, id);
          setRepair(await sendMessage('pageRepairOffer', undefined, id));
          return s;
        })
      }
      onRepairMarks={(shown) => act(() => sendMessage('pageSetRepairMarks', { shown }, id))}
      repairRule={repairRule}
      onRepairRule={async (on) => {
        if (!state) return;
        const host = normalizeHost(new URL(state.url).hostname);
        await updateSettings((s) => withRule(s, host, { repair: on }));
        await refreshRule(state.url);
      }}
    />
  );
}

render(<App />, document.getElementById('app')!);
