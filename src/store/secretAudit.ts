// Which secrets belong to what. SecretStorage cannot list its keys, so the store keeps an index of the keys it wrote
// (StoredData.secretIndex); the audit compares it with the sensitive fields.
import type { Credential } from '../model/schemas';
import { parseSecretKey } from './keys';
import { expectedSecretKeys, type StoredData } from './storedData';
import type { SecretAudit } from './storeTypes';

/** Reads one secret, throwing SecretStorageUnavailableError (naming the action) when the keyring fails. */
export type ReadSecret = (key: string, action: string) => Promise<string | undefined>;

/** Secrets without a field are orphaned; sensitive fields without a secret are missing. */
export async function auditSecrets(data: Pick<StoredData, 'credentials' | 'secretIndex'>, read: ReadSecret): Promise<SecretAudit> {
  const expected = new Set(expectedSecretKeys(data.credentials));
  const keys = [...new Set([...data.secretIndex, ...expected])].sort();
  const orphaned: string[] = [];
  const missing: string[] = [];
  for (const key of keys) {
    const exists = (await read(key, 'check the stored secrets')) !== undefined;
    if (expected.has(key) && !exists) missing.push(key);
    if (!expected.has(key) && exists) orphaned.push(key);
  }
  return { orphaned, missing };
}

/** Index keys that neither a field needs nor hold a secret any more (`orphaned` do): dropped from the index. */
export function staleIndexKeys(data: Pick<StoredData, 'credentials' | 'secretIndex'>, orphaned: readonly string[]): string[] {
  const expected = new Set(expectedSecretKeys(data.credentials));
  return data.secretIndex.filter((key) => !expected.has(key) && !orphaned.includes(key));
}

/** Secret keys of a credential: its sensitive fields, and any other key of it in the index (left over earlier). */
export function secretKeysOf(credential: Credential, secretIndex: readonly string[]): string[] {
  const keys = new Set(expectedSecretKeys([credential]));
  for (const key of secretIndex) {
    if (parseSecretKey(key)?.credentialId === credential.id) keys.add(key);
  }
  return [...keys];
}
