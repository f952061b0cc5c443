// Every user-facing text of the Heroku client, in one place. Each takes a `Translate` function: the extension passes
// `(message, ...args) => vscode.l10n.t(message, ...args)`, tests and scripts get `plainTranslate`. Placeholders are
// `{0}`, `{1}`… exactly as vscode.l10n.t expects, so the strings below can go into the l10n bundle unchanged.

/** `vscode.l10n.t` in the extension; a plain `{0}` formatter elsewhere. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

export const plainTranslate: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));

export const herokuMessages = {
  unauthorized: (t: Translate) =>
    t('Heroku rejected the API token. Get a new one from the Heroku Dashboard → Account Settings → API Key (Reveal), or run `heroku auth:token`, then edit the credential.'),
  forbidden: (t: Translate, detail: string) =>
    t('Heroku refused access (403 Forbidden): the token works, but this account is not allowed to do that. {0}', detail),
  notFoundApp: (t: Translate, app: string) =>
    t('Heroku has no app named "{0}" that this account can see. It may have been renamed or deleted, or it belongs to a team this account is not a member of.', app),
  notFound: (t: Translate, host: string, path: string) =>
    t('{0} has no resource at {1} (404 Not Found). Check that the Account ID points at the Heroku Platform API (api.heroku.com).', host, path),
  rateLimited: (t: Translate) =>
    t("Heroku's API rate limit for this account is used up. Heroku refills it gradually (about 75 requests a minute): wait a few minutes, then try again."),
  rateLimitedWait: (t: Translate, seconds: number) =>
    t("Heroku's API rate limit for this account is used up and Heroku asks to wait {0} seconds. Try again after that.", seconds),
  server: (t: Translate, host: string, status: number, attempts: number) =>
    t('{0} answered with HTTP {1}, a server error, {2} time(s) in a row. Heroku may be having problems (see https://status.heroku.com); try again later.', host, status, attempts),
  serverHtml: (t: Translate, host: string, status: number, attempts: number) =>
    t('{0} answered with HTTP {1} and an HTML error page instead of JSON, {2} time(s) in a row. Heroku may be having problems (see https://status.heroku.com), or a proxy is in the way; try again later.', host, status, attempts),
  timeout: (t: Translate, host: string, seconds: number) =>
    t('{0} did not answer within {1} seconds. Check your network connection and the Account ID, then try again.', host, seconds),
  dns: (t: Translate, host: string) =>
    t('The host {0} could not be found (DNS lookup failed). Check the Account ID (for Heroku: api.heroku.com) and your network connection.', host),
  refused: (t: Translate, host: string) =>
    t('{0} refused the connection. Check the Account ID (for Heroku: api.heroku.com) and any proxy or firewall.', host),
  network: (t: Translate, host: string, detail: string) =>
    t('Could not talk to {0} ({1}). Check your network connection, proxy settings and the Account ID, then try again.', host, detail),
  tls: (t: Translate, host: string, detail: string) =>
    t('The secure (TLS) connection to {0} failed ({1}). A proxy or firewall may be intercepting HTTPS, or the Account ID points at the wrong host.', host, detail),
  notJson: (t: Translate, host: string, status: number, what: string) =>
    t('{0} answered with HTTP {1}, but the response is not valid JSON ({2}). A proxy or captive portal may be in the way, or the Account ID does not point at the Heroku Platform API.', host, status, what),
  bodyHtml: (t: Translate) => t('it is an HTML page'),
  bodyEmpty: (t: Translate) => t('it is empty'),
  bodyMalformed: (t: Translate) => t('it is cut off or malformed'),
  wrongShape: (t: Translate, host: string, status: number, detail: string) =>
    t('{0} answered with HTTP {1}, but not with the data Provider Desk expects ({2}). Check that the Account ID points at the Heroku Platform API.', host, status, detail),
  tooLarge: (t: Translate, host: string, megabytes: number) =>
    t('{0} sent a response larger than {1} MB; Provider Desk stopped reading it. Check that the Account ID points at the Heroku Platform API.', host, megabytes),
  paginationLoop: (t: Translate, host: string) =>
    t('{0} kept returning the same page of results; Provider Desk stopped listing to avoid an endless loop.', host),
  redirectOtherOrigin: (t: Translate, host: string, target: string) =>
    t('{0} redirected the request to {1}, a different server. Provider Desk did not follow it, so the API token was not sent there. Check the Account ID (for Heroku: api.heroku.com).', host, target),
  redirectLoop: (t: Translate, host: string) =>
    t('{0} redirected the request too many times. Check the Account ID (for Heroku: api.heroku.com).', host),
  redirectInvalid: (t: Translate, host: string, status: number) =>
    t('{0} answered with a redirect (HTTP {1}) without a usable location. Check the Account ID (for Heroku: api.heroku.com).', host, status),
  notAcceptable: (t: Translate, host: string) =>
    t('{0} did not accept a Heroku Platform API version 3 request (406 Not Acceptable). Check that the Account ID points at the Heroku Platform API.', host),
  rangeNotSatisfiable: (t: Translate, host: string) =>
    t('{0} rejected the page request (416 Range Not Satisfiable). This is a bug in Provider Desk or an API change; please report it.', host),
  clientError: (t: Translate, host: string, status: number, detail: string) =>
    t('{0} rejected the request with HTTP {1}. {2}', host, status, detail),
  cancelled: (t: Translate) =>
    t('The Heroku request was cancelled.'),
  invalidAccountId: (t: Translate, accountId: string) =>
    t('"{0}" is not an API host. Use the host of the API as the Account ID, for Heroku: api.heroku.com.', accountId),
  insecureAccountId: (t: Translate, host: string) =>
    t('Provider Desk only sends API tokens over HTTPS; plain http:// is allowed for localhost only ({0}).', host),
  emptyToken: (t: Translate) =>
    t('The API token is empty. Get one from the Heroku Dashboard → Account Settings → API Key (Reveal), or run `heroku auth:token`, then edit the credential.'),
  invalidToken: (t: Translate) =>
    t('The API token contains spaces, line breaks or other characters an API token cannot have. Paste it again, then edit the credential.'),
} as const;
