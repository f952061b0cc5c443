import { startFakeHeroku } from '../test/fixtures/fakeHeroku';
(async () => {
  const fake = await startFakeHeroku({ apps: 20000, latencyMs: Number(process.argv[2] ?? 30), token: 'tok-123456' });
  console.log(fake.url);
})();
process.on('SIGINT', () => process.exit(0));
