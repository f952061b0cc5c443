// The API base URL for an Account ID. Plain http only for loopback, so a token never travels unencrypted.
import { HerokuApiError } from './errors';
import { herokuMessages as m } from './messages';

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
