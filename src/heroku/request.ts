// One logical request to the API: attempts with retries, a timeout per attempt, the caller's AbortSignal, same-origin
// redirects only, and a bounded body parsed as JSON and validated. Every error it makes is redacted.
import type { z } from 'zod';
import { HerokuApiError, type HerokuApiErrorDetails } from './errors';
import { networkFailure, statusFailure, type ErrorFactory, type Retry } from './failures';
import { herokuMessages as m } from './messages';
import { backoffMs, delay, type RetryOptions } from './retry';
import { PageMemory, type RememberedPage } from './revalidation';
import { keepAliveAgent, loadNodeFetch, readText, yieldTurns, type ByteBudget, type FetchLike, type FetchLikeResponse } from './transport';

export const herokuAccept = 'application/vnd.heroku+json; version=3';

export interface HerokuLogEntry {
  level: 'debug' | 'info' | 'warn';
  message: string;
}

/** Removes the given secrets (in every form they may take) from a text; see src/model/redact.ts. */
export type RedactSecrets = (text: string, secrets: readonly string[]) => string;

export interface RequesterConfig {
  base: URL;
  token: string;
  userAgent: string;
  timeoutMs: number;
  retry: RetryOptions;
  fetchImpl: FetchLike | undefined;
  onLog: ((entry: HerokuLogEntry) => void) | undefined;
  maxResponseBytes: number;
  random: () => number;
  redact: RedactSecrets;
  pages: PageMemory | undefined;
}

export interface ResponseHead {
  status: number;
  nextRange: string | null;
  requestId: string | undefined;
}

export interface Exchange<T> {
  path: string;
  range?: string;
  signal: AbortSignal | undefined;
  /** Called once, as soon as a 2xx response's headers are in, before its body is read. */
  onHead?: (head: ResponseHead) => void;
  /** The response's schema, asked for when a body needs it: building it loads zod (see appList.ts). */
  schema: () => z.ZodType<T>;
  /** Takes a body in the expected shape without zod; `undefined` leaves it to the schema. */
  quick?: (json: unknown) => T | undefined;
  notFound?: () => HerokuApiError;
  /** The listing's byte budget, when this request reads one of its pages. */
  budget?: ByteBudget;
  /** A list page (an array of items): remembered with its ETag and asked for with If-None-Match next time, when the
   * client has a PageMemory (revalidation.ts). */
  revalidate?: boolean;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 3;
const errorBodyLimit = 64 * 1024;

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  return text || 'response';
}

export class Requester implements ErrorFactory {
  readonly host: string;
  /** RateLimit-Remaining of the last response that carried it. */
  rateLimitRemaining: number | undefined;

  constructor(private readonly config: RequesterConfig) {
    this.host = config.base.host;
  }

  /** One logical request: attempts (with retries), same-origin redirects, body read and validation. */
  async exchange<T>(request: Exchange<T>): Promise<T> {
    const { retry, pages } = this.config;
    const started = Date.now();
    const key = pages && request.revalidate ? PageMemory.key(this.config.base.origin, this.config.token, request.path, request.range) : undefined;
    const remembered = key === undefined ? undefined : pages?.recall(key);
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
      }, this.config.timeoutMs);
      const attemptStarted = Date.now();
      let plan: Retry;
      try {
        const response = await this.send(request.path, request.range, controller.signal, remembered?.etag);
        const head: ResponseHead = {
          status: response.status,
          nextRange: response.headers.get('next-range'),
          requestId: response.headers.get('request-id') ?? undefined,
        };
        const notModified = response.status === 304 && remembered !== undefined;
        const remaining = Number.parseInt(response.headers.get('ratelimit-remaining') ?? '', 10);
        if (Number.isFinite(remaining)) this.rateLimitRemaining = remaining;
        this.log('debug', `GET ${request.path}${request.range ? ` [${request.range}]` : ''} → ${response.status} in ${Date.now() - attemptStarted} ms`
          + `${Number.isFinite(remaining) ? ` (RateLimit-Remaining ${remaining})` : ''}${notModified ? `; unchanged, ${remembered.items.length} items reused` : ''}`);

        if (notModified) return await this.reuse<T>(response, remembered, headSeen ? undefined : request.onHead);
        if (response.status >= 200 && response.status < 300) {
          if (!headSeen) {
            headSeen = true;
            request.onHead?.(head);
          }
          // A list page: the next page's request was just written. Leave this body unread (node-fetch's stream
          // applies backpressure) for two turns of the event loop, so that I/O for that request, a TCP/TLS connect
          // or a server in this same process (the fake in tests), is serviced before this body is read and parsed.
          if (request.onHead) await yieldTurns(2);
          const text = await readText(response, {
            bytes: this.config.maxResponseBytes, truncate: false, budget: request.budget,
            tooLarge: () => this.error(m.tooLarge(this.host, Math.round(this.config.maxResponseBytes / 1024 / 1024)), { kind: 'bad_response', status: response.status }),
          });
          const json = this.parseJson(text, response, head);
          const value = request.quick?.(json) ?? this.validate(request.schema(), json, head);
          if (key !== undefined && Array.isArray(value)) {
            pages?.remember(key, response.headers.get('etag'), response.headers.get('cache-control'), { status: head.status, nextRange: head.nextRange, items: value });
          }
          return value;
        }
        const text = await this.readErrorBody(response);
        plan = statusFailure(this, { response, text, requestId: head.requestId, path: request.path, notFound: request.notFound });
      } catch (error) {
        if (request.signal?.aborted) throw this.cancelled();
        if (error instanceof HerokuApiError) throw error;
        if (timedOut) {
          const seconds = Math.round(this.config.timeoutMs / 100) / 10;
          throw this.error(m.timeout(this.host, seconds), { kind: 'timeout', attempts: attempt });
        }
        plan = networkFailure(this, error);
      } finally {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
      }

      // Give up when out of attempts, or when waiting would end past the total time budget.
      const delayMs = plan.delayMs ?? backoffMs(retry, attempt, this.config.random);
      if (attempt >= retry.maxAttempts || Date.now() - started + delayMs > retry.maxTotalMs) throw plan.error(attempt);
      const failure = plan.error(attempt);
      this.log('warn', `GET ${request.path}: ${failure.kind}${failure.status ? ` ${failure.status}` : ''}${failure.code ? ` ${failure.code}` : ''}; `
        + `retrying in ${delayMs} ms (attempt ${attempt + 1} of ${retry.maxAttempts})`);
      await delay(delayMs, request.signal, () => this.cancelled());
    }
  }

  cancelled(): HerokuApiError {
    return this.error(m.cancelled(), { kind: 'cancelled' });
  }

  /** Every text of the error is redacted, Heroku's error id and Request-Id included: a server may echo anything. */
  error(message: string, details: Omit<HerokuApiErrorDetails, 'host'>): HerokuApiError {
    const redact = (text: string | undefined): string | undefined => (text === undefined ? undefined : this.redact(text));
    return new HerokuApiError(this.redact(message).trim(), {
      ...details, id: redact(details.id), herokuMessage: redact(details.herokuMessage), requestId: redact(details.requestId),
      code: redact(details.code), host: this.host,
    });
  }

  redact(text: string): string {
    return this.config.redact(text, [this.config.token]);
  }

  log(level: HerokuLogEntry['level'], message: string): void {
    this.config.onLog?.({ level, message: this.redact(message) });
  }

  /** A 304 to our If-None-Match: the remembered page, with the status and Next-Range it came with. */
  private async reuse<T>(response: FetchLikeResponse, page: RememberedPage, onHead: Exchange<T>['onHead']): Promise<T> {
    await this.readErrorBody(response);
    onHead?.({ status: page.status, nextRange: page.nextRange, requestId: response.headers.get('request-id') ?? undefined });
    return page.items as T;
  }

  /** GET with our headers; follows same-origin redirects, refuses others. */
  private async send(path: string, range: string | undefined, signal: AbortSignal, etag: string | undefined): Promise<FetchLikeResponse> {
    const { base } = this.config;
    let url = new URL(path.replace(/^\/+/, ''), base);
    const headers: Record<string, string> = {
      Accept: herokuAccept,
      Authorization: `Bearer ${this.config.token}`,
      'User-Agent': this.config.userAgent,
    };
    if (range) headers.Range = range;
    if (etag) headers['If-None-Match'] = etag;
    const fetchImpl = this.config.fetchImpl ?? await loadNodeFetch();
    for (let hops = 0; ; hops++) {
      const response = await fetchImpl(url.href, { method: 'GET', headers, redirect: 'manual', signal, agent: keepAliveAgent });
      if (!redirectStatuses.has(response.status)) return response;
      await this.readErrorBody(response);
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
      if (target.origin !== base.origin) {
        this.log('warn', `GET ${path}: refused a ${response.status} redirect to ${this.redact(target.origin)}`);
        throw this.error(m.redirectOtherOrigin(this.host, this.redact(target.host || target.origin)), { kind: 'redirect', status: response.status });
      }
      if (hops >= maxRedirects) throw this.error(m.redirectLoop(this.host), { kind: 'redirect', status: response.status });
      url = target;
    }
  }

  private readErrorBody(response: FetchLikeResponse): Promise<string> {
    return readText(response, { bytes: errorBodyLimit, truncate: true });
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
}
