// The Heroku Platform API client (no `vscode` import): see client.ts. Imports nothing of ours, so scripts and tests run
// it in plain Node: it takes the API origin the caller parsed from the Account ID (model/accountId.ts does that in
// the extension) and throws only its own HerokuApiError, which src/connection/ turns into an ExpectedError.
export {
  HerokuClient, createHerokuClient, defaultTimeoutMs, defaultMaxResponseBytes, type HerokuClientOptions, type ReleaseOptions, type RequestOptions,
} from './client';
export { defaultListLimits, type ListLimits, type ListOptions, type ListProgress } from './pagination';
export { herokuAccept, type HerokuLogEntry, type RedactSecrets } from './request';
export { defaultRetry, type RetryOptions } from './retry';
export { PageMemory } from './revalidation';
export type { FetchLike, FetchLikeInit, FetchLikeResponse } from './transport';
export {
  HerokuApiError, isHerokuApiError, isHerokuCancellation, type HerokuErrorKind, type HerokuApiErrorDetails,
} from './errors';
export { herokuMessages } from './messages';
export type { HerokuAccount, HerokuAddon, HerokuApp, HerokuAppInfo, HerokuDyno, HerokuFormation, HerokuRelease } from './schemas';
