/**
 * What page-chosen strings may carry into an exported file: no control characters, no bidi
 * embeddings/overrides/isolates (they reorder what the reader sees, e.g. `gpj.exe` shown as
 * `exe.jpg`), and URLs only as http(s) with every character that could end a Markdown link
 * destination percent-encoded.
 */

/** C0 (but tab/newline/CR), DEL, C1, and the bidi formatting characters LRE…RLO, LRI…PDI, ALM. */
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function stripUnsafeChars(text: string): string {
  return text.replace(UNSAFE_TEXT, '');
}

/** The first `max` code points of `text` (never half a surrogate pair). */
export function cutCodePoints(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('');
}

// Space, controls, and what ends or escapes `<…>` / `(…)` destinations or breaks out of them.
const URL_BREAKERS = /[\u0000-\u0020\u007f-\u009f<>\\`"'()[\]{}|^]/g;

/**
 * `src` resolved against `base` when it is an http(s) URL, with breakers percent-encoded;
 * null for anything else (`data:`, `javascript:`, `blob:`, unparsable).
 */
export function safeHttpUrl(src: string, base?: string): string | null {
  let url: URL;
  try {
    url = base ? new URL(src, base) : new URL(src);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.replace(URL_BREAKERS, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
