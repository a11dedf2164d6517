import { t } from './i18n';

/** A small, dismissable warning shown on pages whose title or meta tags were hijacked. */
export function showHijackBanner(doc: Document, reasons: string[]): void {
  if (doc.querySelector('qingdu-banner')) return;
  const host = doc.createElement('qingdu-banner');
  host.setAttribute('data-qingdu-ui', '');
  const root = host.attachShadow({ mode: 'open' });
  const box = doc.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.cssText =
    'position:fixed;z-index:2147483646;top:8px;right:8px;max-width:360px;padding:10px 36px 10px 12px;' +
    'background:#fff4e5;color:#5c3b00;border:1px solid #e0a040;border-radius:8px;font:14px/1.5 system-ui,sans-serif;' +
    'box-shadow:0 2px 8px rgba(0,0,0,.2)';
  box.textContent = t('hijackWarning');
  box.title = reasons.join('; ');
  const close = doc.createElement('button');
  close.textContent = '×';
  close.setAttribute('aria-label', t('close'));
  close.style.cssText =
    'position:absolute;top:4px;right:6px;border:0;background:none;font-size:18px;cursor:pointer;color:inherit';
  close.addEventListener('click', () => host.remove());
  box.append(close);
  root.append(box);
  (doc.body ?? doc.documentElement).append(host);
}
