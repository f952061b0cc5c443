// Heroku Platform API client (v3) for the extension: no `vscode` import, node-fetch v3 (bundled by esbuild).
//
// - Every request: `Accept: application/vnd.heroku+json; version=3`, `Authorization: Bearer <token>`, the caller's
//   versioned User-Agent, a per-attempt timeout, and the caller's AbortSignal (request.ts).
// - Lists follow Heroku's Range pagination, one page ahead, bounded in items, bytes, pages and time, and stop when a
//   Next-Range does not move forward (pagination.ts).
// - 429 waits (Retry-After, else exponential backoff with jitter) and retries; 5xx and network failures on these GETs
//   retry too; all bounded by attempts and total time (retry.ts, failures.ts).
// - Redirects are followed by hand, same origin only: the token is never sent to another host.
// - Config vars: only their names leave the client; the values are dropped while the response is parsed (schemas.ts).
// - Failures are `HerokuApiError`s with an actionable message; every text in them, and every log line, goes through
//   the redactor the caller passes in (`redact`), so none contains the token.
// - No proxy code: in the extension host, VS Code routes node's http(s) requests through its proxy settings. A proxy
//   that cannot be reached, or that asks for credentials (407), gets a message of its own (failures.ts).
import { HerokuApiError } from './errors';
import { herokuMessages as m } from './messages';
import { defaultListLimits, listAll, type ListLimits, type ListOptions } from './pagination';
import { Requester, type Exchange, type HerokuLogEntry, type RedactSecrets } from './request';
import { defaultRetry, type RetryOptions } from './retry';
import type { PageMemory } from './revalidation';
import type { z } from 'zod';
import { quickAppList } from './appList';
import { responseSchemas as schemas } from './responseSchemas';
import type {
  HerokuAccount, HerokuAddon, HerokuApp, HerokuAppInfo, HerokuDyno, HerokuFormation, HerokuRelease,
} from './schemas';
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
  /**
   * List pages remembered with their ETags, shared by the clients given the same one: a page is asked for with
   * If-None-Match and a 304 reuses it (revalidation.ts). Without it, every page is fetched whole.
   */
  pages?: PageMemory;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ReleaseOptions extends RequestOptions {
  /** How many of the newest releases, 1–1000 (default 10). */
  limit?: number;
}

/** Compares by one text field, as the lists are shown. */
const orderBy = <T>(key: (item: T) => string) => (a: T, b: T): number => {
  const [x, y] = [key(a), key(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};
const byName = orderBy((item: { name: string }) => item.name);

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
      pages: options.pages,
    });
    this.pageSize = Math.min(1000, Math.max(1, Math.floor(options.pageSize ?? 1000)));
    this.listLimits = { ...defaultListLimits, ...options.listLimits };
  }

  /** RateLimit-Remaining of the last response that carried it. */
  get rateLimitRemaining(): number | undefined {
    return this.requester.rateLimitRemaining;
  }

  /** The account the token belongs to ("Verify Connection"). */
  getAccount(options: RequestOptions = {}): Promise<HerokuAccount> {
    return this.getOne({ path: '/account', schema: () => schemas().accountSchema }, options);
  }

  /** One app (by name or id): owner, region, stack and build stack, web URL, maintenance. */
  getApp(app: string, options: RequestOptions = {}): Promise<HerokuAppInfo> {
    return this.getOne({ path: appPath(app), schema: () => schemas().appInfoSchema, notFound: this.appNotFound(app) }, options);
  }

  /** The app's newest releases, newest first: one request, `Range: version ..; max=<limit>, order=desc`. */
  listReleases(app: string, options: ReleaseOptions = {}): Promise<HerokuRelease[]> {
    const limit = Math.min(1000, Math.max(1, Math.floor(options.limit ?? 10)));
    return this.getOne({
      path: `${appPath(app)}/releases`, range: `version ..; max=${limit}, order=desc`, schema: () => schemas().releaseListSchema, notFound: this.appNotFound(app),
    }, options);
  }

  /** The names of the app's config vars, sorted; their values are dropped while the response is parsed. */
  getConfigVarNames(app: string, options: RequestOptions = {}): Promise<string[]> {
    return this.getOne({ path: `${appPath(app)}/config-vars`, schema: () => schemas().configVarNamesSchema, notFound: this.appNotFound(app) }, options);
  }

  /** Every app the account can see, sorted by name. */
  listApps(options: ListOptions<HerokuApp> = {}): Promise<HerokuApp[]> {
    return listAll(this.requester, {
      path: '/apps', field: 'name', schema: () => schemas().appListSchema, quick: quickAppList, keyOf: (app) => app.name, pageSize: this.pageSize,
    }, options, this.listLimits);
  }

  /** The dynos of one app (by name or id), sorted by name. */
  async listDynos(app: string, options: ListOptions<HerokuDyno> = {}): Promise<HerokuDyno[]> {
    return (await this.listOfApp(app, 'dynos', () => schemas().dynoListSchema, options)).sort(byName);
  }

  /** The app's process types and how many dynos of what size each runs, sorted by type. */
  async listFormation(app: string, options: ListOptions<HerokuFormation> = {}): Promise<HerokuFormation[]> {
    return (await this.listOfApp(app, 'formation', () => schemas().formationListSchema, options)).sort(orderBy((process) => process.type));
  }

  /** The app's add-ons, sorted by name. */
  async listAddons(app: string, options: ListOptions<HerokuAddon> = {}): Promise<HerokuAddon[]> {
    return (await this.listOfApp(app, 'addons', () => schemas().addonListSchema, options)).sort(byName);
  }

  /** Every page of a list under one app, paged by id. */
  private listOfApp<T extends { id: string }>(app: string, what: string, schema: () => z.ZodType<T[]>, options: ListOptions<T>): Promise<T[]> {
    return listAll(this.requester, {
      path: `${appPath(app)}/${what}`, field: 'id', schema, keyOf: (item) => item.id, pageSize: this.pageSize, notFound: this.appNotFound(app),
    }, options, this.listLimits);
  }

  /** One request that is not a list; cancelled as soon as the caller aborts. */
  private async getOne<T>(request: Omit<Exchange<T>, 'signal'>, { signal }: RequestOptions): Promise<T> {
    if (signal?.aborted) throw this.requester.cancelled();
    try {
      return await this.requester.exchange({ ...request, signal });
    } catch (error) {
      if (signal?.aborted) throw this.requester.cancelled();
      throw error;
    }
  }

  private appNotFound(app: string): () => HerokuApiError {
    return () => this.requester.error(m.notFoundApp(app), { kind: 'not_found', status: 404, id: 'not_found' });
  }
}

function appPath(app: string): string {
  return `/apps/${encodeURIComponent(app)}`;
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
