// Account IDs: where a provider's API lives. Written as a bare host (`api.heroku.com`, https implied) or as an
// `https://host[:port]` URL; plain `http://` only for loopback hosts so local mock servers work.
//
// The parser is hand-written rather than `new URL()`, because URL silently converts IDN to punycode, resolves
// paths, accepts `user:pass@` and shorthand IPv4 (`127.1`), all of which must be refused here with a specific
// problem (a code, see problems.ts). Problems never carry the input: a token pasted into the wrong box must not end up
// in an error.
import { controlCharacters, maxAccountIdLength, maxHostLength } from './constants';
import { problem, type Problem, type ProblemCode } from './problems';

export interface ParsedAccountId {
  readonly ok: true;
  /** Scheme, host and port only, no trailing slash: `https://api.heroku.com`, `http://127.0.0.1:5000`. */
  readonly baseUrl: string;
  /** Lower-case host name or IP address; an IPv6 address in brackets (`[::1]`), as in `URL.hostname`. */
  readonly host: string;
  /** Only when it is not the scheme's default port. */
  readonly port?: number;
  readonly scheme: 'https' | 'http';
  /** True for localhost, 127.0.0.0/8 and ::1. */
  readonly loopback: boolean;
  /** The normalised form stored as the provider's Account ID: `api.heroku.com`, `host:8443`, `http://localhost:5000`. */
  readonly display: string;
}

export interface AccountIdError {
  readonly ok: false;
  readonly problem: Problem;
}

export type AccountIdResult = ParsedAccountId | AccountIdError;

function fail(code: ProblemCode): AccountIdError {
  return { ok: false, problem: problem(code) };
}

export function parseAccountId(input: unknown): AccountIdResult {
  if (typeof input !== 'string') return fail('accountIdRequired');
  const text = input.trim();
  if (text === '') return fail('accountIdRequired');
  if (text.length > maxAccountIdLength) return fail('accountIdTooLong');
  if (/\s/.test(text)) return fail('accountIdSpaces');
  if (controlCharacters.test(text)) return fail('accountIdControlCharacters');
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(text)) return fail('accountIdNonAscii');

  let scheme: 'https' | 'http' = 'https';
  let rest = text;
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  if (schemeMatch) {
    const written = schemeMatch[1]!.toLowerCase();
    if (written !== 'https' && written !== 'http') return fail('accountIdScheme');
    scheme = written;
    rest = text.slice(schemeMatch[0].length);
  } else if (/^[A-Za-z][A-Za-z0-9+-]*:(?![0-9]|$)/.test(text)) {
    // `https:api.heroku.com`, `https:/api.heroku.com`, `mailto:…`: a scheme without `//`.
    return fail('accountIdSchemeWithoutSlashes');
  }

  const authorityEnd = rest.search(/[/?#\\]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd);

  if (authority.includes('@')) return fail('accountIdUserInfo');
  const pathEnd = tail.search(/[?#]/);
  const path = pathEnd === -1 ? tail : tail.slice(0, pathEnd);
  if (path !== '' && path !== '/') return fail('accountIdPath');
  const query = tail.indexOf('?');
  const fragment = tail.indexOf('#');
  if (query !== -1 && (fragment === -1 || query < fragment)) return fail('accountIdQuery');
  if (fragment !== -1) return fail('accountIdFragment');
  if (authority === '') return fail('hostRequired');

  let hostPart: string;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close === -1) return fail('ipv6Unclosed');
    hostPart = authority.slice(0, close + 1);
    const after = authority.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return fail('ipv6TrailingText');
    if (after !== '') portText = after.slice(1);
  } else {
    const colons = authority.split(':').length - 1;
    if (colons > 1) return fail('ipv6NeedsBrackets');
    const colon = authority.indexOf(':');
    hostPart = colon === -1 ? authority : authority.slice(0, colon);
    if (colon !== -1) portText = authority.slice(colon + 1);
  }

  let port: number | undefined;
  if (portText !== undefined) {
    if (portText === '') return fail('portMissing');
    if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) return fail('portInvalid');
    port = Number(portText);
  }

  const hostResult = normaliseHost(hostPart);
  if (!hostResult.ok) return hostResult;
  const host = hostResult.host;
  const loopback = isLoopbackHost(host);
  if (scheme === 'http' && !loopback) return fail('httpNotLoopback');
  if ((scheme === 'https' && port === 443) || (scheme === 'http' && port === 80)) port = undefined;

  const hostAndPort = port === undefined ? host : `${host}:${port}`;
  const baseUrl = `${scheme}://${hostAndPort}`;
  return {
    ok: true,
    baseUrl,
    host,
    ...(port === undefined ? {} : { port }),
    scheme,
    loopback,
    display: scheme === 'https' ? hostAndPort : baseUrl,
  };
}

type HostResult = { ok: true; host: string } | AccountIdError;

function normaliseHost(hostPart: string): HostResult {
  if (hostPart === '' || hostPart === '[]') return fail('hostRequired');
  if (hostPart.startsWith('[')) {
    const inner = hostPart.slice(1, -1);
    if (!/^[0-9A-Fa-f:.]+$/.test(inner)) return fail('ipv6Invalid');
    try {
      // Canonical form (compressed, lower case); URL does no IDN mapping inside brackets.
      return { ok: true, host: new URL(`http://[${inner}]/`).hostname };
    } catch {
      return fail('ipv6Invalid');
    }
  }
  const host = hostPart.toLowerCase();
  if (host.length > maxHostLength) return fail('hostTooLong');
  if (host.endsWith('.')) return fail('hostTrailingDot');
  const labels = host.split('.');
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) {
    return isIPv4(host) ? { ok: true, host } : fail('ipv4Invalid');
  }
  for (const label of labels) {
    if (label === '') return fail('hostEmptyLabel');
    if (label.startsWith('xn--')) return fail('hostPunycode');
    if (label.length > 63) return fail('hostLabelTooLong');
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(label)) return fail('hostCharacters');
  }
  return { ok: true, host };
}

function isIPv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((part) => /^(0|[1-9][0-9]{0,2})$/.test(part) && Number(part) <= 255);
}

/** localhost, 127.0.0.0/8 and ::1 (with or without brackets). Expects a host as returned by parseAccountId. */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase();
  if (lower === 'localhost') return true;
  if (lower === '[::1]' || lower === '::1') return true;
  return isIPv4(lower) && lower.startsWith('127.');
}

export const herokuApiHost = 'api.heroku.com';

export function isHerokuHost(host: string): boolean {
  return host.toLowerCase() === herokuApiHost;
}

/** Whether an Account ID is Heroku's own API (`https://api.heroku.com`, no other port): where a Heroku CLI token belongs. */
export function isHerokuApiAccountId(accountId: string): boolean {
  const account = parseAccountId(accountId);
  return account.ok && account.baseUrl === `https://${herokuApiHost}`;
}

/** Whether two Account IDs name the same API origin (scheme, host and port), however each was written. */
export function sameAccountId(a: string, b: string): boolean {
  const first = parseAccountId(a);
  const second = parseAccountId(b);
  return first.ok && second.ok && first.baseUrl === second.baseUrl;
}
