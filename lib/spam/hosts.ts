/** Host helpers: registrable domain, same-site test, random-looking and abused hosts. */

const SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'co', 'ac', 'mil']);

const SCHEME_RE = /^\s*([a-z][a-z0-9+.-]*):/i;
let lastBase = '';
let lastBaseHost = '';

export function hostOf(href: string, base: string): string {
  // Fast path for relative references (most links on a page): the base's own host.
  if (base && !SCHEME_RE.test(href) && !/^\s*[\\/]{2}|[\t\n\r]/.test(href)) {
    if (base !== lastBase) {
      lastBaseHost = parseHost(base, '');
      lastBase = base;
    }
    return lastBaseHost;
  }
  return parseHost(href, base);
}

/**
 * A plain absolute http(s) URL with an ASCII host and no port, userinfo or escapes: the host
 * is what the URL parser would return, lowercased. Anything else goes to the parser.
 */
const PLAIN_ABSOLUTE_RE = /^https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?=[/?#]|$)/i;
/** A last label the URL parser reads as a number (IPv4 in any notation). */
const NUMERIC_LABEL_RE = /(?:^|\.)(?:\d+|0x[0-9a-f]*)$/i;

function parseHost(href: string, base: string): string {
  const m = PLAIN_ABSOLUTE_RE.exec(href);
  if (m && !/[\t\n\r]/.test(href)) {
    const host = m[1].toLowerCase();
    if (!NUMERIC_LABEL_RE.test(host) && !host.includes('xn--')) return host;
  }
  try {
    const url = new URL(href, base || undefined);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    return url.hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Approximates the registrable domain without a public-suffix list (com.cn, gov.cn …). */
const domains = new Map<string, string>();

export function registrableDomain(host: string): string {
  let domain = domains.get(host);
  if (domain === undefined) {
    domain = computeRegistrableDomain(host);
    if (domains.size >= 2048) domains.clear();
    domains.set(host, domain);
  }
  return domain;
}

function computeRegistrableDomain(host: string): string {
  if (!host || /^\d+\.\d+\.\d+\.\d+$/.test(host)) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const take = labels[labels.length - 1].length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** Top-level domains given away free or cheaply and dominated by spam. */
const ABUSED_TLDS = new Set(['tk', 'ml', 'ga', 'cf', 'gq', 'cm', 'tf']);
export function hasAbusedTld(host: string): boolean {
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return ABUSED_TLDS.has(tld);
}

const SPAM_HOST_WORDS = /gambl|casino|porn|bet365|baccarat|lottery|evil|malware|phish/;
export function hasSpamHostWord(host: string): boolean {
  return SPAM_HOST_WORDS.test(host);
}

/** A name like jzde8gx or xzzjsw: digits inside letters, or long consonant runs. */
export function isRandomLookingHost(host: string): boolean {
  const domain = registrableDomain(host);
  const name = domain.split('.')[0] ?? '';
  if (name.length < 4) return false;
  if (/[a-z]\d+[a-z]/.test(name) && /\d/.test(name)) return true;
  if (/[bcdfghjklmnpqrstvwxz]{5,}/.test(name)) return true;
  const letters = name.replace(/[^a-z]/g, '');
  const vowels = letters.replace(/[^aeiou]/g, '').length;
  return letters.length >= 6 && vowels / letters.length < 0.15;
}

const INSTITUTIONAL_RE = /(^|\.)(gov|edu|ac|org)(\.[a-z]{2,4})?$/;
export function isInstitutionalHost(host: string): boolean {
  return INSTITUTIONAL_RE.test(host);
}
