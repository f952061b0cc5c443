// How an edited credential's fields map onto what is stored: which secrets are written, kept, moved into metadata
// (Sensitive turned off) or deleted. Pure apart from reading the secrets that move.
import { checkFieldValue, normaliseFieldValue } from '../model/fields';
import { problem } from '../model/problems';
import type { Credential, CredentialField } from '../model/schemas';
import type { CredentialFieldDraft } from '../model/validation';
import type { FieldError } from '../model/problems';
import { secretKey } from './keys';
import type { ReadSecret } from './secretAudit';
import type { SecretOp } from './secretJournal';

export interface CredentialFieldsPlan {
  readonly fields: CredentialField[];
  readonly ops: SecretOp[];
  /** Values that cannot move into metadata (their secret is gone, or no longer fits the type). */
  readonly errors: FieldError[];
  /** A stored secret is kept: the credential stays bound to the Account ID it was stored for. */
  readonly keepsStoredSecret: boolean;
}

/**
 * A field matched by `id` to a stored sensitive field keeps its secret when its value is undefined; a new value
 * replaces it; a removed field's secret is deleted; switching Sensitive moves the value between SecretStorage and
 * metadata.
 */
export async function planCredentialFields(credential: Credential, draftFields: readonly CredentialFieldDraft[], newId: () => string,
  readSecret: ReadSecret, action: string): Promise<CredentialFieldsPlan> {
  const stored = new Map(credential.fields.map((field) => [field.id, field]));
  const ops: SecretOp[] = [];
  const errors: FieldError[] = [];
  const fields: CredentialField[] = [];
  let keepsStoredSecret = false;
  for (const [index, field] of draftFields.entries()) {
    const previous = field.id === undefined ? undefined : stored.get(field.id);
    const fieldId = previous?.id ?? newId();
    const key = secretKey(credential.id, fieldId);
    if (field.value === undefined && previous?.sensitive) keepsStoredSecret = true;
    if (field.sensitive) {
      // Undefined keeps the stored secret; a value (new, or moved from metadata) replaces it.
      if (field.value !== undefined) ops.push({ key, value: field.value });
      fields.push({ id: fieldId, key: field.key, type: field.type, sensitive: true });
      continue;
    }
    let value = field.value;
    if (value === undefined) {
      // Sensitive before, not now: the secret moves into metadata.
      const secret = await readSecret(key, action);
      const secretProblem = secret === undefined
        ? problem('storedValueMissing')
        : checkFieldValue(field.type, secret) && problem('storedValueWrongType', field.type);
      if (secretProblem) {
        errors.push({ field: `fields.${index}.value`, ...secretProblem });
        continue;
      }
      value = normaliseFieldValue(field.type, secret!);
    }
    if (previous?.sensitive) ops.push({ key });
    fields.push({ id: fieldId, key: field.key, type: field.type, sensitive: false, value });
  }
  const keptIds = new Set(fields.map((field) => field.id));
  for (const field of credential.fields) {
    if (field.sensitive && !keptIds.has(field.id)) ops.push({ key: secretKey(credential.id, field.id) });
  }
  return { fields, ops, errors, keepsStoredSecret };
}
