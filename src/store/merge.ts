// Joining two versions of the stored metadata: this window's and one written by another window. Each window has its
// own copy of globalState and writes the whole document, so a document may arrive that lacks this window's latest
// writes (the other window wrote on top of an older one), or lacks the other's. The join keeps both. Pure: no
// storage, no secrets.
//
// Every object carries the revisions of its last changes, newest first (`versions`); revisions begin with their
// time, so the later change of an object wins. Deleted objects, removed fields and deleted secret keys are
// remembered with the revision of the deletion (`tombstones`) and never come back: a deletion also deleted secrets.
// An object left without its provider or credential is deleted with it; of two objects with the same name under one
// parent, all but the lowest id are renamed (`Name (2)`). The join is commutative and associative, so windows that
// receive each other's documents in any order end up with the same data.
//
// A window learns what it lost when it joins: a change it made whose revision is not among the versions of what
// replaced it was made without the other window seeing it.
import { maxNameLength } from '../model/constants';
import { comparisonKey, type Credential, type Provider, type Scope } from '../model/schemas';
import type { StoreObjectKind } from './errors';
import { parseSecretKey } from './keys';
import { expectedSecretKeys, type StoredData } from './storedData';

export type MergeProblem =
  /** This window changed the object; another window deleted it without having seen the change. It stays deleted. */
  | 'deletedElsewhere'
  /** Both windows changed the object; the other window's change was later and was kept. */
  | 'changedElsewhere'
  /** This window changed the object, and another window deleted its provider or credential: it was deleted too. */
  | 'parentDeleted'
  /** Both windows gave an object the same name; this one was renamed to `newName`. */
  | 'renamed';

export interface MergeConflict {
  readonly kind: StoreObjectKind;
  readonly id: string;
  /** The object's name as this window knew it. */
  readonly name: string;
  readonly problem: MergeProblem;
  readonly newName?: string;
}

export interface JoinResult {
  readonly data: Omit<StoredData, 'revision'>;
  readonly conflicts: readonly MergeConflict[];
  /** Secret keys that the inputs needed and that belong to something deleted for good: delete them after saving. */
  readonly deadKeys: readonly string[];
}

/** How many revisions of an object are remembered. */
export const maxVersions = 4;
/** How many tombstones a document keeps (the newest); an older deletion could only come back from a very old copy. */
export const maxTombstones = 1000;

type Item = { readonly id: string; readonly name: string };
type Side = Pick<StoredData, 'providers' | 'credentials' | 'scopes' | 'secretIndex' | 'versions' | 'tombstones'>;
type Versions = Record<string, readonly string[]>;

/**
 * Where the revisions of a credential's new secret values are kept: not a change of the object (a token replaced
 * does not win over a rename made at the same time), but a change that a deletion elsewhere makes lose.
 */
function secretsVersionKey(credentialId: string): string {
  return `${credentialId}${secretsSuffix}`;
}

const secretsSuffix = '/secrets';

const head = (versions: Versions, id: string): string => versions[id]?.[0] ?? '';

/**
 * Joins `theirs` into `ours`. `ownRevisions` are revisions this window wrote: a change of one of them that did not
 * survive is reported.
 */
export function joinStoredData(ours: Side, theirs: Side, ownRevisions: ReadonlySet<string>): JoinResult {
  const conflicts: MergeConflict[] = [];
  const ourVersions: Versions = ours.versions ?? {};
  const theirVersions: Versions = theirs.versions ?? {};
  const tombstones: Record<string, string> = { ...ours.tombstones };
  for (const [id, stamp] of Object.entries(theirs.tombstones ?? {})) if (!Object.hasOwn(tombstones, id) || stamp > tombstones[id]!) tombstones[id] = stamp;
  const isDeleted = (id: string): boolean => Object.hasOwn(tombstones, id);

  // For every id, the versions of the later side: of a live object, its latest change; of a deleted one, the
  // deletion and what it deleted.
  const versions: Versions = {};
  for (const id of new Set([...Object.keys(ourVersions), ...Object.keys(theirVersions)])) {
    const [a, b] = [ourVersions[id] ?? [], theirVersions[id] ?? []];
    const objectId = id.endsWith(secretsSuffix) ? id.slice(0, -secretsSuffix.length) : id;
    const deletedBy = (side: Side): boolean => Object.hasOwn(side.tombstones ?? {}, objectId);
    // A deletion wins over any change; between two deletions, or two changes, the later one.
    const oursWins = deletedBy(ours) !== deletedBy(theirs) ? deletedBy(ours)
      : (a[0] ?? '') !== (b[0] ?? '') ? (a[0] ?? '') > (b[0] ?? '') : JSON.stringify(a) >= JSON.stringify(b);
    versions[id] = oursWins ? a : b;
  }
  /** This window's latest change of `id` (its object's or its secrets'), when no version of the result includes it. */
  const lostHere = (id: string): boolean => {
    const mine = ourVersions[id]?.[0];
    return mine !== undefined && ownRevisions.has(mine) && !versions[id]!.includes(mine);
  };

  const join = <T extends Item>(kind: StoreObjectKind, mine: readonly T[], other: readonly T[]): T[] => {
    const mineById = new Map(mine.map((item) => [item.id, item]));
    const otherById = new Map(other.map((item) => [item.id, item]));
    const result: T[] = [];
    for (const id of [...new Set([...mineById.keys(), ...otherById.keys()])].sort()) {
      const [a, b] = [mineById.get(id), otherById.get(id)];
      if (isDeleted(id)) {
        if (a && (lostHere(id) || (kind === 'credential' && lostHere(secretsVersionKey(id))))) conflicts.push({ kind, id, name: a.name, problem: 'deletedElsewhere' });
        continue;
      }
      const [sa, sb] = [head(ourVersions, id), head(theirVersions, id)];
      const oursWins = !b || (a !== undefined && (sa > sb || (sa === sb && JSON.stringify(a) >= JSON.stringify(b))));
      if (a && !oursWins && lostHere(id)) conflicts.push({ kind, id, name: a.name, problem: 'changedElsewhere' });
      result.push(oursWins ? a! : b!);
    }
    return result;
  };

  let providers = join('provider', ours.providers, theirs.providers);
  let credentials = join('credential', ours.credentials, theirs.credentials)
    .map((credential) => (credential.fields.some((field) => isDeleted(field.id))
      ? { ...credential, fields: credential.fields.filter((field) => !isDeleted(field.id)) } : credential));
  let scopes = join('scope', ours.scopes, theirs.scopes);

  // Deleted with their parent, for good (the deleting window did not know them, or it had deleted them itself).
  const cascade = <T extends Item>(kind: StoreObjectKind, items: readonly T[], parentsOf: (item: T) => string[]): T[] => items.filter((item) => {
    const parent = parentsOf(item).find(isDeleted);
    if (parent === undefined) return true;
    tombstones[item.id] = tombstones[parent]!;
    // Only the deletion: whoever deleted the parent never saw this object's changes.
    versions[item.id] = [tombstones[parent]!];
    if (ownRevisions.has(head(ourVersions, item.id))) conflicts.push({ kind, id: item.id, name: item.name, problem: 'parentDeleted' });
    return false;
  });
  credentials = cascade('credential', credentials, (credential) => [credential.providerId]);
  scopes = cascade('scope', scopes, (scope) => [scope.providerId, scope.credentialId]);
  // Without a tombstone, a missing parent is data that failed its schema: the item is left out as on loading.
  const providerIds = new Set(providers.map((provider) => provider.id));
  credentials = credentials.filter((credential) => providerIds.has(credential.providerId));
  const credentialById = new Map(credentials.map((credential) => [credential.id, credential]));
  scopes = scopes.filter((scope) => providerIds.has(scope.providerId) && credentialById.get(scope.credentialId)?.providerId === scope.providerId);

  providers = renameClashes('provider', providers, () => '', conflicts);
  credentials = renameClashes('credential', credentials, (credential) => credential.providerId, conflicts);
  scopes = renameClashes('scope', scopes, (scope) => scope.providerId, conflicts);

  const needed = new Set(expectedSecretKeys(credentials));
  // A key deleted once is needed again when its field turns sensitive again.
  const index = new Set([...ours.secretIndex, ...theirs.secretIndex].filter((key) => !isDeleted(key)));
  for (const key of needed) index.add(key);
  const deadKeys = [...new Set([...expectedSecretKeys(ours.credentials), ...expectedSecretKeys(theirs.credentials)])]
    .filter((key) => !needed.has(key) && isDead(key, isDeleted));
  const kept = newestTombstones(tombstones);
  const live = new Set([...providers, ...credentials, ...scopes].flatMap((item) => [item.id, secretsVersionKey(item.id)]));
  return {
    data: {
      providers, credentials, scopes, secretIndex: [...index], tombstones: kept,
      versions: Object.fromEntries(Object.entries(versions).filter(([id]) => live.has(id) || Object.hasOwn(kept, id.replace(secretsSuffix, '')))),
    },
    conflicts,
    deadKeys,
  };
}

/** A secret key whose credential or field was deleted: nothing can need it again. */
function isDead(key: string, isDeleted: (id: string) => boolean): boolean {
  const parsed = parseSecretKey(key);
  return parsed !== undefined && (isDeleted(parsed.credentialId) || isDeleted(parsed.fieldId));
}

function renameClashes<T extends Item>(kind: StoreObjectKind, items: readonly T[], parentOf: (item: T) => string, conflicts: MergeConflict[]): T[] {
  const keyOf = (item: T, name = item.name): string => `${parentOf(item)}/${comparisonKey(name)}`;
  const keepers = new Map<string, string>();
  for (const item of [...items].sort((a, b) => (a.id < b.id ? -1 : 1))) if (!keepers.has(keyOf(item))) keepers.set(keyOf(item), item.id);
  const taken = new Set(keepers.keys());
  return items.map((item) => {
    if (keepers.get(keyOf(item)) === item.id) return item;
    const free = freeName(item.name, (name) => taken.has(keyOf(item, name)));
    taken.add(keyOf(item, free));
    conflicts.push({ kind, id: item.id, name: item.name, problem: 'renamed', newName: free });
    return { ...item, name: free };
  });
}

/** `name (2)`, `name (3)`, … (cut to fit maxNameLength): the first that is free. */
function freeName(name: string, isTaken: (name: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, maxNameLength - suffix.length).trimEnd()}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}

function newestTombstones(tombstones: Readonly<Record<string, string>>): Record<string, string> {
  const entries = Object.entries(tombstones);
  if (entries.length <= maxTombstones) return { ...tombstones };
  return Object.fromEntries(entries.sort(([, a], [, b]) => (a > b ? -1 : a < b ? 1 : 0)).slice(0, maxTombstones));
}

/**
 * The versions and tombstones after a write with revision `revision` that turns `before` into `after`, storing the
 * secret keys `storedKeys` and deleting `deletedKeys`.
 */
export function stampChanges(before: Side, after: Pick<StoredData, 'providers' | 'credentials' | 'scopes'>, revision: string,
  keys: { readonly storedKeys: readonly string[]; readonly deletedKeys: readonly string[] }): Pick<StoredData, 'versions' | 'tombstones'> {
  const versions: Versions = { ...before.versions };
  const tombstones: Record<string, string> = { ...before.tombstones };
  const stamp = (id: string): void => { versions[id] = [revision, ...versions[id] ?? []].slice(0, maxVersions); };
  const diff = <T extends { id: string }>(old: readonly T[], now: readonly T[], removed?: (oldItem: T, newItem: T) => void): void => {
    const nowById = new Map(now.map((item) => [item.id, item]));
    const oldById = new Map(old.map((item) => [item.id, item]));
    for (const item of old) {
      const current = nowById.get(item.id);
      if (current) {
        removed?.(item, current);
        continue;
      }
      tombstones[item.id] = revision;
      stamp(item.id);
      if (versions[secretsVersionKey(item.id)]) stamp(secretsVersionKey(item.id));
    }
    for (const item of now) if (JSON.stringify(oldById.get(item.id)) !== JSON.stringify(item)) stamp(item.id);
  };
  diff<Provider>(before.providers, after.providers);
  diff<Credential>(before.credentials, after.credentials, (old, current) => {
    const kept = new Set(current.fields.map((field) => field.id));
    for (const field of old.fields) if (!kept.has(field.id)) tombstones[field.id] = revision;
  });
  diff<Scope>(before.scopes, after.scopes);
  for (const key of keys.deletedKeys) tombstones[key] = revision;
  for (const credentialId of new Set(keys.storedKeys.map((key) => parseSecretKey(key)?.credentialId))) {
    if (credentialId !== undefined) stamp(secretsVersionKey(credentialId));
  }
  return { versions, tombstones: newestTombstones(tombstones) };
}

/** Same content, index and bookkeeping (revisions aside): nothing to write back. */
export function sameStoredState(a: Omit<StoredData, 'revision'>, b: Omit<StoredData, 'revision'>): boolean {
  const byId = (x: { id: string }, y: { id: string }): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const normal = (data: Omit<StoredData, 'revision'>): string => JSON.stringify([
    [...data.providers].sort(byId), [...data.credentials].sort(byId), [...data.scopes].sort(byId), [...data.secretIndex].sort(),
    Object.entries(data.versions ?? {}).sort(), Object.entries(data.tombstones ?? {}).sort(),
  ]);
  return normal(a) === normal(b);
}
