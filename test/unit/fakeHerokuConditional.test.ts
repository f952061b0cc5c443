// Heroku's "Caching" in the fake Heroku API: an ETag on every answer, read through Heroku's own heroku-client (its
// middleware; 3.1.4 would throw on a 304, its cache code being gone), and 304 for an If-None-Match that names it,
// checked over fetch.
import * as assert from 'node:assert/strict';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { Heroku, type HerokuClient, type HerokuClientOptions } from './herokuClientPackage';

const versioned = { Accept: 'application/vnd.heroku+json; version=3' };

describe('fake Heroku API: ETags and 304', () => {
  let fake: FakeHeroku;
  const client = (options: Partial<HerokuClientOptions> = {}): HerokuClient => new Heroku({ token: fake.token, host: fake.url, ...options });
  const headers = (): Record<string, string> => ({ ...versioned, Authorization: `Bearer ${fake.token}` });

  before(async () => {
    fake = await startFakeHeroku({ apps: 1500 });
  });
  after(async () => fake.close());
  beforeEach(() => {
    fake.reset();
    fake.setApps(1500);
  });

  it('sends an ETag with every answer, one per page, that stays while the page is unchanged', async () => {
    fake.setApps(2500);
    const etags: string[] = [];
    const recording = client({ middleware: (response, next) => { etags.push(String(response.headers.etag)); next(); } });
    await recording.get('/apps');
    await recording.get('/apps');
    await recording.get('/account');
    assert.equal(etags.length, 7);
    assert.ok(etags.every((etag) => /^"[\w-]+"$/.test(etag)), etags.join(', '));
    assert.deepEqual(etags.slice(3, 6), etags.slice(0, 3), 'the same pages, the same ETags');
    assert.equal(new Set(etags).size, 4, 'three pages and the account, each its own');
    const unchanged = etags.slice(0, 3);
    fake.setApps(2501);
    etags.length = 0;
    await recording.get('/apps');
    assert.equal(etags.length, 3);
    assert.notDeepEqual(etags, unchanged, 'one more app: a page changed, and so did its ETag');
  });

  it('answers If-None-Match naming the current ETag (or W/ it, or *) with 304 and no body; a stale one gets the page', async () => {
    const first = await fetch(`${fake.url}/apps`, { headers: { ...headers(), Range: 'name ..; max=1000' } });
    const etag = first.headers.get('etag')!;
    assert.equal(first.status, 206);
    await first.arrayBuffer();
    for (const condition of [etag, `W/${etag}`, `"stale", ${etag}`, '*']) {
      const again = await fetch(`${fake.url}/apps`, { headers: { ...headers(), Range: 'name ..; max=1000', 'If-None-Match': condition } });
      assert.deepEqual([again.status, again.headers.get('etag'), await again.text()], [304, etag, ''], condition);
    }
    const stale = await fetch(`${fake.url}/apps`, { headers: { ...headers(), Range: 'name ..; max=1000', 'If-None-Match': '"stale"' } });
    assert.deepEqual([stale.status, stale.headers.get('etag'), (await stale.json() as unknown[]).length], [206, etag, 1000]);
    const unauthorised = await fetch(`${fake.url}/apps`, { headers: { ...versioned, Authorization: 'Bearer wrong', 'If-None-Match': etag } });
    assert.equal(unauthorised.status, 401, 'a 304 only for the token that may read the page');
    await unauthorised.arrayBuffer();

    fake.setEveryAnswerNew(true);
    const changing = await fetch(`${fake.url}/apps`, { headers: { ...headers(), Range: 'name ..; max=1000', 'If-None-Match': etag } });
    assert.equal(changing.status, 206);
    assert.notEqual(changing.headers.get('etag'), etag);
    await changing.arrayBuffer();
  });
});
