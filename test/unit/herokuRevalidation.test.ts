// Listing again with a PageMemory: each page is asked for with the ETag it came with, a 304 reuses it, and only pages
// that changed are downloaded again. Against the fake Heroku API over real HTTP; PageMemory's bound on its own.
import * as assert from 'node:assert/strict';
import { createHerokuClient, PageMemory, type FetchLike, type HerokuClient, type HerokuLogEntry } from '../../src/heroku';
import { redactSecrets } from '../../src/model/redact';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { useFakeHeroku } from './herokuAssertions';

const token = 'tok_revalidate_9a8b7c6d5e4f3a2b';

describe('Heroku client: listing again revalidates each page', () => {
  let fake: FakeHeroku;
  let pages: PageMemory;
  const logs: HerokuLogEntry[] = [];
  // A new client per listing, as every ticket makes one; the PageMemory is what they share.
  const client = (options: { token?: string; fetchImpl?: FetchLike; pages?: PageMemory | null } = {}): HerokuClient => createHerokuClient({
    baseUrl: fake.url, token: options.token ?? token, userAgent: 'ProviderDesk/test', redact: redactSecrets, onLog: (entry) => logs.push(entry),
    fetchImpl: options.fetchImpl, pages: options.pages === null ? undefined : options.pages ?? pages,
    retry: { maxAttempts: 1, baseDelayMs: 5, maxDelayMs: 10, maxTotalMs: 1_000 },
  });
  const appPages = (): { status: number | undefined; ifNoneMatch: string | undefined }[] => fake.requests
    .filter((request) => request.path === '/apps')
    .map((request) => ({ status: request.status, ifNoneMatch: request.headers['if-none-match'] as string | undefined }));

  useFakeHeroku({ apps: 2500, token }, (started) => { fake = started; });
  beforeEach(() => {
    pages = new PageMemory();
    logs.length = 0;
  });

  it('an unchanged account: every page 304, no body, the same apps as the first listing', async () => {
    const first = await client().listApps();
    const fetched = appPages();
    assert.deepEqual(fetched.map((page) => [page.status, page.ifNoneMatch]), [[206, undefined], [206, undefined], [200, undefined]]);
    fake.clearRequests();

    const again = await client().listApps();
    assert.deepEqual(again, first);
    assert.equal(again.length, 2500);
    const revalidated = appPages();
    assert.deepEqual(revalidated.map((page) => page.status), [304, 304, 304]);
    assert.ok(revalidated.every((page) => page.ifNoneMatch?.startsWith('"')), 'each page asked for with its ETag');
    assert.equal(new Set(revalidated.map((page) => page.ifNoneMatch)).size, 3, 'each page with its own ETag');
    assert.ok(Object.isFrozen(again[0]) && Object.isFrozen(first[0]), 'a reused app is shared, so nobody may change it');
    assert.equal(logs.filter((entry) => / → 304 in \d+ ms.*unchanged, 1000 items reused/.test(entry.message)).length, 2);
  });

  it('one more app: the unchanged pages 304, the changed last page comes whole', async () => {
    await client().listApps();
    fake.setApps(2501);
    fake.clearRequests();
    const apps = await client().listApps();
    assert.equal(apps.length, 2501);
    assert.deepEqual(apps.map((app) => app.name), fake.apps().map((app) => app.name));
    assert.deepEqual(appPages().map((page) => page.status), [304, 304, 200]);
  });

  it('every answer new: each page asked for with its ETag, downloaded whole each time, the newest kept', async () => {
    fake.setEveryAnswerNew(true);
    await client().listApps();
    fake.clearRequests();
    assert.equal((await client().listApps()).length, 2500);
    assert.equal((await client().listApps()).length, 2500);
    const asked = appPages();
    assert.deepEqual(asked.map((page) => page.status), [206, 206, 200, 206, 206, 200]);
    assert.ok(asked.every((page) => page.ifNoneMatch !== undefined));
    assert.notEqual(asked[3]!.ifNoneMatch, asked[0]!.ifNoneMatch, 'the second listing names the ETags the first one got');
  });

  it('a page fetched with one token is never revalidated with another, nor on another origin', async () => {
    await client().listApps();
    fake.clearRequests();
    await assert.rejects(client({ token: 'tok_someone_else_1a2b3c4d' }).listApps());
    assert.deepEqual(appPages(), [{ status: 401, ifNoneMatch: undefined }]);

    const other = await startFakeHeroku({ apps: 2500, token });
    try {
      const onOther = createHerokuClient({ baseUrl: other.url, token, userAgent: 'ProviderDesk/test', redact: redactSecrets, pages });
      assert.equal((await onOther.listApps()).length, 2500);
      assert.ok(other.requests.every((request) => request.headers['if-none-match'] === undefined), 'the same token on another origin');
    } finally {
      await other.close();
    }
  });

  it('remembers nothing without a PageMemory, nor a page sent with Cache-Control: no-store', async () => {
    await client({ pages: null }).listApps();
    await client({ pages: null }).listApps();
    assert.ok(appPages().every((page) => page.ifNoneMatch === undefined));

    const real = (await import('node-fetch')).default as unknown as FetchLike;
    const noStore: FetchLike = async (url, init) => {
      const response = await real(url, init);
      return { status: response.status, body: response.body, headers: { get: (name) => (name.toLowerCase() === 'cache-control' ? 'private, no-store' : response.headers.get(name)) } };
    };
    fake.clearRequests();
    await client({ fetchImpl: noStore }).listApps();
    await client({ fetchImpl: noStore }).listApps();
    assert.ok(appPages().every((page) => page.ifNoneMatch === undefined && page.status !== 304));
  });
});

describe('PageMemory', () => {
  const page = (count: number, etag = '"e"') => ({ etag, status: 200, nextRange: null, items: Array.from({ length: count }, (_, index) => ({ index })) });

  it('holds at most maxItems items, forgetting the least recently used page first', () => {
    const memory = new PageMemory(5);
    memory.remember('a', '"a"', null, page(2));
    memory.remember('b', '"b"', null, page(2));
    assert.equal(memory.recall('a')?.etag, '"a"', 'a is now the most recently used');
    memory.remember('c', '"c"', null, page(2));
    assert.deepEqual(['a', 'b', 'c'].map((key) => memory.recall(key)?.etag), ['"a"', undefined, '"c"']);
    memory.remember('big', '"big"', null, page(6));
    assert.equal(memory.recall('big'), undefined, 'a page larger than the whole memory is not kept');
  });

  it('a response without an ETag forgets the page it replaces', () => {
    const memory = new PageMemory();
    memory.remember('a', '"a"', null, page(1));
    memory.remember('a', null, null, page(1));
    assert.equal(memory.recall('a'), undefined);
  });

  it('keys pages by origin, token, path and Range, without the token in the key', () => {
    const key = PageMemory.key('https://api.heroku.com', 'HRKU-secret-token', '/apps', 'name ..; max=1000');
    assert.ok(!key.includes('HRKU-secret-token'));
    assert.notEqual(key, PageMemory.key('https://api.heroku.com', 'HRKU-other-token', '/apps', 'name ..; max=1000'));
    assert.notEqual(key, PageMemory.key('https://evil.example', 'HRKU-secret-token', '/apps', 'name ..; max=1000'));
    assert.notEqual(key, PageMemory.key('https://api.heroku.com', 'HRKU-secret-token', '/apps', 'name ]app-01000..; max=1000'));
  });
});
