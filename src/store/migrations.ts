// Schema versions of the metadata kept in globalState under `providerDesk.data`, and the steps between them.
//
// v1 (0.0.x previews; also any object without `schemaVersion`): providers nested their credentials and scopes,
//   and had no creation time:
//   { schemaVersion: 1, providers: [{ id, name, type, accountId,
//       credentials: [{ id, name, fields: [{ id, key, type, sensitive, value? }] }],
//       scopes: [{ id, name, credentialId }] }] }
// v2: flat lists with parent ids, an index of the secret keys written, and the revision of the last write:
//   { schemaVersion: 2, revision?, providers: [{ id, name, type, accountId, createdAt }],
//     credentials: [{ id, providerId, name, fields }], scopes: [{ id, providerId, name, credentialId }],
//     secretIndex: string[], versions?, tombstones? }
//   (`versions` and `tombstones`, for joining the writes of several windows, came later; data without them reads as
//   having none.)
// v3 (current): each credential is bound to the Account ID its secrets were stored for:
//     credentials: [{ id, providerId, name, boundAccountId, fields }]
//
// A step takes the previous version's object and returns the next one. Steps are lenient: an item they cannot
// make sense of is passed on as it is, so the schema check after migration reports it (and it is backed up)
// instead of it vanishing here. Secret keys do not change between versions (`providerDesk.secret/<credentialId>/
// <fieldId>`), so no step touches SecretStorage: a migration that stops halfway (globalState failing) leaves the old
// data as it was, and the next start runs it again. The v2 secret index lists the key of every sensitive field v1
// had, those of items that fail their schema too: their secrets stay known (auditSecrets, the cleanup command)
// instead of becoming secrets nothing refers to.

import { isJsonObject as isObject } from '../model/objects';
import { parseSecretKey, secretKey } from './keys';

export const currentSchemaVersion = 3;

type Json = Record<string, unknown>;

export interface MigrationContext {
  /** Migration time, used where an older version stored no value (v1 had no createdAt). */
  readonly now: Date;
}

/** migrations[n] turns version n into version n + 1. */
export const migrations: Readonly<Record<number, (data: Json, context: MigrationContext) => Json>> = {
  1: migrateV1ToV2,
  2: migrateV2ToV3,
};

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** The version an object was stored with: its `schemaVersion`, or 1 when it has none (written before versioning). */
export function storedVersion(data: Json): number | undefined {
  if (!('schemaVersion' in data) || data.schemaVersion === undefined) return 1;
  const version = data.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : undefined;
}

/** Runs every step from `fromVersion` to the current version. Throws MigrationError when a step is missing. */
export function migrate(data: Json, fromVersion: number, context: MigrationContext): Json {
  let result = data;
  for (let version = fromVersion; version < currentSchemaVersion; version++) {
    const step = migrations[version];
    if (!step) throw new MigrationError(`No migration from schema version ${version}.`);
    result = step(result, context);
    if (result.schemaVersion !== version + 1) throw new MigrationError(`The migration from schema version ${version} did not produce version ${version + 1}.`);
  }
  return result;
}

function migrateV1ToV2(data: Json, context: MigrationContext): Json {
  const providers: unknown[] = [];
  const credentials: unknown[] = [];
  const scopes: unknown[] = [];
  const secretIndex: string[] = [];
  // Anything but a list (or nothing) is passed on unchanged, so the schema check reports it.
  if (data.providers !== undefined && !Array.isArray(data.providers)) {
    return { schemaVersion: 2, providers: data.providers, credentials: [], scopes: [], secretIndex: [] };
  }
  for (const provider of Array.isArray(data.providers) ? data.providers : []) {
    if (!isObject(provider)) {
      providers.push(provider);
      continue;
    }
    const { credentials: nestedCredentials, scopes: nestedScopes, ...rest } = provider;
    providers.push({ ...rest, createdAt: typeof rest.createdAt === 'string' ? rest.createdAt : context.now.toISOString() });
    for (const credential of Array.isArray(nestedCredentials) ? nestedCredentials : []) {
      credentials.push(isObject(credential) ? { ...credential, providerId: provider.id } : credential);
      secretIndex.push(...sensitiveKeys(credential));
    }
    for (const scope of Array.isArray(nestedScopes) ? nestedScopes : []) {
      scopes.push(isObject(scope) ? { ...scope, providerId: provider.id } : scope);
    }
  }
  return { schemaVersion: 2, providers, credentials, scopes, secretIndex };
}

/** The secret keys of a v1 credential's sensitive fields, as far as it has readable ids. */
function sensitiveKeys(credential: unknown): string[] {
  if (!isObject(credential) || typeof credential.id !== 'string' || !Array.isArray(credential.fields)) return [];
  const keys = credential.fields.map((field) => (isObject(field) && field.sensitive === true && typeof field.id === 'string' ? secretKey(credential.id as string, field.id) : ''));
  return keys.filter((key) => parseSecretKey(key) !== undefined);
}

/**
 * Credentials stored before v3 are bound to their provider's Account ID as it is now: that is where their tokens have
 * been going. A credential whose provider is missing is passed on unbound, so the schema check reports it.
 */
function migrateV2ToV3(data: Json): Json {
  const accountIds = new Map<unknown, unknown>();
  for (const provider of Array.isArray(data.providers) ? data.providers : []) {
    if (isObject(provider)) accountIds.set(provider.id, provider.accountId);
  }
  const credentials = Array.isArray(data.credentials)
    ? data.credentials.map((credential: unknown) => {
      if (!isObject(credential) || !accountIds.has(credential.providerId)) return credential;
      return { ...credential, boundAccountId: accountIds.get(credential.providerId) };
    })
    : data.credentials;
  return { ...data, schemaVersion: 3, credentials };
}
