// Lazily injected: opencc-js's Simplified→Traditional tables (all Traditional variants).
import * as OpenCC from 'opencc-js/cn2t';
import { qingduGlobal } from '@/lib/messaging/bridge';

export default defineUnlistedScript(() => {
  const g = qingduGlobal();
  g.opencc = { ...g.opencc, hant: OpenCC as never };
});
