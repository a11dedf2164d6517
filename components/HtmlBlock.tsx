/**
 * Shows already-sanitised HTML (lib/extract runs DOMPurify) without innerHTML: the markup is
 * parsed into an inert document and its nodes are moved in, so nothing runs or loads early.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export function HtmlBlock({ html, class: className }: { html: string; class?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    el.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => el.ownerDocument.importNode(n, true)));
  }, [html]);
  return <div class={className} ref={ref} />;
}
