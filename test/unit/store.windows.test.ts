// Two VS Code windows, each with its own extension host and its own copy of globalState (test/doubles/extensionHosts),
// sharing the OS keyring. Each window writes the whole document, so without a merge the last write wins and a
// credential saved in the other window disappears.
import { strict as assert } from 'node:assert';
import { dataKey, secretKey } from '../../src/store/keys';
import { ProviderStore, type LoadReport } from '../../src/store/providerStore';
import { expectedSecretKeys } from '../../src/store/storedData';
import { settle, SharedDatabase, type WindowState } from '../doubles/extensionHosts';
import { InMemorySecretStorage } from '../doubles/secretStorage';
import { herokuInput, tokenCredentialInput } from '../doubles/storeHarness';

interface Window {
  state: WindowState;
  store: ProviderStore;
  reports: LoadReport[];
}

async function twoWindows() {
  const database = new SharedDatabase();
  const secrets = new InMemorySecretStorage();
  // One clock for both windows, a millisecond per reading: which of two writes is the later one is decided by the test.
  let time = Date.parse('2025-01-01T00:00:00Z');
  const now = (): Date => new Date(time++);
  const open = async (): Promise<Window> => {
    const state = database.window();
    // No timers: the tests decide when a window looks at its copy again.
    const store = new ProviderStore(state, secrets, { retryDelaysMs: [], now });
    const reports: LoadReport[] = [];
    store.onDidReport((report) => reports.push(report));
    await store.load();
    return { state, store, reports };
  };
  const a = await open();
  const b = await open();
  const provider = await a.store.createProvider(herokuInput);
  const credential = await a.store.createCredential(provider.id, tokenCredentialInput('token-base', 'base'));
  await settle(database, [a, b]);
  assert.ok(b.store.credential(credential.id), 'the second window sees the first one\'s data');
  return { database, secrets, a, b, provider, credential };
}


function storedCredentialNames(database: SharedDatabase): string[] {
  return (database.get<{ credentials: { name: string }[] }>(dataKey)?.credentials ?? []).map((credential) => credential.name).sort();
}

function credentialNames(store: ProviderStore, providerId: string): string[] {
  return store.credentials(providerId).map((credential) => credential.name).sort();
}

/** The secrets in the keyring are exactly those of the stored sensitive fields: none lost, none left behind. */
function assertSecretsMatch(store: ProviderStore, secrets: InMemorySecretStorage): void {
  const credentials = store.providers().flatMap((provider) => store.credentials(provider.id));
  assert.deepEqual(secrets.secretKeys(), expectedSecretKeys(credentials).sort());
}

describe('ProviderStore: two windows with their own copy of globalState', () => {
  it('keeps a credential saved in each window at the same time (the other window\'s copy was replaced)', async () => {
    const { database, secrets, a, b, provider } = await twoWindows();
    const [x, y] = await Promise.all([
      a.store.createCredential(provider.id, tokenCredentialInput('token-x', 'from A')),
      b.store.createCredential(provider.id, tokenCredentialInput('token-y', 'from B')),
    ]);
    // A's document reaches the database and B's copy before B's write does: B's copy loses B's credential.
    a.state.flush();
    b.state.receive();
    b.state.flush();

    await settle(database, [a, b]);
    assert.deepEqual(storedCredentialNames(database), ['base', 'from A', 'from B']);
    for (const window of [a, b]) {
      assert.deepEqual(credentialNames(window.store, provider.id), ['base', 'from A', 'from B']);
      assert.deepEqual(await window.store.readFieldValues(x.id), { apitoken: 'token-x' });
      assert.deepEqual(await window.store.readFieldValues(y.id), { apitoken: 'token-y' });
      assert.deepEqual(await window.store.auditSecrets(), { orphaned: [], missing: [] });
    }
    assertSecretsMatch(a.store, secrets);
    assert.deepEqual([...a.reports, ...b.reports], [], 'a clean merge is nothing to tell the user');
  });

  it('keeps both when each window gets the other\'s document instead of its own', async () => {
    const { database, a, b, provider } = await twoWindows();
    await Promise.all([
      a.store.createCredential(provider.id, tokenCredentialInput('token-x', 'from A')),
      b.store.createCredential(provider.id, tokenCredentialInput('token-y', 'from B')),
    ]);
    a.state.flush();
    b.state.flush();
    a.state.receive();
    b.state.receive();

    await settle(database, [a, b]);
    assert.deepEqual(storedCredentialNames(database), ['base', 'from A', 'from B']);
    assert.deepEqual(credentialNames(a.store, provider.id), ['base', 'from A', 'from B']);
    assert.deepEqual(credentialNames(b.store, provider.id), ['base', 'from A', 'from B']);
  });

  it('merges a write that an older copy of the document replaced, when the window writes next', async () => {
    const { database, a, b, provider } = await twoWindows();
    await a.store.createCredential(provider.id, tokenCredentialInput('token-x', 'from A'));
    await b.store.createCredential(provider.id, tokenCredentialInput('token-y', 'from B'));
    a.state.flush();
    b.state.receive();
    // B's copy now holds A's document; B's next write merges its lost credential back in before its own change.
    await b.store.createScope(provider.id, { name: 'Production', credentialId: b.store.credentials(provider.id)[0]!.id });
    await settle(database, [a, b]);
    assert.deepEqual(storedCredentialNames(database), ['base', 'from A', 'from B']);
    assert.deepEqual(a.store.scopes(provider.id).map((scope) => scope.name), ['Production']);
  });

  // A's write reaches the database first; B writes on top of it without having seen it. Whichever rename was made
  // later wins in both windows, and only the window whose rename lost is told.
  for (const { title, laterRename } of [
    { title: 'two renames of one object at the same time: the later one wins, and the window whose rename lost is told', laterRename: 'a' },
    { title: 'a later rename in the window whose write was replaced wins; the window whose rename lost is told', laterRename: 'b' },
  ] as const) {
    it(title, async () => {
      const { database, a, b, provider } = await twoWindows();
      const [first, later] = laterRename === 'a' ? [b, a] : [a, b];
      await first.store.rename('provider', provider.id, first === a ? 'Alpha' : 'Beta');
      await later.store.rename('provider', provider.id, later === a ? 'Alpha' : 'Beta');
      a.state.flush();
      b.state.receive();
      b.state.flush();
      await settle(database, [a, b]);
      const winner = later === a ? 'Alpha' : 'Beta';
      assert.equal(a.store.provider(provider.id)!.name, winner);
      assert.equal(b.store.provider(provider.id)!.name, winner);
      const loserName = first === a ? 'Alpha' : 'Beta';
      assert.deepEqual(first.reports.map((report) => report.conflicts), [[{ kind: 'provider', id: provider.id, name: loserName, problem: 'changedElsewhere' }]]);
      assert.deepEqual(later.reports, []);
    });
  }

  it('an object changed in both windows at the same time keeps the later change whole, and the other window is told', async () => {
    const { database, a, b, provider } = await twoWindows();
    await b.store.updateProvider(provider.id, { name: provider.name, type: 'Other', accountId: 'https://example.com' });
    await a.store.rename('provider', provider.id, 'Alpha');
    b.state.flush();
    a.state.receive();
    a.state.flush();
    await settle(database, [a, b]);
    for (const window of [a, b]) {
      assert.deepEqual([window.store.provider(provider.id)!.name, window.store.provider(provider.id)!.accountId], ['Alpha', 'api.heroku.com']);
    }
    assert.deepEqual(b.reports.map((report) => report.conflicts), [[{ kind: 'provider', id: provider.id, name: 'Heroku', problem: 'changedElsewhere' }]]);
    assert.deepEqual(a.reports, []);
  });

  it('reports a credential changed here that another window deleted; its new secret goes too', async () => {
    const { database, secrets, a, b, credential } = await twoWindows();
    await a.store.deleteCredential(credential.id);
    await b.store.updateCredential(credential.id, { name: 'renamed', fields: [{ id: credential.fields[0]!.id, key: 'apitoken', type: 'String', sensitive: true, value: 'token-new' }] });
    a.state.flush();
    b.state.receive();
    b.state.flush();
    await settle(database, [a, b]);
    assert.equal(b.store.credential(credential.id), undefined);
    assert.deepEqual(b.reports.map((report) => report.conflicts), [[{ kind: 'credential', id: credential.id, name: 'renamed', problem: 'deletedElsewhere' }]]);
    assertSecretsMatch(b.store, secrets);
    assert.deepEqual(secrets.secretKeys(), []);
  });

  it('a token replaced here in a credential another window deleted counts as a change, and its secret goes', async () => {
    const { database, secrets, a, b, credential } = await twoWindows();
    await a.store.deleteCredential(credential.id);
    await b.store.updateCredential(credential.id, { name: 'base', fields: [{ id: credential.fields[0]!.id, key: 'apitoken', type: 'String', sensitive: true, value: 'token-new' }] });
    a.state.flush();
    b.state.receive();
    b.state.flush();
    await settle(database, [a, b]);
    assert.deepEqual(b.reports.map((report) => report.conflicts?.map((conflict) => conflict.problem)), [['deletedElsewhere']]);
    assert.deepEqual(secrets.secretKeys(), []);
  });

  it('drops, with its secret, a credential added here under a provider another window deleted', async () => {
    const { database, secrets, a, b, provider } = await twoWindows();
    await a.store.deleteProvider(provider.id);
    const added = await b.store.createCredential(provider.id, tokenCredentialInput('token-y', 'from B'));
    a.state.flush();
    b.state.receive();
    b.state.flush();
    await settle(database, [a, b]);
    assert.deepEqual(b.store.providers(), []);
    assert.deepEqual(b.reports.map((report) => report.conflicts), [[{ kind: 'credential', id: added.id, name: 'from B', problem: 'parentDeleted' }]]);
    assert.deepEqual(secrets.secretKeys(), []);
  });

  it('renames one of two providers that the windows created with the same name, and says so', async () => {
    const { database, a, b } = await twoWindows();
    const inB = await b.store.createProvider({ ...herokuInput, name: 'Staging' });
    const inA = await a.store.createProvider({ ...herokuInput, name: 'staging' });
    a.state.flush();
    b.state.receive();
    b.state.flush();
    await settle(database, [a, b]);
    // Both windows would rename the same one (the higher id), should they merge at the same time.
    const [kept, renamed] = inA.id < inB.id ? [inA, inB] : [inB, inA];
    const names = [['Heroku', 'Heroku'], [kept.id, kept.name], [renamed.id, `${renamed.name} (2)`]];
    for (const window of [a, b]) assert.deepEqual(window.store.providers().map((provider) => [provider.id === kept.id || provider.id === renamed.id ? provider.id : provider.name, provider.name]).sort(), names.sort());
    assert.deepEqual(b.reports.map((report) => report.conflicts), [[{ kind: 'provider', id: renamed.id, name: renamed.name, problem: 'renamed', newName: `${renamed.name} (2)` }]]);
  });

  it('Clean Up Unused Secrets in one window sticks: the other window\'s copy does not bring the entry back', async () => {
    const { database, secrets, a, b } = await twoWindows();
    // A secret both windows know of (their index lists it) that no field uses, as an interrupted save leaves it.
    const orphan = secretKey('00000000-0000-4000-8000-000000000077', '00000000-0000-4000-8000-000000000078');
    await secrets.store(orphan, 'left-behind');
    const stored = database.get<Record<string, unknown> & { secretIndex: string[] }>(dataKey)!;
    await a.state.update(dataKey, { ...stored, secretIndex: [...stored.secretIndex, orphan] });
    await settle(database, [a, b]);
    assert.deepEqual((await b.store.auditSecrets()).orphaned, [orphan]);

    assert.deepEqual(await a.store.deleteOrphanedSecrets(), [orphan]);
    // B writes before it hears of the cleanup; its index still lists the key.
    await b.store.rename('provider', b.store.providers()[0]!.id, 'Renamed');
    await settle(database, [a, b]);
    for (const window of [a, b]) {
      assert.deepEqual(await window.store.auditSecrets(), { orphaned: [], missing: [] });
      assert.equal(window.store.providers()[0]!.name, 'Renamed');
    }
    assert.ok(!database.get<{ secretIndex: string[] }>(dataKey)!.secretIndex.includes(orphan));
    assert.equal(secrets.values.has(orphan), false);
  });

  it('takes a document built on its own latest write without merging anything back', async () => {
    const { database, a, b, credential } = await twoWindows();
    await a.store.rename('credential', credential.id, 'renamed in A');
    await settle(database, [a, b]);
    await b.store.deleteCredential(credential.id);
    await settle(database, [a, b]);
    assert.equal(a.store.credential(credential.id), undefined);
    assert.deepEqual([...a.reports, ...b.reports], []);
  });
});
