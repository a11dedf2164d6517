export {
  type CollectedArticle,
  type CollectedSection,
  type CollectItem,
  type CollectOptions,
  type Collector,
  type CollectState,
  collectIssue,
  createCollector,
  type SectionInput,
} from './collector';
export { charsetFromContentType, decodeHtml, sniffMetaCharset } from './decode';
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
