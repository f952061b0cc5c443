// Heroku Platform API client (v3) for the extension: no `vscode` import, node-fetch v3 (bundled by esbuild).
//
// - Every request: `Accept: application/vnd.heroku+json; version=3`, `Authorization: Bearer <token>`, the caller's
//   versioned User-Agent, a per-attempt timeout, and the caller's AbortSignal.
// - Lists follow Heroku's Range pagination (`Range: name ..; max=1000`, then each `Next-Range` while 206), and start
//   the next page as soon as the current page's headers arrive, before its body is read and validated.
// - 429 waits (Retry-After, else exponential backoff with jitter) and retries; 5xx and network failures on these GETs
//   retry too; all bounded by attempts and total time.
// - Redirects are followed by hand, same origin only: the token is never sent to another host.
// - Failures are `HerokuApiError`s with an actionable message and never contain the token.
// - No proxy code: in the extension host, VS Code routes node's http(s) requests through its proxy settings. A proxy
//   that cannot be reached, or that asks for credentials (407), gets a message of its own.
//
// node-fetch v3 is ESM-only. This package compiles as CommonJS with `module: Node16`, where tsc rejects a static
// `import fetch from 'node-fetch'` (TS1479) although Node 20.19+ (require(esm)) and esbuild would cope; a dynamic
// import() type-checks, runs under tsx/mocha, and esbuild bundles it into dist/extension.js all the same.
import type { z } from 'zod';
import { HerokuApiError, redactSecrets, type HerokuApiErrorDetails, type HerokuErrorKind } from './errors';
import { herokuMessages as m } from './messages';
import { unreachableProxiesIn } from './proxyErrors';
import {
  accountSchema, appListSchema, dynoListSchema, errorBodySchema,
  type HerokuAccount, type HerokuApp, type HerokuDyno,
} from './schemas';

export interface RetryOptions {
  /** Attempts per request, the first included (default 5). */
  maxAttempts: number;
  /** No retry is started once this much time has passed since the first attempt of a request (default 30 s). */
  maxTotalMs: number;
  /** First backoff delay; doubles per attempt, with jitter (default 500 ms). */
  baseDelayMs: number;
  /** Longest backoff delay (Retry-After may ask for more, within maxTotalMs) (default 8 s). */
  maxDelayMs: number;
}

export const defaultRetry: Readonly<RetryOptions> = { maxAttempts: 5, maxTotalMs: 30_000, baseDelayMs: 500, maxDelayMs: 8_000 };
export const defaultTimeoutMs = 30_000;
/** Largest response body read (a page of 1,000 apps is about 1.5 MB). */
export const defaultMaxResponseBytes = 8 * 1024 * 1024;
export const herokuAccept = 'application/vnd.heroku+json; version=3';

/** The part of a fetch Response the client uses; node-fetch v3 and the global fetch both fit. */
export interface FetchLikeResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  /** A Node Readable (node-fetch) or a WHATWG ReadableStream (global fetch). */
  readonly body: unknown;
}

export interface FetchLikeInit {
  method: 'GET';
  headers: Record<string, string>;
  redirect: 'manual';
  signal: AbortSignal;
}

export type FetchLike = (url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>;

export interface HerokuLogEntry {
  level: 'debug' | 'info' | 'warn';
  message: string;
}

export interface HerokuClientOptions {
  /** The Account ID: an API host (`api.heroku.com`) or URL (`http://127.0.0.1:5000` for a local fake). */
  baseUrl: string;
  token: string;
  /** Versioned, e.g. `ProviderDesk/0.1.0 VSCode/1.96.0`. */
  userAgent: string;
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
  /** Random source for jitter, for tests (default Math.random). */
  random?: () => number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ListProgress {
  /** Pages received so far, this one included. */
  pages: number;
  /** Items received so far, this page included. */
  total: number;
}

export interface ListOptions<T> extends RequestOptions {
  /** Called once per page, in order, with that page's items. */
  onPage?: (items: readonly T[], progress: ListProgress) => void;
}

interface ResponseHead {
  status: number;
  nextRange: string | null;
  requestId: string | undefined;
}

interface Exchange<T> {
  path: string;
  range?: string;
  signal: AbortSignal | undefined;
  /** Called once, as soon as a 2xx response's headers are in, before its body is read. */
  onHead?: (head: ResponseHead) => void;
  schema: z.ZodType<T>;
  notFound?: () => HerokuApiError;
}

interface Retry {
  /** What the server asked for (Retry-After); undefined: exponential backoff with jitter. */
  delayMs: number | undefined;
  error: (attempts: number) => HerokuApiError;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const retryableStatuses = new Set([500, 502, 503, 504]);
const maxRedirects = 3;
const maxPages = 5_000;
const errorBodyLimit = 64 * 1024;
const tlsCodes = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH|ERR_CERT)/;
const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** The API base URL for an Account ID (`api.heroku.com` → `https://api.heroku.com/`). Plain http only for loopback. */
export function herokuApiUrl(accountId: string): URL {
  const trimmed = accountId.trim();
  const invalid = (): HerokuApiError =>
    new HerokuApiError(m.invalidAccountId(trimmed), { kind: 'configuration', host: trimmed });
  if (!trimmed || /\s/.test(trimmed)) throw invalid();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid();
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname || url.username || url.password || url.search || url.hash) {
    throw invalid();
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new HerokuApiError(m.insecureAccountId(url.host), { kind: 'configuration', host: url.host });
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

let nodeFetch: Promise<FetchLike> | undefined;

function loadNodeFetch(): Promise<FetchLike> {
  nodeFetch ??= import('node-fetch').then((module) => module.default as unknown as FetchLike);
  return nodeFetch;
}

async function* chunksOf(body: unknown): AsyncGenerator<Uint8Array> {
  if (body === null || body === undefined) return;
  if (typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    }
    return;
  }
  const reader = (body as { getReader?: () => { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } }).getReader?.();
  if (!reader) return;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

function yieldTurns(turns: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number): void => {
      if (left <= 0) resolve(); else setImmediate(step, left - 1);
    };
    step(turns);
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  return text || 'response';
}

export class HerokuClient {
  readonly baseUrl: string;
  /** Host (and port) of the API, as shown in messages: `api.heroku.com`. */
  readonly host: string;
  private readonly base: URL;
  private readonly token: string;
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly retry: RetryOptions;
  private readonly fetchImpl: FetchLike | undefined;
  private readonly onLog: ((entry: HerokuLogEntry) => void) | undefined;
  private readonly maxResponseBytes: number;
  private readonly pageSize: number;
  private readonly random: () => number;
  private lastRateLimitRemaining: number | undefined;

  constructor(options: HerokuClientOptions) {
    this.base = herokuApiUrl(options.baseUrl);
    this.baseUrl = this.base.href;
    this.host = this.base.host;
    const token = (options.token ?? '').trim();
    if (!token) throw new HerokuApiError(m.emptyToken(), { kind: 'configuration', host: this.host });
    if (!/^[\x21-\x7e]+$/.test(token)) throw new HerokuApiError(m.invalidToken(), { kind: 'configuration', host: this.host });
    this.token = token;
    this.userAgent = options.userAgent;
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.retry = { ...defaultRetry, ...options.retry };
    this.retry.maxAttempts = Math.max(1, Math.floor(this.retry.maxAttempts));
    this.fetchImpl = options.fetchImpl;
    this.onLog = options.onLog;
    this.maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;
    this.pageSize = Math.min(1000, Math.max(1, Math.floor(options.pageSize ?? 1000)));
    this.random = options.random ?? Math.random;
  }

  /** RateLimit-Remaining of the last response that carried it. */
  get rateLimitRemaining(): number | undefined {
    return this.lastRateLimitRemaining;
  }

  /** The account the token belongs to ("Verify Connection"). */
  getAccount(options: RequestOptions = {}): Promise<HerokuAccount> {
    return this.run(() => this.exchange({ path: '/account', signal: options.signal, schema: accountSchema }), options.signal);
  }

  /** Every app the account can see, sorted by name, each once. */
  listApps(options: ListOptions<HerokuApp> = {}): Promise<HerokuApp[]> {
    return this.list('/apps', 'name', appListSchema, options);
  }

  /** The dynos of one app (by name or id), sorted by name. */
  async listDynos(app: string, options: ListOptions<HerokuDyno> = {}): Promise<HerokuDyno[]> {
    const dynos = await this.list(`/apps/${encodeURIComponent(app)}/dynos`, 'id', dynoListSchema, options,
      () => new HerokuApiError(m.notFoundApp(redactSecrets(app, [this.token])), { kind: 'not_found', host: this.host, status: 404, id: 'not_found' }));
    return dynos.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  // -------------------------------------------------------------------------------------------------------------

  private async list<T>(path: string, field: string, schema: z.ZodType<T[]>, options: ListOptions<T>, notFound?: () => HerokuApiError): Promise<T[]> {
    const caller = options.signal;
    if (caller?.aborted) throw this.cancelled();
    // One controller for every page request of this listing: aborting it (caller cancelled, or a page failed)
    // also stops the prefetched next page.
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    caller?.addEventListener('abort', onAbort, { once: true });

    const start = (range: string): { head: Promise<ResponseHead>; items: Promise<T[]> } => {
      let resolveHead!: (head: ResponseHead) => void;
      let rejectHead!: (error: unknown) => void;
      const head = new Promise<ResponseHead>((resolve, reject) => {
        resolveHead = resolve;
        rejectHead = reject;
      });
      const items = this.exchange({ path, range, signal: controller.signal, onHead: resolveHead, schema, notFound });
      items.catch(rejectHead);
      // A prefetched page may be abandoned (an earlier page failed, or the caller cancelled): never unhandled.
      head.catch(() => undefined);
      items.catch(() => undefined);
      return { head, items };
    };

    const results: T[] = [];
    const requested = new Set<string>();
    try {
      let range = `${field} ..; max=${this.pageSize}`;
      requested.add(range);
      let page = start(range);
      for (let pages = 1; ; pages++) {
        const head = await page.head;
        let next: typeof page | undefined;
        if (head.status === 206 && head.nextRange) {
          range = head.nextRange;
          if (requested.has(range) || pages >= maxPages) {
            throw new HerokuApiError(m.paginationLoop(this.host), { kind: 'bad_response', host: this.host, status: head.status });
          }
          requested.add(range);
          next = start(range);
        }
        const items = await page.items;
        for (const item of items) results.push(item);
        options.onPage?.(items, { pages, total: results.length });
        if (caller?.aborted) throw this.cancelled();
        if (!next) return results;
        page = next;
      }
    } catch (error) {
      controller.abort();
      if (caller?.aborted) throw this.cancelled();
      throw error;
    } finally {
      caller?.removeEventListener('abort', onAbort);
    }
  }

  private async run<T>(work: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (signal?.aborted) throw this.cancelled();
    try {
      return await work();
    } catch (error) {
      if (signal?.aborted) throw this.cancelled();
      throw error;
    }
  }

  /** One logical request: attempts (with retries), same-origin redirects, body read and validation. */
  private async exchange<T>(request: Exchange<T>): Promise<T> {
    const started = Date.now();
    let headSeen = false;
    for (let attempt = 1; ; attempt++) {
      if (request.signal?.aborted) throw this.cancelled();
      const controller = new AbortController();
      let timedOut = false;
      const onAbort = (): void => controller.abort();
      request.signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.timeoutMs);
      const attemptStarted = Date.now();
      let retry: Retry;
      try {
        const response = await this.send(request.path, request.range, controller.signal);
        const head: ResponseHead = {
          status: response.status,
          nextRange: response.headers.get('next-range'),
          requestId: response.headers.get('request-id') ?? undefined,
        };
        const remaining = Number.parseInt(response.headers.get('ratelimit-remaining') ?? '', 10);
        if (Number.isFinite(remaining)) this.lastRateLimitRemaining = remaining;
        this.log('debug', `GET ${request.path}${request.range ? ` [${request.range}]` : ''} → ${response.status} in ${Date.now() - attemptStarted} ms`
          + `${Number.isFinite(remaining) ? ` (RateLimit-Remaining ${remaining})` : ''}`);

        if (response.status >= 200 && response.status < 300) {
          if (!headSeen) {
            headSeen = true;
            request.onHead?.(head);
          }
          // A list page: the next page's request was just written. Leave this body unread (node-fetch's stream
          // applies backpressure) for two turns of the event loop, so that I/O for that request, a TCP/TLS connect
          // or a server in this same process (the fake in tests), is serviced before this body is read and parsed.
          if (request.onHead) await yieldTurns(2);
          const text = await this.readText(response, this.maxResponseBytes, false);
          return this.validate(request.schema, this.parseJson(text, response, head), head);
        }
        const text = await this.readText(response, errorBodyLimit, true);
        retry = this.failure(request, response, head, text);
      } catch (error) {
        if (request.signal?.aborted) throw this.cancelled();
        if (error instanceof HerokuApiError) throw error;
        if (timedOut) {
          const seconds = Math.round(this.timeoutMs / 100) / 10;
          throw this.error(m.timeout(this.host, seconds), { kind: 'timeout', attempts: attempt });
        }
        retry = this.networkFailure(error);
      } finally {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
      }

      // Give up when out of attempts, or when waiting would end past the total time budget.
      const delayMs = retry.delayMs ?? this.backoff(attempt);
      if (attempt >= this.retry.maxAttempts || Date.now() - started + delayMs > this.retry.maxTotalMs) throw retry.error(attempt);
      const failure = retry.error(attempt);
      this.log('warn', `GET ${request.path}: ${failure.kind}${failure.status ? ` ${failure.status}` : ''}${failure.code ? ` ${failure.code}` : ''}; `
        + `retrying in ${delayMs} ms (attempt ${attempt + 1} of ${this.retry.maxAttempts})`);
      await this.delay(delayMs, request.signal);
    }
  }

  /** GET with our headers; follows same-origin redirects, refuses others. */
  private async send(path: string, range: string | undefined, signal: AbortSignal): Promise<FetchLikeResponse> {
    let url = new URL(path.replace(/^\/+/, ''), this.base);
    const headers: Record<string, string> = {
      Accept: herokuAccept,
      Authorization: `Bearer ${this.token}`,
      'User-Agent': this.userAgent,
    };
    if (range) headers.Range = range;
    const fetchImpl = this.fetchImpl ?? await loadNodeFetch();
    for (let hops = 0; ; hops++) {
      const response = await fetchImpl(url.href, { method: 'GET', headers, redirect: 'manual', signal });
      if (!redirectStatuses.has(response.status)) return response;
      await this.readText(response, errorBodyLimit, true);
      const location = response.headers.get('location');
      let target: URL | undefined;
      try {
        target = location ? new URL(location, url) : undefined;
      } catch {
        target = undefined;
      }
      if (!target) {
        throw this.error(m.redirectInvalid(this.host, response.status), { kind: 'redirect', status: response.status });
      }
      if (target.origin !== this.base.origin) {
        this.log('warn', `GET ${path}: refused a ${response.status} redirect to ${this.redact(target.origin)}`);
        throw this.error(m.redirectOtherOrigin(this.host, this.redact(target.host || target.origin)), { kind: 'redirect', status: response.status });
      }
      if (hops >= maxRedirects) throw this.error(m.redirectLoop(this.host), { kind: 'redirect', status: response.status });
      url = target;
    }
  }

  /** The body as text; past `limit` bytes either truncated (error bodies) or a bad_response error. */
  private async readText(response: FetchLikeResponse, limit: number, truncate: boolean): Promise<string> {
    const tooLarge = (): HerokuApiError => this.error(m.tooLarge(this.host, Math.round(limit / 1024 / 1024)),
      { kind: 'bad_response', status: response.status });
    const declared = Number(response.headers.get('content-length'));
    if (!truncate && Number.isFinite(declared) && declared > limit) {
      await this.discard(response);
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of chunksOf(response.body)) {
      size += chunk.byteLength;
      if (size > limit) {
        if (!truncate) throw tooLarge();
        chunks.push(chunk.subarray(0, chunk.byteLength - (size - limit)));
        break;
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private async discard(response: FetchLikeResponse): Promise<void> {
    const body = response.body as { destroy?: () => void; cancel?: () => Promise<void> } | null;
    try {
      if (typeof body?.destroy === 'function') body.destroy();
      else if (typeof body?.cancel === 'function') await body.cancel();
    } catch {
      // nothing to clean up
    }
  }

  private parseJson(text: string, response: FetchLikeResponse, head: ResponseHead): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const contentType = response.headers.get('content-type') ?? '';
      const what = /html/i.test(contentType) || /^\s*</.test(text) ? m.bodyHtml()
        : text.trim() === '' ? m.bodyEmpty() : m.bodyMalformed();
      throw this.error(m.notJson(this.host, head.status, what), { kind: 'bad_response', status: head.status, requestId: head.requestId });
    }
  }

  private validate<T>(schema: z.ZodType<T>, json: unknown, head: ResponseHead): T {
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const detail = this.redact(`${formatPath(issue?.path ?? [])}: ${issue?.message ?? 'unexpected data'}`).slice(0, 200);
    throw this.error(m.wrongShape(this.host, head.status, detail), { kind: 'bad_response', status: head.status, requestId: head.requestId });
  }

  /** An error status: a retry plan (429, 5xx) or a thrown HerokuApiError. */
  private failure(request: Exchange<unknown>, response: FetchLikeResponse, head: ResponseHead, text: string): Retry {
    const status = response.status;
    let id: string | undefined;
    let herokuMessage: string | undefined;
    try {
      const parsed = errorBodySchema.safeParse(JSON.parse(text));
      if (parsed.success) {
        id = parsed.data.id;
        herokuMessage = parsed.data.message === undefined ? undefined : this.redact(parsed.data.message).slice(0, 500);
      }
    } catch {
      // not JSON: an HTML error page, a proxy, an empty body
    }
    const html = /html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(text);
    const details = { status, id, herokuMessage, requestId: head.requestId };
    const fail = (kind: HerokuErrorKind, message: string): HerokuApiError => this.error(message, { kind, ...details });

    if (status === 429) {
      const retryAfterMs = this.retryAfterMs(response.headers.get('retry-after'));
      return {
        delayMs: retryAfterMs,
        error: (attempts) => this.error(
          retryAfterMs === undefined ? m.rateLimited() : m.rateLimitedWait(Math.ceil(retryAfterMs / 1000)),
          { kind: 'rate_limited', attempts, ...details }),
      };
    }
    if (status >= 500) {
      const error = (attempts: number): HerokuApiError => this.error(
        html ? m.serverHtml(this.host, status, attempts) : m.server(this.host, status, attempts),
        { kind: 'server', attempts, ...details });
      if (!retryableStatuses.has(status)) throw error(1);
      return { delayMs: undefined, error };
    }
    switch (status) {
      case 401:
        throw fail('unauthorized', m.unauthorized());
      case 403:
        throw fail('forbidden', m.forbidden(herokuMessage ?? ''));
      case 404:
        throw request.notFound?.() ?? fail('not_found', m.notFound(this.host, request.path));
      case 406:
        throw fail('client_error', m.notAcceptable(this.host));
      case 407:
        throw fail('client_error', m.proxyAuthRequired(this.host));
      case 416:
        throw fail('client_error', m.rangeNotSatisfiable(this.host));
      default:
        if (status >= 400) throw fail('client_error', m.clientError(this.host, status, herokuMessage ?? ''));
        throw fail('bad_response', m.notJson(this.host, status, html ? m.bodyHtml() : m.bodyMalformed()));
    }
  }

  private networkFailure(error: unknown): Retry {
    const code = errorCode(error);
    const raw = error instanceof Error ? error.message : String(error);
    const detail = this.redact(code ?? raw).slice(0, 200);
    const proxies = unreachableProxiesIn(raw);
    if (proxies) {
      return { delayMs: undefined, error: (attempts) => this.error(m.proxyUnreachable(this.host, this.redact(proxies).slice(0, 200)), { kind: 'network', attempts }) };
    }
    if (code && tlsCodes.test(code)) {
      throw this.error(m.tls(this.host, detail), { kind: 'network', code });
    }
    if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
      throw this.error(m.dns(this.host), { kind: 'network', code });
    }
    return {
      delayMs: undefined,
      error: (attempts) => this.error(
        code && dnsCodes.has(code) ? m.dns(this.host) : code === 'ECONNREFUSED' ? m.refused(this.host) : m.network(this.host, detail),
        { kind: 'network', code, attempts }),
    };
  }

  private retryAfterMs(header: string | null): number | undefined {
    if (!header) return undefined;
    const trimmed = header.trim();
    if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
  }

  private backoff(attempt: number): number {
    const exponential = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(exponential / 2 + this.random() * (exponential / 2));
  }

  private delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(this.cancelled());
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(this.cancelled());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private cancelled(): HerokuApiError {
    return this.error(m.cancelled(), { kind: 'cancelled' });
  }

  private error(message: string, details: Omit<HerokuApiErrorDetails, 'host'>): HerokuApiError {
    return new HerokuApiError(this.redact(message).trim(), { ...details, host: this.host });
  }

  private redact(text: string): string {
    return redactSecrets(text, [this.token]);
  }

  private log(level: HerokuLogEntry['level'], message: string): void {
    this.onLog?.({ level, message: this.redact(message) });
  }
}

export function createHerokuClient(options: HerokuClientOptions): HerokuClient {
  return new HerokuClient(options);
}
