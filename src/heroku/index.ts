// The Heroku Platform API client (no `vscode` import): see client.ts.
export {
  HerokuClient, createHerokuClient, herokuApiUrl, herokuAccept, defaultRetry, defaultTimeoutMs, defaultMaxResponseBytes,
  type HerokuClientOptions, type RetryOptions, type RequestOptions, type ListOptions, type ListProgress,
  type FetchLike, type FetchLikeInit, type FetchLikeResponse, type HerokuLogEntry,
} from './client';
export {
  HerokuApiError, isHerokuApiError, isHerokuCancellation, redactSecrets, redactedMarker,
  type HerokuErrorKind, type HerokuApiErrorDetails,
} from './errors';
export { herokuMessages } from './messages';
export type { HerokuAccount, HerokuApp, HerokuDyno } from './schemas';
