// Every key the store uses, in globalState and in SecretStorage. One scheme for secrets: fields have their own
// UUIDs, so renaming a field key never orphans its secret.

/** globalState: all non-sensitive metadata, under one key, with a schemaVersion. */
export const dataKey = 'providerDesk.data';
/** globalState: copies of stored data that failed its schema, `providerDesk.backup.<ISO time>`. */
export const backupKeyPrefix = 'providerDesk.backup.';
/** SecretStorage: bumped on every metadata write so other windows get `secrets.onDidChange` (globalState has no event). */
export const revisionKey = 'providerDesk.revision';
/** SecretStorage: `providerDesk.secret/<credentialId>/<fieldId>` holds the value of one sensitive field. */
export const secretKeyPrefix = 'providerDesk.secret/';

export function secretKey(credentialId: string, fieldId: string): string {
  return `${secretKeyPrefix}${credentialId}/${fieldId}`;
}

export function parseSecretKey(key: string): { credentialId: string; fieldId: string } | undefined {
  if (!key.startsWith(secretKeyPrefix)) return undefined;
  const parts = key.slice(secretKeyPrefix.length).split('/');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return undefined;
  return { credentialId: parts[0]!, fieldId: parts[1]! };
}

export function backupKey(time: Date): string {
  return `${backupKeyPrefix}${time.toISOString()}`;
}
