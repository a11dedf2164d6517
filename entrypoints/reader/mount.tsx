/**
 * Mounts the reader in a <qingdu-reader> element with an open shadow root, so page CSS cannot
 * reach it and it cannot break the page. (WXT's createShadowRootUi needs a content-script
 * context and its CSS file; this bundle is injected lazily, so it builds the same thing itself.)
 * It is modal: the page behind is inert while it is open, Tab stays inside, and closing returns
 * focus to where it was.
 */
import { render } from 'preact';
import type { ReaderApi, ReaderHost, ReaderMode } from '@/lib/messaging/bridge';
import { inertBackground, keepTabInside } from './modal';
import { ReaderApp, type ReaderAppHandle } from './ReaderApp';

export function createReaderApi(doc: Document): ReaderApi {
  let hostEl: HTMLElement | null = null;
  let container: HTMLElement | null = null;
  let current: ReaderHost | null = null;
  let handle: ReaderAppHandle | null = null;
  let savedOverflow: string | null = null;
  let previousFocus: Element | null = null;
  let restoreBackground: (() => void) | null = null;

  const onKeyDown = (e: KeyboardEvent) => {
    if (!hostEl) return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      api.close();
      return;
    }
    const dialog = hostEl.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    if (dialog) keepTabInside(e, dialog);
  };

  const api: ReaderApi = {
    open(host: ReaderHost, mode: ReaderMode) {
      api.close();
      current = host;
      previousFocus = doc.activeElement;
      hostEl = doc.createElement('qingdu-reader');
      hostEl.setAttribute('data-qingdu-ui', '');
      // Inline host styles: fixed overlay above everything; all page styles reset.
      hostEl.style.cssText = 'all:initial;position:fixed;inset:0;z-index:2147483647;display:block;';
      const shadow = hostEl.attachShadow({ mode: 'open' });
      container = doc.createElement('div');
      container.className = 'qingdu-root';
      shadow.append(container);
      (doc.body ?? doc.documentElement).append(hostEl);
      restoreBackground = inertBackground(doc, hostEl);
      savedOverflow = doc.documentElement.style.overflow;
      doc.documentElement.style.overflow = 'hidden';
      doc.addEventListener('keydown', onKeyDown, true);
      render(
        <ReaderApp
          host={host}
          mode={mode}
          doc={doc}
          shadow={shadow}
          onClose={() => api.close()}
          onOpenMode={(next: ReaderMode) => setTimeout(() => api.open(host, next))}
          registerHandle={(h: ReaderAppHandle) => {
            handle = h;
          }}
        />,
        container,
      );
    },
    close() {
      if (!hostEl) return;
      doc.removeEventListener('keydown', onKeyDown, true);
      handle?.dispose();
      if (container) render(null, container);
      hostEl.remove();
      hostEl = null;
      restoreBackground?.();
      restoreBackground = null;
      container = null;
      handle = null;
      doc.documentElement.style.overflow = savedOverflow ?? '';
      if (previousFocus instanceof HTMLElement) previousFocus.focus({ preventScroll: true });
      const host = current;
      current = null;
      host?.onClosed();
    },
    isOpen: () => hostEl !== null,
    async refreshConversion() {
      await handle?.refreshConversion();
    },
  };
  return api;
}
