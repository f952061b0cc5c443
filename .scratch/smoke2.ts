import { startFakeHeroku } from '../test/fixtures/fakeHeroku';
import { createHerokuClient } from '../src/heroku';
(async () => {
  const fake = await startFakeHeroku({ apps: 20000, latencyMs: Number(process.argv[2] ?? 30) });
  const client = createHerokuClient({ baseUrl: fake.url, token: fake.token, userAgent: 'x/1' });
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const apps = await client.listApps();
    console.log(apps.length, (performance.now() - t0).toFixed(0));
  }
  await fake.close();
})();
