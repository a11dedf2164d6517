/** The one list of e-paper systems, tried in order: specific systems first, the generic fallback last. */
import type { EpaperAdapter } from './adapter';
import { founderClassic } from './founder-classic';
import { founderNewtpl } from './founder-newtpl';
import { generic } from './generic';
import { rmrbNbs } from './rmrb-nbs';
import { rmrbPc } from './rmrb-pc';

// rmrb-pc precedes founder-classic because both use `a#pageLink`.
export const adapters: readonly EpaperAdapter[] = Object.freeze([rmrbNbs, rmrbPc, founderNewtpl, founderClassic, generic]);

export function adapterFor(id: string): EpaperAdapter | undefined {
  return adapters.find((a) => a.id === id);
}
