// The Heroku client's reads of one app (info, formation, releases, add-ons, config var names) against the fake
// Heroku API over real HTTP: the fields each keeps, the Range of "the last N releases", 404 for an unknown app, and
// that no config var value survives parsing.
import * as assert from 'node:assert/strict';
import { createHerokuClient, herokuMessages, type HerokuClient, type HerokuLogEntry } from '../../src/heroku';
import { redactSecrets } from '../../src/model/redact';
import { caught } from './herokuAssertions';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';

const token = 'tok_app_reads_7c6d5e4f3a2b1c0d';

describe('Heroku client: reads of one app', () => {
  let fake: FakeHeroku;
  let client: HerokuClient;
  const logs: HerokuLogEntry[] = [];

  before(async () => {
    fake = await startFakeHeroku({ apps: 50, token });
    client = createHerokuClient({
      baseUrl: fake.url, token, userAgent: 'ProviderDesk/test', redact: redactSecrets, onLog: (entry) => logs.push(entry),
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10, maxTotalMs: 1_000 },
    });
  });
  after(async () => fake.close());
  beforeEach(() => {
    fake.reset();
    logs.length = 0;
  });

  it('getApp: owner, region, stack, build stack, web URL, maintenance, by name or id', async () => {
    for (const name of ['app-00007', 'app-00050']) {
      const app = await client.getApp(name);
      const expected = fake.appInfo(name);
      assert.deepEqual(
        { name: app.name, ownerEmail: app.ownerEmail, region: app.region, stack: app.stack, buildStack: app.buildStack, webUrl: app.webUrl, maintenance: app.maintenance, releasedAt: app.releasedAt },
        expected);
      assert.equal(app.team, null);
      assert.deepEqual(await client.getApp(app.id), app);
    }
  });

  it('listFormation: every process type with its quantity, size and command, sorted by type', async () => {
    const formation = await client.listFormation('app-00003');
    assert.deepEqual(formation.map(({ type, quantity, size, command }) => ({ type, quantity, size, command })), fake.formation('app-00003'));
    assert.equal(formation.reduce((sum, process) => sum + process.quantity, 0), fake.dynos('app-00003').length);
  });

  it('listReleases: the newest N in one request with order=desc, newest first', async () => {
    const all = fake.releases('app-00004');
    const releases = await client.listReleases('app-00004', { limit: 3 });
    assert.deepEqual(releases.map(({ version, description, userEmail, status, createdAt, current }) => ({ version, description, status, createdAt, current, userEmail })), all.slice(0, 3));
    assert.deepEqual(fake.requests.map((request) => request.range), ['version ..; max=3, order=desc']);
    assert.equal((await client.listReleases('app-00004')).length, 10, 'the default is 10');
    assert.equal((await client.listReleases('app-00001', { limit: 1000 })).length, fake.releases('app-00001').length);
    await client.listReleases('app-00004', { limit: 0 });
    await client.listReleases('app-00004', { limit: 5000 });
    assert.deepEqual(fake.requests.slice(-2).map((request) => request.range), ['version ..; max=1, order=desc', 'version ..; max=1000, order=desc']);
  });

  it('listAddons: name, service, plan, state and billed price, sorted by name', async () => {
    assert.deepEqual(await client.listAddons('app-00001'), []);
    const addons = await client.listAddons('app-00030');
    assert.deepEqual(addons.map(({ name, service, plan, state, priceCents, priceUnit }) => ({ name, service, plan, state, priceCents, priceUnit })), fake.addons('app-00030'));
  });

  it('getConfigVarNames: the names, sorted; no value survives in the result or the log', async () => {
    const vars = fake.configVars('app-00030');
    const names = await client.getConfigVarNames('app-00030');
    assert.deepEqual(names, Object.keys(vars).sort());
    const kept = JSON.stringify({ names, logs });
    for (const value of Object.values(vars).filter((value) => value.includes('fakevalue'))) assert.ok(!kept.includes(value), 'a value was kept');
  });

  it('getConfigVarNames takes any JSON value (unset vars are null) and quotes no value when the shape is wrong', async () => {
    fake.fault({ type: 'wrongShape', path: '/apps/app-00002/config-vars', body: { B_VAR: null, A_VAR: 42, C_VAR: 'x' }, times: 1 });
    assert.deepEqual(await client.getConfigVarNames('app-00002'), ['A_VAR', 'B_VAR', 'C_VAR']);
    fake.fault({ type: 'wrongShape', path: '/apps/app-00002/config-vars', body: ['fakevalue-in-a-list'], times: 1 });
    const error = await caught(client.getConfigVarNames('app-00002'));
    assert.equal(error.kind, 'bad_response');
    assert.ok(!JSON.stringify(error).includes('fakevalue'), error.message);
  });

  it('an app that does not exist: not_found with a message that names it, from every read', async () => {
    const reads = [
      () => client.getApp('no-such-app'), () => client.listFormation('no-such-app'), () => client.listReleases('no-such-app'),
      () => client.listAddons('no-such-app'), () => client.getConfigVarNames('no-such-app'),
    ];
    for (const read of reads) {
      const error = await caught(read());
      assert.equal(error.kind, 'not_found');
      assert.equal(error.message, herokuMessages.notFoundApp('no-such-app'));
    }
  });

  it('an app name is one path segment, whatever it contains', async () => {
    const error = await caught(client.getApp('../account'));
    assert.equal(error.kind, 'not_found');
    assert.deepEqual(fake.requests.map((request) => request.path), ['/apps/..%2Faccount']);
  });

  it('a cancelled read sends nothing, and one cancelled in flight ends as cancelled', async () => {
    const aborted = new AbortController();
    aborted.abort();
    assert.equal((await caught(client.getApp('app-00001', { signal: aborted.signal }))).kind, 'cancelled');
    assert.deepEqual(fake.requests, []);
    fake.setFault({ type: 'hang' });
    const controller = new AbortController();
    const pending = client.listReleases('app-00001', { signal: controller.signal });
    await fake.waitForRequests(1);
    controller.abort();
    assert.equal((await caught(pending)).kind, 'cancelled');
  });
});
