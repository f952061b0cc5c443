// The fake Heroku API's per-app endpoints (app info, formation, releases, add-ons, config vars), checked with Heroku's
// own `heroku-client`: the Platform API's field sets, Range pagination over releases by version (numbers, not text),
// and Heroku's 404 body for an app that does not exist.
import * as assert from 'node:assert/strict';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { Heroku, rejection, type HerokuClient } from './herokuClientPackage';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const isoSeconds = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const versioned = { Accept: 'application/vnd.heroku+json; version=3' };

interface FormationJson {
  app: { id: string; name: string };
  command: string;
  created_at: string;
  dyno_size: { id: string; name: string };
  id: string;
  quantity: number;
  size: string;
  type: string;
  updated_at: string;
}

interface ReleaseJson {
  addon_plan_names: string[];
  app: { id: string; name: string };
  created_at: string;
  current: boolean;
  description: string;
  id: string;
  status: string;
  updated_at: string;
  user: { email: string; id: string };
  version: number;
}

interface AddonJson {
  addon_service: { id: string; name: string };
  app: { id: string; name: string };
  billed_price: { cents: number; contract: boolean; unit: string };
  config_vars: string[];
  created_at: string;
  id: string;
  name: string;
  plan: { id: string; name: string };
  state: string;
  updated_at: string;
}

/** The keys of `value`, sorted, for comparing field sets. */
const keysOf = (value: object): string[] => Object.keys(value).sort();

describe('fake Heroku API per-app endpoints, seen through heroku-client', () => {
  let fake: FakeHeroku;
  let client: HerokuClient;

  before(async () => {
    fake = await startFakeHeroku({ apps: 50, email: 'owner@example.com' });
    client = new Heroku({ token: fake.token, host: fake.url });
  });
  after(async () => fake.close());
  beforeEach(() => fake.reset());

  it('GET /apps/{name or id}: owner, region, stack, build stack, web URL, maintenance, times', async () => {
    for (const { name, id } of fake.apps()) {
      const app = await client.get<Record<string, unknown>>(`/apps/${name}`);
      const expected = fake.appInfo(name);
      assert.deepEqual(app.owner, { email: 'owner@example.com', id: (await client.get<{ id: string }>('/account')).id });
      assert.deepEqual([(app.region as { name: string }).name, (app.stack as { name: string }).name, (app.build_stack as { name: string }).name, app.web_url, app.maintenance],
        [expected.region, expected.stack, expected.buildStack, expected.webUrl, expected.maintenance]);
      for (const key of ['created_at', 'updated_at', 'released_at']) assert.match(app[key] as string, isoSeconds, key);
      assert.deepEqual(await client.get(`/apps/${id}`), app);
    }
    assert.ok(fake.apps().some(({ name }) => fake.appInfo(name).maintenance), 'no app in maintenance');
    assert.ok(fake.apps().some(({ name }) => fake.appInfo(name).buildStack !== fake.appInfo(name).stack), 'no app changing stack');
  });

  it('GET /apps/{app}/formation: a web and a worker process type, scaled like the app\'s dynos', async () => {
    for (const { name, id } of fake.apps()) {
      const formation = await client.get<FormationJson[]>(`/apps/${name}/formation`);
      assert.deepEqual(formation.map((process) => process.type).sort(), ['web', 'worker']);
      for (const process of formation) {
        assert.deepEqual(keysOf(process), ['app', 'command', 'created_at', 'dyno_size', 'id', 'quantity', 'size', 'type', 'updated_at']);
        assert.deepEqual(process.app, { id, name });
        assert.match(process.id, uuid);
        assert.equal(process.dyno_size.name, process.size);
        assert.ok(Number.isInteger(process.quantity) && process.quantity >= 0);
      }
      const dynos = fake.dynos(name);
      for (const type of ['web', 'worker']) {
        assert.equal(formation.find((process) => process.type === type)!.quantity, dynos.filter((dyno) => dyno.type === type).length, `${name} ${type}`);
      }
      assert.deepEqual([...formation].sort((a, b) => (a.type < b.type ? -1 : 1)).map(({ type, quantity, size, command }) => ({ type, quantity, size, command })), fake.formation(name));
    }
  });

  it('GET /apps/{app}/releases: Heroku\'s fields; versions 1 to the current one, which is the newest', async () => {
    const name = 'app-00004';
    const releases = await client.get<ReleaseJson[]>(`/apps/${name}/releases`, { headers: { Range: 'version ..' } });
    const expected = fake.releases(name);
    assert.ok(expected.length > 100, 'the app has too few releases to tell numbers from text');
    assert.deepEqual(releases.map((release) => release.version), expected.map((release) => release.version).reverse());
    for (const release of releases) {
      assert.deepEqual(keysOf(release), ['addon_plan_names', 'app', 'created_at', 'current', 'description', 'eligible_for_rollback', 'id', 'output_stream_url', 'slug', 'status', 'updated_at', 'user', 'version']);
      assert.equal(release.user.email, 'owner@example.com');
      assert.match(release.created_at, isoSeconds);
      assert.match(release.id, uuid);
    }
    assert.deepEqual(releases.filter((release) => release.current).map((release) => release.version), [expected[0]!.version]);
    assert.equal(releases[0]!.description, 'Initial release');
    assert.ok(releases.every((release, index) => index === 0 || release.created_at >= releases[index - 1]!.created_at), 'times go backwards');
    assert.equal(releases.at(-1)!.created_at, fake.appInfo(name).releasedAt);
  });

  it('pages releases by version as numbers: default order without Range, Next-Range, and the last N with order=desc', async () => {
    const name = 'app-00004';
    const count = fake.releases(name).length;
    // heroku-client follows each Next-Range; `version ]50..` must continue at 51, not at "51" < "6" in text order.
    const paged = await client.get<ReleaseJson[]>(`/apps/${name}/releases`, { headers: { Range: 'version ..; max=50' } });
    assert.deepEqual(paged.map((release) => release.version), Array.from({ length: count }, (_, index) => index + 1));
    assert.deepEqual(fake.requests.map((request) => `${request.path} ${request.range}`),
      ['version ..; max=50', 'version ]50..; max=50', 'version ]100..; max=50'].map((range) => `/apps/${name}/releases ${range}`));

    const last = await new Heroku({ token: fake.token, host: fake.url, partial: true })
      .get<ReleaseJson[]>(`/apps/${name}/releases`, { headers: { Range: 'version ..; max=10, order=desc' } });
    assert.deepEqual(last.map((release) => release.version), Array.from({ length: 10 }, (_, index) => count - index));

    const plain = await fetch(`${fake.url}/apps/${name}/releases`, { headers: { ...versioned, Authorization: `Bearer ${fake.token}` } });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get('accept-ranges'), 'id, version');
    assert.deepEqual(((await plain.json()) as ReleaseJson[]).map((release) => release.version), Array.from({ length: count }, (_, index) => index + 1));
  });

  it('GET /apps/{app}/addons: service, plan, billed price, state and the config vars each sets', async () => {
    assert.deepEqual(await client.get(`/apps/app-00001/addons`), []);
    const addons = await client.get<AddonJson[]>('/apps/app-00030/addons');
    assert.equal(addons.length, 5);
    for (const addon of addons) {
      assert.deepEqual(keysOf(addon), ['actions', 'addon_service', 'app', 'billed_price', 'billing_entity', 'config_vars', 'created_at', 'id', 'name', 'plan', 'provider_id', 'state', 'updated_at', 'web_url']);
      assert.deepEqual(keysOf(addon.billed_price), ['cents', 'contract', 'unit']);
      assert.ok(addon.plan.name.startsWith(`${addon.addon_service.name}:`), addon.plan.name);
      assert.match(addon.name, /^[a-z]+-[a-z]+-\d{5}$/);
    }
    assert.deepEqual(addons.map((addon) => addon.name).sort(), fake.addons('app-00030').map((addon) => addon.name));
    assert.ok(new Set(addons.map((addon) => addon.billed_price.cents)).size > 2, 'every add-on costs the same');
    const vars = await client.get<Record<string, string>>('/apps/app-00030/config-vars');
    for (const name of addons.flatMap((addon) => addon.config_vars)) assert.equal(typeof vars[name], 'string', name);
  });

  it('GET /apps/{app}/config-vars: an object of names and (made-up) values', async () => {
    const vars = await client.get<Record<string, string>>('/apps/app-00002/config-vars');
    assert.deepEqual(vars, fake.configVars('app-00002'));
    assert.ok(Object.keys(vars).includes('DATABASE_URL') && Object.keys(vars).includes('SECRET_KEY_BASE'));
    assert.ok(Object.values(vars).every((value) => typeof value === 'string'));
  });

  it('404s every per-app endpoint of an app that does not exist, with Heroku\'s error body', async () => {
    for (const path of ['', '/formation', '/releases', '/addons', '/config-vars']) {
      const error = await rejection(client.get(`/apps/no-such-app${path}`));
      assert.equal(error.statusCode, 404, path);
      assert.deepEqual(error.body, { id: 'not_found', message: 'Couldn\'t find that app.', resource: 'app' }, path);
    }
  });

  it('generates the same data for the same account on every run', async () => {
    const again = await startFakeHeroku({ apps: 50, email: 'owner@example.com' });
    try {
      for (const { name } of fake.apps()) {
        assert.deepEqual([again.appInfo(name), again.formation(name), again.releases(name), again.addons(name), again.configVars(name)],
          [fake.appInfo(name), fake.formation(name), fake.releases(name), fake.addons(name), fake.configVars(name)]);
      }
    } finally {
      await again.close();
    }
  });
});
