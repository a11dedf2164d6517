/** URL rules for collecting: same-origin http(s) only, and one key per article. */

/** The URL parsed against `base`, or null when it does not parse. */
function parse(url: string, base?: string): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

/** True when `url` is http(s) and has exactly the origin `origin`. */
export function isSameOriginHttp(url: string, origin: string): boolean {
  const parsed = parse(url);
  const allowed = parse(origin);
  if (!parsed || !allowed) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return parsed.origin === allowed.origin;
}

/**
 * The article's identity: query and hash dropped (`content_5.htm?div=-1` and `content_5.htm`
 * are one article on Founder papers). Unparsable input is returned as is.
 */
export function normaliseArticleUrl(url: string): string {
  const parsed = parse(url);
  if (!parsed) return url;
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}
