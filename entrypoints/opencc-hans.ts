// Lazily injected: the Traditional→Simplified tables only, compiled at build time from opencc-js's
// dictionaries (scripts/gen-dicts.mjs), usable as soon as this is evaluated.
import { compiledOpenCC } from '@/lib/convert/dict';
import { dicts } from '@/lib/convert/dict-hans.generated';
import { qingduGlobal } from '@/lib/messaging/bridge';

export default defineUnlistedScript(() => {
  const g = qingduGlobal();
  g.opencc = { ...g.opencc, hans: compiledOpenCC(dicts) };
});
