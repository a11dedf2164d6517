import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Options, type OptionsProps, type Shortcut } from '@/components/Options';
import { defaultSettings, loadSettings, parseSettings, type Settings, saveSettings, watchSettings } from '@/lib/settings';
import { saveOrReport } from '@/lib/settings/save';
import '../popup/style.css';
import './style.css';

const t = (key: string, subs?: string[]) => browser.i18n.getMessage(key as never, subs) || key;

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const [status, setStatus] = useState<OptionsProps['status']>();

  useEffect(() => {
    document.documentElement.lang = browser.i18n.getUILanguage();
    document.title = t('optTitle');
    loadSettings().then(setSettings);
    browser.commands
      ?.getAll()
      .then((all) =>
        setShortcuts(
          all
            .filter((c) => c.name && !c.name.startsWith('_'))
            .map((c) => ({ name: c.name!, description: c.description ?? '', shortcut: c.shortcut ?? '' })),
        ),
      )
      .catch(() => {});
    return watchSettings(setSettings);
  }, []);

  if (!settings) return <p>{t('loading')}</p>;

  const save = async (next: Settings, message?: OptionsProps['status']) => {
    setSettings(next);
    // A refused save (e.g. storage quota) shows its error and the settings really stored.
    const outcome = await saveOrReport(next, saveSettings, loadSettings);
    setSettings(outcome.settings);
    setStatus(
      outcome.error
        ? { kind: 'error', text: t('optSaveFailed', [outcome.error]) }
        : (message ?? { kind: 'ok', text: t('optSaved') }),
    );
  };

  return (
    <Options
      t={t}
      settings={settings}
      shortcuts={shortcuts}
      status={status}
      onChange={(s) => save(s)}
      onExport={() => {
        const blob = new Blob([`${JSON.stringify(settings, null, 2)}\n`], { type: 'application/json' });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = 'qingdu-settings.json';
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
      }}
      onImport={async (file) => {
        let raw: unknown;
        try {
          raw = JSON.parse(await file.text());
        } catch {
          setStatus({ kind: 'error', text: t('optImportNotJson') });
          return;
        }
        const { settings: next, rejected } = parseSettings(raw);
        await save(
          next,
          rejected.length
            ? { kind: 'warn', text: t('optImportRejected', [rejected.join(', ')]) }
            : { kind: 'ok', text: t('optImported') },
        );
      }}
      onReset={() => save(structuredClone(defaultSettings), { kind: 'ok', text: t('optResetDone') })}
    />
  );
}

render(<App />, document.getElementById('app')!);
