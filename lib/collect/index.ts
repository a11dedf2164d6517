export { type BoundedOptions, type BoundedResponse, boundedFetch, FetchLimitError, isAllowedRedirect } from './bounded-fetch';
export {
  type CollectedArticle,
  type CollectedSection,
  type CollectItem,
  type CollectLimitNote,
  type CollectLimits,
  type CollectOptions,
  type Collector,
  type CollectState,
  collectIssue,
  createCollector,
  DEFAULT_LIMITS,
  type SectionInput,
} from './collector';
export { charsetFromContentType, decodeHtml, sniffMetaCharset } from './decode';
export { createLimiter, type Limiter, type LimiterOptions } from './limiter';
export * from './limits';
export { limitNotes, type MissingEntry, missingArticles } from './missing';
export {
  createPoliteFetcher,
  DEFAULT_CONCURRENCY,
  DEFAULT_DELAY_MS,
  type FetchedPage,
  type FetchPage,
  type PoliteOptions,
} from './polite-fetcher';
export { isSameOriginHttp, normaliseArticleUrl } from './url';
