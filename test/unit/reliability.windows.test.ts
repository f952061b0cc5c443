// Reliability: windows with their own extension host and their own copy of globalState (test/doubles/extensionHosts),
// sharing the keyring. Each round, two or three windows write on their copies before any of them hears of the
// others, then the copies reach the database and the other windows in a random order. After the windows settle,
// nothing may have been lost silently: every credential created and not deleted is stored, or a conflict report
// names it; every window shows the stored data; the keyring holds exactly the secrets of the stored sensitive fields.
// Reproduce a run with RELIABILITY_SEED=<n>.
import { strict as assert } from 'node:assert';
import { StoreError } from '../../src/store/errors';
import { dataKey } from '../../src/store/keys';
import { ProviderStore, type LoadReport } from '../../src/store/providerStore';
import { decodeStoredData, expectedSecretKeys } from '../../src/store/storedData';
import { seededRandom, seedFrom, type Random } from '../fixtures/canary';
import { settle, SharedDatabase, type WindowState } from '../doubles/extensionHosts';
import { InMemorySecretStorage } from '../doubles/secretStorage';

const rounds = 150;

interface Window {
  readonly state: WindowState;
  readonly store: ProviderStore;
  readonly reports: LoadReport[];
}

interface Tally {
  writes: number;
  refused: number;
  created: Map<string, string>;
  /** Credentials deleted on purpose, directly or with their provider. */
  deleted: Set<string>;
}

/** One write of a window, on what its copy shows; refusals (name taken, not found, in use) are expected. */
async function randomWrite(window: Window, random: Random, tally: Tally, round: number): Promise<void> {
  const store = window.store;
  const providers = store.providers();
  const credentials = providers.flatMap((provider) => store.credentials(provider.id));
  const provider = providers.length > 0 ? random.pick(providers) : undefined;
  const credential = credentials.length > 0 ? random.pick(credentials) : undefined;
  const name = (prefix: string): string => `${prefix}-${round}-${random.int(random.chance(0.2) ? 2 : 1000)}`;
  const token = `token-${round}-${random.int(1e9)}`;
  tally.writes++;
  try {
    switch (random.int(providers.length < 2 ? 2 : 8)) {
      case 0:
      case 1:
        if (!provider || random.chance(0.3)) {
          await store.createProvider({ name: name('provider'), type: 'Other', accountId: 'api.heroku.com' });
          break;
        }
        {
          const created = await store.createCredential(provider.id, { name: name('credential'), fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: token }] });
          tally.created.set(created.id, token);
        }
        break;
      case 2:
        if (!credential) break;
        await store.updateCredential(credential.id, { name: credential.name, fields: [{ id: credential.fields[0]!.id, key: 'apitoken', type: 'String', sensitive: true, value: token }] });
        tally.created.set(credential.id, token);
        break;
      case 3:
        if (credential) await store.rename('credential', credential.id, name('renamed'));
        break;
      case 4:
        if (credential) await store.createScope(credential.providerId, { name: name('scope'), credentialId: credential.id });
        break;
      case 5:
        if (!credential) break;
        await store.deleteCredential(credential.id, { deleteScopes: true });
        tally.deleted.add(credential.id);
        break;
      case 6:
        if (provider) await store.rename('provider', provider.id, name('provider'));
        break;
      default:
        if (!provider || !random.chance(0.3)) break;
        for (const child of store.credentials(provider.id)) tally.deleted.add(child.id);
        await store.deleteProvider(provider.id);
        break;
    }
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    tally.refused++;
  }
}


function content(store: ProviderStore): string {
  const providers = store.providers();
  return JSON.stringify([providers, providers.map((provider) => [store.credentials(provider.id), store.scopes(provider.id)])]);
}

describe('Reliability: windows with their own copy of globalState', function () {
  this.timeout(60_000);

  it('lose nothing silently over randomized rounds of writes made before any window heard of the others', async () => {
    const seed = seedFrom('RELIABILITY_SEED', 0x3a11d0c5);
    const random = seededRandom(seed);
    const database = new SharedDatabase();
    const secrets = new InMemorySecretStorage();
    const windows: Window[] = [];
    for (let n = 0; n < 3; n++) {
      const state = database.window();
      const store = new ProviderStore(state, secrets, { retryDelaysMs: [] });
      const reports: LoadReport[] = [];
      store.onDidReport((report) => reports.push(report));
      await store.load();
      windows.push({ state, store, reports });
    }
    const tally: Tally = { writes: 0, refused: 0, created: new Map(), deleted: new Set() };
    let crossings = 0;
    for (let round = 0; round < rounds; round++) {
      const writers = windows.filter(() => random.chance(0.7));
      for (const window of writers) {
        for (let n = 1 + random.int(2); n > 0; n--) await randomWrite(window, random, tally, round);
      }
      // The copies travel in a random order: a window may get another's document before its own is written.
      const steps = windows.flatMap((window) => [() => window.state.flush(), () => window.state.receive()]);
      for (let n = steps.length; n > 0; n--) steps.splice(random.int(n), 1)[0]!();
      if (writers.length > 1) crossings++;
      await settle(database, windows);

      const stored = decodeStoredData(database.get(dataKey), { now: new Date() }).data;
      const storedCredentials = new Map(stored.credentials.map((credential) => [credential.id, credential]));
      const reported = new Set(windows.flatMap((window) => window.reports.flatMap((report) => report.conflicts ?? [])).map((conflict) => conflict.id));
      for (const window of windows) {
        assert.equal(content(window.store), content(windows[0]!.store), `round ${round}: the windows show different data`);
      }
      assert.deepEqual(windows[0]!.store.providers().map((provider) => provider.id).sort(), stored.providers.map((provider) => provider.id).sort(), `round ${round}`);
      for (const [id, token] of tally.created) {
        if (tally.deleted.has(id) || reported.has(id)) continue;
        assert.ok(storedCredentials.has(id), `round ${round}: credential ${id} was lost silently`);
        assert.deepEqual(await windows[0]!.store.readFieldValues(id), { apitoken: token }, `round ${round}: its token`);
      }
      assert.deepEqual(secrets.secretKeys(), expectedSecretKeys(stored.credentials).sort(), `round ${round}: the keyring holds other secrets than the stored fields`);
    }
    const conflicts = windows.flatMap((window) => window.reports.flatMap((report) => report.conflicts ?? []));
    const reportCount = windows.reduce((sum, window) => sum + window.reports.length, 0);
    const byProblem = Object.fromEntries([...new Set(conflicts.map((conflict) => conflict.problem))].sort().map((problem) => [problem, conflicts.filter((conflict) => conflict.problem === problem).length]));
    console.log(`      seed ${seed} (0x${seed.toString(16)}): ${rounds} rounds, ${crossings} with writes in several windows, ${tally.writes} writes `
      + `(${tally.refused} refused), ${tally.created.size} credentials written, ${reportCount} reports, conflicts ${JSON.stringify(byProblem)}; `
      + '0 lost silently, windows converged, keyring exact');
  });
});
