// Two windows: two stores sharing one globalState and one SecretStorage. globalState has no change event, so a
// write is announced through the revision secret.
import { strict as assert } from 'node:assert';
import { NotFoundError } from '../../src/store/errors';
import { dataKey, revisionKey } from '../../src/store/keys';
import type { KeyValueStore } from '../../src/store/ports';
import { ProviderStore } from '../../src/store/providerStore';
import { InMemoryMemento } from '../doubles/memento';
import { InMemorySecretStorage } from '../doubles/secretStorage';
import { herokuInput, makeStore, nextChange, recordChanges, token, tokenCredentialInput } from '../doubles/storeHarness';

function twoWindows() {
  const memento = new InMemoryMemento();
  const secrets = new InMemorySecretStorage();
  return { memento, secrets, a: new ProviderStore(memento, secrets), b: new ProviderStore(memento, secrets) };
}

describe('ProviderStore: several windows', () => {
  it('a write in one window reaches the other through the revision secret', async () => {
    const { a, b } = twoWindows();
    await a.load();
    await b.load();
    const reloaded = nextChange(b);
    const provider = await a.createProvider(herokuInput);
    assert.deepEqual(await reloaded, { kind: 'reload' });
    assert.deepEqual(b.provider(provider.id), provider);

    const credentialArrives = nextChange(b);
    const credential = await a.createCredential(provider.id, tokenCredentialInput());
    await credentialArrives;
    assert.deepEqual(b.credential(credential.id), credential);
    assert.deepEqual(await b.readFieldValues(credential.id), { apitoken: token });

    const deletion = nextChange(b, () => b.credential(credential.id) === undefined);
    await a.deleteCredential(credential.id);
    await deletion;
    await assert.rejects(b.readFieldValues(credential.id), NotFoundError);
  });

  it('a window does not reload on its own revision bumps', async () => {
    const { a, b } = twoWindows();
    await a.load();
    await b.load();
    const changesOfA = recordChanges(a);
    const bSaw = nextChange(b);
    await a.createProvider(herokuInput);
    await bSaw;
    // b's reload ran in b's queue after a's write; a's own event handling is queued behind a's write as well.
    await a.auditSecrets();
    assert.deepEqual(changesOfA.map((change) => change.kind), ['provider']);
  });

  it('writes from both windows converge, even before the other window heard of the first one', async () => {
    const { a, b, memento } = twoWindows();
    await a.load();
    await b.load();
    // Start b's write in the same tick as a's: b checks globalState again before writing, so it keeps a's provider.
    const [first, second] = await Promise.all([a.createProvider(herokuInput), b.createProvider({ name: 'Other', type: 'Other', accountId: 'example.com' })]);
    await a.reload();
    assert.deepEqual(a.providers().map((provider) => provider.id).sort(), [first.id, second.id].sort());
    assert.deepEqual(b.providers().map((provider) => provider.id).sort(), [first.id, second.id].sort());
    assert.equal(memento.get<{ providers: unknown[] }>(dataKey)!.providers.length, 2);
  });

  it('a name taken in another window is refused even if the event has not arrived', async () => {
    const memento = new InMemoryMemento();
    // Windows whose SecretStorage does not announce anything (every event lost).
    const a = new ProviderStore(memento, new InMemorySecretStorage());
    const b = new ProviderStore(memento, new InMemorySecretStorage());
    await a.load();
    await b.load();
    await a.createProvider(herokuInput);
    await assert.rejects(b.createProvider(herokuInput), /already exists/);
  });

  it('looks again when the revision arrives before the other window\'s globalState write', async () => {
    const shared = new InMemoryMemento();
    const secrets = new InMemorySecretStorage();
    // Window b sees globalState as it was until `lag` is switched off.
    let lag = true;
    const seen: { stale?: unknown } = {};
    const lagging: KeyValueStore = {
      get: <T>(key: string) => (lag && key === dataKey ? (seen.stale as T) : shared.get<T>(key)),
      update: (key, value) => shared.update(key, value),
    };
    const timers: { callback: () => void; ms: number }[] = [];
    const a = new ProviderStore(shared, secrets);
    const b = new ProviderStore(lagging, secrets, {
      retryDelaysMs: [10, 20],
      setTimer: (callback, ms) => {
        timers.push({ callback, ms });
        return { dispose: () => undefined };
      },
    });
    await a.load();
    await b.load();
    seen.stale = shared.get(dataKey);
    const provider = await a.createProvider(herokuInput);
    await b.auditSecrets(); // b has handled the revision event by now
    assert.equal(b.provider(provider.id), undefined);
    assert.deepEqual(timers.map((timer) => timer.ms), [10]);

    lag = false;
    const arrived = nextChange(b);
    timers[0]!.callback();
    assert.deepEqual(await arrived, { kind: 'reload' });
    assert.ok(b.provider(provider.id));
  });

  it('gives up after the configured retries when the data never arrives', async () => {
    const shared = new InMemoryMemento();
    const secrets = new InMemorySecretStorage();
    const seen: { stale?: unknown } = {};
    const frozen: KeyValueStore = { get: <T>(key: string) => (key === dataKey ? (seen.stale as T) : shared.get<T>(key)), update: (key, value) => shared.update(key, value) };
    const timers: (() => void)[] = [];
    const a = new ProviderStore(shared, secrets);
    const b = new ProviderStore(frozen, secrets, { retryDelaysMs: [1, 1], setTimer: (callback) => (timers.push(callback), { dispose: () => undefined }) });
    await a.load();
    await b.load();
    seen.stale = shared.get(dataKey);
    await a.createProvider(herokuInput);
    await b.auditSecrets();
    for (let round = 0; timers.length > round; round++) {
      timers[round]!();
      await b.auditSecrets(); // lets the queued re-check run
    }
    assert.equal(timers.length, 2);
    assert.deepEqual(b.providers(), []);
  });

  it('reload() picks up data written without any event, and fires once', async () => {
    const { store, memento } = makeStore();
    await store.load();
    const other = makeStore({ memento, secrets: new InMemorySecretStorage() });
    await other.store.load();
    const provider = await other.store.createProvider(herokuInput);
    const changes = recordChanges(store);
    await store.reload();
    assert.deepEqual(changes, [{ kind: 'reload' }]);
    assert.deepEqual(store.provider(provider.id), provider);
    await store.reload();
    assert.equal(changes.length, 1, 'nothing changed the second time');
  });

  it('a change to one of its field secrets in another window makes it re-read globalState', async () => {
    const { a, b, memento, secrets } = twoWindows();
    await a.load();
    await b.load();
    const provider = await a.createProvider(herokuInput);
    await b.reload();
    // Another writer changed globalState without bumping the revision; then a secret of ours changes.
    memento.set(dataKey, { ...memento.get<Record<string, unknown>>(dataKey)!, providers: [{ ...provider, name: 'Renamed elsewhere' }] });
    const changed = nextChange(b);
    await secrets.store('providerDesk.secret/00000000-0000-4000-8000-000000000001/00000000-0000-4000-8000-000000000002', 'x');
    await changed;
    assert.equal(b.provider(provider.id)!.name, 'Renamed elsewhere');
  });

  it('ignores secrets of other extensions and stops listening when disposed', async () => {
    const { a, secrets } = twoWindows();
    await a.load();
    const changes = recordChanges(a);
    await secrets.store('someOtherExtension.key', 'x');
    await secrets.store(revisionKey, 'not-a-revision-of-ours');
    await a.auditSecrets();
    assert.deepEqual(changes, []);
    assert.equal(secrets.listenerCount, 2);
    a.dispose();
    assert.equal(secrets.listenerCount, 1);
  });
});
