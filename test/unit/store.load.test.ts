import { strict as assert } from 'node:assert';
import { UnsupportedSchemaError } from '../../src/store/errors';
import { backupKeyPrefix, dataKey, revisionKey, secretKey } from '../../src/store/keys';
import { currentSchemaVersion, migrate, MigrationError } from '../../src/store/migrations';
import type { LoadReport } from '../../src/store/providerStore';
import { formatLoadReport, reportLoadProblems } from '../../src/store/reportLoadProblems';
import { InMemoryMemento } from '../doubles/memento';
import { InMemorySecretStorage } from '../doubles/secretStorage';
import { herokuInput, makeStore, recordChanges } from '../doubles/storeHarness';

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const now = new Date('2024-06-01T12:00:00.000Z');
const createdAt = '2024-05-01T10:00:00.000Z';

const goodProvider = { id: id(1), name: 'Heroku', type: 'Heroku', accountId: 'api.heroku.com', createdAt };
const goodCredential = { id: id(2), providerId: id(1), name: 'Token', boundAccountId: 'api.heroku.com', fields: [{ id: id(3), key: 'apitoken', type: 'String', sensitive: true }] };
const goodScope = { id: id(4), providerId: id(1), name: 'Production', credentialId: id(2) };

function storeOn(data: unknown, secrets = new InMemorySecretStorage()) {
  const memento = new InMemoryMemento({ [dataKey]: data });
  return makeStore({ memento, secrets, store: { now: () => now } });
}

describe('ProviderStore: loading stored data', () => {
  it('keeps valid data as it is, without writing', async () => {
    const { store, memento } = storeOn({ schemaVersion: 3, providers: [goodProvider], credentials: [goodCredential], scopes: [goodScope], secretIndex: [] });
    const changes = recordChanges(store);
    assert.deepEqual(await store.load(), { invalid: [] });
    assert.deepEqual(store.providers(), [goodProvider]);
    assert.deepEqual(store.credentials(id(1)), [goodCredential]);
    assert.deepEqual(store.scopes(id(1)), [goodScope]);
    assert.equal(memento.updates, 0);
    assert.deepEqual(changes, [{ kind: 'reload' }]);
  });

  it('leaves out invalid items (and what depends on them), backs the data up, reports once, keeps the rest', async () => {
    const raw = {
      schemaVersion: 3,
      providers: [
        goodProvider,
        { ...goodProvider, id: id(10), name: 'Plain http', accountId: 'http://example.com' },
        'not an object',
        { ...goodProvider, id: id(11), name: 'heroku' },
      ],
      credentials: [
        goodCredential,
        { id: id(12), providerId: id(10), name: 'Orphan', boundAccountId: 'api.heroku.com', fields: [] },
        { id: id(13), providerId: id(1), name: 'Leaky', boundAccountId: 'api.heroku.com', fields: [{ id: id(14), key: 'apitoken', type: 'String', sensitive: true, value: 'leaked-secret' }] },
      ],
      scopes: [goodScope, { id: id(15), providerId: id(1), name: 'Uses leaky', credentialId: id(13) }],
      secretIndex: [secretKey(id(13), id(14)), 42],
    };
    const { store, memento } = storeOn(raw);
    const report = await store.load();
    assert.deepEqual(report.invalid, [
      { path: 'providers.1.accountId', reason: 'Plain http:// is only allowed for a loopback host (localhost, 127.0.0.1, [::1]). Use https://.', name: 'Plain http' },
      { path: 'providers.2', reason: 'This value is not valid.' },
      { path: 'providers.3', reason: 'Another provider has the same name.', name: 'heroku' },
      { path: 'credentials.1', reason: 'Its provider does not exist (or could not be read).', name: 'Orphan' },
      { path: 'credentials.2.fields.0.value', reason: 'A sensitive value must not be kept in metadata.', name: 'Leaky' },
      { path: 'scopes.1', reason: 'Its credential does not exist (or could not be read).', name: 'Uses leaky' },
      { path: 'secretIndex.1', reason: 'Not a key starting with providerDesk.secret/.' },
    ]);
    assert.equal(report.backupKey, `${backupKeyPrefix}2024-06-01T12:00:00.000Z`);

    // The valid rest is kept and written back.
    assert.deepEqual(store.providers(), [goodProvider]);
    assert.deepEqual(store.credentials(id(1)), [goodCredential]);
    assert.deepEqual(store.scopes(id(1)), [goodScope]);
    const stored = memento.get<{ providers: unknown[]; credentials: unknown[]; secretIndex: string[] }>(dataKey)!;
    assert.deepEqual(stored.providers, [goodProvider]);
    assert.deepEqual(stored.secretIndex.sort(), [secretKey(id(13), id(14)), secretKey(id(2), id(3))].sort());

    // The backup holds the data as it was, except a secret that should never have been in metadata.
    const backup = memento.get<typeof raw>(report.backupKey!)!;
    assert.deepEqual(backup.providers, raw.providers);
    assert.deepEqual(backup.credentials[2], { ...raw.credentials[2], fields: [{ id: id(14), key: 'apitoken', type: 'String', sensitive: true }] });
    assert.ok(!memento.serialize().includes('leaked-secret'));

    // Reported once: the next window (or the next start) finds clean data.
    const next = makeStore({ memento, secrets: new InMemorySecretStorage() });
    assert.deepEqual(await next.store.load(), { invalid: [] });
    assert.deepEqual(next.store.providers(), [goodProvider]);
  });

  for (const [label, raw] of [['a string', 'garbage'], ['an array', [goodProvider]], ['a number', 42]] as const) {
    it(`backs up a top level that is ${label} and starts empty`, async () => {
      const { store, memento } = storeOn(raw);
      const report = await store.load();
      assert.equal(report.invalid.length, 1);
      assert.equal(report.invalid[0]!.path, '');
      assert.match(report.invalid[0]!.reason, /not an object/);
      assert.deepEqual(memento.get(report.backupKey!), raw);
      assert.deepEqual(store.providers(), []);
      assert.equal(memento.get<{ schemaVersion: number }>(dataKey)!.schemaVersion, currentSchemaVersion);
      await store.createProvider(herokuInput);
      assert.equal(store.providers().length, 1);
    });
  }

  it('backs up data with an unusable schemaVersion, and lists that is not a list', async () => {
    const bad = storeOn({ schemaVersion: 'two', providers: [goodProvider] });
    const report = await bad.store.load();
    assert.deepEqual(report.invalid.map((item) => item.path), ['schemaVersion']);
    assert.deepEqual(bad.store.providers(), []);

    const notList = storeOn({ schemaVersion: 3, providers: { a: goodProvider }, credentials: [], scopes: [] });
    const second = await notList.store.load();
    assert.deepEqual(second.invalid, [{ path: 'providers', reason: '"providers" is not a list.' }]);
    assert.ok(second.backupKey);
  });

  it('never overwrites an earlier backup', async () => {
    const memento = new InMemoryMemento({ [dataKey]: 'garbage', [`${backupKeyPrefix}2024-06-01T12:00:00.000Z`]: 'older' });
    const { store } = makeStore({ memento, store: { now: () => now } });
    const report = await store.load();
    assert.equal(report.backupKey, `${backupKeyPrefix}2024-06-01T12:00:00.000Z-2`);
    assert.equal(memento.get(`${backupKeyPrefix}2024-06-01T12:00:00.000Z`), 'older');
  });

  it('reports invalid data found by reload() through onDidReport, not twice', async () => {
    const { store, memento } = makeStore();
    await store.load();
    const reports: LoadReport[] = [];
    store.onDidReport((report) => reports.push(report));
    memento.set(dataKey, { schemaVersion: 3, providers: [goodProvider, { id: 'x' }] });
    await store.reload();
    await store.reload();
    assert.equal(reports.length, 1);
    assert.deepEqual(reports[0]!.invalid.map((item) => item.path), ['providers.1.id']);
    assert.deepEqual(store.providers(), [goodProvider]);
  });
});

describe('ProviderStore: schema migration', () => {
  const v1 = {
    schemaVersion: 1,
    providers: [{
      id: id(1), name: 'Heroku', type: 'Heroku', accountId: 'https://api.heroku.com',
      credentials: [{ id: id(2), name: 'Token', fields: [{ id: id(3), key: 'apitoken', type: 'String', sensitive: true }, { id: id(5), key: 'team', type: 'String', sensitive: false, value: 'core' }] }],
      scopes: [{ id: id(4), name: 'Production', credentialId: id(2) }],
    }],
  };

  it('migrates v1 (nested, no creation time) to the current version and writes it back', async () => {
    const secrets = new InMemorySecretStorage();
    await secrets.store(secretKey(id(2), id(3)), 'v1-token');
    const { store, memento } = storeOn(v1, secrets);
    const report = await store.load();
    assert.deepEqual(report, { invalid: [], migratedFrom: 1 });
    assert.deepEqual(store.providers(), [{ id: id(1), name: 'Heroku', type: 'Heroku', accountId: 'api.heroku.com', createdAt: now.toISOString() }]);
    assert.deepEqual(store.scopes(id(1)), [{ id: id(4), providerId: id(1), name: 'Production', credentialId: id(2) }]);
    assert.equal(store.credential(id(2))!.providerId, id(1));
    assert.equal(store.credential(id(2))!.boundAccountId, 'api.heroku.com');
    assert.deepEqual(await store.readFieldValues(id(2)), { apitoken: 'v1-token', team: 'core' });
    const stored = memento.get<{ schemaVersion: number; providers: unknown[]; credentials: unknown[]; secretIndex: string[] }>(dataKey)!;
    assert.equal(stored.schemaVersion, currentSchemaVersion);
    assert.equal(stored.credentials.length, 1);
    assert.deepEqual(stored.secretIndex, [secretKey(id(2), id(3))]);
    assert.deepEqual(await store.auditSecrets(), { orphaned: [], missing: [] });

    const again = makeStore({ memento, secrets });
    assert.deepEqual(await again.store.load(), { invalid: [] }, 'migrated once');
  });

  it('binds the credentials of v2 data to their provider\'s Account ID as it is, once, touching no secret', async () => {
    const secrets = new InMemorySecretStorage();
    await secrets.store(secretKey(id(2), id(3)), 'v2-token');
    const mock = { id: id(6), name: 'Mock', type: 'Other', accountId: 'http://127.0.0.1:5000', createdAt };
    const v2 = {
      schemaVersion: 2,
      providers: [goodProvider, mock],
      credentials: [
        { id: id(2), providerId: id(1), name: 'Token', fields: [{ id: id(3), key: 'apitoken', type: 'String', sensitive: true }] },
        { id: id(7), providerId: id(6), name: 'Mock token', fields: [{ id: id(8), key: 'team', type: 'String', sensitive: false, value: 'core' }] },
      ],
      scopes: [goodScope],
      secretIndex: [secretKey(id(2), id(3))],
    };
    const { store, memento } = storeOn(v2, secrets);
    const secretsBefore = [...secrets.values.entries()];
    assert.deepEqual(await store.load(), { invalid: [], migratedFrom: 2 });
    assert.deepEqual(store.credential(id(2)), { ...v2.credentials[0], boundAccountId: 'api.heroku.com' });
    assert.equal(store.credential(id(7))!.boundAccountId, 'http://127.0.0.1:5000');
    assert.deepEqual(await store.readFieldValues(id(2)), { apitoken: 'v2-token' });
    assert.deepEqual([...secrets.values.entries()].filter(([key]) => key !== revisionKey), secretsBefore);
    const stored = memento.get<{ schemaVersion: number; credentials: { boundAccountId: string }[] }>(dataKey)!;
    assert.equal(stored.schemaVersion, 3);
    assert.deepEqual(stored.credentials.map((credential) => credential.boundAccountId), ['api.heroku.com', 'http://127.0.0.1:5000']);
    assert.deepEqual(await makeStore({ memento, secrets }).store.load(), { invalid: [] }, 'migrated once');
  });

  it('treats data without schemaVersion as v1, and reports items it could not migrate', async () => {
    const { store } = storeOn({ providers: [...v1.providers, 'junk'] });
    const report = await store.load();
    assert.equal(report.migratedFrom, 1);
    assert.deepEqual(report.invalid.map((item) => item.path), ['providers.1']);
    assert.ok(report.backupKey);
    assert.equal(store.providers().length, 1);
  });

  it('migrate() refuses a version it has no step for', () => {
    assert.throws(() => migrate({ schemaVersion: 0 }, 0, { now }), MigrationError);
  });

  it('shows data of a newer schema version but does not overwrite it', async () => {
    const raw = { schemaVersion: currentSchemaVersion + 1, providers: [{ ...goodProvider, futureProperty: true }], credentials: [], scopes: [], somethingNew: [] };
    const { store, memento } = storeOn(raw);
    const before = memento.serialize();
    const report = await store.load();
    assert.deepEqual(report, { invalid: [], newerSchemaVersion: currentSchemaVersion + 1 });
    assert.deepEqual(store.providers(), [goodProvider]);
    await assert.rejects(store.createProvider({ ...herokuInput, name: 'New' }), UnsupportedSchemaError);
    await assert.rejects(store.deleteProvider(goodProvider.id), UnsupportedSchemaError);
    assert.equal(memento.serialize(), before);
    assert.match(formatLoadReport(report)!, /newer version/);
  });
});

describe('reportLoadProblems', () => {
  it('logs every item and returns (and shows) one message', () => {
    const lines: string[] = [];
    const shown: string[] = [];
    const report: LoadReport = {
      invalid: [{ path: 'providers.1.accountId', reason: 'Plain http:// is not allowed.', name: 'Mock' }, { path: 'scopes.0', reason: 'Its credential does not exist.' }],
      backupKey: 'providerDesk.backup.2024-06-01T12:00:00.000Z',
    };
    const message = reportLoadProblems(report, { warn: (line) => lines.push(line) }, (text) => shown.push(text));
    assert.equal(message, 'Provider Desk could not read 2 stored items and left them out: "Mock" (providers.1.accountId): Plain http:// is not allowed '
      + '(and 1 more; see the Provider Desk Log). A copy of the data as it was is kept under "providerDesk.backup.2024-06-01T12:00:00.000Z".');
    assert.deepEqual(shown, [message]);
    assert.equal(lines.length, 3);
    assert.equal(reportLoadProblems({ invalid: [] }, { warn: (line) => lines.push(line) }, (text) => shown.push(text)), undefined);
    assert.equal(shown.length, 1);
  });
});
