import { strict as assert } from 'node:assert';
import { SecretStorageUnavailableError } from '../../src/store/errors';
import { dataKey, secretKey } from '../../src/store/keys';
import { InMemoryMemento } from '../doubles/memento';
import { InMemorySecretStorage } from '../doubles/secretStorage';
import { makeStore, seeded, token } from '../doubles/storeHarness';

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('ProviderStore: auditSecrets', () => {
  it('finds nothing wrong after ordinary use', async () => {
    const { store, credential } = await seeded();
    await store.updateCredential(credential.id, { name: 'x', fields: [{ key: 'password', sensitive: true, value: 'pw' }] });
    assert.deepEqual(await store.auditSecrets(), { orphaned: [], missing: [] });
  });

  it('finds missing secrets (sensitive fields without a secret)', async () => {
    const { store, secrets, credential } = await seeded();
    const key = secretKey(credential.id, credential.fields[0]!.id);
    secrets.values.delete(key); // e.g. the keyring was reset
    assert.deepEqual(await store.auditSecrets(), { orphaned: [], missing: [key] });
  });

  it('finds orphaned secrets through the index of written keys, and deletes them on request', async () => {
    const secrets = new InMemorySecretStorage();
    const orphanKey = secretKey(id(12), id(13));
    await secrets.store(orphanKey, 'left-behind');
    await secrets.store(secretKey(id(2), id(3)), token);
    const gone = secretKey(id(20), id(21)); // indexed, but its secret is already gone
    const memento = new InMemoryMemento({
      [dataKey]: {
        schemaVersion: 3,
        providers: [{ id: id(1), name: 'Heroku', type: 'Heroku', accountId: 'api.heroku.com', createdAt: '2024-05-01T10:00:00.000Z' }],
        credentials: [
          { id: id(2), providerId: id(1), name: 'Token', boundAccountId: 'api.heroku.com', fields: [{ id: id(3), key: 'apitoken', type: 'String', sensitive: true }] },
          // Invalid (its provider is missing): left out on load, its secret stays and is reported.
          { id: id(12), providerId: id(99), name: 'Lost', boundAccountId: 'api.heroku.com', fields: [{ id: id(13), key: 'apitoken', type: 'String', sensitive: true }] },
        ],
        scopes: [],
        secretIndex: [orphanKey, gone],
      },
    });
    const { store } = makeStore({ memento, secrets });
    await store.load();
    assert.deepEqual(await store.auditSecrets(), { orphaned: [orphanKey], missing: [] });

    assert.deepEqual(await store.deleteOrphanedSecrets(), [orphanKey]);
    assert.equal(secrets.values.has(orphanKey), false);
    assert.equal(secrets.values.get(secretKey(id(2), id(3))), token);
    assert.deepEqual(memento.get<{ secretIndex: string[] }>(dataKey)!.secretIndex, [secretKey(id(2), id(3))]);
    assert.deepEqual(await store.auditSecrets(), { orphaned: [], missing: [] });
    assert.deepEqual(await store.deleteOrphanedSecrets(), []);
  });

  it('deleting a credential also deletes older secrets of it listed in the index', async () => {
    const { store, secrets, memento, credential } = await seeded();
    const stray = secretKey(credential.id, id(77));
    await secrets.store(stray, 'stray');
    const data = memento.get<{ secretIndex: string[] }>(dataKey)!;
    memento.set(dataKey, { ...data, secretIndex: [...data.secretIndex, stray] });
    await store.reload();
    assert.deepEqual((await store.auditSecrets()).orphaned, [stray]);
    await store.deleteCredential(credential.id, { deleteScopes: true });
    assert.deepEqual(secrets.secretKeys(), []);
  });

  it('reports an unreadable SecretStorage', async () => {
    const secrets = new InMemorySecretStorage();
    const { store } = await seeded(makeStore({ secrets }));
    secrets.failGet = true;
    await assert.rejects(store.auditSecrets(), SecretStorageUnavailableError);
  });
});
