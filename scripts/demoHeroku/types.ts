// The demo Heroku API's public types: its options, the request log, faults and the generated data as tests see it.
import type * as http from 'node:http';

export interface FakeHerokuOptions {
  /** The API's port on 127.0.0.1 (default 0: a free one, as tests need). Redirects go to a second origin on a free port. */
  port?: number;
  /** Number of apps the account owns (default 3). */
  apps?: number;
  /** Names for the first apps, in order, e.g. hostile ones; the others keep their generated `app-00001` names. */
  appNames?: readonly string[];
  /** The API token the fake accepts (default a random `HRKU-…` value). */
  token?: string;
  /** Delay before every response, like a network round trip (default 0). */
  latencyMs?: number;
  /** Rate-limit budget: requests left before every request gets 429 (default 4500, like Heroku). */
  rateLimit?: number;
  /** Retry-After (seconds) sent with 429 once the budget is exhausted; none by default, like Heroku. */
  rateLimitRetryAfter?: number;
  /** The account's email (default `dev@example.com`). */
  email?: string;
  /** The loopback address both servers listen on (default 127.0.0.1; another 127.x address is not "localhost" to
   * proxy resolvers, which send 127.0.0.1 direct). */
  host?: string;
}

export type RequestOutcome = 'pending' | 'responded' | 'hung' | 'reset';

export interface RecordedRequest {
  /** 1-based arrival order on this server. */
  readonly seq: number;
  readonly method: string;
  /** Path and query as sent, e.g. `/apps`. */
  readonly url: string;
  /** Path without the query. */
  readonly path: string;
  /** Every request header as Node parsed it (lower-case names), including authorization. */
  readonly headers: http.IncomingHttpHeaders;
  readonly authorization: string | undefined;
  readonly range: string | undefined;
  /** `performance.now()` on arrival. */
  readonly at: number;
  /** The TCP connection it came on (1-based, numbered in arrival order): requests sharing one were kept alive. */
  readonly connection: number;
  /** Status sent, once a response was started. */
  status: number | undefined;
  outcome: RequestOutcome;
  /** The client closed the connection before the response was complete (cancelled or timed out). */
  clientAborted: boolean;
  /** Which fault handled the request, if any. */
  fault: FaultType | undefined;
}

export type FaultType = FakeFault['type'];

/** What a matching request gets instead of the normal answer. */
export type FakeFault =
  /** Any status with a Heroku error body; the id defaults by status (401 unauthorized, 503 unavailable, …). */
  | { type: 'status'; status: number; id?: string; message?: string; retryAfter?: number; echoAuthorization?: boolean }
  /** 429 `rate_limit`, with Retry-After when given. Does not touch the budget. */
  | { type: 'rateLimit'; retryAfter?: number }
  /** An HTML error page (text/html) with the given status (default 503, Heroku's "Application Error"). */
  | { type: 'html'; status?: number }
  /** The normal response, cut in half: `json` sends a shorter, syntactically broken body with a matching
   * Content-Length; `socket` announces the full length and destroys the socket half-way. */
  | { type: 'truncated'; mode?: 'json' | 'socket' }
  /** Valid JSON with the normal status and headers, but not the documented shape. */
  | { type: 'wrongShape'; body?: unknown }
  /** A valid JSON body of about `bytes` (default 10 MiB): the normal response's first element repeated. */
  | { type: 'huge'; bytes?: number }
  /** The normal page, but a Next-Range (where there is one) that does not move forward; see NextRangeSkew. */
  | { type: 'nextRange'; skew: NextRangeSkew }
  /** Accepts the request and never answers (until the client gives up or `close()`). */
  | { type: 'hang' }
  /** Destroys the connection without answering. */
  | { type: 'reset' }
  /** A redirect: to the same path on the second server (`other-origin`, default), to this server (`same-origin`),
   * or to an absolute URL. */
  | { type: 'redirect'; status?: 301 | 302 | 303 | 307 | 308; to?: 'other-origin' | 'same-origin' | string };

/** How a hostile `nextRange` fault bends the Next-Range of a page that has more after it:
 * - `repeat`: the request's own Range, character for character;
 * - `respaced`: the request's Range with other spacing and another max (the same range, spelled differently);
 * - `restart`: back to the first page (`<field> ..`);
 * - `backwards`: starting at the page's first item (inclusive), before its last one;
 * - `inclusiveLast`: starting at the page's last item, inclusive (that item again);
 * - `otherField`: paging by another field from here on;
 * - `descending`: after the last item, but in descending order;
 * - `garbage`: not a range at all. */
export type NextRangeSkew = 'repeat' | 'respaced' | 'restart' | 'backwards' | 'inclusiveLast' | 'otherField' | 'descending' | 'garbage';

export interface FaultScope {
  /** How many matching requests get the fault (default: every one, forever). */
  times?: number;
  /** Let this many matching requests through normally first. */
  skip?: number;
  /** Only requests whose path (no query) equals this string or matches this RegExp. */
  path?: string | RegExp;
}

export type FaultRule = FakeFault & FaultScope;

export interface FaultHandle {
  /** Requests this fault answered so far. */
  readonly hits: number;
  /** Requests it will still answer (Infinity for "forever"). */
  readonly remaining: number;
  /** Removes this fault. */
  clear(): void;
}

/** The second server a cross-origin redirect points at: it answers `[]` and records what reached it. */
export interface FakeOrigin {
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
}

export interface FakeApp {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly stack: string;
  readonly updatedAt: string;
}

export interface FakeDyno {
  readonly name: string;
  readonly type: string;
  readonly size: string;
  readonly state: string;
  readonly command: string;
  readonly updatedAt: string;
}

export interface FakeAppInfo {
  readonly name: string;
  readonly ownerEmail: string;
  readonly region: string;
  readonly stack: string;
  readonly buildStack: string;
  readonly webUrl: string;
  readonly maintenance: boolean;
  readonly releasedAt: string;
}

export interface FakeFormation {
  readonly type: string;
  readonly quantity: number;
  readonly size: string;
  readonly command: string;
}

export interface FakeRelease {
  readonly version: number;
  readonly description: string;
  readonly status: string;
  readonly createdAt: string;
  readonly current: boolean;
  readonly userEmail: string;
}

export interface FakeAddon {
  readonly name: string;
  readonly service: string;
  readonly plan: string;
  readonly state: string;
  readonly priceCents: number;
  readonly priceUnit: string;
}

export interface FakeHeroku {
  /** `http://127.0.0.1:PORT` (no trailing slash; the `host` option's address instead of 127.0.0.1). */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly email: string;
  /** Every request in arrival order (the live array). */
  readonly requests: readonly RecordedRequest[];
  /** The other origin that `redirect` faults point at. */
  readonly otherOrigin: FakeOrigin;
  /** RateLimit-Remaining as of now. */
  readonly rateLimitRemaining: number;
  /** The account's apps, sorted by name, as a client should list them. */
  apps(): readonly FakeApp[];
  /** The dynos of an app as `GET /apps/{app}/dynos` returns them (none for every fifth app; `crashed` for every 11th). */
  dynos(appName: string): readonly FakeDyno[];
  /** What `GET /apps/{app}` says of the app's owner, place and state. */
  appInfo(appName: string): FakeAppInfo;
  /** `GET /apps/{app}/formation`: a `web` and a `worker` process type, scaled like the app's dynos. */
  formation(appName: string): readonly FakeFormation[];
  /** `GET /apps/{app}/releases`, newest first: versions 1 to the app's current one (a few hundred at most). */
  releases(appName: string): readonly FakeRelease[];
  /** `GET /apps/{app}/addons`, sorted by name: none to five per app. */
  addons(appName: string): readonly FakeAddon[];
  /** `GET /apps/{app}/config-vars`: names and their made-up, secret-looking values. */
  configVars(appName: string): Readonly<Record<string, string>>;
  /** Replaces the account's apps with `count` generated ones (`app-00001` …). Deterministic. */
  setApps(count: number): void;
  setLatency(ms: number): void;
  /** Resets the rate-limit budget (and, when given, the Retry-After sent once it is exhausted). */
  setRateLimit(remaining: number, retryAfterSeconds?: number): void;
  /** 403 for every authenticated request (a token without access), until switched off. */
  setForbidden(on: boolean): void;
  /**
   * Every answer a new version, as if the data changed between any two requests: a fresh ETag each time, so
   * If-None-Match never gets 304 (the bench's listing of a changed account), until switched off.
   */
  setEveryAnswerNew(on: boolean): void;
  /** Adds a fault; earlier faults take precedence over later ones for the same request. */
  fault(rule: FaultRule): FaultHandle;
  /** Replaces every fault with this one (or none). */
  setFault(rule: FaultRule | undefined): FaultHandle | undefined;
  clearFaults(): void;
  /** Back to the start: no faults, no recorded requests, no latency, a full rate-limit budget, not forbidden, ETags by content. */
  reset(): void;
  /** Empties the request logs of both servers. */
  clearRequests(): void;
  /** Resolves once `count` requests matching `filter` have arrived (no polling, no timers). */
  waitForRequests(count: number, filter?: (request: RecordedRequest) => boolean): Promise<RecordedRequest[]>;
  /** Resolves when no request is in flight on this server (answered, reset, or closed by the client). */
  whenIdle(): Promise<void>;
  /** Stops both servers and destroys every open socket, hanging requests included. */
  close(): Promise<void>;
}
