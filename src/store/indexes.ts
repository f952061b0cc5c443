// Read indexes over one snapshot of the stored data: lookups by id and name-sorted lists, built once per snapshot so
// that the tree and the commands read synchronously. The store freezes each snapshot, so what is handed out cannot
// change.
import type { Credential, Provider, Scope } from '../model/schemas';
import type { StoredData } from './storedData';

type Named = { readonly name: string; readonly id: string };

// Not made while the extension loads: a process's first collator loads ICU's collation data, ~9 ms in a fresh Node
// (most of what loading dist/extension.js still cost). It is made by prepareNameOrder() or on the first comparison.
let collator: Intl.Collator | undefined;
const nameOrder = (): Intl.Collator => (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }));
const byName = (a: Named, b: Named): number => nameOrder().compare(a.name, b.name) || (a.id < b.id ? -1 : 1);

/** Makes the collator the name-sorted lists use ahead of the store's first load (see extension.ts). */
export function prepareNameOrder(): void {
  nameOrder();
}

export class StoreIndexes {
  /** Sorted by name. */
  readonly providers: readonly Provider[];
  readonly providerById: ReadonlyMap<string, Provider>;
  readonly credentialById: ReadonlyMap<string, Credential>;
  readonly scopeById: ReadonlyMap<string, Scope>;
  /** Each list sorted by name. */
  readonly credentialsByProvider: ReadonlyMap<string, readonly Credential[]>;
  readonly scopesByProvider: ReadonlyMap<string, readonly Scope[]>;
  readonly scopesByCredential: ReadonlyMap<string, readonly Scope[]>;

  constructor(data: Pick<StoredData, 'providers' | 'credentials' | 'scopes'>) {
    this.providers = [...data.providers].sort(byName);
    this.providerById = new Map(data.providers.map((provider) => [provider.id, provider]));
    this.credentialById = new Map(data.credentials.map((credential) => [credential.id, credential]));
    this.scopeById = new Map(data.scopes.map((scope) => [scope.id, scope]));
    this.credentialsByProvider = groupSorted(data.credentials, (credential) => credential.providerId);
    this.scopesByProvider = groupSorted(data.scopes, (scope) => scope.providerId);
    this.scopesByCredential = groupSorted(data.scopes, (scope) => scope.credentialId);
  }
}

function groupSorted<T extends Named>(items: readonly T[], keyOf: (item: T) => string): Map<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  for (const group of groups.values()) group.sort(byName);
  return groups;
}
