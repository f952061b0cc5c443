// Input validation shared by the forms (live, next to each field) and the store (before every write). Each
// validator runs the zod input schema, then the rules that need context: names unique within their parent, keys
// unique within a credential, a scope's credential existing, values kept from the object being edited.
//
// Errors are problems (a code with arguments, see problems.ts) addressed by field path (`name`, `accountId`,
// `fields.2.key`, `credentialId`), at most one per path, and never carry a field value.
import type { z } from 'zod';
import { isHerokuHost, parseAccountId } from './accountId';
import { checkFieldValue, normaliseFieldValue, suggestSensitive, type FieldType } from './fields';
import { problem, problemOfIssue, type FieldError, type Problem, type ProblemCode } from './problems';
import {
  comparisonKey,
  credentialFieldInputSchema,
  credentialInputSchema,
  nameSchema,
  providerInputSchema,
  scopeInputSchema,
  type ProviderType,
} from './schemas';

export type { FieldError } from './problems';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Another object under the same parent: its name, or the object (whose id is skipped when it is `selfId`). */
export type Sibling = string | { readonly id?: string; readonly name: string };

export interface ProviderDraft {
  name: string;
  type: ProviderType;
  /** Normalised display form. */
  accountId: string;
}

export interface CredentialFieldDraft {
  /** The id of the field of the edited credential this row changes; undefined for a new field. */
  id?: string;
  key: string;
  type: FieldType;
  sensitive: boolean;
  /**
   * The value to store: the secret (sensitive) or the metadata value (non-sensitive). Undefined only for a field
   * that is sensitive in the edited credential: keep its secret (still sensitive) or move it into metadata (no
   * longer sensitive; the store reads the secret and checks it against the type).
   */
  value?: string;
}

export interface CredentialDraft {
  name: string;
  fields: CredentialFieldDraft[];
}

export interface ScopeDraft {
  name: string;
  credentialId: string;
}

export interface NameOptions {
  /** The id of the object being edited: its own name is not a clash. */
  selfId?: string;
}

export interface CredentialValidationOptions extends NameOptions {
  /** The credential being edited: rows whose id matches one of its fields keep that field's stored value. */
  current?: {
    readonly id?: string;
    readonly fields: readonly { readonly id: string; readonly sensitive: boolean; readonly value?: string; readonly type?: FieldType }[];
  };
  /**
   * Whether a sensitive field without a stored secret needs a value (default true). Live checks from a form that
   * leaves sensitive values out pass false.
   */
  requireSensitiveValues?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------

export function validateProviderInput(input: unknown, existing: readonly Sibling[], options: NameOptions = {}): ValidationResult<ProviderDraft> {
  const errors = new ErrorList();
  const parsed = providerInputSchema.safeParse(input);
  if (!parsed.success) errors.addIssues(parsed.error.issues);
  checkNameClash(errors, property(input, 'name'), existing, options.selfId, 'providerNameTaken');
  if (!parsed.success || errors.any()) return errors.result();
  const account = parseAccountId(parsed.data.accountId);
  const type = parsed.data.type ?? (account.ok && isHerokuHost(account.host) ? 'Heroku' : 'Other');
  return { ok: true, value: { name: parsed.data.name, type, accountId: parsed.data.accountId } };
}

export function validateCredentialInput(
  input: unknown,
  existing: readonly Sibling[],
  options: CredentialValidationOptions = {},
): ValidationResult<CredentialDraft> {
  const errors = new ErrorList();
  const parsed = credentialInputSchema.safeParse(input);
  if (!parsed.success) errors.addIssues(parsed.error.issues);
  const selfId = options.selfId ?? options.current?.id;
  checkNameClash(errors, property(input, 'name'), existing, selfId, 'credentialNameTaken');

  const requireSensitiveValues = options.requireSensitiveValues ?? true;
  const currentFields = new Map((options.current?.fields ?? []).map((field) => [field.id, field]));
  const claimed = new Set<string>();
  const keys = new Map<string, number>();
  const rawFields = property(input, 'fields');
  const drafts: CredentialFieldDraft[] = [];
  (Array.isArray(rawFields) ? rawFields : []).forEach((raw: unknown, index) => {
    const field = credentialFieldInputSchema.safeParse(raw);
    if (!field.success) return; // its issues came with the whole-input parse
    const at = (name: string): string => `fields.${index}.${name}`;
    const { key } = field.data;
    const seen = keys.get(comparisonKey(key));
    if (seen !== undefined) errors.add(at('key'), problem('keyTaken', key, seen + 1));
    else keys.set(comparisonKey(key), index);

    const id = field.data.id !== undefined && currentFields.has(field.data.id) && !claimed.has(field.data.id) ? field.data.id : undefined;
    if (id !== undefined) claimed.add(id);
    const stored = id === undefined ? undefined : currentFields.get(id);
    const type: FieldType = field.data.type ?? stored?.type ?? 'String';
    // Left out: an existing field stays as it is; a new one follows its key.
    const sensitive = field.data.sensitive ?? stored?.sensitive ?? suggestSensitive(key);

    let value = field.data.value;
    if (value !== undefined) {
      const valueProblem = sensitive && value === '' ? problem('valueRequired') : checkFieldValue(type, value);
      if (valueProblem) errors.add(at('value'), valueProblem);
      value = normaliseFieldValue(type, value);
    } else if (stored?.sensitive) {
      // Keep the secret (still sensitive) or move it into metadata (the store checks it against the type).
    } else if (stored) {
      const kept = stored.value ?? '';
      if (sensitive && kept === '') {
        if (requireSensitiveValues) errors.add(at('value'), problem('valueRequired'));
      } else {
        const valueProblem = checkFieldValue(type, kept);
        if (valueProblem) errors.add(at('value'), problem('currentValueWrongType', type, valueProblem));
        value = normaliseFieldValue(type, kept);
      }
    } else if (sensitive) {
      if (requireSensitiveValues) errors.add(at('value'), problem('valueRequired'));
    } else {
      value = '';
      const valueProblem = checkFieldValue(type, value);
      if (valueProblem) errors.add(at('value'), valueProblem);
    }
    drafts.push({ ...(id === undefined ? {} : { id }), key, type, sensitive, ...(value === undefined ? {} : { value }) });
  });

  if (!parsed.success || errors.any()) return errors.result();
  return { ok: true, value: { name: parsed.data.name, fields: drafts } };
}

export function validateScopeInput(
  input: unknown,
  existing: readonly Sibling[],
  credentials: readonly (string | { readonly id: string })[],
  options: NameOptions = {},
): ValidationResult<ScopeDraft> {
  const errors = new ErrorList();
  const parsed = scopeInputSchema.safeParse(input);
  if (!parsed.success) errors.addIssues(parsed.error.issues);
  checkNameClash(errors, property(input, 'name'), existing, options.selfId, 'scopeNameTaken');
  if (parsed.success) {
    const ids = new Set(credentials.map((credential) => (typeof credential === 'string' ? credential : credential.id)));
    if (!ids.has(parsed.data.credentialId)) {
      errors.add('credentialId', problem('credentialMissing'));
    }
  }
  if (!parsed.success || errors.any()) return errors.result();
  return { ok: true, value: { name: parsed.data.name, credentialId: parsed.data.credentialId } };
}

/** The sibling whose name equals `name` (trimmed, case-insensitive), other than `selfId`. */
export function findNameClash(name: string, existing: readonly Sibling[], selfId?: string): Sibling | undefined {
  const wanted = comparisonKey(name);
  return existing.find((sibling) => {
    if (typeof sibling === 'string') return comparisonKey(sibling) === wanted;
    return (selfId === undefined || sibling.id !== selfId) && comparisonKey(sibling.name) === wanted;
  });
}

// ---------------------------------------------------------------------------------------------------------------

function checkNameClash(errors: ErrorList, rawName: unknown, existing: readonly Sibling[], selfId: string | undefined, code: ProblemCode): void {
  const name = nameSchema.safeParse(rawName);
  if (name.success && findNameClash(name.data, existing, selfId) !== undefined) errors.add('name', problem(code, name.data));
}

function property(input: unknown, key: string): unknown {
  return typeof input === 'object' && input !== null && Object.prototype.hasOwnProperty.call(input, key)
    ? (input as Record<string, unknown>)[key]
    : undefined;
}

class ErrorList {
  private readonly errors: FieldError[] = [];
  private readonly fields = new Set<string>();

  add(field: string, subject: Problem): void {
    if (this.fields.has(field)) return;
    this.fields.add(field);
    this.errors.push({ field, ...subject });
  }

  addIssues(issues: readonly z.core.$ZodIssue[]): void {
    for (const issue of issues) this.add(issue.path.map(String).join('.'), problemOfIssue(issue));
  }

  any(): boolean {
    return this.errors.length > 0;
  }

  result(): { ok: false; errors: FieldError[] } {
    return { ok: false, errors: [...this.errors] };
  }
}
