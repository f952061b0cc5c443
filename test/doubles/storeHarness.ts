// Builds a ProviderStore on the in-memory doubles, plus small helpers for awaiting its events (no sleeps).
import { ProviderStore, type ProviderStoreOptions, type StoreChange } from '../../src/store/providerStore';
import { InMemoryMemento } from './memento';
import { InMemorySecretStorage } from './secretStorage';

export interface Harness {
  memento: InMemoryMemento;
  secrets: InMemorySecretStorage;
  store: ProviderStore;
}

export function makeStore(options: { memento?: InMemoryMemento; secrets?: InMemorySecretStorage; store?: ProviderStoreOptions } = {}): Harness {
  const memento = options.memento ?? new InMemoryMemento();
  const secrets = options.secrets ?? new InMemorySecretStorage();
  return { memento, secrets, store: new ProviderStore(memento, secrets, options.store) };
}

/** Resolves with the next change event matching the predicate. */
export function nextChange(store: ProviderStore, predicate: (change: StoreChange) => boolean = () => true): Promise<StoreChange> {
  return new Promise((resolve) => {
    const subscription = store.onDidChange((change) => {
      if (!predicate(change)) return;
      subscription.dispose();
      resolve(change);
    });
  });
}

/** Records every change event. */
export function recordChanges(store: ProviderStore): StoreChange[] {
  const changes: StoreChange[] = [];
  store.onDidChange((change) => changes.push(change));
  return changes;
}

export const herokuInput = { name: 'Heroku', type: 'Heroku', accountId: 'https://api.heroku.com/' } as const;

export const token = 'HRKU-0123456789abcdef-supersecret';

export function tokenCredentialInput(value: string = token, name = 'Heroku token') {
  return { name, fields: [{ key: 'apitoken', type: 'String' as const, sensitive: true, value }] };
}

/** A store with one Heroku provider, one token credential and one scope using it. */
export async function seeded(harness: Harness = makeStore()) {
  await harness.store.load();
  const provider = await harness.store.createProvider(herokuInput);
  const credential = await harness.store.createCredential(provider.id, tokenCredentialInput());
  const scope = await harness.store.createScope(provider.id, { name: 'Production', credentialId: credential.id });
  return { ...harness, provider, credential, scope };
}
