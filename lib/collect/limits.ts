/**
 * The numbers that bound whole-issue reading, and why. A hacked or broken page decides how many
 * links a section lists and how its server answers; these keep the work, the requests and the
 * memory bounded whatever it does.
 */

/**
 * Sections taken from an issue. The largest dailies run 24–48 版 on a busy day (人民日报 20–24,
 * weekend metro papers up to 48); 64 leaves room and still bounds the section list requests.
 */
export const MAX_SECTIONS = 64;

/**
 * Articles taken from one section's title list. A broadsheet page carries at most about 20–30
 * articles; a list of thousands is a spam wall or a hacked page, not a newspaper page.
 */
export const MAX_ARTICLES_PER_SECTION = 100;

/**
 * Articles in one collection: a few hundred. The biggest issues have about 250 articles; at two
 * polite requests every 250 ms, 400 articles take about a minute and a half to read.
 */
export const MAX_ARTICLES = 400;

/** One request (headers and body) may take this long before it is aborted. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** An HTML page larger than this is refused (Founder pages are 10–200 KB). */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/** An image larger than this is left out of the EPUB (page scans are 0.5–5 MB). */
export const MAX_IMAGE_BYTES = 12 * 1024 * 1024;

/** Redirect hops followed, each one checked before it is requested. */
export const MAX_REDIRECTS = 3;

/**
 * After this many requests in a row that time out, the site is taken as not answering and the
 * rest of the collection is given up (so a hanging server costs seconds, not hours).
 */
export const MAX_CONSECUTIVE_TIMEOUTS = 4;

/**
 * A whole collection gets this long; articles not started by then are given up and listed as
 * missing. With the per-request timeout it bounds how long the export can be kept waiting
 * (this plus one request), however the site answers. 400 articles at the polite pace take
 * about a minute and a half, so a normal issue never reaches it.
 */
export const MAX_COLLECTION_MS = 5 * 60_000;
