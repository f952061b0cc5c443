// Reliability: faults in the editor around the store.
//  - SecretStorage unavailable or throwing (no OS keyring on Linux): a clear message that names the keyring fix and
//    holds no secret, and no half-created credential, scope or secret.
//  - globalState holding corrupted or older-version data: recovered or migrated, the bad data backed up (without
//    secrets), the user told once across two loads (two starts of VS Code), through reportLoadProblems.
//  - Two windows editing at once: randomized interleavings (seeded) over two ProviderStores sharing one globalState and
//    one SecretStorage; both converge and every stored secret belongs to a sensitive field and vice versa.
//  - globalState as VS Code implements it (an update is applied in memory, and the whole state is later replaced by
//    what was persisted): tickets and store writes at once lose nothing when they share serialUpdates().
import { strict as assert } from 'node:assert';
import { FormController, type FormHost } from '../../src/forms/controller';
import { credentialForm } from '../../src/forms/definitions';
import type { ExtensionMessage } from '../../src/shared/protocol';
import {
  ConcurrentModificationError, CredentialInUseError, NameTakenError, NotFoundError, SecretStorageUnavailableError, ValidationError,
} from '../../src/store/errors';
import { backupKeyPrefix, dataKey, parseSecretKey, revisionKey, secretKey } from '../../src/store/keys';
import { serialUpdates, type KeyValueStore, type SecretStore } from '../../src/store/ports';
import { ProviderStore } from '../../src/store/providerStore';
import { reportLoadProblems } from '../../src/store/reportLoadProblems';
import { TicketHistory } from '../../src/tickets/ticketHistory';
import { findCanaries, findInValue, makeCanary, seededRandom, seedFrom, type Canary } from '../fixtures/canary';
import { InMemoryMemento } from '../doubles/memento';
import { InMemorySecretStorage } from '../doubles/secretStorage';
import { herokuInput, makeStore } from '../doubles/storeHarness';

const canary = makeCanary('secret');
const second = makeCanary('second');
const keyringFix = /Secret storage is unavailable, so Provider Desk could not .*install and unlock a keyring such as gnome-keyring or KWallet, or set "password-store" in argv\.json/s;

function state(memento: InMemoryMemento, secrets: InMemorySecretStorage): string {
  return JSON.stringify([memento.serialize(), [...secrets.values.entries()].filter(([key]) => key !== revisionKey).sort()]);
}

function credentialInput(...values: string[]) {
  return { name: 'token', fields: values.map((value, index) => ({ key: index === 0 ? 'apitoken' : `secret${index}`, type: 'String' as const, sensitive: true, value })) };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

function assertKeyringMessage(error: unknown, canaries: readonly Canary[] = [canary, second]): void {
  assert.ok(error instanceof SecretStorageUnavailableError, `expected SecretStorageUnavailableError, got ${String(error)}`);
  assert.match(error.message, keyringFix);
  assert.deepEqual(findInValue({ message: error.message, detail: error.detail, stack: error.stack }, canaries, 'error'), [], 'the message holds a secret');
}

describe('Reliability: SecretStorage unavailable or throwing', () => {
  it('no keyring at all: a credential is refused with the keyring fix, no secret in the message, nothing half-created', async () => {
    const secrets = new InMemorySecretStorage();
    const { store, memento } = makeStore({ secrets });
    await store.load();
    const provider = await store.createProvider(herokuInput);
    secrets.failStore = true; // the double's error text carries the value being stored
    const before = state(memento, secrets);
    assertKeyringMessage(await rejection(store.createCredential(provider.id, credentialInput(canary.value, second.value))));
    assert.equal(state(memento, secrets), before);
    assert.deepEqual(store.credentials(provider.id), []);
    assert.deepEqual(await store.auditSecrets(), { orphaned: [], missing: [] });
    // A scope needs a credential: none was half-created for it to use.
    assert.ok(await rejection(store.createScope(provider.id, { name: 'Production', credentialId: '00000000-0000-4000-8000-000000000001' })) instanceof ValidationError);
    assert.equal(state(memento, secrets), before);
  });

  it('through the credential form: the form shows the keyring fix and stays open; no log line or message holds the secret', async () => {
    const secrets = new InMemorySecretStorage();
    const { store, memento } = makeStore({ secrets });
    await store.load();
    const provider = await store.createProvider(herokuInput);
    secrets.failStore = true;
    const before = state(memento, secrets);
    const posted: ExtensionMessage[] = [];
    const logs: string[] = [];
    let closed = 0;
    const host: FormHost = {
      post: (message) => { posted.push(message); return Promise.resolve(true); },
      close: () => { closed++; },
      notify: () => undefined,
      reveal: async () => undefined,
      executeCommand: async () => undefined,
      describeError: (error) => `Unexpected: ${String(error)}`,
      log: { info: (line) => logs.push(line), warn: (line) => logs.push(line), error: (line, error) => logs.push(`${line} ${String(error)}`) },
    };
    const controller = new FormController(credentialForm({ store, confirm: async () => true }, provider.id), host);
    await controller.handle({ type: 'submit', values: { kind: 'credential', name: 'token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: canary.value }] } });
    assert.equal(posted.length, 1);
    const reply = posted[0] as Extract<ExtensionMessage, { type: 'errors' }>;
    assert.equal(reply.type, 'errors');
    assert.match(reply.message ?? '', keyringFix);
    assert.equal(closed, 0, 'the form closed: the user would lose what they typed');
    assert.deepEqual(findInValue({ posted, logs }, [canary], 'form'), []);
    assert.equal(state(memento, secrets), before);
  });

  it('the keyring fails half-way through a credential\'s secrets: the ones already written are taken back', async () => {
    const secrets = new InMemorySecretStorage();
    const { store, memento } = makeStore({ secrets });
    await store.load();
    const provider = await store.createProvider(herokuInput);
    const before = state(memento, secrets);
    secrets.failStoreAfter = secrets.storeCalls + 2;
    assertKeyringMessage(await rejection(store.createCredential(provider.id, credentialInput(canary.value, second.value, 'third-value'))));
    assert.equal(state(memento, secrets), before, 'a secret or metadata of the refused credential is left');
    assert.deepEqual(secrets.secretKeys(), []);
    assert.deepEqual(store.credentials(provider.id), []);
  });

  it('a locked keyring (get throws): reading, editing and deleting are refused with the fix; nothing changes', async () => {
    const secrets = new InMemorySecretStorage();
    const { store, memento } = makeStore({ secrets });
    await store.load();
    const provider = await store.createProvider(herokuInput);
    const credential = await store.createCredential(provider.id, credentialInput(canary.value));
    secrets.failGet = true;
    const before = state(memento, secrets);
    assertKeyringMessage(await rejection(store.readFieldValues(credential.id)));
    const field = credential.fields[0]!;
    assertKeyringMessage(await rejection(store.updateCredential(credential.id, { name: 'token', fields: [{ id: field.id, key: 'apitoken', type: 'String', sensitive: true, value: second.value }] })));
    assertKeyringMessage(await rejection(store.deleteCredential(credential.id)));
    assert.equal(state(memento, secrets), before);
    secrets.failGet = false;
    assert.deepEqual(await store.readFieldValues(credential.id), { apitoken: canary.value });
  });

  it('deleting fails (keyring refuses deletes): the credential and its secret stay, nothing is orphaned', async () => {
    const secrets = new InMemorySecretStorage();
    const { store, memento } = makeStore({ secrets });
    await store.load();
    const provider = await store.createProvider(herokuInput);
    const credential = await store.createCredential(provider.id, credentialInput(canary.value, second.value));
    secrets.failDelete = true;
    const before = state(memento, secrets);
    assertKeyringMessage(await rejection(store.deleteCredential(credential.id)));
    assertKeyringMessage(await rejection(store.deleteProvider(provider.id)));
    assert.equal(state(memento, secrets), before);
    assert.deepEqual(await store.auditSecrets(), { orphaned: [], missing: [] });
  });

  it('globalState fails after the secrets were written: they are taken back; the error holds no secret', async () => {
    const secrets = new InMemorySecretStorage();
    const { store, memento } = makeStore({ secrets });
    await store.load();
    const provider = await store.createProvider(herokuInput);
    const before = state(memento, secrets);
    memento.failUpdate = true;
    const error = await rejection(store.createCredential(provider.id, credentialInput(canary.value)));
    assert.deepEqual(findInValue(error, [canary], 'error'), []);
    assert.ok(await rejection(store.createScope(provider.id, { name: 'x', credentialId: provider.id })) instanceof Error);
    memento.failUpdate = false;
    assert.equal(state(memento, secrets), before);
    assert.deepEqual(secrets.secretKeys(), []);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const provider1 = { id: id(1), name: 'Heroku', type: 'Heroku', accountId: 'api.heroku.com', createdAt: '2024-05-01T10:00:00.000Z' };
const credential2 = { id: id(2), providerId: id(1), name: 'Token', boundAccountId: 'api.heroku.com', fields: [{ id: id(3), key: 'apitoken', type: 'String', sensitive: true }] };
const scope4 = { id: id(4), providerId: id(1), name: 'Production', credentialId: id(2) };

const corrupted: [string, unknown][] = [
  ['not an object', 'garbage{'],
  ['a list at the top', [provider1]],
  ['an unusable schemaVersion', { schemaVersion: 'two', providers: [provider1] }],
  ['items that fail their schema, a scope without its credential, a secret in metadata', {
    schemaVersion: 3,
    providers: [provider1, { ...provider1, id: id(9), name: 'Insecure', accountId: 'http://example.com' }, 42],
    credentials: [credential2, { id: id(5), providerId: id(1), name: 'Leaky', boundAccountId: 'api.heroku.com', fields: [{ id: id(6), key: 'apitoken', type: 'String', sensitive: true, value: canary.value }] }],
    scopes: [scope4, { id: id(7), providerId: id(1), name: 'Dangling', credentialId: id(8) }],
    secretIndex: [secretKey(id(2), id(3)), 'not a key'],
  }],
  ['an older version with a broken item', { schemaVersion: 1, providers: [{ ...provider1, createdAt: undefined, credentials: [{ ...credential2, providerId: undefined }], scopes: [] }, null] }],
];

describe('Reliability: corrupted or older data in globalState, loaded twice', () => {
  for (const [label, raw] of corrupted) {
    it(`${label}: recovered, backed up without secrets, the user told once`, async () => {
      const memento = new InMemoryMemento({ [dataKey]: raw });
      const secrets = new InMemorySecretStorage();
      await secrets.store(secretKey(id(2), id(3)), second.value);
      const notifications: string[] = [];
      const logs: string[] = [];
      const logger = { warn: (line: string) => logs.push(line), info: (line: string) => logs.push(line) };

      // First start: told once, backed up, the valid rest kept.
      const first = new ProviderStore(memento, secrets);
      const reports: unknown[] = [];
      first.onDidReport((report) => reports.push(report));
      const report = await first.load();
      reportLoadProblems(report, logger, (message) => notifications.push(message));
      assert.equal(notifications.length, 1);
      assert.match(notifications[0]!, /could not read .* and left (it|them) out/);
      assert.ok(report.backupKey?.startsWith(backupKeyPrefix), 'no backup');
      assert.match(notifications[0]!, new RegExp(`kept under "${report.backupKey!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
      assert.notEqual(memento.get(report.backupKey!), undefined);
      await first.reload();
      await first.createProvider({ ...herokuInput, name: 'Works' });
      assert.deepEqual(reports, [], 'reported again by reload or a write');

      // Second start (another window, or the next session): nothing to tell.
      const next = new ProviderStore(memento, secrets);
      reportLoadProblems(await next.load(), logger, (message) => notifications.push(message));
      assert.equal(notifications.length, 1, 'told twice');
      assert.ok(next.providers().some((provider) => provider.name === 'Works'));
      assert.deepEqual(await next.auditSecrets(), { orphaned: [], missing: [] });

      // A secret that should never have been in metadata is not kept anywhere, backup included; nothing logged it.
      assert.deepEqual(findCanaries(memento.serialize(), [canary], 'globalState'), []);
      assert.deepEqual(findInValue({ logs, notifications }, [canary, second], 'messages'), []);
    });
  }

  it('an older version: migrated once, readable, logged once; nothing to tell the user', async () => {
    const v1 = { schemaVersion: 1, providers: [{ ...provider1, createdAt: undefined, credentials: [{ ...credential2, providerId: undefined }], scopes: [{ ...scope4, providerId: undefined }] }] };
    const memento = new InMemoryMemento({ [dataKey]: v1 });
    const secrets = new InMemorySecretStorage();
    await secrets.store(secretKey(id(2), id(3)), canary.value);
    const notifications: string[] = [];
    const logs: string[] = [];
    const logger = { warn: (line: string) => logs.push(line), info: (line: string) => logs.push(line) };
    const first = new ProviderStore(memento, secrets);
    const report = await first.load();
    reportLoadProblems(report, logger, (message) => notifications.push(message));
    assert.equal(report.migratedFrom, 1);
    assert.deepEqual(await first.readFieldValues(id(2)), { apitoken: canary.value });
    const next = new ProviderStore(memento, secrets);
    reportLoadProblems(await next.load(), logger, (message) => notifications.push(message));
    assert.deepEqual(logs, ['stored data migrated from schema version 1']);
    assert.deepEqual(notifications, []);
    assert.deepEqual(next.scopes(id(1)).map((scope) => scope.name), ['Production']);
    console.log(`      migration from v1: backup kept: ${report.backupKey ?? 'none'}`);
  });

  it('a newer version: shown read-only, never overwritten, told at each start', async () => {
    const raw = { schemaVersion: 99, providers: [provider1], credentials: [], scopes: [], secretIndex: [] };
    const memento = new InMemoryMemento({ [dataKey]: raw });
    const notifications: string[] = [];
    for (let start = 0; start < 2; start++) {
      const store = new ProviderStore(memento, new InMemorySecretStorage());
      reportLoadProblems(await store.load(), { warn: () => undefined }, (message) => notifications.push(message));
      assert.deepEqual(store.providers().map((provider) => provider.name), ['Heroku']);
      await assert.rejects(store.createProvider({ ...herokuInput, name: 'New' }), /newer version/);
    }
    assert.equal(notifications.length, 2);
    assert.deepEqual(memento.get(dataKey), raw);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const interleavingSeed = seedFrom('RELIABILITY_SEED', 0x77_1d0e);
const rounds = 150;
const expectedErrors = [NotFoundError, NameTakenError, ValidationError, CredentialInUseError, ConcurrentModificationError];

describe('Reliability: two windows editing at once (seeded random interleavings)', () => {
  it(`${rounds} rounds of concurrent writes from two windows converge, with no orphaned or missing secret`, async () => {
    const random = seededRandom(interleavingSeed);
    const memento = new InMemoryMemento();
    const secrets = new InMemorySecretStorage();
    const windows = [new ProviderStore(memento, secrets), new ProviderStore(memento, secrets)];
    await Promise.all(windows.map((window) => window.load()));
    const names = ['alpha', 'beta', 'gamma', 'delta'];
    const value = (): string => `v-${random.bytes(6).toString('hex')}`;
    let operations = 0;
    let refused = 0;
    const unexpected: string[] = [];

    const operation = (store: ProviderStore): (() => Promise<unknown>) => {
      const providers = store.providers();
      const provider = providers.length > 0 ? random.pick(providers) : undefined;
      const credentials = provider ? store.credentials(provider.id) : [];
      const credential = credentials.length > 0 ? random.pick(credentials) : undefined;
      const scopes = provider ? store.scopes(provider.id) : [];
      const scope = scopes.length > 0 ? random.pick(scopes) : undefined;
      const choice = random.int(12);
      if (!provider || choice === 0) return () => store.createProvider({ name: random.pick(names), type: 'Other', accountId: 'api.heroku.com' });
      if (choice === 1) return () => store.deleteProvider(provider.id);
      if (!credential || choice <= 3) {
        return () => store.createCredential(provider.id, { name: random.pick(names), fields: [
          { key: 'apitoken', type: 'String', sensitive: true, value: value() },
          ...(random.chance(0.5) ? [{ key: 'team', type: 'String' as const, sensitive: false, value: 'core' }] : []),
        ] });
      }
      if (choice <= 6) {
        // Edit: keep, replace, add, drop, or flip fields between sensitive and not.
        const fields = credential.fields.filter(() => random.chance(0.8)).map((field) => {
          const flip = random.chance(0.2);
          const sensitive = flip ? !field.sensitive : field.sensitive;
          const replace = random.chance(0.4) || (!sensitive && field.sensitive && random.chance(0.5));
          return { id: field.id, key: field.key, type: field.type, sensitive, ...(replace ? { value: value() } : field.sensitive === sensitive && !sensitive ? { value: field.value } : {}) };
        });
        if (random.chance(0.4)) fields.push({ id: undefined as unknown as string, key: `k${random.int(1000)}`, type: 'String', sensitive: true, value: value() });
        return () => store.updateCredential(credential.id, { name: random.chance(0.3) ? random.pick(names) : credential.name, fields: fields.map(({ id: fieldId, ...rest }) => (fieldId ? { id: fieldId, ...rest } : rest)) });
      }
      if (choice === 7) return () => store.deleteCredential(credential.id, { deleteScopes: random.chance(0.5) });
      if (choice <= 9 || !scope) return () => store.createScope(provider.id, { name: random.pick(names), credentialId: credential.id });
      if (choice === 10) return () => store.rename(random.pick(['provider', 'credential', 'scope'] as const), random.pick([provider.id, credential.id, scope.id]), random.pick(names));
      return () => store.deleteScope(scope.id);
    };

    for (let round = 0; round < rounds; round++) {
      const batch = Array.from({ length: 1 + random.int(4) }, () => {
        const store = random.pick(windows);
        const run = operation(store);
        const delay = random.int(6);
        operations++;
        return (async () => {
          // Start at a random microtask, so writes of the two windows interleave at every await.
          for (let turn = 0; turn < delay; turn++) await null;
          return run();
        })();
      });
      for (const outcome of await Promise.allSettled(batch)) {
        if (outcome.status === 'fulfilled') continue;
        if (expectedErrors.some((type) => outcome.reason instanceof type)) refused++;
        else unexpected.push(`round ${round}: ${outcome.reason instanceof Error ? outcome.reason.stack : String(outcome.reason)}`);
      }
      // Both windows, once their queues have drained (auditSecrets re-syncs with storage), show the same data.
      const [auditA, auditB] = await Promise.all(windows.map((window) => window.auditSecrets()));
      const views = windows.map((window) => JSON.stringify(window.providers().map((provider) => [provider, window.credentials(provider.id), window.scopes(provider.id)])));
      assert.deepEqual(unexpected, [], `seed ${interleavingSeed}`);
      assert.equal(views[0], views[1], `seed ${interleavingSeed}, round ${round}: the windows did not converge`);
      assert.deepEqual([auditA, auditB], [{ orphaned: [], missing: [] }, { orphaned: [], missing: [] }], `seed ${interleavingSeed}, round ${round}`);
      // Stronger than the audit (which only knows the keys it indexed): every secret in storage belongs to a
      // sensitive field, and every sensitive field has one.
      const expected = new Set(windows[0]!.providers().flatMap((provider) => windows[0]!.credentials(provider.id)
        .flatMap((credential) => credential.fields.filter((field) => field.sensitive).map((field) => secretKey(credential.id, field.id)))));
      const present = secrets.secretKeys().filter((key) => parseSecretKey(key));
      assert.deepEqual(present, [...expected].sort(), `seed ${interleavingSeed}, round ${round}: secrets and sensitive fields differ`);
    }
    windows.forEach((window) => window.dispose());
    const providers = windows[0]!.providers().length;
    console.log(`      seed ${interleavingSeed} (0x${interleavingSeed.toString(16)}): ${operations} operations in ${rounds} rounds, ${refused} refused as expected `
      + `(not found, name taken, in use, concurrent), ${providers} providers and ${secrets.secretKeys().length} secrets at the end, 0 orphaned, 0 missing`);
    assert.ok(operations - refused > rounds, 'too few writes succeeded to mean anything');
  });
});

// ---------------------------------------------------------------------------------------------------------------

/**
 * globalState as the extension host implements it (ExtHostMemento): `update` applies the value in memory at once and
 * schedules a write of the whole state; the main side echoes every write back, and the echo replaces the whole
 * in-memory state. An update made after a write left and before its echo arrived is dropped when the echo comes
 * before the next write (microsoft/vscode#137132). Turns are setImmediate ticks; the write leaves `writeDelay` turns
 * after the update (a setTimeout(0) there), its echo arrives `echoDelay` turns later (a round trip to the main side),
 * then the update's promise resolves.
 */
class EchoingMemento implements KeyValueStore {
  private value: Record<string, unknown> = {};
  persisted: Record<string, unknown> = {};
  private pending = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  private scheduled = false;

  constructor(private readonly writeDelay = 1, private readonly echoDelay = 3) {}

  get<T>(key: string): T | undefined {
    return this.value[key] as T | undefined;
  }

  update(key: string, value: unknown): Promise<void> {
    this.value[key] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    const existing = this.pending.get(key);
    if (existing) return existing.promise;
    let resolve!: () => void;
    const promise = new Promise<void>((done) => { resolve = done; });
    this.pending.set(key, { promise, resolve });
    if (!this.scheduled) {
      this.scheduled = true;
      void turns(this.writeDelay).then(() => this.write());
    }
    return promise;
  }

  private async write(): Promise<void> {
    this.scheduled = false;
    const waiting = [...this.pending.values()];
    this.pending = new Map();
    const written = JSON.stringify(this.value);
    await turns(this.echoDelay);
    this.persisted = JSON.parse(written) as Record<string, unknown>;
    this.value = JSON.parse(written) as Record<string, unknown>; // the echo
    for (const { resolve } of waiting) resolve();
  }
}

function turns(count: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number): void => { if (left <= 0) resolve(); else setImmediate(step, left - 1); };
    step(count);
  });
}

/** SecretStorage whose every call takes a couple of turns, like the extension host's calls to the main side. */
function slowSecrets(): SecretStore {
  const secrets = new InMemorySecretStorage();
  return {
    get: async (key) => { await turns(2); return secrets.get(key); },
    store: async (key, value) => { await turns(2); await secrets.store(key, value); },
    delete: async (key) => { await turns(2); await secrets.delete(key); },
  };
}

async function ticketsAndWrites(state: KeyValueStore, persisted: () => Record<string, unknown>) {
  const store = new ProviderStore(state, slowSecrets());
  const history = new TicketHistory(state);
  await store.load();
  // Tickets start and finish at their own times (network), not in step with globalState's writes.
  const tickets = Promise.all(Array.from({ length: 20 }, async (_, index) => {
    await turns(1 + ((index * 37) % 97));
    const number = await history.reserveNumber();
    await turns(1 + ((index * 13) % 9));
    await history.record({ number, kind: 'apps', scopeId: 's', scopeName: 's', providerName: 'p', startedAt: new Date(0).toISOString(), outcome: 'succeeded', appCount: 1 });
    return number;
  }));
  const created: string[] = [];
  const writes = (async () => {
    for (let n = 0; n < 8; n++) {
      try {
        created.push((await store.createProvider({ name: `P${n}`, type: 'Other', accountId: 'api.heroku.com' })).id);
      } catch {
        // A provider the store lost under it makes the next write fail; counted as lost below.
      }
    }
  })();
  const [numbers] = await Promise.all([tickets, writes]);
  await turns(10);
  const saved = persisted() as { 'providerDesk.ticketHistory'?: { tickets: { number: number }[] }; 'providerDesk.data'?: { providers: { id: string }[] } };
  const recorded = new Set((saved['providerDesk.ticketHistory']?.tickets ?? []).map((ticket) => ticket.number));
  const stored = new Set((saved['providerDesk.data']?.providers ?? []).map((provider) => provider.id));
  store.dispose();
  return {
    repeatedNumbers: numbers.length - new Set(numbers).size,
    lostRecords: numbers.filter((number) => !recorded.has(number)).length,
    lostProviders: 8 - [...created].filter((providerId) => stored.has(providerId)).length,
  };
}

describe('Reliability: globalState that drops updates made while an earlier write is in flight', () => {
  it('the double reproduces the loss when the store and the ticket history write globalState directly', async () => {
    const memento = new EchoingMemento();
    const result = await ticketsAndWrites(memento, () => memento.persisted);
    console.log(`      without serialUpdates: ${JSON.stringify(result)}`);
    assert.ok(result.lostRecords + result.lostProviders + result.repeatedNumbers > 0, 'the double lost nothing: it does not model the echo');
  });

  it('with serialUpdates shared by the store and the ticket history, no ticket record and no provider is lost', async () => {
    const memento = new EchoingMemento();
    const result = await ticketsAndWrites(serialUpdates(memento), () => memento.persisted);
    assert.deepEqual(result, { repeatedNumbers: 0, lostRecords: 0, lostProviders: 0 });
  });
});
