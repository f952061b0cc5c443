// Heroku Platform API client (v3) for the extension: no `vscode` import, node-fetch v3 (bundled by esbuild).
//
// - Every request: `Accept: application/vnd.heroku+json; version=3`, `Authorization: Bearer <token>`, the caller's
//   versioned User-Agent, a per-attempt timeout, and the caller's AbortSignal (request.ts).
// - Lists follow Heroku's Range pagination, one page ahead, bounded in items, bytes, pages and time, and stop when a
//   Next-Range does not move forward (pagination.ts).
// - 429 waits (Retry-After, else exponential backoff with jitter) and retries; 5xx and network failures on these GETs
//   retry too; all bounded by attempts and total time (retry.ts, failures.ts).
// - Redirects are followed by hand, same origin only: the token is never sent to another host.
// - Failures are `HerokuApiError`s with an actionable message; every text in them, and every log line, goes through
//   the redactor the caller passes in (`redact`), so none contains the token.
// - No proxy code: in the extension host, VS Code routes node's http(s) requests through its proxy settings. A proxy
//   that cannot be reached, or that asks for credentials (407), gets a message of its own (failures.ts).
import { HerokuApiError } from './errors';
import { herokuMessages as m } from './messages';
import { defaultListLimits, listAll, type ListLimits, type ListOptions } from './pagination';
import { Requester, type HerokuLogEntry, type RedactSecrets } from './request';
import { defaultRetry, type RetryOptions } from './retry';
import { accountSchema, appListSchema, dynoListSchema, type HerokuAccount, type HerokuApp, type HerokuDyno } from './schemas';
import type { FetchLike } from './transport';

export const defaultTimeoutMs = 30_000;
/** Largest response body read (a page of 1,000 apps is about 1.5 MB). */
export const defaultMaxResponseBytes = 8 * 1024 * 1024;

export interface HerokuClientOptions {
  /**
   * The API origin that Provider Desk's one Account ID parser (src/model/accountId.ts) made of the Account ID: scheme,
   * host and port only, as `https://api.heroku.com` or `http://127.0.0.1:5000` for a local fake.
   */
  baseUrl: string;
  token: string;
  /** Versioned, e.g. `ProviderDesk/0.1.0 VSCode/1.96.0`. */
  userAgent: string;
  /** Removes the token from every error text and log line: Provider Desk's one redactor (src/model/redact.ts). */
  redact: RedactSecrets;
  /** Per attempt, covering headers and body (default 30 s). */
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  fetchImpl?: FetchLike;
  /** Receives one line per request and retry; never contains the token. */
  onLog?: (entry: HerokuLogEntry) => void;
  /** Largest response body read (default 8 MiB). */
  maxResponseBytes?: number;
  /** Items per page requested from list endpoints, 1–1000 (default 1000). */
  pageSize?: number;
  /** Bounds of one listing (defaults: see defaultListLimits). */
  listLimits?: Partial<ListLimits>;
  /** Random source for jitter, for tests (default Math.random). */
  random?: () => number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export class HerokuClient {
  readonly baseUrl: string;
  /** Host (and port) of the API, as shown in messages: `api.heroku.com`. */
  readonly host: string;
  private readonly requester: Requester;
  private readonly pageSize: number;
  private readonly listLimits: ListLimits;

  constructor(options: HerokuClientOptions) {
    const base = apiOrigin(options.baseUrl);
    this.baseUrl = base.href;
    this.host = base.host;
    const token = (options.token ?? '').trim();
    if (!token) throw new HerokuApiError(m.emptyToken(), { kind: 'configuration', host: this.host });
    if (!/^[\x21-\x7e]+$/.test(token)) throw new HerokuApiError(m.invalidToken(), { kind: 'configuration', host: this.host });
    const retry = { ...defaultRetry, ...options.retry };
    retry.maxAttempts = Math.max(1, Math.floor(retry.maxAttempts));
    this.requester = new Requester({
      base, token, userAgent: options.userAgent, retry, redact: options.redact,
      timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
      fetchImpl: options.fetchImpl,
      onLog: options.onLog,
      maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
      random: options.random ?? Math.random,
    });
    this.pageSize = Math.min(1000, Math.max(1, Math.floor(options.pageSize ?? 1000)));
    this.listLimits = { ...defaultListLimits, ...options.listLimits };
  }

  /** RateLimit-Remaining of the last response that carried it. */
  get rateLimitRemaining(): number | undefined {
    return this.requester.rateLimitRemaining;
  }

  /** The account the token belongs to ("Verify Connection"). */
  async getAccount(options: RequestOptions = {}): Promise<HerokuAccount> {
    const { signal } = options;
    if (signal?.aborted) throw this.requester.cancelled();
    try {
      return await this.requester.exchange({ path: '/account', signal, schema: accountSchema });
    } catch (error) {
      if (signal?.aborted) throw this.requester.cancelled();
      throw error;
    }
  }

  /** Every app the account can see, sorted by name. */
  listApps(options: ListOptions<HerokuApp> = {}): Promise<HerokuApp[]> {
    return listAll(this.requester, {
      path: '/apps', field: 'name', schema: appListSchema, keyOf: (app) => app.name, pageSize: this.pageSize,
    }, options, this.listLimits);
  }

  /** The dynos of one app (by name or id), sorted by name. */
  async listDynos(app: string, options: ListOptions<HerokuDyno> = {}): Promise<HerokuDyno[]> {
    const dynos = await listAll(this.requester, {
      path: `/apps/${encodeURIComponent(app)}/dynos`, field: 'id', schema: dynoListSchema, keyOf: (dyno) => dyno.id, pageSize: this.pageSize,
      notFound: () => this.requester.error(m.notFoundApp(app), { kind: 'not_found', status: 404, id: 'not_found' }),
    }, options, this.listLimits);
    return dynos.sort(byName);
  }
}

/**
 * The client parses no Account ID (that rule lives in src/model/accountId.ts): it takes the origin that parser produced
 * and refuses anything else (a raw Account ID, a path, a query, user:pass@) rather than guess what was meant.
 */
function apiOrigin(baseUrl: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== baseUrl.replace(/\/$/, '')) {
    throw new HerokuApiError(m.invalidBaseUrl(), { kind: 'configuration', host: url?.host ?? '' });
  }
  return url;
}

export function createHerokuClient(options: HerokuClientOptions): HerokuClient {
  return new HerokuClient(options);
}
