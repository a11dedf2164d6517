/** Settings in extension storage (WXT storage), always read through validation. */
import { storage } from 'wxt/utils/storage';
import { defaultSettings, parseSettings, type Settings } from './schema';

export * from './schema';

const item = storage.defineItem<unknown>('local:settings', { fallback: null });

export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await item.getValue()).settings;
  } catch {
    return structuredClone(defaultSettings);
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await item.setValue(parseSettings(settings).settings);
}

export async function updateSettings(fn: (s: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(fn(await loadSettings())).settings;
  await item.setValue(next);
  return next;
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return item.watch((v) => cb(parseSettings(v).settings));
}
