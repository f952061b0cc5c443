import { createHerokuClient, type FetchLike } from '../src/heroku';
(async () => {
  const url = process.argv[2];
  const nf = (await import('node-fetch')).default as unknown as FetchLike;
  const fetches: number[] = []; const heads: number[] = []; const pages: number[] = [];
  const fetchImpl: FetchLike = async (u, init) => { fetches.push(performance.now()); const r = await nf(u, init); heads.push(performance.now()); return r; };
  const client = createHerokuClient({ baseUrl: url, token: 'tok-123456', userAgent: 'x/1', fetchImpl });
  await client.listApps();
  for (let run = 0; run < 3; run++) {
  fetches.length = 0; heads.length = 0; pages.length = 0;
  const t0 = performance.now();
  await client.listApps({ onPage: () => pages.push(performance.now()) });
  console.log('total', (performance.now() - t0).toFixed(0));
  }
  for (let i = 0; i < 5; i++) console.log(i + 1, 'fetch', (fetches[i] - fetches[0]).toFixed(1), 'head', (heads[i] - fetches[0]).toFixed(1), 'page', (pages[i] - fetches[0]).toFixed(1));
})();
