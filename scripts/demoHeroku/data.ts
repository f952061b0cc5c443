// The account's deterministic data: the same apps, dynos and account for the same email on every run and machine.
import { createHash } from 'node:crypto';
import type { FakeApp } from './types';

const regions = [
  { id: '59accabd-516d-4f0e-83e6-6e3757701145', name: 'us' },
  { id: 'ed30241c-ed8c-4bb6-9714-61953675d0b4', name: 'eu' },
] as const;
const stacks = [
  { id: '74cfe988-7527-4ca4-9e5a-d4c3b19a2d0e', name: 'heroku-22' },
  { id: 'ae20c2d2-1c2d-4c0f-bf1a-87a1d4c4f1c6', name: 'heroku-24' },
] as const;
const buildpacks = ['Node.js', 'Python', 'Ruby', 'Go', 'Java', 'PHP', null] as const;
const epoch = Date.UTC(2019, 0, 1);
const hour = 3_600_000;

export function uuidFrom(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface AppRecord extends FakeApp {
  readonly index: number;
  /** The app's full JSON, serialised once. */
  readonly json: string;
  readonly releaseVersion: number;
  readonly releasedAt: string;
  readonly createdAt: string;
}

function appName(index: number): string {
  return `app-${String(index).padStart(5, '0')}`;
}

function generateApp(index: number, owner: { id: string; email: string }): AppRecord {
  const name = appName(index);
  const id = uuidFrom(`app:${index}`);
  const region = regions[index % 3 === 0 ? 1 : 0];
  const stack = stacks[(index >> 1) % 2];
  const buildStack = index % 7 === 0 ? stacks[1] : stack;
  const created = epoch + index * 7 * hour;
  const releasedMs = created + ((index * 7919) % 900) * hour;
  const updatedMs = releasedMs + ((index * 104_729) % 50) * 60_000;
  const releaseVersion = 1 + ((index * 31) % 400);
  const createdAt = isoSeconds(created);
  const updatedAt = isoSeconds(updatedMs);
  const releasedAt = isoSeconds(releasedMs);
  const app = {
    acm: index % 4 === 0,
    archived_at: null,
    buildpack_provided_description: buildpacks[index % buildpacks.length],
    build_stack: { id: buildStack.id, name: buildStack.name },
    created_at: createdAt,
    generation: { id: '23cd8de4-4b17-4a0f-bcbb-8b3c3e5e2b35', name: 'cedar' },
    git_url: `https://git.heroku.com/${name}.git`,
    id,
    internal_routing: null,
    maintenance: index % 50 === 0,
    name,
    owner: { email: owner.email, id: owner.id },
    organization: null,
    team: null,
    region: { id: region.id, name: region.name },
    released_at: releasedAt,
    repo_size: null,
    slug_size: 20_000_000 + ((index * 65_537) % 180_000_000),
    space: null,
    stack: { id: stack.id, name: stack.name },
    updated_at: updatedAt,
    web_url: `https://${name}-${id.slice(-12)}.herokuapp.com/`,
  };
  return {
    index, id, name, region: region.name, stack: stack.name, updatedAt, releasedAt, releaseVersion, createdAt,
    json: JSON.stringify(app),
  };
}

/** Generated apps are cached per owner, so many fakes in one test run share the work. */
const appCache = new Map<string, AppRecord[]>();

export function appsFor(owner: { id: string; email: string }, count: number): AppRecord[] {
  const key = `${owner.id}\u0000${owner.email}`;
  let cached = appCache.get(key);
  if (!cached) appCache.set(key, cached = []);
  for (let index = cached.length + 1; index <= count; index++) cached.push(generateApp(index, owner));
  return cached.slice(0, count);
}

/** `apps` with the first ones renamed to `names`, in their record and their JSON. */
export function withNames(apps: readonly AppRecord[], names: readonly string[]): AppRecord[] {
  return apps.map((app, index) => {
    const name = names[index];
    return name === undefined ? app : { ...app, name, json: JSON.stringify({ ...JSON.parse(app.json) as object, name }) };
  });
}

export function dynosFor(app: AppRecord): string[] {
  const count = app.index % 5 === 0 ? 0 : 1 + (app.index % 3);
  const result: string[] = [];
  for (let n = 1; n <= count; n++) {
    const type = n === 3 ? 'worker' : 'web';
    const number = type === 'web' ? n : 1;
    const dynoName = `${type}.${number}`;
    const id = uuidFrom(`dyno:${app.index}:${n}`);
    result.push(JSON.stringify({
      attach_url: null,
      command: type === 'web' ? 'npm start' : 'node worker.js',
      created_at: app.releasedAt,
      id,
      name: dynoName,
      release: { id: uuidFrom(`release:${app.index}`), version: app.releaseVersion },
      app: { id: app.id, name: app.name },
      size: app.index % 2 === 0 ? 'Basic' : 'Standard-1X',
      state: app.index % 11 === 0 ? 'crashed' : 'up',
      type,
      updated_at: app.updatedAt,
    }));
  }
  return result;
}

/** `GET /account` for this owner, serialised once. */
export function accountJson(account: { id: string; email: string }): string {
  return JSON.stringify({
    allow_tracking: true,
    beta: false,
    country_of_residence: 'United States',
    created_at: '2016-03-09T19:48:12Z',
    default_organization: null,
    default_team: null,
    delinquent_at: null,
    email: account.email,
    federated: false,
    id: account.id,
    identity_provider: null,
    last_login: '2025-11-20T08:15:42Z',
    name: 'Dev Example',
    sms_number: null,
    suspended_at: null,
    two_factor_authentication: true,
    updated_at: '2025-11-20T08:15:42Z',
    verified: true,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// An app's formation, releases, add-ons and config vars, each derived from the app's index alone.

/** The process types and how many dynos each runs: the same as `dynosFor` shows (web.1, web.2, worker.1). */
export function formationFor(app: AppRecord): string[] {
  const dynoCount = app.index % 5 === 0 ? 0 : 1 + (app.index % 3);
  const size = app.index % 2 === 0 ? 'Basic' : 'Standard-1X';
  return [
    { type: 'web', quantity: Math.min(dynoCount, 2), command: 'npm start' },
    { type: 'worker', quantity: dynoCount >= 3 ? 1 : 0, command: 'node worker.js' },
  ].map(({ type, quantity, command }) => JSON.stringify({
    app: { id: app.id, name: app.name },
    command,
    created_at: app.createdAt,
    dyno_size: { id: uuidFrom(`size:${size}`), name: size },
    id: uuidFrom(`formation:${app.index}:${type}`),
    quantity,
    size,
    type,
    updated_at: app.updatedAt,
  }));
}

const releaseDescriptions = [
  (version: number) => `Deploy ${uuidFrom(`commit:${version}`).slice(0, 8)}`,
  () => 'Set LOG_LEVEL config vars',
  (version: number) => `Deploy ${uuidFrom(`commit:${version}`).slice(0, 8)}`,
  () => 'Update heroku-postgresql:essential-0 by heroku-postgresql',
  (version: number) => `Rollback to v${Math.max(1, version - 2)}`,
] as const;

/** Versions 1 to the app's release version, oldest first, spread evenly from its creation to its last release. */
export function releasesFor(app: AppRecord, owner: { id: string; email: string }): { version: number; json: string }[] {
  const created = Date.parse(app.createdAt);
  const step = (Date.parse(app.releasedAt) - created) / Math.max(1, app.releaseVersion - 1);
  const releases: { version: number; json: string }[] = [];
  for (let version = 1; version <= app.releaseVersion; version++) {
    const latest = version === app.releaseVersion;
    const at = isoSeconds(version === 1 ? created : created + Math.round(step * (version - 1) / 1000) * 1000);
    releases.push({ version, json: JSON.stringify({
      addon_plan_names: app.index % 2 === 0 ? ['heroku-postgresql:essential-0'] : [],
      app: { id: app.id, name: app.name },
      created_at: at,
      current: latest,
      description: version === 1 ? 'Initial release' : releaseDescriptions[version % releaseDescriptions.length]!(version),
      eligible_for_rollback: !latest,
      id: uuidFrom(`release:${app.index}:${version}`),
      output_stream_url: null,
      slug: version === 1 ? null : { id: uuidFrom(`slug:${app.index}:${version}`) },
      status: latest && app.index % 13 === 0 ? 'failed' : 'succeeded',
      updated_at: at,
      user: { email: owner.email, id: owner.id },
      version,
    }) });
  }
  return releases;
}

const addonCatalog = [
  { service: 'heroku-postgresql', plan: 'heroku-postgresql:essential-0', cents: 500, prefix: 'postgresql', vars: ['DATABASE_URL'] },
  { service: 'heroku-redis', plan: 'heroku-redis:mini', cents: 300, prefix: 'redis', vars: ['REDIS_URL'] },
  { service: 'papertrail', plan: 'papertrail:choklad', cents: 0, prefix: 'papertrail', vars: ['PAPERTRAIL_API_TOKEN'] },
  { service: 'scheduler', plan: 'scheduler:standard', cents: 0, prefix: 'scheduler', vars: [] },
  { service: 'heroku-postgresql', plan: 'heroku-postgresql:standard-0', cents: 5000, prefix: 'postgresql', vars: ['HEROKU_POSTGRESQL_BLUE_URL'] },
] as const;
const addonWords = ['angular', 'curved', 'shallow', 'tapered', 'vertical', 'rigid', 'opaque', 'sinuous'] as const;

function addonsOf(app: AppRecord): (typeof addonCatalog)[number][] {
  return addonCatalog.filter((_addon, position) => (position === 0 ? app.index % 2 === 0 : ((app.index >> position) & 1) === 1));
}

/** Between none and five add-ons, by the bits of the app's index; every even app has a database. */
export function addonsFor(app: AppRecord): string[] {
  return addonsOf(app).map((addon, position) => {
    const id = uuidFrom(`addon:${app.index}:${addon.plan}`);
    const name = `${addon.prefix}-${addonWords[(app.index + position) % addonWords.length]}-${String(10_000 + ((app.index * 7_919 + position * 104_729) % 90_000))}`;
    return JSON.stringify({
      actions: [],
      addon_service: { id: uuidFrom(`service:${addon.service}`), name: addon.service },
      app: { id: app.id, name: app.name },
      billed_price: { cents: addon.cents, contract: false, unit: 'month' },
      billing_entity: { id: app.id, name: app.name, type: 'app' },
      config_vars: addon.vars,
      created_at: app.createdAt,
      id,
      name,
      plan: { id: uuidFrom(`plan:${addon.plan}`), name: addon.plan },
      provider_id: id.slice(0, 8),
      state: app.index % 17 === 0 && position === 0 ? 'provisioning' : 'provisioned',
      updated_at: app.updatedAt,
      web_url: `https://addons-sso.heroku.com/apps/${app.id}/addons/${id}`,
    });
  });
}

/** The app's config vars: the add-ons' and a few of its own. The values are made up, and secret-looking on purpose:
 * a client that shows one has leaked it. */
export function configVarsFor(app: AppRecord): string {
  const vars: Record<string, string> = {};
  for (const addon of addonsOf(app)) {
    for (const name of addon.vars) {
      const value = `fakevalue-${uuidFrom(`${name}:${app.index}`)}`;
      vars[name] = name.endsWith('_URL') ? `${addon.prefix}://u${app.index}:${value}@db.example.com:5432/d${app.index}` : value;
    }
  }
  vars.NODE_ENV = 'production';
  vars.LOG_LEVEL = app.index % 2 === 0 ? 'info' : 'debug';
  vars.SECRET_KEY_BASE = `fakevalue-${uuidFrom(`secret:${app.index}`).replace(/-/g, '')}`;
  return JSON.stringify(vars);
}
