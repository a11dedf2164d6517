// Lazily injected: the Simplified→Traditional tables (every Traditional variant), compiled at build
// time from opencc-js's dictionaries (scripts/gen-dicts.mjs), usable as soon as this is evaluated.
import { compiledOpenCC } from '@/lib/convert/dict';
import { dicts } from '@/lib/convert/dict-hant.generated';
import { qingduGlobal } from '@/lib/messaging/bridge';

export default defineUnlistedScript(() => {
  const g = qingduGlobal();
  g.opencc = { ...g.opencc, hant: compiledOpenCC(dicts) };
});
