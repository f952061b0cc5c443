// The root of the extension's error taxonomy. An ExpectedError's message was written for the user: it says what
// happened and what to do, and never contains a secret, so it is shown as it is. Anything else that is thrown is a
// bug and gets a generic message (common/errors.ts). Code tells the kinds apart with `instanceof` only.
//
// The families: StoreError (store/errors.ts), UserFacingError (common/errors.ts) and HerokuRequestError
// (connection/herokuConnection.ts). heroku/ imports nothing of ours, so the client's own HerokuApiError cannot extend
// this class; the connection folder, the only way the extension reaches the client, turns it into a
// HerokuRequestError at that boundary.
export abstract class ExpectedError extends Error {
  /** True when the user (or the extension shutting down) stopped the operation: callers stay silent about it. */
  get cancelled(): boolean {
    return false;
  }
}
