// What an error status or a network failure means: a HerokuApiError with an actionable message, thrown at once, or a
// plan to retry (429, 5xx, network trouble) with the error to give when the retries run out.
import type { HerokuApiError, HerokuApiErrorDetails, HerokuErrorKind } from './errors';
import { herokuMessages as m } from './messages';
import { unreachableProxiesIn } from './proxyErrors';
import { retryAfterMs } from './retry';
import { responseSchemas } from './responseSchemas';
import type { FetchLikeResponse } from './transport';

/** Makes the client's errors: redacted, naming the host. */
export interface ErrorFactory {
  readonly host: string;
  error(message: string, details: Omit<HerokuApiErrorDetails, 'host'>): HerokuApiError;
  redact(text: string): string;
}

export interface Retry {
  /** What the server asked for (Retry-After); undefined: exponential backoff with jitter. */
  delayMs: number | undefined;
  error: (attempts: number) => HerokuApiError;
}

export interface FailedResponse {
  response: FetchLikeResponse;
  /** The (possibly truncated) body. */
  text: string;
  requestId: string | undefined;
  path: string;
  notFound?: () => HerokuApiError;
}

const retryableStatuses = new Set([500, 502, 503, 504]);
const tlsCodes = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH|ERR_CERT)/;
const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);

/** An error status: a retry plan (429, 5xx) or a thrown HerokuApiError. */
export function statusFailure(factory: ErrorFactory, failed: FailedResponse): Retry {
  const { response, text, requestId } = failed;
  const { host } = factory;
  const status = response.status;
  let id: string | undefined;
  let herokuMessage: string | undefined;
  try {
    const parsed = responseSchemas().errorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      id = parsed.data.id;
      herokuMessage = parsed.data.message === undefined ? undefined : factory.redact(parsed.data.message).slice(0, 500);
    }
  } catch {
    // not JSON: an HTML error page, a proxy, an empty body
  }
  const html = /html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(text);
  const details = { status, id, herokuMessage, requestId };
  const fail = (kind: HerokuErrorKind, message: string): HerokuApiError => factory.error(message, { kind, ...details });

  if (status === 429) {
    const waitMs = retryAfterMs(response.headers.get('retry-after'));
    return {
      delayMs: waitMs,
      error: (attempts) => factory.error(
        waitMs === undefined ? m.rateLimited() : m.rateLimitedWait(Math.ceil(waitMs / 1000)),
        { kind: 'rate_limited', attempts, ...details }),
    };
  }
  if (status >= 500) {
    const error = (attempts: number): HerokuApiError => factory.error(
      html ? m.serverHtml(host, status, attempts) : m.server(host, status, attempts),
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
      throw failed.notFound?.() ?? fail('not_found', m.notFound(host, failed.path));
    case 406:
      throw fail('client_error', m.notAcceptable(host));
    case 407:
      throw fail('client_error', m.proxyAuthRequired(host));
    case 416:
      throw fail('client_error', m.rangeNotSatisfiable(host));
    default:
      if (status >= 400) throw fail('client_error', m.clientError(host, status, herokuMessage ?? ''));
      throw fail('bad_response', m.notJson(host, status, html ? m.bodyHtml() : m.bodyMalformed()));
  }
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A request that got no response: TLS and DNS failures are thrown at once, anything else is retried. */
export function networkFailure(factory: ErrorFactory, error: unknown): Retry {
  const { host } = factory;
  const code = errorCode(error);
  const raw = error instanceof Error ? error.message : String(error);
  const detail = factory.redact(code ?? raw).slice(0, 200);
  const proxies = unreachableProxiesIn(raw);
  if (proxies) {
    return { delayMs: undefined, error: (attempts) => factory.error(m.proxyUnreachable(host, factory.redact(proxies).slice(0, 200)), { kind: 'network', attempts }) };
  }
  if (code && tlsCodes.test(code)) {
    throw factory.error(m.tls(host, detail), { kind: 'network', code });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    throw factory.error(m.dns(host), { kind: 'network', code });
  }
  return {
    delayMs: undefined,
    error: (attempts) => factory.error(
      code && dnsCodes.has(code) ? m.dns(host) : code === 'ECONNREFUSED' ? m.refused(host) : m.network(host, detail),
      { kind: 'network', code, attempts }),
  };
}
