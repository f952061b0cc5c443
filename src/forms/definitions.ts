// What each form shows and does, built from the store. No `vscode` import: the store is reached through the
// structural FormStore below (the real ProviderStore satisfies it) and texts through `@vscode/l10n` (see strings.ts).
import type { Credential, CredentialInput, Provider, ProviderInput, Scope, ScopeInput } from '../model';
import { fieldTypes, isHerokuApiAccountId, providerTypes } from '../model';
import type { CredentialValues, FormKind, FormMode, FormStrings, FormValues, InitField, InitMessage, InitValues } from '../shared/protocol';
import { NotFoundError } from '../store/errors';
import type { FormDefinition, SaveOutcome } from './controller';
import { toCredentialInput, toProviderInput, toScopeInput, validateFormValues, type FormValidationContext } from '../shared/formValidation';
import { foreignImportHint, formStrings, formTitle, plainTextConfirmation, plainTextDeclined, savedNotification } from './strings';

/** The part of ProviderStore the forms use. */
export interface FormStore {
  providers(): readonly Provider[];
  provider(id: string): Provider | undefined;
  credentials(providerId: string): readonly Credential[];
  credential(id: string): Credential | undefined;
  scopes(providerId: string): readonly Scope[];
  scope(id: string): Scope | undefined;
  createProvider(input: ProviderInput): Promise<Provider>;
  updateProvider(id: string, input: ProviderInput): Promise<unknown>;
  createCredential(providerId: string, input: CredentialInput): Promise<Credential>;
  updateCredential(id: string, input: CredentialInput): Promise<unknown>;
  createScope(providerId: string, input: ScopeInput): Promise<Scope>;
  updateScope(id: string, input: ScopeInput): Promise<unknown>;
}

export interface DefinitionDeps {
  store: FormStore;
  /** A modal question with one action besides Cancel; resolves true only for that action. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
}

/** One open panel per key: opening the same form (kind + target) again focuses it. */
export function formKey(kind: FormKind, providerId: string | undefined, targetId: string | undefined): string {
  if (targetId !== undefined) return `${kind}:${targetId}`;
  return kind === 'provider' ? 'provider:new' : `${kind}:new:${providerId ?? ''}`;
}

/** The default provider type: the seed's instructions select "Other" (Heroku is recognised by its Account ID). */
export const defaultProviderType = 'Other';

interface Parts {
  kind: FormKind;
  mode: FormMode;
  key: string;
  exists(): boolean;
  subject(): string;
  values(): InitValues;
  context(): FormValidationContext;
  credentials?(): { id: string; name: string }[];
  save(values: FormValues): Promise<SaveOutcome>;
  addCredentialProviderId?: string;
  herokuImportProviderId?: string;
  /** Texts that depend on the form's target. */
  strings?(): Partial<FormStrings>;
}

function definition(parts: Parts): FormDefinition {
  const title = (): string => formTitle(parts.kind, parts.mode, parts.subject());
  return {
    kind: parts.kind,
    mode: parts.mode,
    key: parts.key,
    ...(parts.addCredentialProviderId !== undefined ? { addCredentialProviderId: parts.addCredentialProviderId } : {}),
    ...(parts.herokuImportProviderId !== undefined ? { herokuImportProviderId: parts.herokuImportProviderId } : {}),
    exists: parts.exists,
    title,
    init(): InitMessage {
      const context = parts.context();
      const credentials = parts.credentials?.() ?? [];
      return {
        type: 'init',
        formKey: parts.key,
        kind: parts.kind,
        mode: parts.mode,
        title: title(),
        values: parts.values(),
        providerTypes: [...providerTypes],
        fieldTypes: [...fieldTypes],
        credentials,
        offerHerokuImport: parts.herokuImportProviderId !== undefined,
        validation: {
          siblingNames: context.siblings
            .filter((sibling) => typeof sibling === 'string' || sibling.id === undefined || sibling.id !== context.selfId)
            .map((sibling) => (typeof sibling === 'string' ? sibling : sibling.name)),
          credentialIds: credentials.map((credential) => credential.id),
        },
        strings: { ...formStrings(parts.kind, parts.mode), ...parts.strings?.() },
      };
    },
    validate(values, live) {
      return validateFormValues(values, { ...parts.context(), requireSensitiveValues: !live });
    },
    save: parts.save,
  };
}

function wrongKind(expected: FormKind, values: FormValues): Error {
  return new Error(`expected ${expected} values, got ${values.kind}`);
}

export function providerForm(deps: DefinitionDeps, providerId?: string): FormDefinition {
  const { store } = deps;
  const mode: FormMode = providerId === undefined ? 'create' : 'edit';
  const current = (): Provider | undefined => (providerId === undefined ? undefined : store.provider(providerId));
  return definition({
    kind: 'provider',
    mode,
    key: formKey('provider', undefined, providerId),
    exists: () => providerId === undefined || current() !== undefined,
    subject: () => current()?.name ?? '',
    values: () => {
      const provider = current();
      return { kind: 'provider', name: provider?.name ?? '', type: provider?.type ?? defaultProviderType, accountId: provider?.accountId ?? '' };
    },
    context: () => ({
      siblings: store.providers().map((provider) => ({ id: provider.id, name: provider.name })),
      ...(providerId !== undefined ? { selfId: providerId } : {}),
    }),
    async save(values) {
      if (values.kind !== 'provider') throw wrongKind('provider', values);
      const input = toProviderInput(values);
      if (providerId === undefined) {
        const created = await store.createProvider(input);
        return { reveal: { providerId: created.id }, notification: savedNotification('provider', mode, created.name) };
      }
      await store.updateProvider(providerId, input);
      const name = store.provider(providerId)?.name ?? values.name.trim();
      return { reveal: { providerId }, notification: savedNotification('provider', mode, name) };
    },
  });
}

export function credentialForm(deps: DefinitionDeps, providerId: string, credentialId?: string): FormDefinition {
  const { store } = deps;
  const mode: FormMode = credentialId === undefined ? 'create' : 'edit';
  const current = (): Credential | undefined => {
    const credential = credentialId === undefined ? undefined : store.credential(credentialId);
    return credential?.providerId === providerId ? credential : undefined;
  };
  return definition({
    kind: 'credential',
    mode,
    key: formKey('credential', providerId, credentialId),
    ...(credentialId === undefined ? { herokuImportProviderId: providerId } : {}),
    strings: () => {
      const accountId = store.provider(providerId)?.accountId;
      return accountId === undefined || isHerokuApiAccountId(accountId) ? {} : { importHerokuCliHint: foreignImportHint(accountId) };
    },
    exists: () => store.provider(providerId) !== undefined && (credentialId === undefined || current() !== undefined),
    subject: () => (credentialId === undefined ? store.provider(providerId)?.name : current()?.name) ?? '',
    values: () => ({ kind: 'credential', name: current()?.name ?? '', fields: (current()?.fields ?? []).map(initField) }),
    context: () => {
      const credential = current();
      return {
        siblings: store.credentials(providerId).map((sibling) => ({ id: sibling.id, name: sibling.name })),
        ...(credential ? {
          selfId: credential.id,
          currentFields: credential.fields.map((field) => ({
            id: field.id,
            sensitive: field.sensitive,
            ...(field.value !== undefined ? { value: field.value } : {}),
          })),
        } : {}),
      };
    },
    async save(values) {
      if (values.kind !== 'credential') throw wrongKind('credential', values);
      if (credentialId === undefined) {
        // A new credential has no stored fields: an id sent along could only point at another credential's secret.
        const created = await store.createCredential(providerId, toCredentialInput(withoutFieldIds(values)));
        return { reveal: { providerId, credentialId: created.id }, notification: savedNotification('credential', mode, created.name) };
      }
      // Write only the credential that was validated: field ids were matched against current()'s fields, and an id
      // of another provider's credential must not reach updateCredential (which would match its stored secrets).
      const credential = current();
      if (credential === undefined) throw new NotFoundError('credential', credentialId);
      const exposed = keysTurnedPlain(credential, values);
      if (exposed.length > 0) {
        const question = plainTextConfirmation(credential.name, exposed);
        if (!await deps.confirm(question.message, question.detail, question.action)) return { notSaved: plainTextDeclined(exposed) };
      }
      await store.updateCredential(credentialId, toCredentialInput(values));
      const name = store.credential(credentialId)?.name ?? values.name.trim();
      return { reveal: { providerId, credentialId }, notification: savedNotification('credential', mode, name) };
    },
  });
}

/** A stored field as the form starts with it: a sensitive value stays in SecretStorage, the form only learns it exists. */
export function initField(field: Credential['fields'][number]): InitField {
  return field.sensitive
    ? { id: field.id, key: field.key, type: field.type, sensitive: true, hasStoredValue: true }
    : { id: field.id, key: field.key, type: field.type, sensitive: false, value: field.value ?? '' };
}

/** Keys of stored secrets the submit turns non-sensitive: their values would move into metadata as plain text. */
function keysTurnedPlain(credential: Credential, values: CredentialValues): string[] {
  const secretIds = new Set(credential.fields.filter((field) => field.sensitive).map((field) => field.id));
  return values.fields.filter((field) => !field.sensitive && field.id !== undefined && secretIds.has(field.id)).map((field) => field.key.trim());
}

function withoutFieldIds(values: CredentialValues): CredentialValues {
  return { ...values, fields: values.fields.map(({ id: _id, ...field }) => field) };
}

export function scopeForm(deps: DefinitionDeps, providerId: string, scopeId?: string): FormDefinition {
  const { store } = deps;
  const mode: FormMode = scopeId === undefined ? 'create' : 'edit';
  const current = (): Scope | undefined => {
    const scope = scopeId === undefined ? undefined : store.scope(scopeId);
    return scope?.providerId === providerId ? scope : undefined;
  };
  const credentials = (): { id: string; name: string }[] =>
    store.credentials(providerId).map((credential) => ({ id: credential.id, name: credential.name }));
  return definition({
    kind: 'scope',
    mode,
    key: formKey('scope', providerId, scopeId),
    addCredentialProviderId: providerId,
    exists: () => store.provider(providerId) !== undefined && (scopeId === undefined || current() !== undefined),
    subject: () => (scopeId === undefined ? store.provider(providerId)?.name : current()?.name) ?? '',
    values: () => ({ kind: 'scope', name: current()?.name ?? '', credentialId: current()?.credentialId ?? '' }),
    credentials,
    context: () => ({
      siblings: store.scopes(providerId).map((sibling) => ({ id: sibling.id, name: sibling.name })),
      credentialIds: credentials().map((credential) => credential.id),
      ...(scopeId !== undefined ? { selfId: scopeId } : {}),
    }),
    async save(values) {
      if (values.kind !== 'scope') throw wrongKind('scope', values);
      const input = toScopeInput(values);
      if (scopeId === undefined) {
        const created = await store.createScope(providerId, input);
        return { reveal: { providerId, scopeId: created.id }, notification: savedNotification('scope', mode, created.name) };
      }
      await store.updateScope(scopeId, input);
      const name = store.scope(scopeId)?.name ?? values.name.trim();
      return { reveal: { providerId, scopeId }, notification: savedNotification('scope', mode, name) };
    },
  });
}
