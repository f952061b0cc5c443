import { startFakeHeroku } from '../test/fixtures/fakeHeroku';
import { createHerokuClient, type FetchLike } from '../src/heroku';
import { appListSchema } from '../src/heroku/schemas';
(async () => {
  const fake = await startFakeHeroku({ apps: 20000, latencyMs: 30 });
  const nf = (await import('node-fetch')).default as unknown as FetchLike;
  const fetches: number[] = []; const heads: number[] = []; const pages: number[] = [];
  const fetchImpl: FetchLike = async (url, init) => { fetches.push(performance.now()); const r = await nf(url, init); heads.push(performance.now()); return r; };
  const client = createHerokuClient({ baseUrl: fake.url, token: fake.token, userAgent: 'x/1', fetchImpl });
  await client.listApps();
  fetches.length = 0; heads.length = 0; fake.clearRequests();
  const t0 = performance.now();
  await client.listApps({ onPage: () => pages.push(performance.now()) });
  for (let i = 0; i < 20; i++) console.log(i + 1, 'fetch', (fetches[i] - t0).toFixed(1), 'arrive', (fake.requests[i].at - t0).toFixed(1), 'head', (heads[i] - t0).toFixed(1), 'page', (pages[i] - t0).toFixed(1));
  // cost of parse + zod
  const res = await nf(fake.url + '/apps', { method: 'GET', redirect: 'manual', signal: new AbortController().signal, headers: { Accept: 'application/vnd.heroku+json; version=3', Authorization: 'Bearer ' + fake.token, Range: 'name ..; max=1000' } }) as unknown as { text(): Promise<string> };
  const text = await res.text();
  let t = performance.now(); const json = JSON.parse(text); console.log('parse', (performance.now() - t).toFixed(1), text.length);
  t = performance.now(); appListSchema.parse(json); console.log('zod', (performance.now() - t).toFixed(1));
  t = performance.now(); appListSchema.parse(json); console.log('zod', (performance.now() - t).toFixed(1));
  await fake.close();
})();
