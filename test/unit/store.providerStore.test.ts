import { strict as assert } from 'node:assert';
import {
  CredentialInUseError,
  MissingSecretError,
  NameTakenError,
  NotFoundError,
  SecretStorageUnavailableError,
  StoreError,
  ValidationError,
} from '../../src/store/errors';
import { dataKey, revisionKey, secretKey } from '../../src/store/keys';
import { currentSchemaVersion } from '../../src/store/migrations';
import { InMemoryMemento } from '../doubles/memento';
import { InMemorySecretStorage, ThrowingGetSecretStorage, ThrowingStoreSecretStorage } from '../doubles/secretStorage';
import { herokuInput, makeStore, recordChanges, seeded, token, tokenCredentialInput } from '../doubles/storeHarness';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function rejectsWith<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${type.name}, but it resolved`);
}

describe('ProviderStore: providers', () => {
  it('loads empty data without writing anything', async () => {
    const { store, memento, secrets } = makeStore();
    assert.deepEqual(await store.load(), { invalid: [] });
    assert.deepEqual(store.providers(), []);
    assert.equal(memento.updates, 0);
    assert.equal(secrets.storeCalls, 0);
  });

  it('creates a provider with a UUID, the normalised Account ID and a creation time, and persists it', async () => {
    const now = new Date('2024-05-01T10:00:00.000Z');
    const { store, memento, secrets } = makeStore({ store: { now: () => now } });
    await store.load();
    const changes = recordChanges(store);
    const provider = await store.createProvider({ name: '  Heroku  ', type: 'Heroku', accountId: 'HTTPS://API.HEROKU.COM/' });
    assert.match(provider.id, uuidPattern);
    assert.deepEqual({ ...provider, id: 'x' }, { id: 'x', name: 'Heroku', type: 'Heroku', accountId: 'api.heroku.com', createdAt: '2024-05-01T10:00:00.000Z' });
    assert.deepEqual(store.provider(provider.id), provider);
    assert.ok(Object.isFrozen(provider), 'objects handed out are frozen');
    assert.deepEqual(changes, [{ kind: 'provider', id: provider.id }]);

    const stored = memento.get<{ schemaVersion: number; providers: unknown[]; revision: string }>(dataKey)!;
    assert.equal(stored.schemaVersion, currentSchemaVersion);
    assert.deepEqual(stored.providers, [provider]);
    assert.equal(secrets.values.get(revisionKey), stored.revision, 'the revision secret is bumped with the metadata');
  });

  it('lists providers sorted by name', async () => {
    const { store } = makeStore();
    for (const name of ['beta', 'Alpha', 'gamma 10', 'gamma 9']) await store.createProvider({ name, type: 'Other', accountId: 'example.com' });
    assert.deepEqual(store.providers().map((provider) => provider.name), ['Alpha', 'beta', 'gamma 9', 'gamma 10']);
  });

  it('refuses a taken name (trimmed, case-insensitive) with NameTakenError and writes nothing', async () => {
    const { store, memento } = await seeded();
    const updates = memento.updates;
    const error = await rejectsWith(store.createProvider({ ...herokuInput, name: '  HEROKU ' }), NameTakenError);
    assert.ok(error instanceof ValidationError && error instanceof StoreError);
    assert.equal(error.takenName, 'HEROKU');
    assert.deepEqual(error.errors, [{ field: 'name', code: 'providerNameTaken', args: ['HEROKU'] }]);
    assert.equal(memento.updates, updates);
    assert.equal(store.providers().length, 1);
  });

  it('refuses invalid input with a ValidationError addressed by field', async () => {
    const { store } = makeStore();
    const error = await rejectsWith(store.createProvider({ name: 'x'.repeat(101), type: 'Other', accountId: 'http://example.com' }), ValidationError);
    assert.ok(!(error instanceof NameTakenError));
    assert.deepEqual(error.errors.map((e) => e.field), ['name', 'accountId']);
    assert.match(error.message, /at most 100 characters/);
  });

  it('updates a provider, keeping its id and creation time; its own name is no clash', async () => {
    const { store, provider } = await seeded();
    const changes = recordChanges(store);
    const updated = await store.updateProvider(provider.id, { name: 'heroku', type: 'Heroku', accountId: 'http://localhost:5000' });
    assert.deepEqual(updated, { ...provider, name: 'heroku', accountId: 'http://localhost:5000' });
    assert.deepEqual(changes, [{ kind: 'provider', id: provider.id }]);
    await rejectsWith(store.updateProvider('00000000-0000-4000-8000-000000000000', herokuInput), NotFoundError);
  });

  it('deletes a provider with its credentials, their secrets and its scopes', async () => {
    const { store, provider, credential, scope, secrets, memento } = await seeded();
    const other = await store.createProvider({ name: 'Other', type: 'Other', accountId: 'example.com' });
    const otherCredential = await store.createCredential(other.id, tokenCredentialInput('other-secret-value'));
    await store.deleteProvider(provider.id);
    assert.equal(store.provider(provider.id), undefined);
    assert.equal(store.credential(credential.id), undefined);
    assert.equal(store.scope(scope.id), undefined);
    assert.deepEqual(store.credentials(provider.id), []);
    assert.deepEqual(secrets.secretKeys(), [secretKey(otherCredential.id, otherCredential.fields[0]!.id)]);
    // Only its tombstone remembers it (so that another window's copy cannot bring it back).
    const stored = memento.get<{ providers: unknown[]; credentials: unknown[]; scopes: unknown[]; tombstones: Record<string, string> }>(dataKey)!;
    assert.ok(!JSON.stringify([stored.providers, stored.credentials, stored.scopes]).includes(provider.id));
    assert.deepEqual(Object.keys(stored.tombstones).sort(), [provider.id, credential.id, scope.id, secretKey(credential.id, credential.fields[0]!.id)].sort());
    await rejectsWith(store.deleteProvider(provider.id), NotFoundError);
  });
});

describe('ProviderStore: credentials and secrets', () => {
  it('keeps sensitive values only in SecretStorage, under providerDesk.secret/<credentialId>/<fieldId>', async () => {
    const { store, secrets, memento, provider } = await seeded();
    const credential = await store.createCredential(provider.id, {
      name: 'Login',
      fields: [
        { key: 'user', type: 'String', sensitive: false, value: 'me@example.com' },
        { key: 'password', type: 'String', sensitive: true, value: 'pa55-word-very-secret' },
        { key: 'port', type: 'Number', sensitive: false, value: ' 5432 ' },
      ],
    });
    const [user, password, port] = credential.fields;
    assert.deepEqual(user, { id: user!.id, key: 'user', type: 'String', sensitive: false, value: 'me@example.com' });
    assert.deepEqual(password, { id: password!.id, key: 'password', type: 'String', sensitive: true });
    assert.equal(port!.value, '5432');
    assert.notEqual(user!.id, password!.id);
    assert.equal(secrets.values.get(secretKey(credential.id, password!.id)), 'pa55-word-very-secret');
    assert.deepEqual(await store.readFieldValues(credential.id), { user: 'me@example.com', password: 'pa55-word-very-secret', port: '5432' });

    const everything = memento.serialize();
    assert.ok(!everything.includes('pa55-word-very-secret'));
    assert.ok(!everything.includes(token));
    assert.ok(everything.includes('me@example.com'), 'the search would find a value if it were there');
  });

  it('lists credentials sorted by name, with the scopes using each', async () => {
    const { store, provider, credential, scope } = await seeded();
    await store.createCredential(provider.id, tokenCredentialInput('b', 'Another'));
    await store.createCredential(provider.id, tokenCredentialInput('c', 'zeta'));
    assert.deepEqual(store.credentials(provider.id).map((item) => item.name), ['Another', 'Heroku token', 'zeta']);
    assert.deepEqual(store.scopesUsingCredential(credential.id), [scope]);
  });

  it('refuses a taken credential name within the provider, but allows it under another provider', async () => {
    const { store, provider } = await seeded();
    await rejectsWith(store.createCredential(provider.id, tokenCredentialInput('x', 'heroku TOKEN')), NameTakenError);
    const other = await store.createProvider({ name: 'Other', type: 'Other', accountId: 'example.com' });
    await store.createCredential(other.id, tokenCredentialInput('x', 'Heroku token'));
    await rejectsWith(store.createCredential('00000000-0000-4000-8000-000000000000', tokenCredentialInput()), NotFoundError);
  });

  it('a throwing SecretStorage.store leaves no metadata and no secret, and the message has no secret', async () => {
    const memento = new InMemoryMemento();
    const secrets = new ThrowingStoreSecretStorage();
    const { store } = makeStore({ memento, secrets });
    const provider = await store.createProvider(herokuInput);
    const before = memento.serialize();
    const error = await rejectsWith(store.createCredential(provider.id, tokenCredentialInput()), SecretStorageUnavailableError);
    assert.match(error.message, /Secret storage is unavailable/);
    assert.match(error.message, /gnome-keyring or KWallet/);
    assert.match(error.message, /password-store/);
    assert.match(error.message, /locked collection/, 'the cause is kept');
    assert.ok(!error.message.includes(token) && !(error.detail ?? '').includes(token), 'the secret value is redacted from the cause');
    assert.equal(memento.serialize(), before);
    assert.deepEqual(secrets.secretKeys(), []);
    assert.deepEqual(store.credentials(provider.id), []);
  });

  it('rolls back the secrets already written when a later one fails', async () => {
    const secrets = new InMemorySecretStorage();
    const { store, memento } = makeStore({ secrets });
    const provider = await store.createProvider(herokuInput);
    const before = memento.serialize();
    secrets.failStoreAfter = secrets.storeCalls + 1; // the first field's secret is stored, the second fails
    await rejectsWith(store.createCredential(provider.id, {
      name: 'Two secrets',
      fields: [{ key: 'apitoken', sensitive: true, value: 'first-secret' }, { key: 'password', sensitive: true, value: 'second-secret' }],
    }), SecretStorageUnavailableError);
    assert.ok(secrets.log.some((entry) => entry.op === 'store' && entry.key.startsWith('providerDesk.secret/')), 'one secret was written');
    assert.deepEqual(secrets.secretKeys(), [], 'and then removed again');
    assert.equal(memento.serialize(), before);
  });

  it('rolls back the secrets when the metadata write fails', async () => {
    const { store, memento, secrets, provider } = await seeded();
    const before = memento.serialize();
    const keysBefore = secrets.secretKeys();
    memento.failUpdate = true;
    await assert.rejects(store.createCredential(provider.id, tokenCredentialInput('another-secret', 'Second')), /memento update/);
    assert.deepEqual(secrets.secretKeys(), keysBefore);
    assert.equal(memento.serialize(), before);
    memento.failUpdate = false;
    // Deleting: the secret comes back when the metadata cannot be written.
    const credential = store.credentials(provider.id)[0]!;
    memento.failUpdate = true;
    await assert.rejects(store.deleteCredential(credential.id, { deleteScopes: true }), /memento update/);
    assert.equal(secrets.values.get(secretKey(credential.id, credential.fields[0]!.id)), token);
    assert.ok(store.credential(credential.id));
  });

  it('editing: an undefined sensitive value keeps the secret, a new value replaces it', async () => {
    const { store, secrets, credential } = await seeded();
    const field = credential.fields[0]!;
    const key = secretKey(credential.id, field.id);
    const changes = recordChanges(store);
    const kept = await store.updateCredential(credential.id, { name: 'Renamed', fields: [{ id: field.id, key: 'apitoken', type: 'String', sensitive: true }] });
    assert.equal(kept.name, 'Renamed');
    assert.equal(secrets.values.get(key), token);
    assert.deepEqual(changes[0], { kind: 'credential', id: credential.id, providerId: credential.providerId });
    await store.updateCredential(credential.id, { name: 'Renamed', fields: [{ id: field.id, key: 'apitoken', type: 'String', sensitive: true, value: 'new-token-value' }] });
    assert.equal(secrets.values.get(key), 'new-token-value');
    assert.deepEqual(secrets.secretKeys(), [key]);
  });

  it('editing: renaming a field key keeps its secret (fields have their own ids)', async () => {
    const { store, secrets, credential } = await seeded();
    const field = credential.fields[0]!;
    const updated = await store.updateCredential(credential.id, { name: credential.name, fields: [{ id: field.id, key: 'token', type: 'String', sensitive: true }] });
    assert.equal(updated.fields[0]!.id, field.id);
    assert.equal(updated.fields[0]!.key, 'token');
    assert.deepEqual(await store.readFieldValues(credential.id), { token });
    assert.deepEqual(secrets.secretKeys(), [secretKey(credential.id, field.id)]);
  });

  it('editing: a removed field\'s secret is deleted; a new field gets a new id and secret', async () => {
    const { store, secrets, credential } = await seeded();
    const updated = await store.updateCredential(credential.id, { name: credential.name, fields: [{ key: 'password', sensitive: true, value: 'pw-secret' }] });
    const field = updated.fields[0]!;
    assert.notEqual(field.id, credential.fields[0]!.id);
    assert.deepEqual(secrets.secretKeys(), [secretKey(credential.id, field.id)]);
    assert.deepEqual(await store.readFieldValues(credential.id), { password: 'pw-secret' });
  });

  it('editing: switching Sensitive off moves the secret into metadata; switching it on moves it back', async () => {
    const { store, secrets, memento, credential } = await seeded();
    const field = credential.fields[0]!;
    const off = await store.updateCredential(credential.id, { name: credential.name, fields: [{ id: field.id, key: 'apitoken', type: 'String', sensitive: false }] });
    assert.deepEqual(off.fields[0], { id: field.id, key: 'apitoken', type: 'String', sensitive: false, value: token });
    assert.deepEqual(secrets.secretKeys(), []);
    const on = await store.updateCredential(credential.id, { name: credential.name, fields: [{ id: field.id, key: 'apitoken', type: 'String', sensitive: true }] });
    assert.deepEqual(on.fields[0], { id: field.id, key: 'apitoken', type: 'String', sensitive: true });
    assert.equal(secrets.values.get(secretKey(credential.id, field.id)), token);
    assert.ok(!memento.serialize().includes(token));
  });

  it('editing: a secret that does not fit the new type is refused, and nothing changes', async () => {
    const { store, secrets, memento, credential } = await seeded();
    const field = credential.fields[0]!;
    const before = memento.serialize();
    const error = await rejectsWith(store.updateCredential(credential.id, { name: credential.name, fields: [{ id: field.id, key: 'apitoken', type: 'Number', sensitive: false }] }), ValidationError);
    assert.deepEqual(error.errors, [{ field: 'fields.0.value', code: 'storedValueWrongType', args: ['Number'] }]);
    assert.ok(!error.message.includes(token));
    assert.equal(memento.serialize(), before);
    assert.equal(secrets.values.get(secretKey(credential.id, field.id)), token);
  });

  it('editing: moving a secret out needs a readable SecretStorage', async () => {
    const secrets = new InMemorySecretStorage();
    const { store, credential } = await seeded(makeStore({ secrets }));
    secrets.failGet = true;
    const field = credential.fields[0]!;
    await rejectsWith(store.updateCredential(credential.id, { name: credential.name, fields: [{ id: field.id, key: 'apitoken', sensitive: false }] }), SecretStorageUnavailableError);
    assert.equal(store.credential(credential.id)!.fields[0]!.sensitive, true);
  });

  it('deleteCredential refuses while scopes use it (CredentialInUseError lists them) and deletes them when asked', async () => {
    const { store, secrets, provider, credential, scope } = await seeded();
    await store.createScope(provider.id, { name: 'Staging', credentialId: credential.id });
    const error = await rejectsWith(store.deleteCredential(credential.id), CredentialInUseError);
    assert.deepEqual(error.scopeNames, ['Production', 'Staging']);
    assert.match(error.message, /"Production", "Staging"/);
    assert.ok(store.credential(credential.id));
    assert.equal(secrets.secretKeys().length, 1);

    const changes = recordChanges(store);
    await store.deleteCredential(credential.id, { deleteScopes: true });
    assert.equal(store.credential(credential.id), undefined);
    assert.equal(store.scope(scope.id), undefined);
    assert.deepEqual(store.scopes(provider.id), []);
    assert.deepEqual(secrets.secretKeys(), [], 'no secret outlives its credential');
    assert.deepEqual(changes[0], { kind: 'credential', id: credential.id, providerId: provider.id });
  });

  it('deleteCredential without scopes needs no option; a failing delete keeps everything', async () => {
    const secrets = new InMemorySecretStorage();
    const { store, provider } = await seeded(makeStore({ secrets }));
    const credential = await store.createCredential(provider.id, tokenCredentialInput('second-secret', 'Unused'));
    secrets.failDelete = true;
    await rejectsWith(store.deleteCredential(credential.id), SecretStorageUnavailableError);
    assert.ok(store.credential(credential.id));
    assert.equal(secrets.values.get(secretKey(credential.id, credential.fields[0]!.id)), 'second-secret');
    secrets.failDelete = false;
    await store.deleteCredential(credential.id);
    assert.equal(store.credential(credential.id), undefined);
    assert.equal(secrets.values.has(secretKey(credential.id, credential.fields[0]!.id)), false);
  });

  it('readFieldValues reports a missing secret and an unreadable SecretStorage', async () => {
    const secrets = new InMemorySecretStorage();
    const { store, credential } = await seeded(makeStore({ secrets }));
    secrets.failGet = true;
    const unavailable = await rejectsWith(store.readFieldValues(credential.id), SecretStorageUnavailableError);
    assert.match(unavailable.message, /Secret storage is unavailable, so Provider Desk could not read the credential "Heroku token"/);
    secrets.failGet = false;
    secrets.values.delete(secretKey(credential.id, credential.fields[0]!.id));
    const missing = await rejectsWith(store.readFieldValues(credential.id), MissingSecretError);
    assert.deepEqual(missing.keys, ['apitoken']);
    await rejectsWith(store.readFieldValues('00000000-0000-4000-8000-000000000000'), NotFoundError);
  });

  it('a SecretStorage whose get throws still allows creating credentials', async () => {
    const { store, secrets } = makeStore({ secrets: new ThrowingGetSecretStorage() });
    const provider = await store.createProvider(herokuInput);
    const credential = await store.createCredential(provider.id, tokenCredentialInput());
    assert.equal(secrets.values.get(secretKey(credential.id, credential.fields[0]!.id)), token);
    await rejectsWith(store.readFieldValues(credential.id), SecretStorageUnavailableError);
  });

  it('never writes a secret into globalState across a whole session of edits', async () => {
    const { store, memento, provider, credential } = await seeded();
    const field = credential.fields[0]!;
    await store.updateCredential(credential.id, { name: 'A', fields: [{ id: field.id, key: 'tok', sensitive: true }, { key: 'password', sensitive: true, value: 'second-very-secret' }] });
    await store.rename('credential', credential.id, 'B');
    await store.createCredential(provider.id, { name: 'C', fields: [{ key: 'api_key', value: 'third-very-secret' }] });
    const serialized = memento.serialize();
    for (const secret of [token, 'second-very-secret', 'third-very-secret']) assert.ok(!serialized.includes(secret), secret);
    assert.deepEqual(await store.readFieldValues(credential.id), { tok: token, password: 'second-very-secret' });
  });
});

describe('ProviderStore: scopes', () => {
  it('creates, updates and deletes scopes', async () => {
    const { store, provider, credential, scope } = await seeded();
    assert.deepEqual(scope, { id: scope.id, providerId: provider.id, name: 'Production', credentialId: credential.id });
    const second = await store.createCredential(provider.id, tokenCredentialInput('x', 'Second'));
    const changes = recordChanges(store);
    const updated = await store.updateScope(scope.id, { name: 'Prod', credentialId: second.id });
    assert.deepEqual(updated, { ...scope, name: 'Prod', credentialId: second.id });
    assert.deepEqual(store.scopesUsingCredential(credential.id), []);
    assert.deepEqual(changes, [{ kind: 'scope', id: scope.id, providerId: provider.id }]);
    await store.deleteScope(scope.id);
    assert.equal(store.scope(scope.id), undefined);
    assert.ok(store.credential(second.id), 'deleting a scope keeps its credential');
    await rejectsWith(store.deleteScope(scope.id), NotFoundError);
  });

  it('a scope cannot use a missing credential or one of another provider', async () => {
    const { store, provider, credential } = await seeded();
    const other = await store.createProvider({ name: 'Other', type: 'Other', accountId: 'example.com' });
    const error = await rejectsWith(store.createScope(other.id, { name: 'x', credentialId: credential.id }), ValidationError);
    assert.deepEqual(error.errors.map((e) => e.field), ['credentialId']);
    await rejectsWith(store.createScope(provider.id, { name: 'x', credentialId: '00000000-0000-4000-8000-000000000000' }), ValidationError);
    await rejectsWith(store.createScope(provider.id, { name: 'production', credentialId: credential.id }), NameTakenError);
  });

  it('rename keeps everything else', async () => {
    const { store, provider, credential, scope } = await seeded();
    assert.equal((await store.rename('scope', scope.id, 'Live')).name, 'Live');
    assert.equal(store.scope(scope.id)!.credentialId, credential.id);
    assert.deepEqual(await store.rename('provider', provider.id, 'Heroku EU'), { ...provider, name: 'Heroku EU' });
    await rejectsWith(store.rename('credential', credential.id, ''), ValidationError);
  });
});

describe('ProviderStore: serialised writes', () => {
  it('two rapid creates with the same name: one wins, the other is refused', async () => {
    const { store } = makeStore();
    const results = await Promise.allSettled([store.createProvider(herokuInput), store.createProvider({ ...herokuInput, name: 'heroku' })]);
    assert.equal(results[0]!.status, 'fulfilled');
    assert.equal(results[1]!.status, 'rejected');
    assert.ok((results[1] as PromiseRejectedResult).reason instanceof NameTakenError);
    assert.equal(store.providers().length, 1);
  });

  it('a delete queued behind an update sees the updated data', async () => {
    const { store, provider, credential } = await seeded();
    const update = store.createScope(provider.id, { name: 'Second', credentialId: credential.id });
    const remove = store.deleteCredential(credential.id);
    await update;
    const error = await rejectsWith(remove, CredentialInUseError);
    assert.deepEqual(error.scopeNames, ['Production', 'Second']);
  });
});
