// Every user-facing text of the Heroku client, in one place. The client has no `vscode` import (tests and scripts run
// it in plain Node), so the texts go through `@vscode/l10n`: `npm run l10n` extracts them into the bundle like the
// `vscode.l10n.t` calls, and the extension configures `@vscode/l10n` with its loaded bundle on activation. Without a
// configured bundle (tests, scripts) `l10n.t` returns the English text with `{0}`, `{1}`… filled in.
import * as l10n from '@vscode/l10n';

export const herokuMessages = {
  unauthorized: () =>
    l10n.t('Heroku rejected the API token. Get a new one from the Heroku Dashboard → Account Settings → API Key (Reveal), or run `heroku auth:token`, then edit the credential.'),
  forbidden: (detail: string) =>
    l10n.t('Heroku refused access (403 Forbidden): the token works, but this account is not allowed to do that. {0}', detail),
  notFoundApp: (app: string) =>
    l10n.t('Heroku has no app named "{0}" that this account can see. It may have been renamed or deleted, or it belongs to a team this account is not a member of.', app),
  notFound: (host: string, path: string) =>
    l10n.t('{0} has no resource at {1} (404 Not Found). Check that the Account ID points at the Heroku Platform API (api.heroku.com).', host, path),
  rateLimited: () =>
    l10n.t("Heroku's API rate limit for this account is used up. Heroku refills it gradually (about 75 requests a minute): wait a few minutes, then try again."),
  rateLimitedWait: (seconds: number) =>
    l10n.t("Heroku's API rate limit for this account is used up and Heroku asks to wait {0} seconds. Try again after that.", seconds),
  server: (host: string, status: number, attempts: number) =>
    l10n.t('{0} answered with HTTP {1}, a server error, {2} time(s) in a row. Heroku may be having problems (see https://status.heroku.com); try again later.', host, status, attempts),
  serverHtml: (host: string, status: number, attempts: number) =>
    l10n.t('{0} answered with HTTP {1} and an HTML error page instead of JSON, {2} time(s) in a row. Heroku may be having problems (see https://status.heroku.com), or a proxy is in the way; try again later.', host, status, attempts),
  timeout: (host: string, seconds: number) =>
    l10n.t('{0} did not answer within {1} seconds. Check your network connection and the Account ID, then try again.', host, seconds),
  dns: (host: string) =>
    l10n.t('The host {0} could not be found (DNS lookup failed). Check the Account ID (for Heroku: api.heroku.com) and your network connection.', host),
  refused: (host: string) =>
    l10n.t('{0} refused the connection. Check the Account ID (for Heroku: api.heroku.com) and any proxy or firewall.', host),
  network: (host: string, detail: string) =>
    l10n.t('Could not talk to {0} ({1}). Check your network connection, proxy settings and the Account ID, then try again.', host, detail),
  proxyUnreachable: (host: string, proxy: string) =>
    l10n.t("Could not connect to the proxy {0} on the way to {1}. Check that the proxy is running and that VS Code's http.proxy setting (or the HTTPS_PROXY and HTTP_PROXY environment variables) names it correctly, then try again.", proxy, host),
  proxyAuthRequired: (host: string) =>
    l10n.t("A proxy between VS Code and {0} asks for credentials (HTTP 407 Proxy Authentication Required). Put them in VS Code's http.proxy setting, as in http://user:password@proxy.example.com:8080, then try again.", host),
  tls: (host: string, detail: string) =>
    l10n.t('The secure (TLS) connection to {0} failed ({1}). A proxy or firewall may be intercepting HTTPS, or the Account ID points at the wrong host.', host, detail),
  notJson: (host: string, status: number, what: string) =>
    l10n.t('{0} answered with HTTP {1}, but the response is not valid JSON ({2}). A proxy or captive portal may be in the way, or the Account ID does not point at the Heroku Platform API.', host, status, what),
  bodyHtml: () => l10n.t('it is an HTML page'),
  bodyEmpty: () => l10n.t('it is empty'),
  bodyMalformed: () => l10n.t('it is cut off or malformed'),
  wrongShape: (host: string, status: number, detail: string) =>
    l10n.t('{0} answered with HTTP {1}, but not with the data Provider Desk expects ({2}). Check that the Account ID points at the Heroku Platform API.', host, status, detail),
  tooLarge: (host: string, megabytes: number) =>
    l10n.t('{0} sent a response larger than {1} MB; Provider Desk stopped reading it. Check that the Account ID points at the Heroku Platform API.', host, megabytes),
  paginationLoop: (host: string) =>
    l10n.t('{0} kept returning the same page of results; Provider Desk stopped listing to avoid an endless loop.', host),
  paginationBackwards: (host: string, range: string, last: string) =>
    l10n.t('{0} asked for a next page ({1}) that does not continue after the last item received ("{2}"); Provider Desk stopped listing to avoid an endless loop. Check that the Account ID points at the Heroku Platform API.', host, range, last),
  paginationUnreadable: (host: string, range: string) =>
    l10n.t('{0} sent a Next-Range header Provider Desk cannot read ({1}), so it stopped listing. Check that the Account ID points at the Heroku Platform API.', host, range),
  listingTooManyItems: (host: string, max: number) =>
    l10n.t('{0} listed more than {1} items; Provider Desk stopped the listing there. No Heroku account has that many: check that the Account ID points at the Heroku Platform API (api.heroku.com).', host, max),
  listingTooManyBytes: (host: string, megabytes: number) =>
    l10n.t('{0} sent more than {1} MB for one listing; Provider Desk stopped reading. Check that the Account ID points at the Heroku Platform API (api.heroku.com).', host, megabytes),
  listingTooManyPages: (host: string, pages: number) =>
    l10n.t('{0} kept sending more pages (over {1}); Provider Desk stopped the listing there. Check that the Account ID points at the Heroku Platform API (api.heroku.com).', host, pages),
  listingDeadline: (host: string, seconds: number) =>
    l10n.t('{0} did not finish the listing within {1} seconds; Provider Desk stopped it. Heroku may be slow (see https://status.heroku.com), or the Account ID does not point at the Heroku Platform API. Try again later.', host, seconds),
  redirectOtherOrigin: (host: string, target: string) =>
    l10n.t('{0} redirected the request to {1}, a different server. Provider Desk did not follow it, so the API token was not sent there. Check the Account ID (for Heroku: api.heroku.com).', host, target),
  redirectLoop: (host: string) =>
    l10n.t('{0} redirected the request too many times. Check the Account ID (for Heroku: api.heroku.com).', host),
  redirectInvalid: (host: string, status: number) =>
    l10n.t('{0} answered with a redirect (HTTP {1}) without a usable location. Check the Account ID (for Heroku: api.heroku.com).', host, status),
  notAcceptable: (host: string) =>
    l10n.t('{0} did not accept a Heroku Platform API version 3 request (406 Not Acceptable). Check that the Account ID points at the Heroku Platform API.', host),
  rangeNotSatisfiable: (host: string) =>
    l10n.t('{0} rejected the page request (416 Range Not Satisfiable). This is a bug in Provider Desk or an API change; please report it.', host),
  clientError: (host: string, status: number, detail: string) =>
    l10n.t('{0} rejected the request with HTTP {1}. {2}', host, status, detail),
  cancelled: () =>
    l10n.t('The Heroku request was cancelled.'),
  invalidBaseUrl: () =>
    l10n.t('The API address is not the origin of an Account ID (https://host[:port], such as https://api.heroku.com). Check the provider\'s Account ID.'),
  emptyToken: () =>
    l10n.t('The API token is empty. Get one from the Heroku Dashboard → Account Settings → API Key (Reveal), or run `heroku auth:token`, then edit the credential.'),
  invalidToken: () =>
    l10n.t('The API token contains spaces, line breaks or other characters an API token cannot have. Paste it again, then edit the credential.'),
} as const;
