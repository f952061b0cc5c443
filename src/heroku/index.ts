// The Heroku Platform API client (no `vscode` import): see client.ts.
export {
  HerokuClient, createHerokuClient, defaultTimeoutMs, defaultMaxResponseBytes, type HerokuClientOptions, type RequestOptions,
} from './client';
export { defaultListLimits, type ListLimits, type ListOptions, type ListProgress } from './pagination';
export { herokuAccept, type HerokuLogEntry, type RedactSecrets } from './request';
export { defaultRetry, type RetryOptions } from './retry';
export type { FetchLike, FetchLikeInit, FetchLikeResponse } from './transport';
export {
  HerokuApiError, isHerokuApiError, isHerokuCancellation, type HerokuErrorKind, type HerokuApiErrorDetails,
} from './errors';
export { herokuMessages } from './messages';
export type { HerokuAccount, HerokuApp, HerokuDyno } from './schemas';
