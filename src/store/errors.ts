// User-facing failures of the store: ExpectedErrors (model/errors.ts), told apart with `instanceof`. Every message is
// written for the user, in their language (`@vscode/l10n`, which the extension configures with its bundle on
// activation), and never contains a secret value (names, keys and ids are not secret); a ValidationError keeps its
// field errors as problem codes for the forms. Each class sets `name` to its class name for the log.
import * as l10n from '@vscode/l10n';
import { ExpectedError } from '../model/errors';
import type { FieldError } from '../model/problems';
import { problemText } from '../model/problemTexts';
import { redactSecrets } from '../model/redact';
import { nameSchema } from '../model/schemas';
import { findNameClash, type Sibling, type ValidationResult } from '../model/validation';

export type StoreObjectKind = 'provider' | 'credential' | 'scope';

export abstract class StoreError extends ExpectedError {
  abstract readonly code: string;
}

/** Input failed validation; `errors` are addressed by field path for the form. */
export class ValidationError extends StoreError {
  override readonly name: string = 'ValidationError';
  readonly code: string = 'validation';

  constructor(readonly kind: StoreObjectKind, readonly errors: readonly FieldError[]) {
    super(notSavedMessage(kind, errors.map(problemText).join(' ')));
  }
}

/** The name is used by another object under the same parent (a ValidationError with one `name` error). */
export class NameTakenError extends ValidationError {
  override readonly name = 'NameTakenError';
  override readonly code = 'nameTaken';

  constructor(kind: StoreObjectKind, readonly takenName: string, errors: readonly FieldError[]) {
    super(kind, errors);
  }
}

export class NotFoundError extends StoreError {
  override readonly name = 'NotFoundError';
  readonly code = 'notFound';

  constructor(readonly kind: StoreObjectKind, readonly id: string) {
    super(goneMessage(kind));
  }
}

function notSavedMessage(kind: StoreObjectKind, problems: string): string {
  switch (kind) {
    case 'provider': return l10n.t('The provider was not saved: {0}', problems);
    case 'credential': return l10n.t('The credential was not saved: {0}', problems);
    case 'scope': return l10n.t('The scope was not saved: {0}', problems);
  }
}

function goneMessage(kind: StoreObjectKind): string {
  switch (kind) {
    case 'provider': return l10n.t('The provider no longer exists (it may have been deleted in another window). Refresh the Providers view.');
    case 'credential': return l10n.t('The credential no longer exists (it may have been deleted in another window). Refresh the Providers view.');
    case 'scope': return l10n.t('The scope no longer exists (it may have been deleted in another window). Refresh the Providers view.');
  }
}

/** A credential cannot be deleted while scopes use it, unless those scopes are deleted with it. */
export class CredentialInUseError extends StoreError {
  override readonly name = 'CredentialInUseError';
  readonly code = 'credentialInUse';

  constructor(readonly credentialName: string, readonly scopeNames: readonly string[]) {
    const scopes = scopeNames.map((name) => `"${name}"`).join(', ');
    super(scopeNames.length === 1
      ? l10n.t('The credential "{0}" is used by the scope {1}. Delete that scope with it, or change them to use another credential first.', credentialName, scopes)
      : l10n.t('The credential "{0}" is used by the scopes {1}. Delete those scopes with it, or change them to use another credential first.', credentialName, scopes));
  }
}

/**
 * SecretStorage threw. The message explains the usual cause; `detail` is the underlying error's message with every
 * secret value involved in the operation removed.
 */
export class SecretStorageUnavailableError extends StoreError {
  override readonly name = 'SecretStorageUnavailableError';
  readonly code = 'secretStorageUnavailable';

  constructor(readonly action: string, readonly detail?: string) {
    const message = l10n.t('Secret storage is unavailable, so Provider Desk could not {0}. On Linux, install and unlock a keyring such as gnome-keyring or KWallet, or set "password-store" in argv.json (Preferences: Configure Runtime Arguments), for example "password-store": "gnome-libsecret".', action);
    super(detail ? `${message} ${l10n.t('(Cause: {0})', detail)}` : message);
  }
}

/** A sensitive field has no secret (deleted outside Provider Desk, or another window failed halfway). */
export class MissingSecretError extends StoreError {
  override readonly name = 'MissingSecretError';
  readonly code = 'missingSecret';

  constructor(readonly credentialName: string, readonly keys: readonly string[]) {
    super(l10n.t('The credential "{0}" has no stored value for {1}. Edit the credential and enter the value again.', credentialName,
      keys.map((key) => `"${key}"`).join(', ')));
  }
}

/** The stored data was written by a newer version of Provider Desk; this version shows it but does not overwrite it. */
export class UnsupportedSchemaError extends StoreError {
  override readonly name = 'UnsupportedSchemaError';
  readonly code = 'unsupportedSchema';

  constructor(readonly schemaVersion: number) {
    super(l10n.t('The providers were saved by a newer version of Provider Desk (data version {0}). Update the extension to change them; this version does not overwrite them.', schemaVersion));
  }
}

/** Another window kept writing the same data while this one tried to; nothing was changed here. */
export class ConcurrentModificationError extends StoreError {
  override readonly name = 'ConcurrentModificationError';
  readonly code = 'concurrentModification';

  constructor() {
    super(l10n.t('The providers were being changed in another VS Code window at the same time, so nothing was saved. Try again.'));
  }
}

/** The message of an unknown thrown value through the one redactor (every given secret removed), cut to a sane length
 * after redacting, so that the cut cannot leave part of a secret behind. */
export function redactedDetail(error: unknown, secrets: Iterable<string | undefined>): string | undefined {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
  if (!message) return undefined;
  const text = redactSecrets(message, secrets);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * The validated draft, or the error that says why not: NameTakenError when only the name clashes with a sibling's,
 * ValidationError carrying the field errors otherwise.
 */
export function validatedOrThrow<T>(kind: StoreObjectKind, result: ValidationResult<T>, input: unknown, siblings: readonly Sibling[], selfId?: string): T {
  if (result.ok) return result.value;
  const rawName = typeof input === 'object' && input !== null ? (input as { name?: unknown }).name : undefined;
  const name = nameSchema.safeParse(rawName);
  if (result.errors.length === 1 && result.errors[0]!.field === 'name' && name.success && findNameClash(name.data, siblings, selfId)) {
    throw new NameTakenError(kind, name.data, result.errors);
  }
  throw new ValidationError(kind, result.errors);
}
