// Proves the fake Heroku API is faithful enough with a client nobody here wrote: Heroku's own npm `heroku-client`
// (Basic auth with the token as password, `Range: id ..; max=1000`, follows Next-Range until it is absent). Plus the
// fault switches the Provider Desk client tests rely on, checked over plain HTTP.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { parseRange, startFakeHeroku, type FakeHeroku, type NextRangeSkew } from '../../scripts/demoHeroku';
import { Heroku, rejection, type HerokuClient, type HerokuClientOptions } from './herokuClientPackage';

interface AppJson {
  id: string;
  name: string;
  region: { id: string; name: string };
  stack: { id: string; name: string };
  build_stack: { id: string; name: string };
  owner: { id: string; email: string };
  created_at: string;
  updated_at: string;
  released_at: string;
  web_url: string;
  git_url: string;
  team: null;
  space: null;
  organization: null;
  maintenance: boolean;
  archived_at: null;
  acm: boolean;
  internal_routing: null;
  repo_size: null;
  slug_size: number;
  buildpack_provided_description: string | null;
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const versioned = { Accept: 'application/vnd.heroku+json; version=3' };

describe('fake Heroku API, seen through heroku-client', () => {
  let fake: FakeHeroku;

  before(async () => {
    fake = await startFakeHeroku({ apps: 0, email: 'owner@example.com' });
  });

  after(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.reset();
  });

  const client = (options: Partial<HerokuClientOptions> = {}): HerokuClient =>
    new Heroku({ token: fake.token, host: fake.url, ...options });

  for (const count of [0, 1, 200, 1000, 1001, 2500]) {
    it(`lists exactly all ${count} apps with heroku-client's default pagination (id order, each once)`, async () => {
      fake.setApps(count);
      const apps = await client().get<AppJson[]>('/apps');
      const ids = apps.map((app) => app.id);
      assert.equal(apps.length, count);
      assert.equal(new Set(ids).size, count, 'every app once');
      assert.deepEqual(ids, sorted(fake.apps().map((app) => app.id)), 'ascending by id, like Range: id ..');
      // heroku-client sends `id ..; max=1000`, then each Next-Range; a page per 1,000 apps (one when there are none).
      const ranges = fake.requests.map((request) => request.range);
      assert.equal(ranges.length, Math.max(1, Math.ceil(count / 1000)));
      assert.equal(ranges[0], 'id ..; max=1000');
      for (const [index, range] of ranges.slice(1).entries()) {
        assert.equal(range, `id ]${ids[(index + 1) * 1000 - 1]}..; max=1000`);
      }
      assert.ok(fake.requests.every((request) => request.authorization?.startsWith('Basic ')), 'heroku-client authenticates with Basic');
    });
  }

  it('pages by name with the Range a caller passes, following Next-Range to the end', async () => {
    fake.setApps(1001);
    const apps = await client().get<AppJson[]>('/apps', { headers: { Range: 'name ..; max=200' } });
    assert.deepEqual(apps.map((app) => app.name), fake.apps().map((app) => app.name));
    assert.deepEqual(fake.requests.map((request) => request.range), [
      'name ..; max=200',
      'name ]app-00200..; max=200',
      'name ]app-00400..; max=200',
      'name ]app-00600..; max=200',
      'name ]app-00800..; max=200',
      'name ]app-01000..; max=200',
    ]);
  });

  it('pages in descending order with order=desc', async () => {
    fake.setApps(1001);
    const apps = await client().get<AppJson[]>('/apps', { headers: { Range: 'name ..; max=300, order=desc' } });
    assert.deepEqual(apps.map((app) => app.name), fake.apps().map((app) => app.name).reverse());
    assert.equal(fake.requests[1].range, 'name ]app-00702..; max=300, order=desc');
  });

  it('returns only the first page with partial: true (206, default page size 200 without max)', async () => {
    fake.setApps(450);
    const partial = await client({ partial: true }).get<AppJson[]>('/apps', { headers: { Range: 'name ..' } });
    assert.equal(partial.length, 200);
    assert.equal(partial[199].name, 'app-00200');
    assert.equal(fake.requests.length, 1);
  });

  it('serves realistic app JSON with the real field set', async () => {
    fake.setApps(3);
    const [app] = await client().get<AppJson[]>('/apps', { headers: { Range: 'name ..' } });
    assert.equal(app.name, 'app-00001');
    assert.match(app.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(['us', 'eu'].includes(app.region.name));
    assert.ok(['heroku-22', 'heroku-24'].includes(app.stack.name));
    assert.ok(['heroku-22', 'heroku-24'].includes(app.build_stack.name));
    assert.equal(app.owner.email, 'owner@example.com');
    assert.match(app.updated_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.match(app.web_url, /^https:\/\/app-00001-[0-9a-f]{12}\.herokuapp\.com\/$/);
    assert.equal(app.git_url, 'https://git.heroku.com/app-00001.git');
    for (const key of ['team', 'space', 'organization', 'archived_at', 'internal_routing', 'repo_size'] as const) assert.equal(app[key], null, key);
    assert.equal(typeof app.maintenance, 'boolean');
    assert.equal(typeof app.acm, 'boolean');
    assert.equal(typeof app.slug_size, 'number');
    assert.ok(Date.parse(app.created_at) <= Date.parse(app.released_at) && Date.parse(app.released_at) <= Date.parse(app.updated_at));
  });

  it('varies regions and stacks deterministically', async () => {
    fake.setApps(12);
    const first = fake.apps();
    fake.setApps(12);
    assert.deepEqual(fake.apps(), first);
    assert.deepEqual(new Set(first.map((app) => app.region)), new Set(['us', 'eu']));
    assert.deepEqual(new Set(first.map((app) => app.stack)), new Set(['heroku-22', 'heroku-24']));
  });

  it('answers /account, /apps/{name or id} and /apps/{app}/dynos', async () => {
    fake.setApps(4);
    const account = await client().get<Record<string, unknown>>('/account');
    assert.equal(account.email, 'owner@example.com');
    for (const key of ['id', 'name', 'two_factor_authentication', 'last_login', 'created_at', 'updated_at', 'verified']) assert.ok(key in account, key);
    const target = fake.apps()[1];
    const byName = await client().get<AppJson>(`/apps/${target.name}`);
    const byId = await client().get<AppJson>(`/apps/${target.id}`);
    assert.equal(byName.id, target.id);
    assert.deepEqual(byId, byName);
    const dynos = await client().get<{ id: string; name: string; type: string; size: string; state: string; command: string; release: { version: number }; app: { name: string } }[]>(`/apps/${target.name}/dynos`);
    assert.ok(dynos.length > 0);
    for (const dyno of dynos) {
      assert.equal(dyno.app.name, target.name);
      assert.match(dyno.name, /^(web|worker)\.\d+$/);
      assert.equal(typeof dyno.release.version, 'number');
      for (const key of ['id', 'type', 'size', 'state', 'command']) assert.equal(typeof (dyno as Record<string, unknown>)[key], 'string', key);
    }
  });

  it('404s an unknown app and an unknown endpoint with Heroku error bodies', async () => {
    const app = await rejection(client().get('/apps/no-such-app'));
    assert.equal(app.statusCode, 404);
    assert.deepEqual(app.body, { id: 'not_found', message: 'Couldn\'t find that app.', resource: 'app' });
    const dynos = await rejection(client().get('/apps/no-such-app/dynos'));
    assert.equal(dynos.statusCode, 404);
    const endpoint = await rejection(client().get('/nothing-here'));
    assert.equal(endpoint.statusCode, 404);
    assert.equal((endpoint.body as { id: string }).id, 'not_found');
  });

  it('406s a request without the versioned Accept header', async () => {
    const error = await rejection(client({ headers: { Accept: 'application/json' } }).get('/account'));
    assert.equal(error.statusCode, 406);
    assert.equal((error.body as { id: string }).id, 'not_acceptable');
    const raw = await fetch(`${fake.url}/account`, { headers: { Authorization: `Bearer ${fake.token}` } });
    assert.equal(raw.status, 406);
  });

  it('401s a wrong token, Basic or Bearer, and accepts the right Bearer token', async () => {
    const basic = await rejection(new Heroku({ token: 'not-the-token', host: fake.url }).get('/account'));
    assert.equal(basic.statusCode, 401);
    assert.deepEqual(basic.body, { id: 'unauthorized', message: 'Invalid credentials provided.' });
    const bearer = await rejection(client({ headers: { Authorization: 'Bearer not-the-token' } }).get('/account'));
    assert.equal(bearer.statusCode, 401);
    const missing = await fetch(`${fake.url}/account`, { headers: versioned });
    assert.equal(missing.status, 401);
    const account = await client({ headers: { Authorization: `Bearer ${fake.token}` } }).get<{ email: string }>('/account');
    assert.equal(account.email, 'owner@example.com');
    assert.equal(fake.requests.at(-1)?.authorization, `Bearer ${fake.token}`);
  });

  for (const range of ['bogus', 'nope ..', 'name ..; max=1001', 'name ..; max=0', 'name ..; order=sideways', 'name ..; colour=blue']) {
    it(`416s the invalid Range "${range}"`, async () => {
      fake.setApps(3);
      const error = await rejection(client().get('/apps', { headers: { Range: range } }));
      assert.equal(error.statusCode, 416);
      assert.equal((error.body as { id: string }).id, 'requested_range_not_satisfiable');
    });
  }

  it('sends RateLimit-Remaining on every response and counts it down', async () => {
    const seen: string[] = [];
    const recording = client({ middleware: (response, next) => { seen.push(String(response.headers['ratelimit-remaining'])); next(); } });
    await recording.get('/account');
    await recording.get('/account');
    await rejection(new Heroku({ token: 'wrong', host: fake.url, middleware: (response, next) => { seen.push(String(response.headers['ratelimit-remaining'])); next(); } }).get('/account'));
    assert.deepEqual(seen, ['4499', '4498', '4498']);
  });

  it('429s once the rate-limit budget is exhausted', async () => {
    fake.setRateLimit(2);
    await client().get('/account');
    await client().get('/account');
    const error = await rejection(client().get('/account'));
    assert.equal(error.statusCode, 429);
    assert.equal((error.body as { id: string }).id, 'rate_limit');
    assert.equal(fake.rateLimitRemaining, 0);
  });

  it('403s every authenticated request while forbidden is on', async () => {
    fake.setForbidden(true);
    const error = await rejection(client().get('/apps'));
    assert.equal(error.statusCode, 403);
    assert.equal((error.body as { id: string }).id, 'forbidden');
  });
});

describe('fake Heroku API fault switches', () => {
  let fake: FakeHeroku;
  const headers = (): Record<string, string> => ({ ...versioned, Authorization: `Bearer ${fake.token}` });

  before(async () => {
    fake = await startFakeHeroku({ apps: 1500 });
  });

  after(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.clearFaults();
    fake.clearRequests();
    fake.setLatency(0);
  });

  it('injects a status for the next K requests, then answers normally', async () => {
    const handle = fake.fault({ type: 'status', status: 503, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${fake.url}/account`, { headers: headers() })).status);
    assert.deepEqual(statuses, [503, 503, 200]);
    assert.equal(handle.hits, 2);
    assert.equal(handle.remaining, 0);
  });

  it('skips, scopes faults to a path, and echoes Authorization only when asked', async () => {
    fake.fault({ type: 'status', status: 500, path: '/apps', skip: 1, times: 1 });
    fake.fault({ type: 'status', status: 400, path: /^\/account$/, echoAuthorization: true, times: 1 });
    assert.equal((await fetch(`${fake.url}/apps`, { headers: headers() })).status, 206);
    assert.equal((await fetch(`${fake.url}/apps`, { headers: headers() })).status, 500);
    const echoed = await fetch(`${fake.url}/account`, { headers: headers() });
    assert.equal(echoed.status, 400);
    assert.match(((await echoed.json()) as { message: string }).message, new RegExp(fake.token));
  });

  it('serves an HTML error page, truncated JSON and a wrong JSON shape', async () => {
    fake.setFault({ type: 'html', times: 1 });
    const html = await fetch(`${fake.url}/apps`, { headers: headers() });
    assert.equal(html.status, 503);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await html.text(), /<html>/);

    fake.setFault({ type: 'truncated', times: 1 });
    const truncated = await fetch(`${fake.url}/apps`, { headers: headers() });
    assert.equal(truncated.status, 206);
    assert.ok(truncated.headers.get('next-range'), 'headers of the real answer');
    const text = await truncated.text();
    assert.equal(Number(truncated.headers.get('content-length')), Buffer.byteLength(text));
    assert.throws(() => JSON.parse(text));

    fake.setFault({ type: 'wrongShape', times: 1 });
    const wrong = await fetch(`${fake.url}/apps`, { headers: headers() });
    const body = (await wrong.json()) as unknown;
    assert.ok(!Array.isArray(body));
  });

  it('serves a huge (10 MB) body that is still valid JSON', async () => {
    fake.setFault({ type: 'huge', times: 1 });
    const response = await fetch(`${fake.url}/apps`, { headers: headers() });
    const text = await response.text();
    assert.ok(text.length >= 10 * 1024 * 1024);
    assert.ok(Array.isArray(JSON.parse(text)));
  });

  it('resets the connection, and cuts a body off mid-way with mode socket', async () => {
    fake.setFault({ type: 'reset', times: 1 });
    await assert.rejects(fetch(`${fake.url}/account`, { headers: headers() }));
    fake.setFault({ type: 'truncated', mode: 'socket', times: 1 });
    const response = await fetch(`${fake.url}/apps`, { headers: headers() });
    await assert.rejects(response.text());
    assert.deepEqual(fake.requests.map((request) => request.outcome), ['reset', 'reset']);
  });

  it('redirects to the other origin, which records what reached it', async () => {
    fake.setFault({ type: 'redirect', status: 307, times: 1 });
    const response = await fetch(`${fake.url}/apps?x=1`, { headers: headers(), redirect: 'manual' });
    assert.equal(response.status, 307);
    assert.equal(response.headers.get('location'), `${fake.otherOrigin.url}/apps?x=1`);
    await fetch(response.headers.get('location')!, { headers: { 'X-Probe': 'yes' } });
    assert.equal(fake.otherOrigin.requests.length, 1);
    assert.equal(fake.otherOrigin.requests[0].headers['x-probe'], 'yes');
  });

  it('bends a Next-Range so that it does not move forward, and leaves the page and the last page alone', async () => {
    const expected: Record<NextRangeSkew, string> = {
      repeat: 'name ]app-00100..; max=100',
      respaced: 'name   ]app-00100 ..  ;max=99',
      restart: 'name ..; max=100',
      backwards: 'name app-00101..; max=100',
      inclusiveLast: 'name app-00200..; max=100',
      otherField: 'id ]app-00200..; max=100',
      descending: 'name ]app-00200..; max=100, order=desc',
      garbage: 'next page please',
    };
    for (const [skew, nextRange] of Object.entries(expected) as [NextRangeSkew, string][]) {
      fake.setFault({ type: 'nextRange', skew });
      const response = await fetch(`${fake.url}/apps`, { headers: { ...headers(), Range: 'name ]app-00100..; max=100' } });
      assert.equal(response.status, 206, skew);
      assert.equal(response.headers.get('next-range'), nextRange, skew);
      const names = ((await response.json()) as { name: string }[]).map((app) => app.name);
      assert.deepEqual([names.length, names[0], names[99]], [100, 'app-00101', 'app-00200'], skew);
    }
    assert.deepEqual(parseRange(expected.respaced), parseRange('name ]app-00100..; max=99'), 'respaced is the same range');
    fake.setFault({ type: 'nextRange', skew: 'repeat' });
    const last = await fetch(`${fake.url}/apps`, { headers: { ...headers(), Range: 'name ]app-01400..; max=100' } });
    assert.deepEqual([last.status, last.headers.get('next-range')], [200, null], 'the last page has no Next-Range to bend');
  });

  it('delays every response by the configured latency', async () => {
    fake.setLatency(40);
    const started = performance.now();
    await fetch(`${fake.url}/account`, { headers: headers() });
    assert.ok(performance.now() - started >= 39);
  });

  it('hangs until the client gives up, records that, and close() ends hanging sockets', async () => {
    const own = await startFakeHeroku();
    own.setFault({ type: 'hang' });
    const failed = new Promise<Error>((resolve) => {
      http.get(`${own.url}/account`, { headers: { ...versioned, Authorization: `Bearer ${own.token}` } }).on('error', resolve);
    });
    const [request] = await own.waitForRequests(1);
    assert.equal(request.outcome, 'hung');
    await own.close();
    const error = await failed;
    assert.match(String((error as NodeJS.ErrnoException).code ?? error.message), /ECONNRESET|socket hang up/);
  });

  it('records a client abort, and whenIdle() waits for it', async () => {
    fake.setFault({ type: 'hang', times: 1 });
    const controller = new AbortController();
    const pending = fetch(`${fake.url}/account`, { headers: headers(), signal: controller.signal }).catch((error: unknown) => error);
    await fake.waitForRequests(1);
    controller.abort();
    await pending;
    await fake.whenIdle();
    assert.equal(fake.requests[0].clientAborted, true);
  });
});

describe('fake Heroku Range parsing', () => {
  it('parses Heroku range forms', () => {
    assert.deepEqual(parseRange('name ..'), { field: 'name', start: undefined, startExclusive: false, end: undefined, endExclusive: false, max: 200, desc: false });
    assert.deepEqual(parseRange('name ]app-00200..; max=1000'), { field: 'name', start: 'app-00200', startExclusive: true, end: undefined, endExclusive: false, max: 1000, desc: false });
    assert.deepEqual(parseRange('id [a..b; order=desc, max=5'), { field: 'id', start: 'a', startExclusive: false, end: 'b', endExclusive: false, max: 5, desc: true });
    assert.deepEqual(parseRange('name ..z[; max=10;'), { field: 'name', start: undefined, startExclusive: false, end: 'z', endExclusive: true, max: 10, desc: false });
    assert.equal(parseRange('name'), undefined);
    assert.equal(parseRange('name ..; max=1001'), undefined);
  });
});
