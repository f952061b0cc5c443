import { renderTicket } from '../src/tickets/render';
import { startFakeHeroku } from '../test/fixtures/fakeHeroku';
(async () => {
const fake = await startFakeHeroku({ apps: 20000 });
const apps = fake.apps();
await fake.close();
const now = new Date('2024-06-01T00:00:00Z');
console.log(renderTicket({ number: 3, scopeName: 'Prod', providerName: 'Heroku', startedAt: now, apps: apps.slice(0, 5) }, now));
for (let i = 0; i < 5; i++) { const t0 = performance.now(); const s = renderTicket({ number: 3, scopeName: 'Prod', providerName: 'Heroku', startedAt: now, apps }, now); console.log((performance.now() - t0).toFixed(1), s.length); }
})();
