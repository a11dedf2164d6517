/** The options page's view: every setting, the site rules, import/export and reset. */
import { useState } from 'preact/hooks';
import type { HantVariant } from '@/lib/convert/types';
import { isValidHostPattern, normalizeHost, type ReaderPrefs, type Settings, type SiteRule } from '@/lib/settings/schema';

export type T = (key: string, subs?: string[]) => string;

export interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

export interface OptionsProps {
  t: T;
  settings: Settings;
  shortcuts: Shortcut[];
  /** The outcome of the last import/reset/save, already localised. */
  status?: { kind: 'ok' | 'warn' | 'error'; text: string };
  onChange(s: Settings): void;
  onExport(): void;
  onImport(file: File): void;
  onReset(): void;
}

const VARIANTS: HantVariant[] = ['hant', 'tw', 'twp', 'hk'];

function RuleRow(props: { t: T; rule: SiteRule; onChange(r: SiteRule): void; onRemove(): void }) {
  const { t, rule } = props;
  const set = (patch: Partial<SiteRule>) => props.onChange({ ...rule, ...patch });
  return (
    <tr data-rule-host={rule.host}>
      <th scope="row">{rule.host}</th>
      <td>
        <select
          aria-label={t('optRuleConvert')}
          data-field="convert"
          value={rule.convert ?? ''}
          onChange={(e) => set({ convert: ((e.currentTarget as HTMLSelectElement).value || null) as SiteRule['convert'] })}
        >
          <option value="">{t('optLeaveAsIs')}</option>
          <option value="hans">{t('script_hans')}</option>
          <option value="hant">{t('script_hant')}</option>
        </select>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('ruleReader')}
          data-field="reader"
          checked={rule.reader}
          onChange={(e) => set({ reader: (e.currentTarget as HTMLInputElement).checked })}
        />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('ruleRepair')}
          data-field="repair"
          checked={rule.repair === true}
          onChange={(e) => {
            const { repair: _drop, ...rest } = rule;
            props.onChange((e.currentTarget as HTMLInputElement).checked ? { ...rest, repair: true } : rest);
          }}
        />
      </td>
      <td>
        <select
          aria-label={t('ruleSpam')}
          data-field="spam"
          value={rule.spam === null ? '' : rule.spam ? 'on' : 'off'}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            set({ spam: v === '' ? null : v === 'on' });
          }}
        >
          <option value="">{t('optDefault')}</option>
          <option value="on">{t('optOn')}</option>
          <option value="off">{t('optOff')}</option>
        </select>
      </td>
      <td>
        <textarea
          aria-label={t('optHideSelectors')}
          data-field="hideSelectors"
          rows={2}
          value={rule.hideSelectors.join('\n')}
          onChange={(e) =>
            set({
              hideSelectors: (e.currentTarget as HTMLTextAreaElement).value
                .split('\n')
                .map((s) => s.trim())
                .filter(Boolean),
            })
          }
        />
      </td>
      <td>
        <button type="button" data-action="remove-rule" onClick={props.onRemove}>
          {t('optRemove')}
        </button>
      </td>
    </tr>
  );
}

export function Options(props: OptionsProps) {
  const { t, settings } = props;
  const [newHost, setNewHost] = useState('');
  const [hostError, setHostError] = useState(false);
  const set = (patch: Partial<Settings>) => props.onChange({ ...settings, ...patch });
  const setReader = (patch: Partial<ReaderPrefs>) => set({ reader: { ...settings.reader, ...patch } });
  const addRule = () => {
    const host = normalizeHost(newHost);
    if (!isValidHostPattern(host)) return setHostError(true);
    setHostError(false);
    setNewHost('');
    if (settings.rules.some((r) => r.host === host)) return;
    set({ rules: [...settings.rules, { host, convert: null, reader: false, spam: null, hideSelectors: [] }] });
  };
  return (
    <main class="options">
      <h1>{t('optTitle')}</h1>
      {props.status && (
        <p class={`status ${props.status.kind}`} role="status" data-status={props.status.kind}>
          {props.status.text}
        </p>
      )}

      <section>
        <h2>{t('optConversion')}</h2>
        <label>
          {t('optVariant')}{' '}
          <select
            data-field="hantVariant"
            value={settings.hantVariant}
            onChange={(e) =>
              set({ hantVariant: (e.currentTarget as HTMLSelectElement).value as HantVariant, hantVariantChosen: true })
            }
          >
            {VARIANTS.map((v) => (
              <option value={v} key={v}>
                {t(`script_${v}`)}
              </option>
            ))}
          </select>
        </label>
        {!settings.hantVariantChosen && (
          <p class="hint" data-note="variant-follows-browser">
            {t('optVariantFollowsBrowser')}
          </p>
        )}
      </section>

      <section>
        <h2>{t('optSpam')}</h2>
        <label>
          <input
            type="checkbox"
            data-field="spamHiding"
            checked={settings.spamHiding}
            onChange={(e) => set({ spamHiding: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('optSpamDefault')}
        </label>
      </section>

      <section>
        <h2>{t('optReader')}</h2>
        <div class="grid">
          <label>
            {t('optFontSize')}
            <input
              type="number"
              min={12}
              max={40}
              data-field="fontSize"
              value={settings.reader.fontSize}
              onChange={(e) => setReader({ fontSize: Number((e.currentTarget as HTMLInputElement).value) })}
            />
          </label>
          <label>
            {t('optLineHeight')}
            <input
              type="number"
              min={1.2}
              max={3}
              step={0.1}
              data-field="lineHeight"
              value={settings.reader.lineHeight}
              onChange={(e) => setReader({ lineHeight: Number((e.currentTarget as HTMLInputElement).value) })}
            />
          </label>
          <label>
            {t('optWidth')}
            <input
              type="number"
              min={20}
              max={80}
              data-field="width"
              value={settings.reader.width}
              onChange={(e) => setReader({ width: Number((e.currentTarget as HTMLInputElement).value) })}
            />
          </label>
          <label>
            {t('optTheme')}
            <select
              data-field="theme"
              value={settings.reader.theme}
              onChange={(e) => setReader({ theme: (e.currentTarget as HTMLSelectElement).value as ReaderPrefs['theme'] })}
            >
              {(['auto', 'light', 'sepia', 'dark'] as const).map((v) => (
                <option value={v} key={v}>
                  {t(`theme_${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('optFont')}
            <select
              data-field="font"
              value={settings.reader.font}
              onChange={(e) => setReader({ font: (e.currentTarget as HTMLSelectElement).value as ReaderPrefs['font'] })}
            >
              <option value="serif">{t('font_serif')}</option>
              <option value="sans">{t('font_sans')}</option>
            </select>
          </label>
        </div>
      </section>

      <section>
        <h2>{t('optRules')}</h2>
        <p class="hint">{t('optRulesHint')}</p>
        <table class="rules">
          <thead>
            <tr>
              <th scope="col">{t('optHost')}</th>
              <th scope="col">{t('optRuleConvert')}</th>
              <th scope="col">{t('ruleReader')}</th>
              <th scope="col">{t('ruleRepair')}</th>
              <th scope="col">{t('ruleSpam')}</th>
              <th scope="col">{t('optHideSelectors')}</th>
              <th scope="col">
                <span class="sr-only">{t('optRemove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {settings.rules.map((rule, i) => (
              <RuleRow
                key={rule.host}
                t={t}
                rule={rule}
                onChange={(r) => set({ rules: settings.rules.map((x, j) => (j === i ? r : x)) })}
                onRemove={() => set({ rules: settings.rules.filter((_, j) => j !== i) })}
              />
            ))}
          </tbody>
        </table>
        <form
          class="add-rule"
          onSubmit={(e) => {
            e.preventDefault();
            addRule();
          }}
        >
          <input
            type="text"
            data-field="new-host"
            placeholder="epaper.example.com"
            aria-label={t('optHost')}
            aria-invalid={hostError}
            value={newHost}
            onInput={(e) => setNewHost((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" data-action="add-rule">
            {t('optAddRule')}
          </button>
          {hostError && <span class="error">{t('optBadHost')}</span>}
        </form>
      </section>

      <section>
        <h2>{t('optShortcuts')}</h2>
        <ul class="shortcuts">
          {props.shortcuts.map((s) => (
            <li key={s.name}>
              <kbd>{s.shortcut || t('optNoShortcut')}</kbd> {s.description}
            </li>
          ))}
        </ul>
        <p class="hint">{t('optShortcutsHint')}</p>
      </section>

      <section class="row">
        <button type="button" data-action="export-settings" onClick={props.onExport}>
          {t('optExport')}
        </button>
        <label class="file">
          {t('optImport')}
          <input
            type="file"
            accept="application/json,.json"
            data-action="import-settings"
            onChange={(e) => {
              const file = (e.currentTarget as HTMLInputElement).files?.[0];
              if (file) props.onImport(file);
              (e.currentTarget as HTMLInputElement).value = '';
            }}
          />
        </label>
        <button type="button" data-action="reset-settings" onClick={props.onReset}>
          {t('optReset')}
        </button>
      </section>
    </main>
  );
}
