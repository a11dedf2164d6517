// Lazily injected on pages that look like an e-paper: every system's profile and the engine
// (lib/epaper). The always-loaded content script keeps only the quick test (lib/epaper/quick.ts).
import { detectIssue } from '@/lib/epaper';
import { qingduGlobal } from '@/lib/messaging/bridge';

export default defineUnlistedScript(() => {
  const g = qingduGlobal();
  g.epaper ??= { detectIssue };
});
