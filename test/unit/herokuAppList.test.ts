// The app list read without zod (src/heroku/appList.ts) against appListSchema, the definition: on a generated corpus
// of Heroku-shaped, odd and broken pages, every page the quick check takes gives exactly what the schema gives, and
// every page the schema refuses is left to the schema. And a ticket's listing in a fresh process loads no zod.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { quickAppList } from '../../src/heroku/appList';
import { appListSchema } from '../../src/heroku/schemas';
import { startFakeHeroku } from '../../scripts/demoHeroku';
import { seededRandom, seedFrom, type Random } from '../fixtures/canary';

const seed = seedFrom('HEROKU_APP_LIST_SEED', 0x0a99_1157);
const pages = 3_000;

const odd: readonly unknown[] = [
  undefined, null, 0, 1.5, true, '', 'x', 'us', [], {}, { name: 1 }, { name: null }, { name: '' }, { id: 'r' }, ['us'],
  { name: 'eu', id: 'x', extra: true }, '2024-05-01T10:20:30Z', 'https://app.herokuapp.com/',
];

function app(random: Random, index: number): Record<string, unknown> {
  // The fields Heroku sends (most of which the client drops), with the optional ones sometimes null or missing.
  const item: Record<string, unknown> = {
    id: `01234567-89ab-4cde-8f01-${String(index).padStart(12, '0')}`, name: `app-${index}`, region: { id: 'r1', name: random.pick(['us', 'eu', 'virginia']) },
    stack: { id: 's1', name: random.pick(['heroku-24', 'container']) }, updated_at: '2026-11-01T10:20:30Z', web_url: `https://app-${index}.herokuapp.com/`,
    owner: { email: 'owner@example.com', id: 'o1' }, build_stack: { name: 'heroku-24' }, maintenance: false, git_url: 'https://git.heroku.com/x.git',
  };
  for (const key of ['region', 'stack', 'updated_at', 'web_url']) {
    const roll = random.int(20);
    if (roll === 0) item[key] = null;
    else if (roll === 1) delete item[key];
  }
  return item;
}

function mutate(random: Random, item: Record<string, unknown>): unknown {
  if (random.chance(0.05)) return random.pick(odd);
  const copy: Record<string, unknown> = { ...item };
  const key = random.pick(['id', 'name', 'region', 'stack', 'updated_at', 'web_url', 'extra', '__proto__']);
  if (random.chance(0.3)) delete copy[key];
  else copy[key] = random.pick(odd);
  return copy;
}

function page(random: Random): unknown {
  if (random.chance(0.02)) return random.pick(odd);
  const items: unknown[] = Array.from({ length: random.int(6) }, (_, index) => app(random, index));
  if (items.length > 0 && random.chance(0.4)) items[random.int(items.length)] = mutate(random, items[random.int(items.length)] as Record<string, unknown>);
  return items;
}

describe('the app list without zod', () => {
  it(`agrees with appListSchema on ${pages} generated pages (seed ${seed}; HEROKU_APP_LIST_SEED to vary)`, () => {
    const random = seededRandom(seed);
    let quick = 0;
    let refused = 0;
    for (let n = 0; n < pages; n++) {
      const json = JSON.parse(JSON.stringify(page(random)) ?? 'null') as unknown;
      const fast = quickAppList(json);
      const parsed = appListSchema.safeParse(json);
      if (fast !== undefined) {
        quick++;
        assert.ok(parsed.success, `quick took a page the schema refuses: ${JSON.stringify(json)}`);
        assert.deepEqual(fast, parsed.data, `different output for ${JSON.stringify(json)}`);
      }
      if (!parsed.success) refused++;
    }
    // Both branches were exercised, most pages the quick way.
    assert.ok(quick > pages / 2, `only ${quick} of ${pages} pages were taken without zod`);
    assert.ok(refused > pages / 20, `only ${refused} of ${pages} pages were refused`);
  });

  it('takes the pages the fake Heroku API serves', async () => {
    const fake = await startFakeHeroku({ apps: 50 });
    try {
      const response = await fetch(`${fake.url}/apps`, { headers: { Accept: 'application/vnd.heroku+json; version=3', Authorization: `Bearer ${fake.token}` } });
      const json = await response.json() as unknown;
      assert.deepEqual(quickAppList(json), appListSchema.parse(json));
    } finally {
      await fake.close();
    }
  });

  it('a listing in a fresh process loads no zod; a page in another shape loads it', () => {
    const fixture = path.join(__dirname, '..', 'fixtures', 'listingWithoutZod.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', fixture], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { apps: 1200, zodAfterListing: false, wrongShape: 'bad_response', zodAfterWrongShape: true });
  });
});
