import { startFakeHeroku } from '../test/fixtures/fakeHeroku';
import { createHerokuClient, type FetchLike } from '../src/heroku';
(async () => {
  const fake = await startFakeHeroku({ apps: 20000, latencyMs: 30 });
  const nf = (await import('node-fetch')).default as unknown as FetchLike;
  let t0 = 0;
  const ev: string[] = [];
  const fetchImpl: FetchLike = async (url, init) => { ev.push(`${(performance.now()-t0).toFixed(0)} fetch ${init.headers.Range}`); const r = await nf(url, init); ev.push(`${(performance.now()-t0).toFixed(0)} head`); return r; };
  const client = createHerokuClient({ baseUrl: fake.url, token: fake.token, userAgent: 'x/1', fetchImpl });
  await client.listApps();
  ev.length = 0;
  t0 = performance.now();
  await client.listApps({ onPage: (_i, p) => ev.push(`${(performance.now()-t0).toFixed(0)} page ${p.pages}`) });
  console.log(ev.join('\n'));
  const reqs = fake.requests.slice(-20).map(r => (r.at).toFixed(0));
  console.log(reqs.join(' '));
  await fake.close();
})();
