// The one error type the Heroku client throws. `message` is the user-facing, actionable text (already translated);
// `status`, `id` and `herokuMessage` carry what Heroku said. Nothing here ever holds the API token: the client passes
// every text of an error (its message, Heroku's message and id, the Request-Id, a network error code) through the
// redactor first, and no upstream error object is attached as `cause`.

export type HerokuErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'bad_response'
  | 'redirect'
  | 'cancelled'
  | 'client_error'
  | 'configuration'
  /** A listing passed its cap on items, bytes or pages. */
  | 'listing_too_large'
  /** A listing did not finish within its deadline. */
  | 'listing_deadline';

export interface HerokuApiErrorDetails {
  kind: HerokuErrorKind;
  /** The API host the request went to, e.g. `api.heroku.com`. */
  host: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Heroku's error id, e.g. `unauthorized`, `rate_limit`. */
  id?: string;
  /** Heroku's own error message (redacted). */
  herokuMessage?: string;
  /** `Request-Id` of the failed response, for Heroku support. */
  requestId?: string;
  /** Node/undici error code of a network failure, e.g. `ENOTFOUND`. */
  code?: string;
  /** How many attempts were made. */
  attempts?: number;
}

export class HerokuApiError extends Error {
  override readonly name = 'HerokuApiError';
  readonly kind: HerokuErrorKind;
  readonly host: string;
  readonly status: number | undefined;
  readonly id: string | undefined;
  readonly herokuMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly code: string | undefined;
  readonly attempts: number | undefined;

  constructor(message: string, details: HerokuApiErrorDetails) {
    super(message);
    this.kind = details.kind;
    this.host = details.host;
    this.status = details.status;
    this.id = details.id;
    this.herokuMessage = details.herokuMessage;
    this.requestId = details.requestId;
    this.code = details.code;
    this.attempts = details.attempts;
  }

  /** True when trying again later may help (rate limit, server trouble, network, timeout). */
  get transient(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'server' || this.kind === 'timeout' || this.kind === 'network';
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name, kind: this.kind, message: this.message, host: this.host, status: this.status, id: this.id,
      herokuMessage: this.herokuMessage, requestId: this.requestId, code: this.code, attempts: this.attempts,
    };
  }
}

export function isHerokuApiError(error: unknown): error is HerokuApiError {
  return error instanceof HerokuApiError;
}

export function isHerokuCancellation(error: unknown): boolean {
  return error instanceof HerokuApiError && error.kind === 'cancelled';
}
