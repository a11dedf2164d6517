export {
  collectIssue,
  createCollector,
  type CollectItem,
  type CollectedArticle,
  type CollectedSection,
  type CollectOptions,
  type CollectState,
  type Collector,
  type SectionInput,
} from './collector';
export { decodeHtml, charsetFromContentType, sniffMetaCharset } from './decode';
export { createLimiter, type Limiter, type LimiterOptions } from './limiter';
export {
  createPoliteFetcher,
  DEFAULT_CONCURRENCY,
  DEFAULT_DELAY_MS,
  type FetchedPage,
  type FetchPage,
  type PoliteOptions,
} from './polite-fetcher';
export { isSameOriginHttp, normaliseArticleUrl } from './url';
