// What api.heroku.com says and checks on every request: error ids and messages, the versioned Accept header, auth.

export const errorIds: Record<number, string> = {
  400: 'bad_request', 401: 'unauthorized', 402: 'payment_required', 403: 'forbidden', 404: 'not_found',
  406: 'not_acceptable', 409: 'conflict', 416: 'requested_range_not_satisfiable', 422: 'invalid_params',
  429: 'rate_limit', 500: 'internal_server_error', 502: 'bad_gateway', 503: 'service_unavailable', 504: 'gateway_timeout',
};

export const errorMessages: Record<string, string> = {
  unauthorized: 'Invalid credentials provided.',
  forbidden: 'You do not have access to this resource.',
  not_found: 'Couldn\'t find that app.',
  not_acceptable: 'Please specify a version along with Heroku\'s API MIME type. For example, `Accept: application/vnd.heroku+json; version=3`.',
  requested_range_not_satisfiable: 'Invalid Range header. Sortable fields: id, name. Use e.g. `Range: name ..; max=200`; max must be between 1 and 1000.',
  rate_limit: 'Your account reached the API rate limit\nPlease wait a few minutes before making new requests',
  internal_server_error: 'Internal server error.',
  service_unavailable: 'API is temporarily unavailable.',
};

export const endpointNotFound = 'The requested API endpoint was not found. Are you using the right HTTP verb (i.e. `GET` vs. `POST`), and did you specify your intended version with the `Accept` header?';

export const htmlPage = '<!DOCTYPE html>\n<html>\n  <head><meta charset="utf-8"><title>Application Error</title></head>\n'
  + '  <body><iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe>'
  + '<p>An error occurred in the application and your page could not be served.</p></body>\n</html>\n';

export function acceptsVersion3(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    return type === 'application/vnd.heroku+json'
      && params.some((param) => /^version\s*=\s*"?3(\.[\w-]+)?"?$/.test(param));
  });
}

export function authorised(header: string | undefined, token: string): boolean {
  if (!header) return false;
  const space = header.indexOf(' ');
  if (space < 0) return false;
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === 'bearer') return value === token;
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 && decoded.slice(colon + 1) === token;
  }
  return false;
}
