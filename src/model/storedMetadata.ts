// Parsing stored metadata (providers, credentials, scopes) at activation without loading zod. The zod schemas in
// schemas.ts stay the definition: an item is taken as it is only when it is already in the exact form those schemas
// output — what this extension writes — and everything else (older, hand-edited, corrupted data) goes to the schema,
// for its normalised output or its precise problem. test/unit/storedMetadata.test.ts checks on a generated corpus that
// every item accepted here is accepted by the schema with the same output.
import type { z } from 'zod';
import { parseAccountId } from './accountId';
import { controlCharacters, fieldTypes, keyPattern, maxFieldsPerCredential, maxKeyLength, maxNameLength, providerTypes } from './constants';
import { checkFieldValue, type FieldType } from './fields';
import { isPlainObject } from './objects';
import { comparisonKey, credentialSchema, providerSchema, scopeSchema, type Credential, type CredentialField, type Provider, type Scope } from './schemas';

/** What the schema's safeParse returns, as far as the store reads it. */
export type StoredParse<T> = { success: true; data: T } | { success: false; error: z.ZodError };

// Lower-case RFC 9562 ids (what randomUUID writes); z.uuid() also accepts upper case and the nil and max ids.
const canonicalId = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Item = Record<string, unknown>;

function hasExactly(value: unknown, required: readonly string[], optional: readonly string[] = []): value is Item {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return required.every((key) => keys.includes(key)) && keys.every((key) => required.includes(key) || optional.includes(key));
}

const isId = (value: unknown): value is string => typeof value === 'string' && canonicalId.test(value);

const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= maxNameLength
  && value.trim() === value && !controlCharacters.test(value);

/** An Account ID already in its normalised display form. */
function isAccountId(value: unknown): value is string {
  const parsed = parseAccountId(value);
  return parsed.ok && parsed.display === value;
}

const timestampPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;

/**
 * `toISOString()` output of a four-digit year (a form z.iso.datetime() accepts): a real calendar day, 00:00:00–23:59:59.
 * Checked by arithmetic, not through Date: a process's first Date parse set up time zone data, ~5 ms of activation.
 */
function isTimestamp(value: unknown): value is string {
  const parts = typeof value === 'string' ? timestampPattern.exec(value) : null;
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59;
}

// isCanonical…(item): the item is exactly what its schema would output for it, so the schema need not run.

function isField(value: unknown): value is CredentialField {
  if (!hasExactly(value, ['id', 'key', 'type', 'sensitive'], ['value'])) return false;
  const { id, key, type, sensitive } = value;
  if (!isId(id) || typeof key !== 'string' || key.length === 0 || key.length > maxKeyLength || key.trim() !== key || !keyPattern.test(key)) return false;
  if (!fieldTypes.includes(type as FieldType) || typeof sensitive !== 'boolean') return false;
  if (sensitive) return !('value' in value);
  return typeof value.value === 'string' && checkFieldValue(type as FieldType, value.value) === undefined;
}

export function isCanonicalCredential(value: unknown): value is Credential {
  if (!hasExactly(value, ['id', 'providerId', 'name', 'boundAccountId', 'fields'])) return false;
  const { id, providerId, name, boundAccountId, fields } = value;
  if (!isId(id) || !isId(providerId) || !isName(name) || !isAccountId(boundAccountId)) return false;
  if (!Array.isArray(fields) || fields.length > maxFieldsPerCredential || !fields.every(isField)) return false;
  const keys = new Set(fields.map((field) => comparisonKey(field.key)));
  const ids = new Set(fields.map((field) => field.id));
  return keys.size === fields.length && ids.size === fields.length;
}

export function isCanonicalProvider(value: unknown): value is Provider {
  return hasExactly(value, ['id', 'name', 'type', 'accountId', 'createdAt']) && isId(value.id) && isName(value.name)
    && providerTypes.includes(value.type as Provider['type']) && isAccountId(value.accountId) && isTimestamp(value.createdAt);
}

export function isCanonicalScope(value: unknown): value is Scope {
  return hasExactly(value, ['id', 'providerId', 'name', 'credentialId']) && isId(value.id) && isId(value.providerId)
    && isName(value.name) && isId(value.credentialId);
}

// Copies, as zod's output is: nothing the store keeps aliases globalState's own objects.
export function parseStoredProvider(item: unknown): StoredParse<Provider> {
  if (isCanonicalProvider(item)) return { success: true, data: { ...item } };
  return providerSchema.safeParse(item);
}

export function parseStoredCredential(item: unknown): StoredParse<Credential> {
  if (isCanonicalCredential(item)) return { success: true, data: { ...item, fields: item.fields.map((field) => ({ ...field })) } };
  return credentialSchema.safeParse(item);
}

export function parseStoredScope(item: unknown): StoredParse<Scope> {
  if (isCanonicalScope(item)) return { success: true, data: { ...item } };
  return scopeSchema.safeParse(item);
}
