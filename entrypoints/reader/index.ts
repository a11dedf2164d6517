// Lazily injected on first use: extraction (Readability + DOMPurify), the reader UI (Preact)
// and whole-section reading. It registers itself on the shared global of the content script.
import { qingduGlobal } from '@/lib/messaging/bridge';
import { createReaderApi } from './mount';

export default defineUnlistedScript(() => {
  const g = qingduGlobal();
  g.reader ??= createReaderApi(document);
});
