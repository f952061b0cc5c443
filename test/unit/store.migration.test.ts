// The v1 → v2 migration and secrets: it moves no secret key (both versions use providerDesk.secret/<credential>/<field>),
// so stopping halfway strands nothing and the next start finishes the job; and the secrets of v1 items that fail
// their schema stay known to the store (its secret index), so the cleanup can find them.
import { strict as assert } from 'node:assert';
import { dataKey, secretKey } from '../../src/store/keys';
import { currentSchemaVersion } from '../../src/store/migrations';
import { InMemoryMemento } from '../doubles/memento';
import { InMemorySecretStorage } from '../doubles/secretStorage';
import { makeStore } from '../doubles/storeHarness';

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const v1 = {
  schemaVersion: 1,
  providers: [{
    id: id(1), name: 'Heroku', type: 'Heroku', accountId: 'https://api.heroku.com',
    credentials: [
      { id: id(2), name: 'Token', fields: [{ id: id(3), key: 'apitoken', type: 'String', sensitive: true }] },
      // Fails its schema (two fields with one key): left out, backed up and reported.
      { id: id(4), name: 'Broken', fields: [{ id: id(5), key: 'apitoken', type: 'String', sensitive: true }, { id: id(6), key: 'apitoken', type: 'String', sensitive: true }] },
    ],
    scopes: [{ id: id(7), name: 'Production', credentialId: id(2) }],
  }],
};

async function keyring(): Promise<InMemorySecretStorage> {
  const secrets = new InMemorySecretStorage();
  await secrets.store(secretKey(id(2), id(3)), 'v1-token');
  await secrets.store(secretKey(id(4), id(5)), 'broken-token-1');
  await secrets.store(secretKey(id(4), id(6)), 'broken-token-2');
  return secrets;
}

describe('ProviderStore: the v1 migration and secrets', () => {
  it('keeps the secrets of a credential it had to leave out findable, so the cleanup can delete them', async () => {
    const secrets = await keyring();
    const { store } = makeStore({ memento: new InMemoryMemento({ [dataKey]: v1 }), secrets });
    const report = await store.load();
    assert.equal(report.migratedFrom, 1);
    assert.deepEqual(report.invalid.map((item) => item.path), ['credentials.1.fields.1.key']);
    const orphaned = [secretKey(id(4), id(5)), secretKey(id(4), id(6))];
    assert.deepEqual(await store.auditSecrets(), { orphaned, missing: [] });
    assert.deepEqual(await store.deleteOrphanedSecrets(), orphaned);
    assert.deepEqual(secrets.secretKeys(), [secretKey(id(2), id(3))]);
    assert.deepEqual(await store.readFieldValues(id(2)), { apitoken: 'v1-token' });
  });

  it('globalState failing halfway leaves v1 and every secret as they were; the next start finishes', async () => {
    const secrets = await keyring();
    const memento = new InMemoryMemento({ [dataKey]: v1 });
    const before = [memento.get(dataKey), [...secrets.values]];
    // The backup is written, the migrated data is not (VS Code quit, or its storage failed).
    memento.failUpdate = (key) => key === dataKey;
    await assert.rejects(makeStore({ memento, secrets }).store.load());
    assert.deepEqual([memento.get(dataKey), [...secrets.values]], before);

    memento.failUpdate = false;
    const next = makeStore({ memento, secrets });
    assert.equal((await next.store.load()).migratedFrom, 1);
    assert.deepEqual(await next.store.readFieldValues(id(2)), { apitoken: 'v1-token' });
    assert.equal(memento.get<{ schemaVersion: number }>(dataKey)!.schemaVersion, currentSchemaVersion);
    assert.deepEqual((await next.store.auditSecrets()).orphaned, [secretKey(id(4), id(5)), secretKey(id(4), id(6))]);
    assert.deepEqual(await makeStore({ memento, secrets }).store.load(), { invalid: [] }, 'migrated once');
  });

  it('a throwing SecretStorage does not stop the migration or touch a secret', async () => {
    const secrets = await keyring();
    const values = [...secrets.values];
    secrets.failStore = true;
    secrets.failDelete = true;
    const { store, memento } = makeStore({ memento: new InMemoryMemento({ [dataKey]: v1 }), secrets });
    assert.equal((await store.load()).migratedFrom, 1);
    assert.equal(memento.get<{ schemaVersion: number }>(dataKey)!.schemaVersion, currentSchemaVersion);
    assert.deepEqual([...secrets.values], values);
    assert.deepEqual(await store.readFieldValues(id(2)), { apitoken: 'v1-token' });
  });
});
