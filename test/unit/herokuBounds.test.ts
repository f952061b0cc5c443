// Bounded listings, against the fake Heroku API over real HTTP: a cap on items, bytes and pages, an overall
// deadline, and hostile Next-Range headers that do not move forward. Each ends the listing with a clear error, aborts
// what is in flight, and sends nothing more.
import * as assert from 'node:assert/strict';
import { createHerokuClient, defaultListLimits, type HerokuClient, type HerokuClientOptions } from '../../src/heroku';
import { redactSecrets } from '../../src/model/redact';
import { caught, useFakeHeroku } from './herokuAssertions';
import type { FakeHeroku, NextRangeSkew } from '../../scripts/demoHeroku';

const token = 'tok_9c8b7a6f5e4d3c2b1a0f9e8d';

describe('bounded listings against the fake Heroku API', function () {
  let fake: FakeHeroku;
  const make = (options: Partial<HerokuClientOptions> = {}): HerokuClient => createHerokuClient({
    baseUrl: fake.url, token, userAgent: 'ProviderDesk/bounds', redact: redactSecrets, timeoutMs: 5_000,
    retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 5, maxTotalMs: 1_000 }, ...options,
  });
  const pageRequests = (): number => fake.requests.filter((request) => request.path === '/apps').length;

  useFakeHeroku({ apps: 2500, token }, (started) => { fake = started; });

  it('has defaults no real account reaches', () => {
    assert.deepEqual({ ...defaultListLimits }, { maxItems: 100_000, maxBytes: 256 * 1024 * 1024, maxPages: 5_000, deadlineMs: 600_000 });
  });

  describe('hostile Next-Range headers', () => {
    const expectations: Record<NextRangeSkew, RegExp> = {
      repeat: /kept returning the same page/,
      respaced: /kept returning the same page/,
      restart: /kept returning the same page/,
      backwards: /asked for a next page \(name app-0\d001\.\.; max=1000\) that does not continue after the last item received \("app-0\d000"\)/,
      inclusiveLast: /asked for a next page \(name app-0\d000\.\.; max=1000\) that does not continue after the last item received/,
      otherField: /asked for a next page \(id \]app-0\d000\.\.; max=1000\) that does not continue/,
      descending: /asked for a next page \(name \]app-0\d000\.\.; max=1000, order=desc\) that does not continue/,
      garbage: /sent a Next-Range header Provider Desk cannot read \(next page please\)/,
    };
    const timings: string[] = [];
    after(() => console.log(`      hostile Next-Range: ${timings.length} cases, ended in ${timings.join(', ')}`));

    for (const [skew, message] of Object.entries(expectations) as [NextRangeSkew, RegExp][]) {
      for (const skip of [0, 1]) {
        it(`${skew}, on page ${skip + 1}: a clear error, the next page aborted or never sent`, async () => {
          fake.setFault({ type: 'nextRange', skew, skip, path: '/apps' });
          const started = performance.now();
          const error = await caught(make().listApps());
          const elapsed = Math.round(performance.now() - started);
          timings.push(`${elapsed} ms`);
          assert.equal(error.kind, 'bad_response');
          assert.match(error.message, message);
          assert.match(error.message, new RegExp(`^127\\.0\\.0\\.1:${fake.port} `));
          assert.ok(elapsed < 2_000, `took ${elapsed} ms`);
          await fake.whenIdle();
          // Caught from the headers: nothing more was sent. Caught once the page's items were in: the one page
          // requested ahead was aborted, or had already been answered.
          const requests = fake.requests.filter((request) => request.path === '/apps');
          assert.ok(requests.length === skip + 1 || requests.length === skip + 2, `${requests.length} requests`);
          assert.ok(requests.slice(0, skip + 1).every((request) => request.status === 206 && !request.clientAborted));
        });
      }
    }
  });

  it('stops at the item cap with a clear error and aborts the page in flight', async () => {
    fake.fault({ type: 'hang', path: '/apps', skip: 11 });
    const error = await caught(make({ pageSize: 100, listLimits: { maxItems: 1_000 } }).listApps());
    assert.equal(error.kind, 'listing_too_large');
    assert.match(error.message, /listed more than 1000 items; Provider Desk stopped the listing there/);
    assert.match(error.message, /Account ID points at the Heroku Platform API/);
    await fake.whenIdle();
    assert.equal(pageRequests(), 12, 'pages 1–11 and the prefetch of page 12');
    assert.equal(fake.requests[11]!.clientAborted, true, 'the prefetched page was aborted');
  });

  it('stops at the byte cap while reading, with a clear error', async () => {
    const error = await caught(make({ listLimits: { maxBytes: 2 * 1024 * 1024 } }).listApps());
    assert.equal(error.kind, 'listing_too_large');
    assert.match(error.message, /sent more than 2 MB for one listing; Provider Desk stopped reading/);
    await fake.whenIdle();
    assert.ok(pageRequests() <= 3, `${pageRequests()} pages requested`);
  });

  it('stops at the page cap with a clear error', async () => {
    const error = await caught(make({ pageSize: 10, listLimits: { maxPages: 3 } }).listApps());
    assert.equal(error.kind, 'listing_too_large');
    assert.match(error.message, /kept sending more pages \(over 3\)/);
    await fake.whenIdle();
    assert.equal(pageRequests(), 3);
  });

  it('stops at the deadline, even while a page hangs, and aborts the request', async () => {
    fake.fault({ type: 'hang', path: '/apps', skip: 1 });
    const started = performance.now();
    const error = await caught(make({ listLimits: { deadlineMs: 300 } }).listApps());
    const elapsed = performance.now() - started;
    assert.equal(error.kind, 'listing_deadline');
    assert.match(error.message, /did not finish the listing within 0\.3 seconds; Provider Desk stopped it/);
    assert.ok(elapsed >= 290 && elapsed < 1_500, `ended after ${Math.round(elapsed)} ms`);
    await fake.whenIdle();
    assert.equal(pageRequests(), 2);
    assert.equal(fake.requests[1]!.clientAborted, true, 'the hanging page request was aborted');
  });

  it('stops at the deadline across slow pages and retries', async () => {
    fake.setLatency(150);
    const error = await caught(make({ listLimits: { deadlineMs: 400 } }).listApps());
    assert.equal(error.kind, 'listing_deadline');
    await fake.whenIdle();
    assert.ok(fake.requests.some((request) => request.clientAborted), 'the request in flight was aborted');
  });

  it('a cancelled listing stays cancelled, not a deadline', async () => {
    fake.fault({ type: 'hang', path: '/apps', skip: 1 });
    const controller = new AbortController();
    const pending = caught(make({ listLimits: { deadlineMs: 60_000 } }).listApps({ signal: controller.signal }));
    await fake.waitForRequests(2);
    controller.abort();
    assert.equal((await pending).kind, 'cancelled');
  });

  it('the dyno listing has the same bounds', async () => {
    const app = fake.apps().find((candidate) => fake.dynos(candidate.name).length >= 3)!;
    fake.setFault({ type: 'nextRange', skew: 'respaced', path: `/apps/${app.name}/dynos` });
    const error = await caught(make({ pageSize: 1 }).listDynos(app.name));
    assert.match(error.message, /kept returning the same page/);
    fake.clearFaults();
    const tooMany = await caught(make({ pageSize: 1, listLimits: { maxItems: 2 } }).listDynos(app.name));
    assert.equal(tooMany.kind, 'listing_too_large');
  });
});
