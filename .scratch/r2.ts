import { renderTicket } from '../src/tickets/render';
import { startFakeHeroku } from '../test/fixtures/fakeHeroku';
(async () => {
const fake = await startFakeHeroku({ apps: 20000 });
const apps = fake.apps();
await fake.close();
const now = new Date('2024-06-01T00:00:00Z');
const shuffled = [...apps].reverse();
let t0 = performance.now(); [...shuffled].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)); console.log('sort', (performance.now() - t0).toFixed(1));
t0 = performance.now(); for (const a of apps) Date.parse(a.updatedAt); console.log('parse', (performance.now() - t0).toFixed(1));
t0 = performance.now(); const arr: string[] = []; for (const a of apps) arr.push(a.name.padEnd(12) + '  ' + a.region.padEnd(6)); console.log('pad', (performance.now() - t0).toFixed(1));
t0 = performance.now(); arr.join('\n'); console.log('join', (performance.now() - t0).toFixed(1));
for (let i = 0; i < 30; i++) { t0 = performance.now(); renderTicket({ number: 3, scopeName: 'Prod', providerName: 'Heroku', startedAt: now, apps: shuffled }, now); console.log('render', (performance.now() - t0).toFixed(1)); }
})();
