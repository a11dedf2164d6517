import { PageController } from './controller';

// The always-loaded script: detection, spam hiding and the conversion pipeline without any
// dictionary. Converters and the reader are separate bundles injected on first use.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_end',
  main(ctx) {
    // Frames (framesets of older papers) are left to the top page: one controller per tab.
    if (window.top !== window) return;
    const controller = new PageController(document, location.href);
    controller.start(ctx).catch((err) => {
      // Never throw into the page: record the failure and still mark the pass done.
      controller.fail(err);
    });
  },
});
