// The Heroku client against the fake Heroku API over real HTTP on 127.0.0.1: pagination, retries, timeouts,
// cancellation, redirects, bad responses, and that the token never shows up in an error or a log line.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  createHerokuClient, herokuMessages, HerokuApiError, isHerokuCancellation,
  type FetchLike, type HerokuClient, type HerokuClientOptions, type HerokuLogEntry,
} from '../../src/heroku';
import { parseAccountId } from '../../src/model/accountId';
import { redactSecrets } from '../../src/model/redact';
import { caught } from './herokuAssertions';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';

const token = 'tok_3f9a8b7c6d5e4f3a2b1c0d9e';
const userAgent = 'ProviderDesk/1.2.3 (unit tests)';
const fastRetry = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, maxTotalMs: 2_000 };

/** node-fetch, wrapped to record each call's Range and signal, and in `events` when each call started and when its
 * body had been read to the end. */
function recordingFetch(): { fetchImpl: FetchLike; calls: { range: string | undefined; signal: AbortSignal }[]; events: string[] } {
  const calls: { range: string | undefined; signal: AbortSignal }[] = [];
  const events: string[] = [];
  let real: FetchLike | undefined;
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ range: init.headers.Range, signal: init.signal });
    const number = calls.length;
    events.push(`request ${number}`);
    real ??= (await import('node-fetch')).default as unknown as FetchLike;
    const response = await real(url, init);
    const body = response.body as AsyncIterable<Uint8Array>;
    return {
      status: response.status,
      headers: response.headers,
      body: (async function* () {
        for await (const chunk of body) yield chunk;
        events.push(`read ${number}`);
      })(),
    };
  };
  return { fetchImpl, calls, events };
}

function expectedRanges(names: readonly string[]): string[] {
  const ranges = ['name ..; max=1000'];
  for (let end = 1000; end < names.length; end += 1000) ranges.push(`name ]${names[end - 1]}..; max=1000`);
  return ranges;
}

describe('Heroku client against the fake Heroku API', function () {
  let fake: FakeHeroku;
  const logs: HerokuLogEntry[] = [];

  const make = (options: Partial<HerokuClientOptions> = {}): HerokuClient => createHerokuClient({
    baseUrl: fake.url, token, userAgent, redact: redactSecrets, timeoutMs: 5_000, retry: fastRetry, onLog: (entry) => logs.push(entry), ...options,
  });
  const appRequests = (): number => fake.requests.filter((request) => request.path === '/apps').length;

  before(async () => {
    fake = await startFakeHeroku({ apps: 0, token, email: 'dev@example.com' });
  });

  after(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.reset();
    logs.length = 0;
  });

  afterEach(() => {
    // Whatever happened, no log line may carry the token.
    for (const entry of logs) assert.ok(!entry.message.includes(token), `token in log line: ${entry.message}`);
  });

  describe('listApps', () => {
    for (const count of [0, 1, 999, 1000, 1001, 2500]) {
      it(`lists all ${count} apps, each exactly once, in name order`, async () => {
        fake.setApps(count);
        const expected = fake.apps();
        const apps = await make().listApps();
        assert.deepEqual(apps.map((app) => app.name), expected.map((app) => app.name));
        assert.equal(new Set(apps.map((app) => app.id)).size, count);
        assert.deepEqual(fake.requests.map((request) => request.range), expectedRanges(expected.map((app) => app.name)));
        for (const [index, app] of apps.entries()) {
          const want = expected[index];
          assert.deepEqual({ id: app.id, region: app.region, stack: app.stack, updatedAt: app.updatedAt },
            { id: want.id, region: want.region, stack: want.stack, updatedAt: want.updatedAt });
        }
        if (count > 0) {
          assert.deepEqual(Object.keys(apps[0]).sort(), ['id', 'name', 'region', 'stack', 'updatedAt', 'webUrl'], 'only the fields it needs');
          assert.match(apps[0].webUrl ?? '', /^https:\/\/app-00001-/);
        }
      });
    }

    it('sends the versioned Accept header, the Bearer token and the User-Agent on every request', async () => {
      fake.setApps(1001);
      await make().listApps();
      assert.equal(fake.requests.length, 2);
      for (const request of fake.requests) {
        assert.equal(request.headers.accept, 'application/vnd.heroku+json; version=3');
        assert.equal(request.authorization, `Bearer ${token}`);
        assert.equal(request.headers['user-agent'], userAgent);
      }
    });

    it('reports each page in order through onPage', async () => {
      fake.setApps(2500);
      const pages: { size: number; first: string; pages: number; total: number }[] = [];
      await make().listApps({ onPage: (items, progress) => pages.push({ size: items.length, first: items[0].name, ...progress }) });
      assert.deepEqual(pages, [
        { size: 1000, first: 'app-00001', pages: 1, total: 1000 },
        { size: 1000, first: 'app-01001', pages: 2, total: 2000 },
        { size: 500, first: 'app-02001', pages: 3, total: 2500 },
      ]);
    });

    it('requests the next page before it reads the current one, and stays one page ahead', async () => {
      fake.setApps(3500);
      const { fetchImpl, events } = recordingFetch();
      const handedOver: number[] = [];
      await make({ fetchImpl }).listApps({ onPage: (_items, progress) => handedOver.push(progress.pages) });
      assert.deepEqual(handedOver, [1, 2, 3, 4]);
      // Page n + 1 is requested as soon as page n's headers (with Next-Range) are in, before page n's body is read;
      // page n + 2 only once page n has been read.
      assert.deepEqual(events, ['request 1', 'request 2', 'read 1', 'request 3', 'read 2', 'request 4', 'read 3', 'read 4']);
    });

    it('also works with the global fetch (WHATWG stream bodies)', async () => {
      fake.setApps(1500);
      const apps = await make({ fetchImpl: globalThis.fetch as unknown as FetchLike }).listApps();
      assert.equal(apps.length, 1500);
    });

    it('exposes the last RateLimit-Remaining', async () => {
      fake.setApps(2500);
      const client = make();
      assert.equal(client.rateLimitRemaining, undefined);
      await client.listApps();
      assert.equal(client.rateLimitRemaining, fake.rateLimitRemaining);
      assert.equal(client.rateLimitRemaining, 4500 - 3);
    });
  });

  describe('getAccount and listDynos', () => {
    it('returns the account, with only the fields it needs', async () => {
      const account = await make().getAccount();
      assert.equal(account.email, 'dev@example.com');
      assert.equal(account.name, 'Dev Example');
      assert.equal(account.twoFactorAuthentication, true);
      assert.equal(account.verified, true);
      assert.match(account.id, /^[0-9a-f-]{36}$/);
      assert.deepEqual(Object.keys(account).sort(), ['createdAt', 'email', 'id', 'lastLogin', 'name', 'twoFactorAuthentication', 'verified']);
    });

    it('lists the dynos of an app, sorted by name', async () => {
      fake.setApps(3);
      const dynos = await make().listDynos('app-00002');
      assert.ok(dynos.length > 0);
      assert.deepEqual(dynos.map((dyno) => dyno.name), [...dynos.map((dyno) => dyno.name)].sort());
      for (const dyno of dynos) {
        assert.match(dyno.name, /^(web|worker)\.\d+$/);
        assert.equal(typeof dyno.releaseVersion, 'number');
        assert.ok(['up', 'crashed'].includes(dyno.state));
      }
      assert.equal(fake.requests[0].path, '/apps/app-00002/dynos');
    });

    it('names the app Heroku does not know', async () => {
      const error = await caught(make().listDynos('no-such-app'));
      assert.equal(error.kind, 'not_found');
      assert.equal(error.status, 404);
      assert.equal(error.id, 'not_found');
      assert.match(error.message, /no app named "no-such-app"/);
    });
  });

  describe('HTTP errors', () => {
    it('401: tells how to get a new token, and does not retry', async () => {
      const error = await caught(make({ token: 'not-the-token' }).getAccount());
      assert.equal(error.kind, 'unauthorized');
      assert.equal(error.status, 401);
      assert.equal(error.id, 'unauthorized');
      assert.equal(error.herokuMessage, 'Invalid credentials provided.');
      assert.equal(error.message, herokuMessages.unauthorized());
      assert.match(error.message, /Account Settings → API Key \(Reveal\).*heroku auth:token.*edit the credential/);
      assert.equal(fake.requests.length, 1);
    });

    it('403: says access was refused and quotes Heroku', async () => {
      fake.setForbidden(true);
      const error = await caught(make().listApps());
      assert.equal(error.kind, 'forbidden');
      assert.equal(error.status, 403);
      assert.match(error.message, /403 Forbidden/);
      assert.match(error.message, /You do not have access/);
      assert.equal(fake.requests.length, 1);
    });

    it('404 on an endpoint: points at the Account ID', async () => {
      fake.fault({ type: 'status', status: 404, path: '/account' });
      const error = await caught(make().getAccount());
      assert.equal(error.kind, 'not_found');
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${fake.port} has no resource at /account`));
    });

    it('406 and 416 are client errors with a clear text', async () => {
      fake.setFault({ type: 'status', status: 406 });
      const notAcceptable = await caught(make().getAccount());
      assert.equal(notAcceptable.kind, 'client_error');
      assert.match(notAcceptable.message, /406 Not Acceptable/);
      fake.setFault({ type: 'status', status: 416 });
      const range = await caught(make().listApps());
      assert.equal(range.kind, 'client_error');
      assert.match(range.message, /416/);
    });

    it('407: a proxy in between wants credentials, which go into http.proxy; not retried', async () => {
      fake.setFault({ type: 'status', status: 407 });
      const error = await caught(make().getAccount());
      assert.equal(error.kind, 'client_error');
      assert.equal(error.status, 407);
      assert.match(error.message, /A proxy between VS Code and 127\.0\.0\.1:\d+ asks for credentials .*http\.proxy setting/);
      assert.equal(fake.requests.length, 1);
    });

    it('429 then success: waits and retries', async () => {
      fake.setApps(1500);
      const limited = fake.fault({ type: 'rateLimit', times: 2, path: '/apps' });
      const apps = await make().listApps();
      assert.equal(apps.length, 1500);
      assert.equal(limited.hits, 2);
      assert.ok(logs.some((entry) => entry.level === 'warn' && /rate_limited 429; retrying/.test(entry.message)));
    });

    it('429 honours Retry-After', async () => {
      fake.fault({ type: 'rateLimit', times: 1, retryAfter: 1 });
      const started = performance.now();
      await make().getAccount();
      assert.ok(performance.now() - started >= 950, 'waited the second Heroku asked for');
    });

    it('429 with a Retry-After beyond the time budget fails at once', async () => {
      fake.fault({ type: 'rateLimit', retryAfter: 600 });
      const started = performance.now();
      const error = await caught(make().getAccount());
      assert.ok(performance.now() - started < 1_000);
      assert.equal(error.kind, 'rate_limited');
      assert.match(error.message, /wait 600 seconds/);
      assert.equal(fake.requests.length, 1);
    });

    it('429 forever: gives up after the configured attempts, quickly, with a clear error', async () => {
      const limited = fake.fault({ type: 'rateLimit' });
      const started = performance.now();
      const error = await caught(make().listApps());
      const elapsed = performance.now() - started;
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.status, 429);
      assert.equal(error.id, 'rate_limit');
      assert.equal(error.attempts, 3);
      assert.equal(error.message, herokuMessages.rateLimited());
      assert.equal(limited.hits, 3);
      assert.ok(elapsed < 1_000, `took ${Math.round(elapsed)} ms`);
    });

    it('an exhausted rate-limit budget: bounded by the total time budget too', async () => {
      fake.setRateLimit(0);
      const started = performance.now();
      const error = await caught(make({ retry: { maxAttempts: 100, baseDelayMs: 40, maxDelayMs: 80, maxTotalMs: 300 } }).getAccount());
      const elapsed = performance.now() - started;
      assert.equal(error.kind, 'rate_limited');
      assert.ok(fake.requests.length < 10, `${fake.requests.length} attempts`);
      assert.ok(elapsed < 600, `took ${Math.round(elapsed)} ms`);
    });

    it('500s then success: retries', async () => {
      fake.setApps(10);
      const failing = fake.fault({ type: 'status', status: 500, times: 2 });
      assert.equal((await make().listApps()).length, 10);
      assert.equal(failing.hits, 2);
    });

    it('500 forever: a server error naming the host, status and attempts', async () => {
      const failing = fake.fault({ type: 'status', status: 500 });
      const error = await caught(make().listApps());
      assert.equal(error.kind, 'server');
      assert.equal(error.status, 500);
      assert.equal(error.attempts, 3);
      assert.equal(failing.hits, 3);
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${fake.port} answered with HTTP 500.*3 time\\(s\\)`));
      assert.ok(error.transient);
    });

    it('a 503 HTML error page forever: a server error that says it was HTML', async () => {
      fake.fault({ type: 'html', status: 503 });
      const error = await caught(make().getAccount());
      assert.equal(error.kind, 'server');
      assert.match(error.message, /HTTP 503 and an HTML error page/);
    });

    it('a 200 HTML page (proxy or captive portal): bad_response naming host and status', async () => {
      fake.fault({ type: 'html', status: 200 });
      const error = await caught(make().listApps());
      assert.equal(error.kind, 'bad_response');
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${fake.port} answered with HTTP 200, but the response is not valid JSON \\(it is an HTML page\\)`));
      assert.equal(fake.requests.length, 1, 'not retried');
    });

    it('truncated JSON: bad_response, and the prefetched next page is aborted', async () => {
      fake.setApps(2500);
      fake.fault({ type: 'truncated', path: '/apps', times: 1 });
      const { fetchImpl, calls } = recordingFetch();
      const error = await caught(make({ fetchImpl }).listApps());
      assert.equal(error.kind, 'bad_response');
      assert.equal(error.status, 206);
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${fake.port} answered with HTTP 206, but the response is not valid JSON \\(it is cut off or malformed\\)`));
      assert.equal(calls.length, 2, 'page 2 had been requested');
      assert.equal(calls[1].signal.aborted, true, 'and was aborted');
    });

    it('a connection cut mid-body: retried like a network error', async () => {
      fake.setApps(1500);
      fake.fault({ type: 'truncated', mode: 'socket', path: '/apps', times: 1 });
      const apps = await make().listApps();
      assert.equal(apps.length, 1500);
      assert.equal(new Set(apps.map((app) => app.name)).size, 1500);
    });

    it('the wrong JSON shape: bad_response with what was wrong, not a crash', async () => {
      fake.fault({ type: 'wrongShape' });
      const apps = await caught(make().listApps());
      assert.equal(apps.kind, 'bad_response');
      assert.match(apps.message, /not with the data Provider Desk expects \(response: .*expected array/);
      const account = await caught(make().getAccount());
      assert.equal(account.kind, 'bad_response');
      fake.setFault({ type: 'wrongShape', body: [{ id: 'x', name: 42 }] });
      const field = await caught(make().listApps());
      assert.match(field.message, /\[0\]\.name/);
    });

    it('a 10 MB body: refused as too large without reading it all', async () => {
      fake.setApps(5);
      fake.fault({ type: 'huge' });
      const error = await caught(make().listApps());
      assert.equal(error.kind, 'bad_response');
      assert.match(error.message, /larger than 8 MB/);
    });
  });

  describe('network failures and timeouts', () => {
    it('a hanging server: times out after timeoutMs, not retried', async () => {
      fake.fault({ type: 'hang' });
      const started = performance.now();
      const error = await caught(make({ timeoutMs: 200 }).getAccount());
      const elapsed = performance.now() - started;
      assert.equal(error.kind, 'timeout');
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${fake.port} did not answer within 0\\.2 seconds`));
      assert.ok(elapsed >= 190 && elapsed < 1_500, `took ${Math.round(elapsed)} ms`);
      await fake.whenIdle();
      assert.equal(fake.requests.length, 1);
      assert.equal(fake.requests[0].clientAborted, true);
    });

    it('a reset connection: retried, then success', async () => {
      fake.fault({ type: 'reset', times: 1 });
      const account = await make().getAccount();
      assert.equal(account.email, 'dev@example.com');
      assert.equal(fake.requests.length, 2);
    });

    it('resets forever: a network error naming the host', async () => {
      fake.fault({ type: 'reset' });
      const error = await caught(make().getAccount());
      assert.equal(error.kind, 'network');
      assert.equal(error.attempts, 3);
      assert.match(error.message, new RegExp(`Could not talk to 127\\.0\\.0\\.1:${fake.port} \\(`));
    });

    it('connection refused: names the host', async () => {
      const server = http.createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const error = await caught(make({ baseUrl: `http://127.0.0.1:${port}` }).getAccount());
      assert.equal(error.kind, 'network');
      assert.equal(error.code, 'ECONNREFUSED');
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port} refused the connection`));
    });

    it('DNS and TLS failures name the Account ID host and are not retried', async () => {
      let calls = 0;
      const failWith = (code: string): FetchLike => async () => {
        calls++;
        throw Object.assign(new Error(`request to https://api.example.test/account failed, reason: ${code} Bearer ${token}`), { code });
      };
      const dns = await caught(make({ baseUrl: 'https://api.example.test', fetchImpl: failWith('ENOTFOUND') }).getAccount());
      assert.equal(dns.kind, 'network');
      assert.match(dns.message, /The host api\.example\.test could not be found \(DNS lookup failed\)/);
      const tls = await caught(make({ baseUrl: 'https://api.example.test', fetchImpl: failWith('CERT_HAS_EXPIRED') }).getAccount());
      assert.equal(tls.kind, 'network');
      assert.match(tls.message, /secure \(TLS\) connection to api\.example\.test failed \(CERT_HAS_EXPIRED\)/);
      assert.equal(calls, 2);
    });

    it("a proxy VS Code's proxy agent could not reach: names the proxy without its credentials, after the retries", async () => {
      let calls = 0;
      const fetchImpl: FetchLike = async () => {
        calls++;
        throw new Error(`request to https://api.example.test/account failed, reason: Failed to establish a socket connection to proxies: PROXY <credentials>@proxy.corp.test:3128; HTTPS ${token}@127.0.0.1:9`);
      };
      const error = await caught(make({ baseUrl: 'https://api.example.test', fetchImpl }).getAccount());
      assert.equal(error.kind, 'network');
      assert.equal(calls, 3);
      assert.equal(error.message, herokuMessages.proxyUnreachable('api.example.test', 'proxy.corp.test:3128, 127.0.0.1:9'));
      assert.ok(!error.message.includes(token));
    });
  });

  describe('cancellation', () => {
    it('an already aborted signal rejects at once, without a request', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await caught(make().listApps({ signal: controller.signal }));
      assert.equal(error.kind, 'cancelled');
      assert.ok(isHerokuCancellation(error));
      assert.equal(fake.requests.length, 0);
    });

    it('aborting after the first page: rejects as cancelled, aborts the prefetch, sends nothing more', async () => {
      fake.setApps(5000);
      // Page 2 never answers, so it is certainly in flight when page 1 is handed over.
      fake.fault({ type: 'hang', path: '/apps', skip: 1 });
      const controller = new AbortController();
      const { fetchImpl, calls } = recordingFetch();
      const pages: number[] = [];
      const error = await caught(make({ fetchImpl }).listApps({
        signal: controller.signal,
        onPage: (_items, progress) => {
          pages.push(progress.pages);
          controller.abort();
        },
      }));
      assert.equal(error.kind, 'cancelled');
      assert.deepEqual(pages, [1]);
      assert.equal(calls.length, 2, 'the first page and the one in flight');
      assert.equal(calls[1].signal.aborted, true, 'the in-flight prefetch was aborted');
      // Let everything settle, make one more round trip, and check nothing else reached the server.
      await fake.whenIdle();
      const settled = appRequests();
      assert.ok(settled >= 1 && settled <= 2, `${settled} page requests reached the server`);
      assert.ok(fake.requests.filter((request) => request.path === '/apps').slice(1).every((request) => request.clientAborted));
      await make().getAccount();
      await fake.whenIdle();
      assert.equal(appRequests(), settled);
      assert.equal(calls.length, 2);
    });

    it('aborting during a retry backoff rejects promptly', async () => {
      fake.fault({ type: 'status', status: 503 });
      const controller = new AbortController();
      const started = performance.now();
      const pending = caught(make({ retry: { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 10_000, maxTotalMs: 60_000 } }).getAccount({ signal: controller.signal }));
      await fake.waitForRequests(1, (request) => request.status === 503);
      controller.abort();
      const error = await pending;
      assert.equal(error.kind, 'cancelled');
      assert.ok(performance.now() - started < 2_000);
      assert.equal(fake.requests.length, 1);
    });

    it('aborting a request in flight rejects promptly and closes the connection', async () => {
      fake.fault({ type: 'hang' });
      const controller = new AbortController();
      const pending = caught(make().getAccount({ signal: controller.signal }));
      await fake.waitForRequests(1);
      controller.abort();
      const error = await pending;
      assert.equal(error.kind, 'cancelled');
      await fake.whenIdle();
      assert.equal(fake.requests[0].clientAborted, true);
    });
  });

  describe('redirects', () => {
    it('refuses a redirect to another origin and never sends it the token', async () => {
      for (const status of [302, 307] as const) {
        fake.setFault({ type: 'redirect', status });
        const error = await caught(make().listApps());
        assert.equal(error.kind, 'redirect');
        assert.equal(error.status, status);
        assert.match(error.message, new RegExp(`redirected the request to ${fake.otherOrigin.url.replace('http://', '').replace(/\./g, '\\.')}, a different server`));
        assert.ok(!error.message.includes(token));
      }
      assert.equal(fake.otherOrigin.requests.length, 0, 'nothing reached the other origin');
      assert.ok(fake.otherOrigin.requests.every((request) => !request.authorization));
    });

    it('follows a same-origin redirect, with the token', async () => {
      fake.setApps(3);
      fake.fault({ type: 'redirect', status: 307, to: 'same-origin', times: 1 });
      const apps = await make().listApps();
      assert.equal(apps.length, 3);
      assert.equal(fake.requests.length, 2);
      assert.ok(fake.requests.every((request) => request.authorization === `Bearer ${token}`));
    });

    it('stops after a few same-origin redirects', async () => {
      fake.fault({ type: 'redirect', status: 302, to: 'same-origin' });
      const error = await caught(make().getAccount());
      assert.equal(error.kind, 'redirect');
      assert.match(error.message, /redirected the request too many times/);
      assert.equal(fake.requests.length, 4);
    });
  });

  describe('the token never leaks', () => {
    it('appears in no error message, stack, JSON or inspection, even when Heroku echoes it', async () => {
      const base64 = Buffer.from(`:${token}`).toString('base64');
      const scenarios: [string, () => Promise<unknown>][] = [
        ['401 echoing Authorization', async () => {
          fake.setFault({ type: 'status', status: 401, echoAuthorization: true });
          return make().getAccount();
        }],
        ['403 echoing Authorization', async () => {
          fake.setFault({ type: 'status', status: 403, echoAuthorization: true });
          return make().listApps();
        }],
        ['422 echoing the bare token', async () => {
          fake.setFault({ type: 'status', status: 422, message: `token ${token} and basic ${base64} rejected` });
          return make().getAccount();
        }],
        ['500 echoing Authorization', async () => {
          fake.setFault({ type: 'status', status: 500, echoAuthorization: true });
          return make().getAccount();
        }],
        ['wrong shape echoing the token', async () => {
          fake.setFault({ type: 'wrongShape', body: { [token]: true } });
          return make().getAccount();
        }],
        ['HTML', async () => {
          fake.setFault({ type: 'html', status: 200 });
          return make().getAccount();
        }],
        ['timeout', async () => {
          fake.setFault({ type: 'hang' });
          return make({ timeoutMs: 100 }).getAccount();
        }],
        ['redirect', async () => {
          fake.setFault({ type: 'redirect' });
          return make().getAccount();
        }],
        ['network error text with the token', async () => make({
          fetchImpl: async () => { throw new Error(`socket closed while sending Authorization: Bearer ${token}`); },
        }).getAccount()],
        ['cancelled', async () => {
          fake.clearFaults();
          const controller = new AbortController();
          controller.abort();
          return make().getAccount({ signal: controller.signal });
        }],
      ];
      for (const [name, run] of scenarios) {
        const error = await caught(run());
        for (const [what, text] of [
          ['message', error.message], ['stack', error.stack ?? ''], ['JSON', JSON.stringify(error)], ['String', String(error)],
          ['inspect', inspect(error, { depth: 5, showHidden: true })], ['herokuMessage', error.herokuMessage ?? ''],
        ] as const) {
          assert.ok(!text.includes(token), `${name}: token in ${what}: ${text}`);
          assert.ok(!text.includes(base64), `${name}: base64 token in ${what}`);
        }
      }
    });

    it('redactSecrets masks the token in its encodings and credential-shaped text', () => {
      const text = `a ${token} b ${encodeURIComponent(token)} c ${Buffer.from(`:${token}`).toString('base64')} Authorization: Bearer xyz123456789 HRKU-abcdefgh123`;
      const redacted = redactSecrets(text, [token]);
      assert.ok(!redacted.includes(token));
      assert.ok(!redacted.includes('xyz123456789'));
      assert.ok(!redacted.includes('abcdefgh123'));
      assert.match(redacted, /Authorization: Bearer «redacted»/);
    });
  });

  describe('configuration', () => {
    it('takes the API origin the Account ID parser made of an Account ID', () => {
      for (const [accountId, href] of [['api.heroku.com', 'https://api.heroku.com/'], [' https://api.heroku.com ', 'https://api.heroku.com/'],
        ['http://127.0.0.1:5000', 'http://127.0.0.1:5000/'], ['http://[::1]:5000/', 'http://[::1]:5000/']]) {
        const account = parseAccountId(accountId);
        assert.ok(account.ok, accountId);
        assert.equal(make({ baseUrl: account.baseUrl }).baseUrl, href);
      }
    });

    it('refuses an Account ID with a path, in the parser and in the client alike', () => {
      const withPath = 'http://localhost:5000/prefix';
      const account = parseAccountId(withPath);
      assert.ok(!account.ok && account.problem.code === 'accountIdPath');
      assert.throws(() => make({ baseUrl: withPath }), (error: unknown) => error instanceof HerokuApiError && error.kind === 'configuration');
    });

    it('refuses anything but an origin, such as a raw Account ID, without repeating it', () => {
      for (const bad of ['', 'api.heroku.com', 'not a host', 'ftp://api.heroku.com', 'https://user:pw@api.heroku.com', 'https://api.heroku.com/?x=1',
        'https://API.heroku.com', 'https://api.heroku.com:443']) {
        assert.throws(() => make({ baseUrl: bad }), (error: unknown) => error instanceof HerokuApiError && error.kind === 'configuration'
          && error.message === herokuMessages.invalidBaseUrl(), bad);
      }
    });

    it('refuses an empty token or one with spaces or line breaks, without echoing it', () => {
      assert.throws(() => make({ token: '  ' }), /The API token is empty/);
      assert.throws(() => make({ token: 'abc def' }), (error: unknown) =>
        error instanceof HerokuApiError && error.kind === 'configuration' && !error.message.includes('abc def'));
    });
  });
});
