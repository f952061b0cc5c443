// The single source of truth for the shapes of Provider, Credential, CredentialField and Scope: the types below are
// inferred from these zod schemas. Two families:
//  - stored schemas (providerSchema, credentialSchema, …) describe metadata as kept in globalState, and are used by
//    the store to check what it loads;
//  - input schemas (providerInputSchema, …) describe what a form or command submits; validation.ts adds the rules
//    that need context (unique names, existing credentials, values kept from the stored object).
//
// Sensitive values never appear in any stored schema: a sensitive field has no `value` in metadata. Errors are problem
// codes (problems.ts), not sentences: `says(code)` names one as a check's error, `report` attaches one with arguments.
// validation.ts turns the issues back into problems (problemOfIssue).
import type { z } from 'zod';
import { parseAccountId } from './accountId';
import { controlCharacters, fieldTypes, keyPattern, maxFieldsPerCredential, maxKeyLength, maxNameLength, maxValueLength, providerTypes } from './constants';
import { checkFieldValue } from './fields';
import { lazySchema } from './lazySchema';
import { problem, type Problem, type ProblemCode } from './problems';

export { fieldTypes, providerTypes } from './constants';
export type { FieldType } from './fields';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

function says(code: ProblemCode): { error: ProblemCode } {
  return { error: code };
}

function report(ctx: z.RefinementCtx, path: PropertyKey[], subject: Problem): void {
  ctx.addIssue({ code: 'custom', path, message: subject.code, params: { problem: subject } });
}

export const idSchema = lazySchema((z) => z.uuid(says('invalidId')));

/** Provider, credential and scope names: trimmed, 1–100 characters, no control characters or line breaks. */
export const nameSchema = lazySchema((z) => z.string(says('nameRequired'))
  .trim()
  .min(1, says('nameRequired'))
  .max(maxNameLength, says('nameTooLong'))
  .refine((name) => !controlCharacters.test(name), says('nameControlCharacters')));

export const providerTypeSchema = lazySchema((z) => z.enum(providerTypes, says('providerTypeInvalid')));
export type ProviderType = z.infer<typeof providerTypeSchema>;

/** An Account ID as typed; the output is its normalised display form (`api.heroku.com`, `http://127.0.0.1:5000`). */
export const accountIdSchema = lazySchema((z) => z.string(says('accountIdRequired')).transform((text, ctx) => {
  const parsed = parseAccountId(text);
  if (parsed.ok) return parsed.display;
  report(ctx, [], parsed.problem);
  return z.NEVER;
}));

export const fieldTypeSchema = lazySchema((z) => z.enum(fieldTypes, says('fieldTypeInvalid')));

/** Credential field keys: trimmed, 1–64 characters of letters, digits, `_`, `.` and `-`. */
export const keySchema = lazySchema((z) => z.string(says('keyRequired'))
  .trim()
  .min(1, says('keyRequired'))
  .max(maxKeyLength, says('keyTooLong'))
  .regex(keyPattern, says('keyCharacters')));

export const valueSchema = lazySchema((z) => z.string(says('valueNotText'))
  .max(maxValueLength, says('valueTooLong')));

/** Case-insensitive comparison form of a name or key. */
export function comparisonKey(text: string): string {
  return text.trim().normalize('NFC').toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Stored metadata

export const credentialFieldSchema = lazySchema((z) => z.object({
  id: idSchema,
  key: keySchema,
  type: fieldTypeSchema,
  sensitive: z.boolean(says('sensitiveNotBoolean')),
  /** Only for non-sensitive fields; a sensitive value lives in SecretStorage. */
  value: valueSchema.optional(),
}).superRefine((field, ctx) => {
  if (field.sensitive) {
    if (field.value !== undefined) report(ctx, ['value'], problem('sensitiveValueInMetadata'));
    return;
  }
  if (field.value === undefined) {
    report(ctx, ['value'], problem('nonSensitiveValueRequired'));
    return;
  }
  const valueProblem = checkFieldValue(field.type, field.value);
  if (valueProblem) report(ctx, ['value'], valueProblem);
}));
export type CredentialField = z.infer<typeof credentialFieldSchema>;

export const providerSchema = lazySchema((z) => z.object({
  id: idSchema,
  name: nameSchema,
  type: providerTypeSchema,
  /** Normalised display form; see parseAccountId for the API base URL. */
  accountId: accountIdSchema,
  createdAt: z.iso.datetime(says('createdAtInvalid')),
}));
export type Provider = z.infer<typeof providerSchema>;

export const credentialSchema = lazySchema((z) => z.object({
  id: idSchema,
  providerId: idSchema,
  name: nameSchema,
  /**
   * The provider's Account ID (normalised) when the secrets were stored: a token is sent only there. After the
   * provider's Account ID changes, the first request asks before sending it to the new one.
   */
  boundAccountId: accountIdSchema,
  fields: z.array(credentialFieldSchema, says('fieldsNotList'))
    .max(maxFieldsPerCredential, says('tooManyFields')),
}).superRefine((credential, ctx) => {
  const keys = new Set<string>();
  const ids = new Set<string>();
  credential.fields.forEach((field, index) => {
    const key = comparisonKey(field.key);
    if (keys.has(key)) report(ctx, ['fields', index, 'key'], problem('keyUsedTwice', field.key));
    if (ids.has(field.id)) report(ctx, ['fields', index, 'id'], problem('fieldIdUsedTwice'));
    keys.add(key);
    ids.add(field.id);
  });
}));
export type Credential = z.infer<typeof credentialSchema>;

export const scopeSchema = lazySchema((z) => z.object({
  id: idSchema,
  providerId: idSchema,
  name: nameSchema,
  credentialId: idSchema,
}));
export type Scope = z.infer<typeof scopeSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Input (forms, commands). Unknown properties (e.g. a form's `kind`) are ignored.

export const providerInputSchema = lazySchema((z) => z.object({
  name: nameSchema,
  /** Optional: when absent, Heroku for api.heroku.com and Other for anything else. */
  type: providerTypeSchema.optional(),
  accountId: accountIdSchema,
}));
export type ProviderInput = z.input<typeof providerInputSchema>;

export const credentialFieldInputSchema = lazySchema((z) => z.object({
  /** Present for a field that already exists on the credential being edited; any other id is ignored. */
  id: z.string().optional(),
  key: keySchema,
  /** Defaults to the edited field's type, or String for a new field. */
  type: fieldTypeSchema.optional(),
  /** Defaults to the edited field's setting, or suggestSensitive(key) for a new field. */
  sensitive: z.boolean(says('sensitiveNotOnOff')).optional(),
  /** For a stored sensitive field, `undefined` keeps the stored secret. */
  value: valueSchema.optional(),
}));
export type CredentialFieldInput = z.input<typeof credentialFieldInputSchema>;

export const credentialInputSchema = lazySchema((z) => z.object({
  name: nameSchema,
  fields: z.array(credentialFieldInputSchema, says('fieldsNotList'))
    .min(1, says('fieldsRequired'))
    .max(maxFieldsPerCredential, says('tooManyFields')),
}));
export type CredentialInput = z.input<typeof credentialInputSchema>;

export const scopeInputSchema = lazySchema((z) => z.object({
  name: nameSchema,
  credentialId: z.string(says('credentialRequired')).trim().min(1, says('credentialRequired')),
}));
export type ScopeInput = z.input<typeof scopeInputSchema>;
