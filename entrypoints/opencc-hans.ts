// Lazily injected: opencc-js's Traditional→Simplified tables only (~110 KB).
import * as OpenCC from 'opencc-js/t2cn';
import { qingduGlobal } from '@/lib/messaging/bridge';

export default defineUnlistedScript(() => {
  const g = qingduGlobal();
  g.opencc = { ...g.opencc, hans: OpenCC as never };
});
