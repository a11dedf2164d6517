/**
 * The one list of e-paper systems, tried in order: specific systems first, the generic fallback
 * last. Adding a system = one file in systems/ plus its fixtures; everything else derives from here.
 */
import type { EpaperAdapter } from './adapter';
import { adapterOf } from './engine';
import type { EpaperProfile } from './profile';
import { founderChunkicon } from './systems/founder-chunkicon';
import { founderClassic } from './systems/founder-classic';
import { founderNewtpl } from './systems/founder-newtpl';
import { generic } from './systems/generic';
import { gmrbLayout } from './systems/gmrb-layout';
import { grrb } from './systems/grrb';
import { joyhua } from './systems/joyhua';
import { nfdaily } from './systems/nfdaily';
import { paperindex } from './systems/paperindex';
import { qpaper } from './systems/qpaper';
import { rmrbNbs } from './systems/rmrb-nbs';
import { rmrbPc } from './systems/rmrb-pc';
import { shtml } from './systems/shtml';

// rmrb-pc precedes founder-classic because both use `a#pageLink`.
export const profiles = [
  rmrbNbs,
  gmrbLayout,
  rmrbPc,
  nfdaily,
  founderChunkicon,
  founderNewtpl,
  founderClassic,
  paperindex,
  joyhua,
  qpaper,
  shtml,
  grrb,
  generic,
] as const;

export type SystemId = (typeof profiles)[number]['id'];

export const adapters: readonly EpaperAdapter[] = Object.freeze(profiles.map((p) => adapterOf(p)));

export function profileFor(id: string): EpaperProfile | undefined {
  return (profiles as readonly EpaperProfile[]).find((p) => p.id === id);
}

export function adapterFor(id: string): EpaperAdapter | undefined {
  return adapters.find((a) => a.id === id);
}

/** Path shapes of all systems, one alternation, for the quick "looks like an e-paper" test. */
export const EPAPER_PATH_RE = new RegExp(
  (profiles as readonly EpaperProfile[])
    .map((p) => p.quick?.path?.source)
    .filter((s): s is string => !!s)
    .join('|'),
  'i',
);

/** Element ids only e-paper templates use. */
export const EPAPER_IDS: readonly string[] = [
  ...new Set((profiles as readonly EpaperProfile[]).flatMap((p) => p.quick?.ids ?? [])),
];
