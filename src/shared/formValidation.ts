// Form values → store input, and the model's validators applied to them. Pure (no `vscode`, no DOM): the extension
// uses it as the authority before every write, and the webview bundles the very same code for instant feedback.
// Like everything in shared/ (code both the extension and the webview run), it imports only model/.
import {
  validateCredentialInput,
  validateProviderInput,
  validateScopeInput,
  type CredentialInput,
  type ProviderInput,
  type ScopeInput,
  type Sibling,
} from '../model';
import type { CredentialValues, FieldError, FormValues, ProviderValues, ScopeValues } from './protocol';

export function toProviderInput(values: ProviderValues): ProviderInput {
  return { name: values.name, type: values.type as ProviderInput['type'], accountId: values.accountId };
}

/** A field without `value` keeps its stored secret (edit) — the store's rule for `undefined`. */
export function toCredentialInput(values: CredentialValues): CredentialInput {
  return {
    name: values.name,
    fields: values.fields.map((field) => ({
      ...(field.id !== undefined ? { id: field.id } : {}),
      key: field.key,
      type: field.type as NonNullable<CredentialInput['fields'][number]['type']>,
      sensitive: field.sensitive,
      ...(field.value !== undefined ? { value: field.value } : {}),
    })),
  };
}

export function toScopeInput(values: ScopeValues): ScopeInput {
  return { name: values.name, credentialId: values.credentialId };
}

/** A stored field of the credential being edited, as the validators need it (no secret: sensitive ones have no value). */
export interface CurrentField {
  id: string;
  sensitive: boolean;
  value?: string;
}

export interface FormValidationContext {
  /** Other objects under the same parent (or just their names); the edited object's own name is no clash. */
  siblings: readonly Sibling[];
  /** The id of the edited object. */
  selfId?: string;
  /** Scope form: the provider's credentials. */
  credentialIds?: readonly string[];
  /** Credential form, edit mode: the credential's stored fields. */
  currentFields?: readonly CurrentField[];
  /**
   * False for a live check whose sensitive values were left out on purpose (`validate` message): a missing
   * sensitive value is then not an error. Default true.
   */
  requireSensitiveValues?: boolean;
}

/** Every problem of the form, addressed by field path (`name`, `fields.2.key`, …); empty when it may be saved. */
export function validateFormValues(values: FormValues, context: FormValidationContext): FieldError[] {
  const options = context.selfId !== undefined ? { selfId: context.selfId } : {};
  switch (values.kind) {
    case 'provider': {
      const result = validateProviderInput(toProviderInput(values), context.siblings, options);
      return result.ok ? [] : result.errors;
    }
    case 'credential': {
      const result = validateCredentialInput(toCredentialInput(values), context.siblings, {
        ...options,
        ...(context.currentFields ? { current: { ...(context.selfId !== undefined ? { id: context.selfId } : {}), fields: context.currentFields } } : {}),
        requireSensitiveValues: context.requireSensitiveValues ?? true,
      });
      return result.ok ? [] : result.errors;
    }
    case 'scope': {
      const result = validateScopeInput(toScopeInput(values), context.siblings, context.credentialIds ?? [], options);
      return result.ok ? [] : result.errors;
    }
  }
}
