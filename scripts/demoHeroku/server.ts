// The demo Heroku API's server: the main origin, the second origin that redirects point at, and the switches.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type * as http from 'node:http';
import { etagOf, noneMatchHits } from './conditional';
import { accountJson, addonsFor, appsFor, configVarsFor, dynosFor, formationFor, releasesFor, uuidFrom, withNames, type AppRecord } from './data';
import { FaultList, HugeBodies } from './faults';
import { listen, record } from './listener';
import { collection, paginate, parseRange, skewedNextRange, textOf, type Collection, type Page } from './pagination';
import { acceptsVersion3, authorised, endpointNotFound, errorIds, errorMessages, htmlPage } from './protocol';
import type { FakeHeroku, FakeHerokuOptions, RecordedRequest } from './types';
import { addonsView, appInfoView, formationView, releasesView } from './views';

const defaultRateLimit = 4500;

export async function startFakeHeroku(options: FakeHerokuOptions = {}): Promise<FakeHeroku> {
  const token = options.token ?? `HRKU-fake-${randomUUID()}`;
  const email = options.email ?? 'dev@example.com';
  const account = { id: uuidFrom(`account:${email}`), email };
  let latencyMs = options.latencyMs ?? 0;
  let rateLimitRemaining = options.rateLimit ?? defaultRateLimit;
  let rateLimitRetryAfter = options.rateLimitRetryAfter;
  let forbidden = false;
  let everyAnswerNew = false;
  const faults = new FaultList();
  const requests: RecordedRequest[] = [];
  const otherRequests: RecordedRequest[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let closed = false;

  let appList: Collection = collection([], ['id', 'name']);
  const byName = new Map<string, AppRecord>();
  const byId = new Map<string, AppRecord>();
  const hugeBodies = new HugeBodies();

  function setApps(count: number): void {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`setApps: ${count} is not a count`);
    const apps = withNames(appsFor(account, count), options.appNames ?? []);
    appList = collection(apps.map((app) => ({ key: { id: app.id, name: app.name }, json: app.json })), ['id', 'name']);
    byName.clear();
    byId.clear();
    for (const app of apps) {
      byName.set(app.name, app);
      byId.set(app.id, app);
    }
  }
  setApps(options.apps ?? 3);

  const accountBody = accountJson(account);

  // The second origin: a redirect target that must never see the token.
  const host = options.host ?? '127.0.0.1';
  const other = await listen((request, response) => {
    const entry = record(otherRequests, request);
    request.resume();
    entry.status = 200;
    entry.outcome = 'responded';
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    response.end('[]');
  }, 0, host);

  function baseHeaders(): Record<string, string> {
    return {
      'RateLimit-Remaining': String(Math.max(0, rateLimitRemaining)),
      'Request-Id': randomUUID(),
      'Cache-Control': 'private, no-cache',
      Vary: 'Accept, Accept-Encoding, Authorization',
    };
  }

  function sendJson(entry: RecordedRequest, response: http.ServerResponse, status: number, body: string | Buffer | readonly Buffer[], headers: Record<string, string> = {}): void {
    const chunks = typeof body === 'string' ? [Buffer.from(body)] : Buffer.isBuffer(body) ? [body] : body;
    let length = 0;
    for (const chunk of chunks) length += chunk.length;
    entry.status = status;
    entry.outcome = 'responded';
    response.writeHead(status, {
      ...baseHeaders(),
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(length),
      ...headers,
    });
    response.cork();
    for (const chunk of chunks) response.write(chunk);
    response.end();
    response.uncork();
  }

  function sendError(entry: RecordedRequest, response: http.ServerResponse, status: number, id: string, message: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}): void {
    sendJson(entry, response, status, JSON.stringify({ id, message, ...extra }), headers);
  }

  /** The normal answer, before any body-mangling fault. */
  function route(entry: RecordedRequest): Page {
    const error = (status: number, id: string, message: string, extra: Record<string, unknown> = {}): Page => ({
      status, body: [Buffer.from(JSON.stringify({ id, message, ...extra }))], headers: {},
    });
    let segments: string[];
    try {
      segments = entry.path.split('/').filter(Boolean).map((segment) => decodeURIComponent(segment));
    } catch {
      return error(404, 'not_found', endpointNotFound);
    }
    if (entry.method !== 'GET') return error(404, 'not_found', endpointNotFound);
    const list = (items: Collection): Page => {
      const parsed = parseRange(entry.range ?? `${items.defaultField} ..`);
      if (!parsed || !items.fields.has(parsed.field)) {
        return error(416, 'requested_range_not_satisfiable', errorMessages.requested_range_not_satisfiable);
      }
      return paginate(items, parsed);
    };
    if (segments.length === 1 && segments[0] === 'account') return { status: 200, body: [Buffer.from(accountBody)], headers: {} };
    if (segments[0] === 'apps') {
      if (segments.length === 1) return list(appList);
      const app = byName.get(segments[1]) ?? byId.get(segments[1]);
      if (segments.length <= 3 && !app) return error(404, 'not_found', 'Couldn\'t find that app.', { resource: 'app' });
      if (segments.length === 2) return { status: 200, body: [Buffer.from(app!.json)], headers: {} };
      if (segments.length === 3) {
        const keyed = (items: readonly string[], fields: readonly string[]) => items.map((json) => {
          const item = JSON.parse(json) as Record<string, string>;
          return { key: Object.fromEntries(fields.map((field) => [field, item[field]!])), json };
        });
        switch (segments[2]) {
          case 'dynos': return list(collection(keyed(dynosFor(app!), ['id', 'name']), ['id', 'name']));
          case 'formation': return list(collection(keyed(formationFor(app!), ['id', 'type']), ['id', 'type']));
          case 'addons': return list(collection(keyed(addonsFor(app!), ['id', 'name']), ['id', 'name']));
          case 'releases': {
            const releases = releasesFor(app!, account).map(({ version, json }) => ({ key: { id: JSON.parse(json).id as string, version: String(version) }, json }));
            return list(collection(releases, ['id', 'version'], { numeric: ['version'], defaultField: 'version' }));
          }
          case 'config-vars': return { status: 200, body: [Buffer.from(configVarsFor(app!))], headers: {} };
        }
      }
    }
    return error(404, 'not_found', endpointNotFound);
  }

  function respond(entry: RecordedRequest, request: http.IncomingMessage, response: http.ServerResponse): void {
    const fault = faults.pick(entry);
    entry.fault = fault?.type;
    if (fault) {
      switch (fault.type) {
        case 'hang':
          entry.outcome = 'hung';
          return;
        case 'reset':
          entry.outcome = 'reset';
          request.socket.destroy();
          return;
        case 'status': {
          const id = fault.id ?? errorIds[fault.status] ?? 'error';
          let message = fault.message ?? errorMessages[id] ?? `Error ${fault.status}.`;
          if (fault.echoAuthorization) message += ` (received Authorization: ${entry.authorization ?? 'none'})`;
          const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
          sendError(entry, response, fault.status, id, message, headers);
          return;
        }
        case 'rateLimit':
          sendError(entry, response, 429, 'rate_limit', errorMessages.rate_limit, {
            'RateLimit-Remaining': '0',
            ...(fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) }),
          });
          return;
        case 'html': {
          const status = fault.status ?? 503;
          entry.status = status;
          entry.outcome = 'responded';
          response.writeHead(status, { ...baseHeaders(), 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(htmlPage)) });
          response.end(htmlPage);
          return;
        }
        case 'redirect': {
          const status = fault.status ?? 302;
          const to = fault.to ?? 'other-origin';
          const location = to === 'other-origin' ? `${other.url}${entry.url}` : to === 'same-origin' ? entry.url : to;
          entry.status = status;
          entry.outcome = 'responded';
          response.writeHead(status, { ...baseHeaders(), Location: location, 'Content-Length': '0' });
          response.end();
          return;
        }
        default:
          break; // body-mangling faults: below, on the normal answer
      }
    }

    if (!acceptsVersion3(request.headers.accept)) {
      sendError(entry, response, 406, 'not_acceptable', errorMessages.not_acceptable);
      return;
    }
    if (!authorised(entry.authorization, token)) {
      sendError(entry, response, 401, 'unauthorized', errorMessages.unauthorized);
      return;
    }
    if (rateLimitRemaining <= 0) {
      rateLimitRemaining = 0;
      sendError(entry, response, 429, 'rate_limit', errorMessages.rate_limit,
        rateLimitRetryAfter === undefined ? {} : { 'Retry-After': String(rateLimitRetryAfter) });
      return;
    }
    rateLimitRemaining--;
    if (forbidden) {
      sendError(entry, response, 403, 'forbidden', errorMessages.forbidden);
      return;
    }

    const page = route(entry);
    if (!fault) {
      sendCurrent(entry, request, response, page);
      return;
    }
    switch (fault.type) {
      case 'truncated': {
        const full = Buffer.concat(page.body);
        const cut = full.subarray(0, Math.max(1, Math.floor(full.length / 2)));
        if (fault.mode === 'socket') {
          entry.status = page.status;
          entry.outcome = 'reset';
          response.writeHead(page.status, {
            ...baseHeaders(), ...page.headers,
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': String(full.length),
          });
          response.write(cut, () => request.socket.destroy());
          return;
        }
        sendJson(entry, response, page.status, cut, page.headers);
        return;
      }
      case 'wrongShape': {
        const body = fault.body !== undefined ? JSON.stringify(fault.body)
          : textOf(page).startsWith('[') ? '{"data":[{"id":42,"name":null,"region":"us"}]}' : '[{"unexpected":true}]';
        sendJson(entry, response, page.status, body, page.headers);
        return;
      }
      case 'huge':
        sendJson(entry, response, page.status, hugeBodies.body(page, fault.bytes ?? 10 * 1024 * 1024), page.headers);
        return;
      case 'nextRange': {
        const headers = page.headers['Next-Range'] === undefined ? page.headers
          : { ...page.headers, 'Next-Range': skewedNextRange(fault.skew, entry.range, page.headers) };
        sendJson(entry, response, page.status, page.body, headers);
        return;
      }
      default:
        sendJson(entry, response, page.status, page.body, page.headers);
    }
  }

  /** A success with its ETag, or 304 and no body when the request's If-None-Match names it. */
  function sendCurrent(entry: RecordedRequest, request: http.IncomingMessage, response: http.ServerResponse, page: Page): void {
    if (page.status < 200 || page.status >= 300) {
      sendJson(entry, response, page.status, page.body, page.headers);
      return;
    }
    const etag = everyAnswerNew ? `"${randomUUID()}"` : page.etag ?? etagOf(page.body);
    if (!noneMatchHits(request.headers['if-none-match'], etag)) {
      sendJson(entry, response, page.status, page.body, { ...page.headers, ETag: etag });
      return;
    }
    entry.status = 304;
    entry.outcome = 'responded';
    response.writeHead(304, { ...baseHeaders(), ETag: etag });
    response.end();
  }

  const main = await listen((request, response) => {
    const entry = record(requests, request);
    inFlight++;
    let settled = false;
    response.once('close', () => {
      if (!response.writableFinished && entry.outcome !== 'reset') entry.clientAborted = true;
      if (!settled) {
        settled = true;
        inFlight--;
        events.emit('change');
      }
    });
    request.resume();
    events.emit('change');
    const run = (): void => {
      if (closed || response.destroyed) return;
      respond(entry, request, response);
      events.emit('change');
    };
    if (latencyMs > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, latencyMs);
      timers.add(timer);
    } else {
      run();
    }
  }, options.port, host).catch(async (error: unknown) => {
    // The chosen port is taken: leave nothing listening behind.
    await new Promise((resolve) => other.server.close(resolve));
    throw error;
  });

  function clearRequests(): void {
    requests.length = 0;
    otherRequests.length = 0;
  }

  function appRecord(what: string, name: string): AppRecord {
    const app = byName.get(name);
    if (!app) throw new RangeError(`${what}: the fake has no app ${name}`);
    return app;
  }

  const fake: FakeHeroku = {
    url: main.url,
    port: main.port,
    token,
    email,
    requests,
    otherOrigin: { url: other.url, requests: otherRequests },
    get rateLimitRemaining() { return rateLimitRemaining; },
    apps: () => appList.fields.get('name')!.keys.map((name) => {
      const app = byName.get(name)!;
      return { id: app.id, name: app.name, region: app.region, stack: app.stack, updatedAt: app.updatedAt };
    }),
    dynos: (name) => dynosFor(appRecord('dynos', name)).map((json) => {
      const dyno = JSON.parse(json) as Record<string, string>;
      return { name: dyno.name!, type: dyno.type!, size: dyno.size!, state: dyno.state!, command: dyno.command!, updatedAt: dyno.updated_at! };
    }),
    appInfo: (name) => appInfoView(appRecord('appInfo', name)),
    formation: (name) => formationView(appRecord('formation', name)),
    releases: (name) => releasesView(appRecord('releases', name), account),
    addons: (name) => addonsView(appRecord('addons', name)),
    configVars: (name) => JSON.parse(configVarsFor(appRecord('configVars', name))) as Record<string, string>,
    setApps,
    setLatency: (ms) => { latencyMs = ms; },
    setRateLimit: (remaining, retryAfterSeconds) => {
      rateLimitRemaining = remaining;
      if (retryAfterSeconds !== undefined) rateLimitRetryAfter = retryAfterSeconds;
    },
    setForbidden: (on) => { forbidden = on; },
    setEveryAnswerNew: (on) => { everyAnswerNew = on; },
    fault: (rule) => faults.add(rule),
    setFault: (rule) => {
      faults.clear();
      return rule ? faults.add(rule) : undefined;
    },
    clearFaults: () => faults.clear(),
    clearRequests,
    reset: () => {
      faults.clear();
      clearRequests();
      latencyMs = 0;
      rateLimitRemaining = defaultRateLimit;
      forbidden = false;
      everyAnswerNew = false;
    },
    waitForRequests: (count, filter = () => true) => new Promise((resolve) => {
      const check = (): boolean => {
        const matching = requests.filter(filter);
        if (matching.length < count) return false;
        events.off('change', check);
        resolve(matching);
        return true;
      };
      if (!check()) events.on('change', check);
    }),
    whenIdle: () => new Promise((resolve) => {
      const check = (): boolean => {
        if (inFlight > 0) return false;
        events.off('change', check);
        resolve();
        return true;
      };
      if (!check()) events.on('change', check);
    }),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([main, other].map((tracked) => new Promise<void>((resolve) => {
        tracked.server.close(() => resolve());
        for (const socket of tracked.sockets) socket.destroy();
      })));
    },
  };
  return fake;
}
