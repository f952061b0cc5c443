// The single source of truth for the shapes of Provider, Credential, CredentialField and Scope: the types below are
// inferred from these zod schemas. Two families:
//  - stored schemas (providerSchema, credentialSchema, …) describe metadata as kept in globalState, and are used by
//    the store to check what it loads;
//  - input schemas (providerInputSchema, …) describe what a form or command submits; validation.ts adds the rules
//    that need context (unique names, existing credentials, values kept from the stored object).
//
// Sensitive values never appear in any stored schema: a sensitive field has no `value` in metadata.
import { z } from 'zod';
import { parseAccountId } from './accountId';
import { fieldTypes, keyPattern, maxFieldsPerCredential, maxKeyLength, maxNameLength, maxValueLength, providerTypes } from './constants';
import { checkFieldValue } from './fields';

export { fieldTypes, providerTypes } from './constants';
export type { FieldType } from './fields';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

export const idSchema = z.uuid({ error: 'Not a valid id.' });

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;

/** Provider, credential and scope names: trimmed, 1–100 characters, no control characters or line breaks. */
export const nameSchema = z.string({ error: 'Enter a name.' })
  .trim()
  .min(1, { error: 'Enter a name.' })
  .max(maxNameLength, { error: `A name can have at most ${maxNameLength} characters.` })
  .refine((name) => !controlCharacters.test(name), { error: 'A name must not contain line breaks or control characters.' });

export const providerTypeSchema = z.enum(providerTypes, { error: `Choose a provider type: ${providerTypes.join(' or ')}.` });
export type ProviderType = z.infer<typeof providerTypeSchema>;

/** An Account ID as typed; the output is its normalised display form (`api.heroku.com`, `http://127.0.0.1:5000`). */
export const accountIdSchema = z.string({ error: 'Enter an Account ID.' }).transform((text, ctx) => {
  const parsed = parseAccountId(text);
  if (parsed.ok) return parsed.display;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

export const fieldTypeSchema = z.enum(fieldTypes, { error: `Choose a field type: ${fieldTypes.join(', ')}.` });

/** Credential field keys: trimmed, 1–64 characters of letters, digits, `_`, `.` and `-`. */
export const keySchema = z.string({ error: 'Enter a key.' })
  .trim()
  .min(1, { error: 'Enter a key.' })
  .max(maxKeyLength, { error: `A key can have at most ${maxKeyLength} characters.` })
  .regex(keyPattern, { error: 'A key can contain only letters, digits, "_", "." and "-".' });

export const valueSchema = z.string({ error: 'A value must be text.' })
  .max(maxValueLength, { error: `The value is too long (at most ${maxValueLength.toLocaleString('en-US')} characters).` });

/** Case-insensitive comparison form of a name or key. */
export function comparisonKey(text: string): string {
  return text.trim().normalize('NFC').toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Stored metadata

export const credentialFieldSchema = z.object({
  id: idSchema,
  key: keySchema,
  type: fieldTypeSchema,
  sensitive: z.boolean({ error: 'Sensitive must be true or false.' }),
  /** Only for non-sensitive fields; a sensitive value lives in SecretStorage. */
  value: valueSchema.optional(),
}).superRefine((field, ctx) => {
  if (field.sensitive) {
    if (field.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'A sensitive value must not be kept in metadata.' });
    return;
  }
  if (field.value === undefined) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'A non-sensitive field needs a value.' });
    return;
  }
  const problem = checkFieldValue(field.type, field.value);
  if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
});
export type CredentialField = z.infer<typeof credentialFieldSchema>;

export const providerSchema = z.object({
  id: idSchema,
  name: nameSchema,
  type: providerTypeSchema,
  /** Normalised display form; see parseAccountId for the API base URL. */
  accountId: accountIdSchema,
  createdAt: z.iso.datetime({ error: 'Not a valid creation time.' }),
});
export type Provider = z.infer<typeof providerSchema>;

export const credentialSchema = z.object({
  id: idSchema,
  providerId: idSchema,
  name: nameSchema,
  /**
   * The provider's Account ID (normalised) when the secrets were stored: a token is sent only there. After the
   * provider's Account ID changes, the first request asks before sending it to the new one.
   */
  boundAccountId: accountIdSchema,
  fields: z.array(credentialFieldSchema, { error: 'Fields must be a list.' })
    .max(maxFieldsPerCredential, { error: `A credential can have at most ${maxFieldsPerCredential} fields.` }),
}).superRefine((credential, ctx) => {
  const keys = new Set<string>();
  const ids = new Set<string>();
  credential.fields.forEach((field, index) => {
    const key = comparisonKey(field.key);
    if (keys.has(key)) ctx.addIssue({ code: 'custom', path: ['fields', index, 'key'], message: `The key "${field.key}" is used twice in this credential.` });
    if (ids.has(field.id)) ctx.addIssue({ code: 'custom', path: ['fields', index, 'id'], message: 'Two fields have the same id.' });
    keys.add(key);
    ids.add(field.id);
  });
});
export type Credential = z.infer<typeof credentialSchema>;

export const scopeSchema = z.object({
  id: idSchema,
  providerId: idSchema,
  name: nameSchema,
  credentialId: idSchema,
});
export type Scope = z.infer<typeof scopeSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Input (forms, commands). Unknown properties (e.g. a form's `kind`) are ignored.

export const providerInputSchema = z.object({
  name: nameSchema,
  /** Optional: when absent, Heroku for api.heroku.com and Other for anything else. */
  type: providerTypeSchema.optional(),
  accountId: accountIdSchema,
});
export type ProviderInput = z.input<typeof providerInputSchema>;

export const credentialFieldInputSchema = z.object({
  /** Present for a field that already exists on the credential being edited; any other id is ignored. */
  id: z.string().optional(),
  key: keySchema,
  /** Defaults to the edited field's type, or String for a new field. */
  type: fieldTypeSchema.optional(),
  /** Defaults to the edited field's setting, or suggestSensitive(key) for a new field. */
  sensitive: z.boolean({ error: 'Sensitive must be on or off.' }).optional(),
  /** For a stored sensitive field, `undefined` keeps the stored secret. */
  value: valueSchema.optional(),
});
export type CredentialFieldInput = z.input<typeof credentialFieldInputSchema>;

export const credentialInputSchema = z.object({
  name: nameSchema,
  fields: z.array(credentialFieldInputSchema, { error: 'Fields must be a list.' })
    .min(1, { error: 'Add at least one field.' })
    .max(maxFieldsPerCredential, { error: `A credential can have at most ${maxFieldsPerCredential} fields.` }),
});
export type CredentialInput = z.input<typeof credentialInputSchema>;

export const scopeInputSchema = z.object({
  name: nameSchema,
  credentialId: z.string({ error: 'Choose a credential for this scope.' }).trim().min(1, { error: 'Choose a credential for this scope.' }),
});
export type ScopeInput = z.input<typeof scopeInputSchema>;
