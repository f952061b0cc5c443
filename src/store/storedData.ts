// Reading the metadata object kept in globalState: migrate it to the current schema version, check every item
// against its zod schema (cheaply first: model/storedMetadata.ts) and its references (a credential's provider, a
// scope's credential), and keep the valid rest. Nothing is dropped silently: every item left out is listed with its
// path and the reason.
import type { z } from 'zod';
import { problemOfIssue } from '../model/problems';
import { problemText } from '../model/problemTexts';
import { isJsonObject as isObject } from '../model/objects';
import { comparisonKey, type Credential, type Provider, type Scope } from '../model/schemas';
import { parseStoredCredential, parseStoredProvider, parseStoredScope } from '../model/storedMetadata';
import { parseSecretKey, secretKey, secretKeyPrefix } from './keys';
import { currentSchemaVersion, migrate, storedVersion, type MigrationContext } from './migrations';

export interface StoredData {
  readonly providers: readonly Provider[];
  readonly credentials: readonly Credential[];
  readonly scopes: readonly Scope[];
  /** Every secret key written and not (yet) known to be deleted: SecretStorage cannot list its keys. */
  readonly secretIndex: readonly string[];
  /** Revision of the write that produced this data (also in the `providerDesk.revision` secret). */
  readonly revision?: string;
  /** Object id → revisions of its last changes (or of its deletion and the changes before), newest first. */
  readonly versions?: Readonly<Record<string, readonly string[]>>;
  /** Id of a deleted object or removed field, or a deleted secret key → revision of the deletion. Never comes back. */
  readonly tombstones?: Readonly<Record<string, string>>;
}

/** One stored item (or list) that failed its schema and was left out. */
export interface InvalidItem {
  /** Where it was: `providers.2`, `credentials.0.fields.1.key`, `secretIndex`, or `` for the whole object. */
  path: string;
  reason: string;
  /** The item's name, when it had a readable one. */
  name?: string;
}

export interface DecodeResult {
  data: StoredData;
  invalid: InvalidItem[];
  /** The schema version the data was migrated from, when it was older than the current one. */
  migratedFrom?: number;
  /** The schema version of data written by a newer version of the extension (which this one must not overwrite). */
  newerVersion?: number;
}

export const emptyData: StoredData = { providers: [], credentials: [], scopes: [], secretIndex: [] };

export function decodeStoredData(raw: unknown, context: MigrationContext): DecodeResult {
  if (raw === undefined || raw === null) return { data: emptyData, invalid: [] };
  if (!isObject(raw)) return { data: emptyData, invalid: [{ path: '', reason: 'The stored data is not an object; it was set aside and Provider Desk started empty.' }] };
  const version = storedVersion(raw);
  if (version === undefined) {
    return { data: emptyData, invalid: [{ path: 'schemaVersion', reason: 'The stored data has no valid schema version; it was set aside and Provider Desk started empty.' }] };
  }
  if (version > currentSchemaVersion) {
    // Show what this version can read; report nothing and write nothing (the newer version owns the data).
    return { data: decodeItems(raw).data, invalid: [], newerVersion: version };
  }
  let current = raw;
  if (version < currentSchemaVersion) {
    try {
      current = migrate(raw, version, context);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { data: emptyData, invalid: [{ path: '', reason: `The stored data could not be migrated from schema version ${version}: ${reason}` }] };
    }
  }
  const decoded = decodeItems(current);
  return { ...decoded, ...(version < currentSchemaVersion ? { migratedFrom: version } : {}) };
}

function decodeItems(raw: Record<string, unknown>): { data: StoredData; invalid: InvalidItem[] } {
  const invalid: InvalidItem[] = [];
  const list = (key: string): unknown[] => {
    const value = raw[key];
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    invalid.push({ path: key, reason: `"${key}" is not a list.` });
    return [];
  };
  const reject = (path: string, reason: string, item: unknown): void => {
    const name = isObject(item) && typeof item.name === 'string' ? item.name.slice(0, 100) : undefined;
    invalid.push({ path, reason, ...(name === undefined ? {} : { name }) });
  };
  const rejectIssues = (path: string, issues: readonly z.core.$ZodIssue[], item: unknown): void => {
    const issue = issues[0];
    const at = issue && issue.path.length > 0 ? `${path}.${issue.path.map(String).join('.')}` : path;
    reject(at, problemText(problemOfIssue(issue)), item);
  };

  const providers: Provider[] = [];
  const providerIds = new Set<string>();
  const providerNames = new Set<string>();
  list('providers').forEach((item, index) => {
    const path = `providers.${index}`;
    const parsed = parseStoredProvider(item);
    if (!parsed.success) return rejectIssues(path, parsed.error.issues, item);
    const provider = parsed.data;
    if (providerIds.has(provider.id)) return reject(path, 'Another provider has the same id.', item);
    if (providerNames.has(comparisonKey(provider.name))) return reject(path, 'Another provider has the same name.', item);
    providerIds.add(provider.id);
    providerNames.add(comparisonKey(provider.name));
    providers.push(provider);
  });

  const credentials: Credential[] = [];
  const credentialsById = new Map<string, Credential>();
  const credentialNames = new Set<string>();
  list('credentials').forEach((item, index) => {
    const path = `credentials.${index}`;
    // Checked first: a credential of a provider that was left out could not even be bound to its Account ID.
    if (isObject(item) && typeof item.providerId === 'string' && !providerIds.has(item.providerId)) {
      return reject(path, 'Its provider does not exist (or could not be read).', item);
    }
    const parsed = parseStoredCredential(item);
    if (!parsed.success) return rejectIssues(path, parsed.error.issues, item);
    const credential = parsed.data;
    if (credentialsById.has(credential.id)) return reject(path, 'Another credential has the same id.', item);
    const nameKey = `${credential.providerId}/${comparisonKey(credential.name)}`;
    if (credentialNames.has(nameKey)) return reject(path, 'Another credential of the provider has the same name.', item);
    credentialsById.set(credential.id, credential);
    credentialNames.add(nameKey);
    credentials.push(credential);
  });

  const scopes: Scope[] = [];
  const scopeIds = new Set<string>();
  const scopeNames = new Set<string>();
  list('scopes').forEach((item, index) => {
    const path = `scopes.${index}`;
    const parsed = parseStoredScope(item);
    if (!parsed.success) return rejectIssues(path, parsed.error.issues, item);
    const scope = parsed.data;
    if (!providerIds.has(scope.providerId)) return reject(path, 'Its provider does not exist (or could not be read).', item);
    const credential = credentialsById.get(scope.credentialId);
    if (!credential) return reject(path, 'Its credential does not exist (or could not be read).', item);
    if (credential.providerId !== scope.providerId) return reject(path, 'Its credential belongs to another provider.', item);
    if (scopeIds.has(scope.id)) return reject(path, 'Another scope has the same id.', item);
    const nameKey = `${scope.providerId}/${comparisonKey(scope.name)}`;
    if (scopeNames.has(nameKey)) return reject(path, 'Another scope of the provider has the same name.', item);
    scopeIds.add(scope.id);
    scopeNames.add(nameKey);
    scopes.push(scope);
  });

  // The index keeps the keys of left-out credentials too: auditSecrets reports those secrets as orphaned.
  const index = new Set<string>();
  list('secretIndex').forEach((key, position) => {
    if (typeof key === 'string' && parseSecretKey(key)) index.add(key);
    else invalid.push({ path: `secretIndex.${position}`, reason: `Not a key starting with ${secretKeyPrefix}.` });
  });
  for (const key of expectedSecretKeys(credentials)) index.add(key);

  const revision = typeof raw.revision === 'string' ? raw.revision : undefined;
  // Bookkeeping for joining the writes of several windows, not user data: what is unreadable is left out.
  const versions = Object.fromEntries(Object.entries(isObject(raw.versions) ? raw.versions : {})
    .map(([id, list]) => [id, Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []] as const)
    .filter(([id, list]) => list.length > 0 && id !== '__proto__'));
  const tombstones = Object.fromEntries(Object.entries(isObject(raw.tombstones) ? raw.tombstones : {})
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== '__proto__'));
  return {
    data: { providers, credentials, scopes, secretIndex: [...index], ...(revision === undefined ? {} : { revision }), versions, tombstones },
    invalid,
  };
}

/** The secret key of every sensitive field. */
export function expectedSecretKeys(credentials: readonly Credential[]): string[] {
  return credentials.flatMap((credential) => credential.fields.filter((field) => field.sensitive).map((field) => secretKey(credential.id, field.id)));
}

/** The JSON object written to globalState. */
export function encodeStoredData(data: StoredData, revision: string): Record<string, unknown> {
  return {
    schemaVersion: currentSchemaVersion,
    revision,
    versions: data.versions ?? {},
    tombstones: data.tombstones ?? {},
    providers: data.providers,
    credentials: data.credentials,
    scopes: data.scopes,
    secretIndex: data.secretIndex,
  };
}

/**
 * A copy of raw stored data safe to keep as a backup: any `value` next to `sensitive: true` is removed, should a
 * buggy or hand-edited write ever have put a secret into metadata.
 */
export function withoutSensitiveValues(raw: unknown): unknown {
  if (Array.isArray(raw)) return raw.map(withoutSensitiveValues);
  if (!isObject(raw)) return raw;
  return Object.fromEntries(Object.entries(raw)
    .filter(([key]) => !(key === 'value' && raw.sensitive === true))
    .map(([key, value]) => [key, withoutSensitiveValues(value)]));
}
