/**
 * Saving with an honest outcome: when storage refuses (quota exceeded, storage gone), the
 * caller gets the error and the settings that are really stored, so the page never shows
 * settings that were not kept.
 */
import type { Settings } from './schema';

export interface SaveOutcome {
  /** What storage holds now: `next` when saved, the stored settings otherwise. */
  settings: Settings;
  /** The storage error's message, or null when saved. */
  error: string | null;
}

export async function saveOrReport(
  next: Settings,
  save: (s: Settings) => Promise<void>,
  load: () => Promise<Settings>,
): Promise<SaveOutcome> {
  try {
    await save(next);
    return { settings: next, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { settings: await load(), error: message || 'storage error' };
  }
}
