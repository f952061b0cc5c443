// Providers, credentials and scopes: non-sensitive metadata in globalState (one key, versioned), sensitive field
// values in SecretStorage (one key per field). No `vscode` import: the ports are structural. This file is the API;
// the concerns behind it live next to it:
//  - storedDocument.ts: the document as this window knows it, joined with other windows' writes, and every write
//    with a new revision (windowWatcher.ts hears of other windows' revisions);
//  - secretJournal.ts: all or nothing — secrets are written first, then metadata; when a secret write or the
//    metadata write fails, the secrets already changed are put back. A failed create leaves no metadata and no secret;
//  - indexes.ts: synchronous, name-sorted reads of the current snapshot;
//  - secretAudit.ts, credentialFields.ts: which secrets belong to what, and how an edit moves them.
// Writes are serialised through one promise queue, and each starts from globalState as it is now (another window may
// have written since). Deleting a credential (or its provider) deletes its secrets; a scope never points at a missing
// credential. Stored data that fails its schema is backed up under `providerDesk.backup.<time>` and reported, never
// dropped silently; the valid rest is kept.
import { randomUUID } from 'node:crypto';
import { problemOfIssue } from '../model/problems';
import {
  accountIdSchema,
  type Credential,
  type CredentialField,
  type CredentialInput,
  type Provider,
  type ProviderInput,
  type Scope,
  type ScopeInput,
} from '../model/schemas';
import { validateCredentialInput, validateProviderInput, validateScopeInput } from '../model/validation';
import { CredentialInUseError, MissingSecretError, NotFoundError, ValidationError, validatedOrThrow, type StoreObjectKind } from './errors';
import { planCredentialFields } from './credentialFields';
import { StoreIndexes } from './indexes';
import { Listeners } from './listeners';
import { secretKey } from './keys';
import type { Disposable, KeyValueStore, SecretStore } from './ports';
import { auditSecrets, secretKeysOf, staleIndexKeys } from './secretAudit';
import { SecretJournal, type SecretOp } from './secretJournal';
import { StoredDocument, type Content } from './storedDocument';
import { StoreQueue } from './storeQueue';
import type { DeleteCredentialOptions, LoadReport, ProviderStoreOptions, SecretAudit, StoreChange } from './storeTypes';
import { defaultSetTimer, WindowWatcher } from './windowWatcher';

export type { CredentialInput, ProviderInput, ScopeInput } from '../model/schemas';
export type { InvalidItem } from './storedData';
export type { MergeConflict, MergeProblem } from './merge';
export type { DeleteCredentialOptions, LoadReport, ProviderStoreOptions, SecretAudit, StoreChange } from './storeTypes';

export class ProviderStore implements Disposable {
  private indexes = new StoreIndexes({ providers: [], credentials: [], scopes: [] });
  private readonly document: StoredDocument;
  private readonly journal: SecretJournal;
  private readonly watcher: WindowWatcher;
  private readonly queue: StoreQueue;
  private readonly changes = new Listeners<StoreChange>();
  private readonly reports = new Listeners<LoadReport>();
  private readonly uuid: () => string;
  private readonly clock: () => Date;

  constructor(state: KeyValueStore, secrets: SecretStore, options: ProviderStoreOptions = {}) {
    this.uuid = options.randomUUID ?? randomUUID;
    this.clock = options.now ?? (() => new Date());
    this.document = new StoredDocument(state, secrets, { now: this.clock, uuid: this.uuid },
      (data) => { this.indexes = new StoreIndexes(data); });
    this.journal = new SecretJournal(secrets, () => this.document.neededSecretKeys());
    this.queue = new StoreQueue(this.document, this.journal, {
      reloaded: () => this.changes.fire({ kind: 'reload' }),
      report: (report) => this.reports.fire(report),
    });
    this.watcher = new WindowWatcher(secrets, this.document, {
      retryDelaysMs: options.retryDelaysMs ?? [100, 500, 2000],
      setTimer: options.setTimer ?? defaultSetTimer,
      enqueue: (job) => this.queue.run(job),
      reload: () => this.queue.loadAndReport(),
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Loading and change events

  /**
   * Reads globalState (migrating and checking it). The report lists what could not be read; show it once.
   * Invalid data is backed up and the valid rest written back, so the next load reports nothing.
   */
  load(): Promise<LoadReport> {
    return this.queue.run(() => this.queue.load());
  }

  /** Re-reads globalState, e.g. for a Refresh command. Problems found are reported through onDidReport. */
  async reload(): Promise<void> {
    await this.queue.run(() => this.queue.loadAndReport());
  }

  /** Fires after every change made by this store, and after a reload (another window's write) that changed something. */
  onDidChange(listener: (change: StoreChange) => void): Disposable {
    return this.changes.add(listener);
  }

  /**
   * Fires when data read other than through load() (reload(), another window's write, the check before a write)
   * had items that failed their schema, came from a newer version, or lost a change of this window's to another's.
   * load() returns its report instead.
   */
  onDidReport(listener: (report: LoadReport) => void): Disposable {
    return this.reports.add(listener);
  }

  dispose(): void {
    this.watcher.dispose();
    this.changes.clear();
    this.reports.clear();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Reading (synchronous, from the loaded snapshot; objects are frozen)

  /** Sorted by name. */
  providers(): readonly Provider[] {
    return this.indexes.providers;
  }

  provider(id: string): Provider | undefined {
    return this.indexes.providerById.get(id);
  }

  /** Sorted by name. */
  credentials(providerId: string): readonly Credential[] {
    return this.indexes.credentialsByProvider.get(providerId) ?? [];
  }

  /** Sorted by name. */
  scopes(providerId: string): readonly Scope[] {
    return this.indexes.scopesByProvider.get(providerId) ?? [];
  }

  credential(id: string): Credential | undefined {
    return this.indexes.credentialById.get(id);
  }

  scope(id: string): Scope | undefined {
    return this.indexes.scopeById.get(id);
  }

  /** Sorted by name. */
  scopesUsingCredential(credentialId: string): readonly Scope[] {
    return this.indexes.scopesByCredential.get(credentialId) ?? [];
  }

  /**
   * Every field of a credential as key → value, sensitive values read from SecretStorage. For the API client only:
   * never show or log the result. Throws MissingSecretError when a sensitive field has no secret.
   */
  readFieldValues(credentialId: string): Promise<Record<string, string>> {
    return this.queue.read(async () => {
      const credential = this.require('credential', credentialId, this.indexes.credentialById);
      const entries: [string, string][] = [];
      const missing: string[] = [];
      for (const field of credential.fields) {
        const value = field.sensitive
          ? await this.journal.read(secretKey(credential.id, field.id), `read the credential "${credential.name}"`)
          : field.value ?? '';
        if (value === undefined) missing.push(field.key);
        else entries.push([field.key, value]);
      }
      if (missing.length > 0) throw new MissingSecretError(credential.name, missing);
      return Object.fromEntries(entries);
    });
  }

  /**
   * Compares the secrets this store wrote (an index kept in metadata: SecretStorage cannot list its keys) with the
   * sensitive fields: secrets without a field are orphaned, sensitive fields without a secret are missing.
   */
  auditSecrets(): Promise<SecretAudit> {
    return this.queue.read(() => auditSecrets(this.document.data, this.readSecret));
  }

  /** Deletes the orphaned secrets found by auditSecrets; returns their keys. */
  deleteOrphanedSecrets(): Promise<string[]> {
    return this.queue.write(async () => {
      const { orphaned } = await auditSecrets(this.document.data, this.readSecret);
      const stale = staleIndexKeys(this.document.data, orphaned);
      if (orphaned.length === 0 && stale.length === 0) return [];
      await this.commit(this.document.content(), orphaned.map((key) => ({ key })), 'delete orphaned secrets', undefined, stale);
      return orphaned;
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Providers

  createProvider(input: ProviderInput): Promise<Provider> {
    return this.queue.write(async () => {
      const providers = this.document.data.providers;
      const draft = validatedOrThrow('provider', validateProviderInput(input, providers), input, providers);
      const provider: Provider = { id: this.uuid(), name: draft.name, type: draft.type, accountId: draft.accountId, createdAt: this.now() };
      await this.commit({ ...this.document.content(), providers: [...providers, provider] }, [], `save the provider "${draft.name}"`,
        { kind: 'provider', id: provider.id });
      return this.indexes.providerById.get(provider.id)!;
    });
  }

  updateProvider(id: string, input: ProviderInput): Promise<Provider> {
    return this.queue.write(() => this.updateProviderNow(id, input));
  }

  /** Deletes the provider with its credentials, their secrets, and its scopes. */
  deleteProvider(id: string): Promise<void> {
    return this.queue.write(async () => {
      const provider = this.require('provider', id, this.indexes.providerById);
      const credentials = this.credentials(id);
      const ops = credentials.flatMap((credential) => this.secretKeysOf(credential).map((key) => ({ key })));
      const removed = new Set(credentials.map((credential) => credential.id));
      const { data } = this.document;
      await this.commit({
        providers: data.providers.filter((item) => item.id !== id),
        credentials: data.credentials.filter((item) => !removed.has(item.id)),
        scopes: data.scopes.filter((item) => item.providerId !== id),
      }, ops, `delete the provider "${provider.name}"`, { kind: 'provider', id });
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Credentials

  createCredential(providerId: string, input: CredentialInput): Promise<Credential> {
    return this.queue.write(async () => {
      const provider = this.require('provider', providerId, this.indexes.providerById);
      const siblings = this.credentials(providerId);
      const draft = validatedOrThrow('credential', validateCredentialInput(input, siblings), input, siblings);
      const id = this.uuid();
      const ops: SecretOp[] = [];
      const fields: CredentialField[] = draft.fields.map((field) => {
        const fieldId = this.uuid();
        if (!field.sensitive) return { id: fieldId, key: field.key, type: field.type, sensitive: false, value: field.value ?? '' };
        ops.push({ key: secretKey(id, fieldId), value: field.value ?? '' });
        return { id: fieldId, key: field.key, type: field.type, sensitive: true };
      });
      const credential: Credential = { id, providerId, name: draft.name, boundAccountId: provider.accountId, fields };
      await this.commit({ ...this.document.content(), credentials: [...this.document.data.credentials, credential] }, ops,
        `save the credential "${draft.name}"`, { kind: 'credential', id, providerId });
      return this.indexes.credentialById.get(id)!;
    });
  }

  /**
   * Replaces name and fields (see planCredentialFields for what happens to the secrets). When no stored secret is
   * kept, every value was entered anew, for the provider's current Account ID: the credential is bound to it.
   */
  updateCredential(id: string, input: CredentialInput): Promise<Credential> {
    return this.queue.write(() => this.updateCredentialNow(id, input));
  }

  /** Binds the credential to another Account ID, after the user agreed to send its secrets there. */
  bindCredential(id: string, accountId: string): Promise<Credential> {
    return this.queue.write(async () => {
      const credential = this.require('credential', id, this.indexes.credentialById);
      const parsed = accountIdSchema.safeParse(accountId);
      if (!parsed.success) throw new ValidationError('credential', [{ field: 'boundAccountId', ...problemOfIssue(parsed.error.issues[0]) }]);
      await this.replaceCredential({ ...credential, boundAccountId: parsed.data }, [], `save the credential "${credential.name}"`);
      return this.indexes.credentialById.get(id)!;
    });
  }

  /** Deletes the credential and its secrets. Throws CredentialInUseError when scopes use it, unless deleteScopes. */
  deleteCredential(id: string, options: DeleteCredentialOptions = {}): Promise<void> {
    return this.queue.write(async () => {
      const credential = this.require('credential', id, this.indexes.credentialById);
      const users = this.scopesUsingCredential(id);
      if (users.length > 0 && !options.deleteScopes) throw new CredentialInUseError(credential.name, users.map((scope) => scope.name));
      const { data } = this.document;
      await this.commit({
        ...this.document.content(),
        credentials: data.credentials.filter((item) => item.id !== id),
        scopes: data.scopes.filter((item) => item.credentialId !== id),
      }, this.secretKeysOf(credential).map((key) => ({ key })), `delete the credential "${credential.name}"`,
      { kind: 'credential', id, providerId: credential.providerId });
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Scopes

  createScope(providerId: string, input: ScopeInput): Promise<Scope> {
    return this.queue.write(async () => {
      this.require('provider', providerId, this.indexes.providerById);
      const siblings = this.scopes(providerId);
      const draft = validatedOrThrow('scope', validateScopeInput(input, siblings, this.credentials(providerId)), input, siblings);
      const scope: Scope = { id: this.uuid(), providerId, name: draft.name, credentialId: draft.credentialId };
      await this.commit({ ...this.document.content(), scopes: [...this.document.data.scopes, scope] }, [], `save the scope "${draft.name}"`,
        { kind: 'scope', id: scope.id, providerId });
      return this.indexes.scopeById.get(scope.id)!;
    });
  }

  updateScope(id: string, input: ScopeInput): Promise<Scope> {
    return this.queue.write(() => this.updateScopeNow(id, input));
  }

  deleteScope(id: string): Promise<void> {
    return this.queue.write(async () => {
      const scope = this.require('scope', id, this.indexes.scopeById);
      await this.commit({ ...this.document.content(), scopes: this.document.data.scopes.filter((item) => item.id !== id) }, [],
        `delete the scope "${scope.name}"`, { kind: 'scope', id, providerId: scope.providerId });
    });
  }

  /** Renames a provider, credential or scope, keeping everything else (secrets included) as stored. */
  rename(kind: StoreObjectKind, id: string, name: string): Promise<Provider | Credential | Scope> {
    return this.queue.write(async () => {
      switch (kind) {
        case 'provider': {
          const provider = this.require('provider', id, this.indexes.providerById);
          return this.updateProviderNow(id, { name, type: provider.type, accountId: provider.accountId });
        }
        case 'credential': {
          const credential = this.require('credential', id, this.indexes.credentialById);
          return this.updateCredentialNow(id, {
            name,
            fields: credential.fields.map((field) => ({ id: field.id, key: field.key, type: field.type, sensitive: field.sensitive, value: field.value })),
          });
        }
        case 'scope': {
          const scope = this.require('scope', id, this.indexes.scopeById);
          return this.updateScopeNow(id, { name, credentialId: scope.credentialId });
        }
      }
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Updates (run inside the queue)

  private async updateProviderNow(id: string, input: ProviderInput): Promise<Provider> {
    const provider = this.require('provider', id, this.indexes.providerById);
    const providers = this.document.data.providers;
    const draft = validatedOrThrow('provider', validateProviderInput(input, providers, { selfId: id }), input, providers, id);
    const updated: Provider = { ...provider, name: draft.name, type: draft.type, accountId: draft.accountId };
    await this.commit({ ...this.document.content(), providers: providers.map((item) => (item.id === id ? updated : item)) }, [],
      `save the provider "${draft.name}"`, { kind: 'provider', id });
    return this.indexes.providerById.get(id)!;
  }

  private async updateCredentialNow(id: string, input: CredentialInput): Promise<Credential> {
    const credential = this.require('credential', id, this.indexes.credentialById);
    const siblings = this.credentials(credential.providerId);
    const draft = validatedOrThrow('credential', validateCredentialInput(input, siblings, { current: credential }), input, siblings, id);
    const action = `save the credential "${draft.name}"`;
    const plan = await planCredentialFields(credential, draft.fields, this.uuid, this.readSecret, action);
    if (plan.errors.length > 0) throw new ValidationError('credential', plan.errors);
    const boundAccountId = plan.keepsStoredSecret
      ? credential.boundAccountId
      : this.require('provider', credential.providerId, this.indexes.providerById).accountId;
    await this.replaceCredential({ ...credential, name: draft.name, boundAccountId, fields: plan.fields }, plan.ops, action);
    return this.indexes.credentialById.get(id)!;
  }

  private async replaceCredential(updated: Credential, ops: readonly SecretOp[], action: string): Promise<void> {
    const credentials = this.document.data.credentials.map((item) => (item.id === updated.id ? updated : item));
    await this.commit({ ...this.document.content(), credentials }, ops, action, { kind: 'credential', id: updated.id, providerId: updated.providerId });
  }

  private async updateScopeNow(id: string, input: ScopeInput): Promise<Scope> {
    const scope = this.require('scope', id, this.indexes.scopeById);
    const siblings = this.scopes(scope.providerId);
    const draft = validatedOrThrow('scope', validateScopeInput(input, siblings, this.credentials(scope.providerId), { selfId: id }), input, siblings, id);
    const updated: Scope = { ...scope, name: draft.name, credentialId: draft.credentialId };
    await this.commit({ ...this.document.content(), scopes: this.document.data.scopes.map((item) => (item.id === id ? updated : item)) }, [],
      `save the scope "${draft.name}"`, { kind: 'scope', id, providerId: scope.providerId });
    return this.indexes.scopeById.get(id)!;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Internals

  private readonly readSecret = (key: string, action: string): Promise<string | undefined> => this.journal.read(key, action);

  private now(): string {
    return this.clock().toISOString();
  }

  private async commit(content: Content, ops: readonly SecretOp[], action: string, change: StoreChange | undefined, forget: readonly string[] = []): Promise<void> {
    await this.document.commit(content, ops, action, this.journal, forget);
    if (change) this.changes.fire(change);
  }

  private secretKeysOf(credential: Credential): string[] {
    return secretKeysOf(credential, this.document.data.secretIndex);
  }

  private require<T>(kind: StoreObjectKind, id: string, map: ReadonlyMap<string, T>): T {
    const found = map.get(id);
    if (found === undefined) throw new NotFoundError(kind, id);
    return found;
  }
}
