// Providers, credentials and scopes: non-sensitive metadata in globalState (one key, versioned), sensitive field
// values in SecretStorage (one key per field). No `vscode` import: the ports are structural.
//
// Guarantees:
//  - Writes are serialised through one promise queue, and each starts from globalState as it is now (another
//    window may have written since).
//  - All or nothing: secrets are written first, then metadata; when a secret write or the metadata write fails,
//    the secrets already changed are put back. A failed create leaves no metadata and no secret.
//  - Deleting a credential (or its provider) deletes its secrets; a scope never points at a missing credential.
//  - Every metadata write also stores a new revision in SecretStorage, so other windows get
//    `secrets.onDidChange` (globalState has no change event) and re-read the metadata.
//  - Each window writes the whole document, and across extension hosts its copy of globalState may be behind: the
//    last write would win. So a window that reads a document written elsewhere joins it with its own (merge.ts: by
//    id, the later change of an object wins, deletions stay) and writes the result back when it holds more than the
//    document read; what one window loses to the other is reported through onDidReport.
//  - Stored data that fails its schema is backed up under `providerDesk.backup.<time>` and reported, never dropped
//    silently; the valid rest is kept.
import { randomUUID } from 'node:crypto';
import { checkFieldValue, normaliseFieldValue } from '../model/fields';
import { problem, problemOfIssue } from '../model/problems';
import {
  accountIdSchema,
  nameSchema,
  type Credential,
  type CredentialField,
  type CredentialInput,
  type Provider,
  type ProviderInput,
  type Scope,
  type ScopeInput,
} from '../model/schemas';
import {
  findNameClash,
  validateCredentialInput,
  validateProviderInput,
  validateScopeInput,
  type FieldError,
  type Sibling,
  type ValidationResult,
} from '../model/validation';
import {
  ConcurrentModificationError,
  CredentialInUseError,
  MissingSecretError,
  NameTakenError,
  NotFoundError,
  SecretStorageUnavailableError,
  UnsupportedSchemaError,
  ValidationError,
  redactedDetail,
  type StoreObjectKind,
} from './errors';
import { backupKey, dataKey, parseSecretKey, revisionKey, secretKey } from './keys';
import { joinStoredData, sameStoredState, stampChanges, type MergeConflict } from './merge';
import type { Disposable, KeyValueStore, SecretStore } from './ports';
import {
  decodeStoredData,
  emptyData,
  encodeStoredData,
  expectedSecretKeys,
  withoutSensitiveValues,
  type InvalidItem,
  type StoredData,
} from './storedData';

export type { CredentialInput, ProviderInput, ScopeInput } from '../model/schemas';
export type { InvalidItem } from './storedData';
export type { MergeConflict, MergeProblem } from './merge';

export interface StoreChange {
  kind: 'provider' | 'credential' | 'scope' | 'reload';
  /** The object created, changed or deleted. */
  id?: string;
  /**
   * The provider whose credentials or scopes changed. Absent when the list of providers itself changed (a provider
   * created, edited or deleted) and on `reload`, where anything may have changed.
   */
  providerId?: string;
}

export interface LoadReport {
  /** Stored items that failed their schema and were left out (and backed up). Empty when all is well. */
  invalid: InvalidItem[];
  /** The globalState key holding a copy of the stored data as it was before the invalid items were left out. */
  backupKey?: string;
  /** Set when the stored data was migrated from this older schema version. */
  migratedFrom?: number;
  /** Set when the data was written by a newer version of the extension: it is shown, but writes are refused. */
  newerSchemaVersion?: number;
  /** Set when a document written in another window lacked some of this window's data, which was joined into it. */
  merged?: boolean;
  /** Changes that one window made while the other changed or deleted the same object, and that were not kept. */
  conflicts?: MergeConflict[];
}

export interface SecretAudit {
  /** Secret keys this store wrote that belong to no sensitive field any more. */
  orphaned: string[];
  /** Secret keys of sensitive fields that have no secret. */
  missing: string[];
}

export interface DeleteCredentialOptions {
  /** Delete the scopes that use the credential too. Without it, a credential in use is not deleted. */
  deleteScopes?: boolean;
}

export interface ProviderStoreOptions {
  now?: () => Date;
  randomUUID?: () => string;
  /**
   * Another window's revision secret can arrive before its globalState write does. The store then looks again after
   * each of these delays (milliseconds). Default [100, 500, 2000].
   */
  retryDelaysMs?: readonly number[];
  /** Timer for those retries; default setTimeout. */
  setTimer?: (callback: () => void, ms: number) => Disposable;
}

/** How many revisions of its own recent writes a store remembers. */
const maxOwnRevisions = 200;

/** How often a write (or a load that rewrites data) runs again when another window wrote at the same time. */
const maxAttempts = 5;

/** Internal: globalState changed under a running write; the write is undone and retried. */
class ConcurrentChange extends Error {}

interface SecretOp {
  key: string;
  /** The value to store; undefined deletes the secret. */
  value?: string;
}

type Content = Pick<StoredData, 'providers' | 'credentials' | 'scopes'>;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (a: { name: string; id: string }, b: { name: string; id: string }): number => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);

function toJson(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function contentJson(data: Content): string {
  return JSON.stringify([data.providers, data.credentials, data.scopes]);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function defaultSetTimer(callback: () => void, ms: number): Disposable {
  const handle = setTimeout(callback, ms);
  handle.unref?.();
  return { dispose: () => clearTimeout(handle) };
}

export class ProviderStore implements Disposable {
  private data: StoredData = emptyData;
  private providerList: readonly Provider[] = [];
  private providerById = new Map<string, Provider>();
  private credentialById = new Map<string, Credential>();
  private scopeById = new Map<string, Scope>();
  private credentialsByProvider = new Map<string, readonly Credential[]>();
  private scopesByProvider = new Map<string, readonly Scope[]>();
  private scopesByCredential = new Map<string, readonly Scope[]>();

  /** globalState's value (as JSON) as this store last read or wrote it; a difference means another window wrote. */
  private lastRawJson: string | undefined;
  private loaded = false;
  private newerSchemaVersion: number | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly reportListeners = new Set<(report: LoadReport) => void>();
  private readonly subscriptions: Disposable[] = [];
  private readonly timers = new Set<Disposable>();
  private disposed = false;
  /** Revisions of this window's recent writes: a change of one of them that a join drops is reported. */
  private readonly ownRevisions = new Set<string>();
  /** Secrets deleted by attempts of the running write that had to run again (see restoreDeletedSecrets). */
  private deletedByRetriedWrites: { key: string; previous: string }[] = [];

  private readonly now: () => Date;
  private readonly uuid: () => string;
  private readonly retryDelaysMs: readonly number[];
  private readonly setTimer: (callback: () => void, ms: number) => Disposable;

  constructor(private readonly state: KeyValueStore, private readonly secrets: SecretStore, options: ProviderStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.uuid = options.randomUUID ?? randomUUID;
    this.retryDelaysMs = options.retryDelaysMs ?? [100, 500, 2000];
    this.setTimer = options.setTimer ?? defaultSetTimer;
    const subscription = secrets.onDidChange?.((event) => this.onSecretChanged(event.key));
    if (subscription) this.subscriptions.push({ dispose: () => void subscription.dispose() });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Loading and change events

  /**
   * Reads globalState (migrating and checking it). The report lists what could not be read; show it once.
   * Invalid data is backed up and the valid rest written back, so the next load reports nothing.
   */
  load(): Promise<LoadReport> {
    return this.enqueue(() => this.loadNow());
  }

  /** Re-reads globalState, e.g. for a Refresh command. Problems found are reported through onDidReport. */
  async reload(): Promise<void> {
    await this.enqueue(() => this.loadAndReport());
  }

  /** Fires after every change made by this store, and after a reload (another window's write) that changed something. */
  onDidChange(listener: (change: StoreChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /**
   * Fires when data read other than through load() (reload(), another window's write, the check before a write)
   * had items that failed their schema, or came from a newer version. load() returns its report instead.
   */
  onDidReport(listener: (report: LoadReport) => void): Disposable {
    this.reportListeners.add(listener);
    return { dispose: () => void this.reportListeners.delete(listener) };
  }

  dispose(): void {
    this.disposed = true;
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    for (const timer of this.timers) timer.dispose();
    this.timers.clear();
    this.listeners.clear();
    this.reportListeners.clear();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Reading (synchronous, from the loaded snapshot; objects are frozen)

  /** Sorted by name. */
  providers(): readonly Provider[] {
    return this.providerList;
  }

  provider(id: string): Provider | undefined {
    return this.providerById.get(id);
  }

  /** Sorted by name. */
  credentials(providerId: string): readonly Credential[] {
    return this.credentialsByProvider.get(providerId) ?? [];
  }

  /** Sorted by name. */
  scopes(providerId: string): readonly Scope[] {
    return this.scopesByProvider.get(providerId) ?? [];
  }

  credential(id: string): Credential | undefined {
    return this.credentialById.get(id);
  }

  scope(id: string): Scope | undefined {
    return this.scopeById.get(id);
  }

  /** Sorted by name. */
  scopesUsingCredential(credentialId: string): readonly Scope[] {
    return this.scopesByCredential.get(credentialId) ?? [];
  }

  /**
   * Every field of a credential as key → value, sensitive values read from SecretStorage. For the API client only:
   * never show or log the result. Throws MissingSecretError when a sensitive field has no secret.
   */
  readFieldValues(credentialId: string): Promise<Record<string, string>> {
    return this.enqueue(async () => {
      await this.syncWithStorage();
      const credential = this.require('credential', credentialId, this.credentialById);
      const entries: [string, string][] = [];
      const missing: string[] = [];
      for (const field of credential.fields) {
        const value = field.sensitive
          ? await this.readSecret(secretKey(credential.id, field.id), `read the credential "${credential.name}"`)
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
    return this.enqueue(async () => {
      await this.syncWithStorage();
      return this.auditNow();
    });
  }

  /** Deletes the orphaned secrets found by auditSecrets; returns their keys. */
  deleteOrphanedSecrets(): Promise<string[]> {
    return this.mutate(async () => {
      const { orphaned } = await this.auditNow();
      const expected = new Set(expectedSecretKeys(this.data.credentials));
      const ops: SecretOp[] = orphaned.map((key) => ({ key }));
      // Keys listed in the index whose secret is gone already are dropped from the index as well.
      const stale = this.data.secretIndex.filter((key) => !expected.has(key) && !orphaned.includes(key));
      if (ops.length === 0 && stale.length === 0) return [];
      await this.commit(this.content(), ops, 'delete orphaned secrets', undefined, stale);
      return orphaned;
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Providers

  createProvider(input: ProviderInput): Promise<Provider> {
    return this.mutate(async () => {
      const draft = this.validated('provider', validateProviderInput(input, this.data.providers), input, this.data.providers);
      const provider: Provider = { id: this.uuid(), name: draft.name, type: draft.type, accountId: draft.accountId, createdAt: this.now().toISOString() };
      await this.commit({ ...this.content(), providers: [...this.data.providers, provider] }, [], `save the provider "${draft.name}"`,
        { kind: 'provider', id: provider.id });
      return this.providerById.get(provider.id)!;
    });
  }

  updateProvider(id: string, input: ProviderInput): Promise<Provider> {
    return this.mutate(() => this.updateProviderNow(id, input));
  }

  /** Deletes the provider with its credentials, their secrets, and its scopes. */
  deleteProvider(id: string): Promise<void> {
    return this.mutate(async () => {
      const provider = this.require('provider', id, this.providerById);
      const credentials = this.credentials(id);
      const ops = credentials.flatMap((credential) => this.secretKeysOf(credential).map((key) => ({ key })));
      const removed = new Set(credentials.map((credential) => credential.id));
      await this.commit({
        providers: this.data.providers.filter((item) => item.id !== id),
        credentials: this.data.credentials.filter((item) => !removed.has(item.id)),
        scopes: this.data.scopes.filter((item) => item.providerId !== id),
      }, ops, `delete the provider "${provider.name}"`, { kind: 'provider', id });
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Credentials

  createCredential(providerId: string, input: CredentialInput): Promise<Credential> {
    return this.mutate(async () => {
      const provider = this.require('provider', providerId, this.providerById);
      const siblings = this.credentials(providerId);
      const draft = this.validated('credential', validateCredentialInput(input, siblings), input, siblings);
      const id = this.uuid();
      const ops: SecretOp[] = [];
      const fields: CredentialField[] = draft.fields.map((field) => {
        const fieldId = this.uuid();
        if (!field.sensitive) return { id: fieldId, key: field.key, type: field.type, sensitive: false, value: field.value ?? '' };
        ops.push({ key: secretKey(id, fieldId), value: field.value ?? '' });
        return { id: fieldId, key: field.key, type: field.type, sensitive: true };
      });
      const credential: Credential = { id, providerId, name: draft.name, boundAccountId: provider.accountId, fields };
      await this.commit({ ...this.content(), credentials: [...this.data.credentials, credential] }, ops, `save the credential "${draft.name}"`,
        { kind: 'credential', id, providerId });
      return this.credentialById.get(id)!;
    });
  }

  /**
   * Replaces name and fields. A field matched by `id` to a stored sensitive field keeps its secret when its value is
   * undefined; a new value replaces it; a removed field's secret is deleted; switching Sensitive moves the value
   * between SecretStorage and metadata. When no stored secret is kept, every value was entered anew, for the
   * provider's current Account ID: the credential is bound to it.
   */
  updateCredential(id: string, input: CredentialInput): Promise<Credential> {
    return this.mutate(() => this.updateCredentialNow(id, input));
  }

  /** Binds the credential to another Account ID, after the user agreed to send its secrets there. */
  bindCredential(id: string, accountId: string): Promise<Credential> {
    return this.mutate(async () => {
      const credential = this.require('credential', id, this.credentialById);
      const parsed = accountIdSchema.safeParse(accountId);
      if (!parsed.success) throw new ValidationError('credential', [{ field: 'boundAccountId', ...problemOfIssue(parsed.error.issues[0]) }]);
      const updated: Credential = { ...credential, boundAccountId: parsed.data };
      await this.commit({ ...this.content(), credentials: this.data.credentials.map((item) => (item.id === id ? updated : item)) }, [],
        `save the credential "${credential.name}"`, { kind: 'credential', id, providerId: credential.providerId });
      return this.credentialById.get(id)!;
    });
  }

  /** Deletes the credential and its secrets. Throws CredentialInUseError when scopes use it, unless deleteScopes. */
  deleteCredential(id: string, options: DeleteCredentialOptions = {}): Promise<void> {
    return this.mutate(async () => {
      const credential = this.require('credential', id, this.credentialById);
      const users = this.scopesUsingCredential(id);
      if (users.length > 0 && !options.deleteScopes) throw new CredentialInUseError(credential.name, users.map((scope) => scope.name));
      await this.commit({
        ...this.content(),
        credentials: this.data.credentials.filter((item) => item.id !== id),
        scopes: this.data.scopes.filter((item) => item.credentialId !== id),
      }, this.secretKeysOf(credential).map((key) => ({ key })), `delete the credential "${credential.name}"`,
      { kind: 'credential', id, providerId: credential.providerId });
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Scopes

  createScope(providerId: string, input: ScopeInput): Promise<Scope> {
    return this.mutate(async () => {
      this.require('provider', providerId, this.providerById);
      const siblings = this.scopes(providerId);
      const draft = this.validated('scope', validateScopeInput(input, siblings, this.credentials(providerId)), input, siblings);
      const scope: Scope = { id: this.uuid(), providerId, name: draft.name, credentialId: draft.credentialId };
      await this.commit({ ...this.content(), scopes: [...this.data.scopes, scope] }, [], `save the scope "${draft.name}"`,
        { kind: 'scope', id: scope.id, providerId });
      return this.scopeById.get(scope.id)!;
    });
  }

  updateScope(id: string, input: ScopeInput): Promise<Scope> {
    return this.mutate(() => this.updateScopeNow(id, input));
  }

  deleteScope(id: string): Promise<void> {
    return this.mutate(async () => {
      const scope = this.require('scope', id, this.scopeById);
      await this.commit({ ...this.content(), scopes: this.data.scopes.filter((item) => item.id !== id) }, [], `delete the scope "${scope.name}"`,
        { kind: 'scope', id, providerId: scope.providerId });
    });
  }

  /** Renames a provider, credential or scope, keeping everything else (secrets included) as stored. */
  rename(kind: StoreObjectKind, id: string, name: string): Promise<Provider | Credential | Scope> {
    return this.mutate(async () => {
      switch (kind) {
        case 'provider': {
          const provider = this.require('provider', id, this.providerById);
          return this.updateProviderNow(id, { name, type: provider.type, accountId: provider.accountId });
        }
        case 'credential': {
          const credential = this.require('credential', id, this.credentialById);
          return this.updateCredentialNow(id, {
            name,
            fields: credential.fields.map((field) => ({ id: field.id, key: field.key, type: field.type, sensitive: field.sensitive, value: field.value })),
          });
        }
        case 'scope': {
          const scope = this.require('scope', id, this.scopeById);
          return this.updateScopeNow(id, { name, credentialId: scope.credentialId });
        }
      }
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Updates (run inside the queue)

  private async updateProviderNow(id: string, input: ProviderInput): Promise<Provider> {
    const provider = this.require('provider', id, this.providerById);
    const draft = this.validated('provider', validateProviderInput(input, this.data.providers, { selfId: id }), input, this.data.providers, id);
    const updated: Provider = { ...provider, name: draft.name, type: draft.type, accountId: draft.accountId };
    await this.commit({ ...this.content(), providers: this.data.providers.map((item) => (item.id === id ? updated : item)) }, [],
      `save the provider "${draft.name}"`, { kind: 'provider', id });
    return this.providerById.get(id)!;
  }

  private async updateCredentialNow(id: string, input: CredentialInput): Promise<Credential> {
    const credential = this.require('credential', id, this.credentialById);
    const siblings = this.credentials(credential.providerId);
    const draft = this.validated('credential', validateCredentialInput(input, siblings, { current: credential }), input, siblings, id);
    const action = `save the credential "${draft.name}"`;
    const stored = new Map(credential.fields.map((field) => [field.id, field]));
    const ops: SecretOp[] = [];
    const errors: FieldError[] = [];
    const fields: CredentialField[] = [];
    let keepsStoredSecret = false;
    for (const [index, field] of draft.fields.entries()) {
      const previous = field.id === undefined ? undefined : stored.get(field.id);
      const fieldId = previous?.id ?? this.uuid();
      const key = secretKey(id, fieldId);
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
        const secret = await this.readSecret(key, action);
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
    if (errors.length > 0) throw new ValidationError('credential', errors);
    const keptIds = new Set(fields.map((field) => field.id));
    for (const field of credential.fields) {
      if (field.sensitive && !keptIds.has(field.id)) ops.push({ key: secretKey(id, field.id) });
    }
    const boundAccountId = keepsStoredSecret ? credential.boundAccountId : this.require('provider', credential.providerId, this.providerById).accountId;
    const updated: Credential = { ...credential, name: draft.name, boundAccountId, fields };
    await this.commit({ ...this.content(), credentials: this.data.credentials.map((item) => (item.id === id ? updated : item)) }, ops, action,
      { kind: 'credential', id, providerId: credential.providerId });
    return this.credentialById.get(id)!;
  }

  private async updateScopeNow(id: string, input: ScopeInput): Promise<Scope> {
    const scope = this.require('scope', id, this.scopeById);
    const siblings = this.scopes(scope.providerId);
    const draft = this.validated('scope', validateScopeInput(input, siblings, this.credentials(scope.providerId), { selfId: id }), input, siblings, id);
    const updated: Scope = { ...scope, name: draft.name, credentialId: draft.credentialId };
    await this.commit({ ...this.content(), scopes: this.data.scopes.map((item) => (item.id === id ? updated : item)) }, [],
      `save the scope "${draft.name}"`, { kind: 'scope', id, providerId: scope.providerId });
    return this.scopeById.get(id)!;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Internals

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * A write: in the queue, on fresh data, refused for data of a newer schema version. When another window wrote
   * globalState while the job ran (seen just before the metadata write), the job's secrets are put back and it runs
   * again on the new data (which may now refuse it, e.g. a name just taken there).
   */
  private mutate<T>(job: () => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      this.deletedByRetriedWrites = [];
      try {
        for (let attempt = 1; ; attempt++) {
          await this.syncWithStorage();
          if (this.newerSchemaVersion !== undefined) throw new UnsupportedSchemaError(this.newerSchemaVersion);
          try {
            return await job();
          } catch (error) {
            if (!(error instanceof ConcurrentChange)) throw error;
            if (attempt >= maxAttempts) throw new ConcurrentModificationError();
          }
        }
      } finally {
        await this.restoreDeletedSecrets();
      }
    });
  }

  /**
   * Secrets deleted by attempts of this write that another window's write interrupted are put back only now, and only
   * those the stored metadata still needs: put back at once, a secret that the other window was deleting as well
   * (the same credential, from both windows) would outlive its credential, known to no index.
   */
  private async restoreDeletedSecrets(): Promise<void> {
    for (const { key, previous } of this.deletedByRetriedWrites.splice(0)) {
      try {
        if (!this.neededSecretKeys().has(key) || await this.secrets.get(key) !== undefined) continue;
        await this.secrets.store(key, previous);
        // The other window may have deleted it for good meanwhile.
        if (!this.neededSecretKeys().has(key)) await this.secrets.delete(key);
      } catch {
        // Best effort, as in restoreSecrets.
      }
    }
  }

  /** The secret keys the metadata in globalState needs now (another window may have written it since this one read it). */
  private neededSecretKeys(): Set<string> {
    return new Set(expectedSecretKeys(decodeStoredData(this.state.get<unknown>(dataKey), { now: this.now() }).data.credentials));
  }

  /** Loads on first use, and re-loads when globalState no longer holds what this store last read or wrote. */
  private async syncWithStorage(): Promise<void> {
    if (!this.loaded || toJson(this.state.get<unknown>(dataKey)) !== this.lastRawJson) await this.loadAndReport();
  }

  private async loadAndReport(): Promise<LoadReport> {
    const report = await this.loadNow();
    if (report.invalid.length > 0 || report.newerSchemaVersion !== undefined || (report.conflicts?.length ?? 0) > 0) {
      for (const listener of [...this.reportListeners]) {
        try {
          listener(report);
        } catch {
          // A failing listener must not break loading.
        }
      }
    }
    return report;
  }

  private async loadNow(): Promise<LoadReport> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.loadOnce();
      } catch (error) {
        if (!(error instanceof ConcurrentChange)) throw error;
        if (attempt >= maxAttempts) throw new ConcurrentModificationError();
      }
    }
  }

  private async loadOnce(): Promise<LoadReport> {
    const before = contentJson(this.data);
    const raw = this.state.get<unknown>(dataKey);
    const rawJson = toJson(raw);
    const decoded = decodeStoredData(raw, { now: this.now() });
    const report: LoadReport = { invalid: decoded.invalid };
    if (decoded.migratedFrom !== undefined) report.migratedFrom = decoded.migratedFrom;
    if (decoded.newerVersion !== undefined) report.newerSchemaVersion = decoded.newerVersion;
    this.newerSchemaVersion = decoded.newerVersion;

    // Another window wrote: join its document with this window's (which it may lack, as this one may lack its).
    // Data that failed its schema came from elsewhere (a hand edit, an older version): its valid rest is taken as it
    // is, as on a first load, rather than have this window's copy bring back what the report says was left out.
    const join = this.loaded && rawJson !== this.lastRawJson && decoded.newerVersion === undefined && decoded.invalid.length === 0
      ? joinStoredData(this.data, decoded.data, this.ownRevisions) : undefined;
    if (join && join.conflicts.length > 0) report.conflicts = [...join.conflicts];
    const joinedMore = join !== undefined && !sameStoredState(join.data, decoded.data);
    if (decoded.newerVersion === undefined && (decoded.invalid.length > 0 || decoded.migratedFrom !== undefined || joinedMore)) {
      if (decoded.invalid.length > 0) report.backupKey = await this.backUp(raw);
      if (joinedMore) report.merged = true;
      await this.persist(joinedMore ? join.data : decoded.data, rawJson);
    } else {
      this.lastRawJson = rawJson;
      this.setData(decoded.data);
    }
    // Best effort: a secret left behind stays in the index, where the cleanup finds it.
    for (const key of join?.deadKeys ?? []) await this.secrets.delete(key).then(undefined, () => undefined);
    this.loaded = true;
    if (contentJson(this.data) !== before) this.fire({ kind: 'reload' });
    return report;
  }

  private async backUp(raw: unknown): Promise<string> {
    const base = backupKey(this.now());
    let key = base;
    for (let n = 2; this.state.get<unknown>(key) !== undefined; n++) key = `${base}-${n}`;
    await this.state.update(key, withoutSensitiveValues(raw));
    return key;
  }

  /**
   * Writes metadata with a new revision, then tells other windows through the revision secret. Throws
   * ConcurrentChange, writing nothing, when globalState no longer holds `expectedRawJson`: the check and the write
   * happen in the same tick, so no other store in this process can come between them.
   */
  private async persist(data: Omit<StoredData, 'revision'>, expectedRawJson: string | undefined, revision = this.nextRevision()): Promise<void> {
    const written: StoredData = { ...data, revision };
    const stored = encodeStoredData(written, revision);
    if (expectedRawJson !== undefined && toJson(this.state.get<unknown>(dataKey)) !== expectedRawJson) throw new ConcurrentChange();
    await this.state.update(dataKey, stored);
    this.lastRawJson = toJson(stored);
    this.setData(written);
    try {
      await this.secrets.store(revisionKey, revision);
    } catch {
      // The metadata is saved; other windows see it on their next reload or write.
    }
  }

  /**
   * A new revision: its time, then a UUID. Later than every revision this window knows, even with another window's
   * clock ahead, so that a change made after seeing another one wins over it when windows join their documents.
   */
  private nextRevision(): string {
    const known = [this.data.revision, ...Object.values(this.data.versions ?? {}).map((list) => list[0]), ...Object.values(this.data.tombstones ?? {})]
      .map((revision) => (revision === undefined ? NaN : parseInt(revision.split('-')[0]!, 36)))
      .filter(Number.isFinite);
    const time = Math.max(this.now().getTime(), ...known.map((known) => known + 1));
    const revision = `${time.toString(36)}-${this.uuid()}`;
    this.ownRevisions.add(revision);
    // Only recent ones matter: a change is lost, if at all, within moments of being made.
    for (const old of this.ownRevisions) {
      if (this.ownRevisions.size <= maxOwnRevisions) break;
      this.ownRevisions.delete(old);
    }
    return revision;
  }

  /**
   * Applies the secret changes, then writes the metadata; if either fails, the secrets changed so far are put back
   * and nothing is written. `forget` lists index keys to drop without touching their secrets.
   */
  private async commit(content: Content, ops: readonly SecretOp[], action: string, change: StoreChange | undefined, forget: readonly string[] = []): Promise<void> {
    const restore = await this.applySecrets(ops, action);
    const index = new Set(this.data.secretIndex);
    for (const op of ops) {
      if (op.value === undefined) index.delete(op.key);
      else index.add(op.key);
    }
    for (const key of forget) index.delete(key);
    const revision = this.nextRevision();
    const keys = {
      storedKeys: ops.filter((op) => op.value !== undefined).map((op) => op.key),
      deletedKeys: [...ops.filter((op) => op.value === undefined).map((op) => op.key), ...forget],
    };
    try {
      await this.persist({ ...content, ...stampChanges(this.data, content, revision, keys), secretIndex: [...index] }, this.lastRawJson, revision);
    } catch (error) {
      await restore(error instanceof ConcurrentChange);
      throw error;
    }
    // A field that is gone now never comes back (ids are not reused), so its secret can be deleted once more: another
    // window, undoing a write of its own, may have put it back meanwhile.
    const fields = new Set(content.credentials.flatMap((credential) => credential.fields.map((field) => secretKey(credential.id, field.id))));
    for (const op of ops) {
      if (op.value === undefined && !fields.has(op.key)) await this.secrets.delete(op.key).then(undefined, () => undefined);
    }
    if (change) this.fire(change);
  }

  private async applySecrets(ops: readonly SecretOp[], action: string): Promise<(retried?: boolean) => Promise<void>> {
    const done: { key: string; previous: string | undefined; written: string | undefined }[] = [];
    const indexed = new Set(this.data.secretIndex);
    const involved: (string | undefined)[] = ops.map((op) => op.value);
    try {
      for (const op of ops) {
        // Only a key this store wrote before can hold a value to put back.
        const previous = indexed.has(op.key) ? await this.secrets.get(op.key) : undefined;
        involved.push(previous);
        done.push({ key: op.key, previous, written: op.value });
        if (op.value === undefined) await this.secrets.delete(op.key);
        else await this.secrets.store(op.key, op.value);
      }
    } catch (error) {
      await this.restoreSecrets(done);
      throw new SecretStorageUnavailableError(action, redactedDetail(error, involved));
    }
    return (retried = false) => this.restoreSecrets(done, retried);
  }

  /**
   * Undoes the secret changes of a write whose metadata was not saved. A write that will run again (another window
   * wrote meanwhile) leaves its deletions to restoreDeletedSecrets.
   */
  private async restoreSecrets(done: readonly { key: string; previous: string | undefined; written: string | undefined }[], retried = false): Promise<void> {
    const needed = this.neededSecretKeys();
    for (const { key, previous, written } of [...done].reverse()) {
      try {
        if (retried && written === undefined) {
          if (previous !== undefined) this.deletedByRetriedWrites.push({ key, previous });
          continue;
        }
        if (!needed.has(key)) {
          // No credential needs it (new here, or deleted by another window meanwhile): it must not stay behind.
          await this.secrets.delete(key);
          continue;
        }
        // Another window changed the secret since: its change stands. With no old value to put back, the value just
        // written stays rather than leave the stored metadata with a sensitive field and no secret.
        if (await this.secrets.get(key) !== written || previous === undefined) continue;
        await this.secrets.store(key, previous);
      } catch {
        // Best effort: secret storage failing again is what got us here.
      }
    }
  }

  private async readSecret(key: string, action: string): Promise<string | undefined> {
    try {
      return await this.secrets.get(key);
    } catch (error) {
      throw new SecretStorageUnavailableError(action, redactedDetail(error, []));
    }
  }

  private async auditNow(): Promise<SecretAudit> {
    const expected = new Set(expectedSecretKeys(this.data.credentials));
    const keys = [...new Set([...this.data.secretIndex, ...expected])].sort();
    const orphaned: string[] = [];
    const missing: string[] = [];
    for (const key of keys) {
      const exists = (await this.readSecret(key, 'check the stored secrets')) !== undefined;
      if (expected.has(key) && !exists) missing.push(key);
      if (!expected.has(key) && exists) orphaned.push(key);
    }
    return { orphaned, missing };
  }

  /** Secret keys of a credential: its sensitive fields, and any other key of it in the index (left over earlier). */
  private secretKeysOf(credential: Credential): string[] {
    const keys = new Set(expectedSecretKeys([credential]));
    for (const key of this.data.secretIndex) {
      if (parseSecretKey(key)?.credentialId === credential.id) keys.add(key);
    }
    return [...keys];
  }

  private onSecretChanged(key: string): void {
    if (this.disposed || (key !== revisionKey && parseSecretKey(key) === undefined)) return;
    this.enqueue(() => this.refreshFromOutside(key, 0)).catch(() => undefined);
  }

  /**
   * A secret changed, maybe in another window: re-read the metadata if globalState holds something else than this
   * store last saw (firing `reload` when that changed anything).
   */
  private async refreshFromOutside(key: string, attempt: number): Promise<void> {
    if (this.disposed || !this.loaded) return;
    if (toJson(this.state.get<unknown>(dataKey)) !== this.lastRawJson) {
      await this.loadAndReport();
      return;
    }
    if (key === revisionKey) {
      let revision: string | undefined;
      try {
        revision = await this.secrets.get(revisionKey);
      } catch {
        return;
      }
      // Another window's revision, but its metadata has not reached this window's globalState yet: look again.
      if (revision !== undefined && revision !== this.data.revision) this.retryLater(key, attempt);
    }
    // A field secret alone changing changes nothing this store shows (values are read when needed), and this
    // window's own writes fire these events too: no event for it.
  }

  private retryLater(key: string, attempt: number): void {
    const delay = this.retryDelaysMs[attempt];
    if (delay === undefined || this.disposed) return;
    const timer = this.setTimer(() => {
      this.timers.delete(timer);
      if (!this.disposed) this.enqueue(() => this.refreshFromOutside(key, attempt + 1)).catch(() => undefined);
    }, delay);
    this.timers.add(timer);
  }

  private fire(change: StoreChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // One failing listener must not keep the others from hearing about the change.
      }
    }
  }

  private content(): Content {
    return { providers: this.data.providers, credentials: this.data.credentials, scopes: this.data.scopes };
  }

  private setData(data: StoredData): void {
    deepFreeze(data);
    this.data = data;
    this.providerList = [...data.providers].sort(byName);
    this.providerById = new Map(data.providers.map((provider) => [provider.id, provider]));
    this.credentialById = new Map(data.credentials.map((credential) => [credential.id, credential]));
    this.scopeById = new Map(data.scopes.map((scope) => [scope.id, scope]));
    this.credentialsByProvider = groupSorted(data.credentials, (credential) => credential.providerId);
    this.scopesByProvider = groupSorted(data.scopes, (scope) => scope.providerId);
    this.scopesByCredential = groupSorted(data.scopes, (scope) => scope.credentialId);
  }

  private require<T>(kind: StoreObjectKind, id: string, map: ReadonlyMap<string, T>): T {
    const found = map.get(id);
    if (found === undefined) throw new NotFoundError(kind, id);
    return found;
  }

  /** The validated draft, or a NameTakenError (only the name clashes) / ValidationError carrying the field errors. */
  private validated<T>(kind: StoreObjectKind, result: ValidationResult<T>, input: unknown, siblings: readonly Sibling[], selfId?: string): T {
    if (result.ok) return result.value;
    const rawName = typeof input === 'object' && input !== null ? (input as { name?: unknown }).name : undefined;
    const name = nameSchema.safeParse(rawName);
    if (result.errors.length === 1 && result.errors[0]!.field === 'name' && name.success && findNameClash(name.data, siblings, selfId)) {
      throw new NameTakenError(kind, name.data, result.errors);
    }
    throw new ValidationError(kind, result.errors);
  }
}

function groupSorted<T extends { name: string; id: string }>(items: readonly T[], keyOf: (item: T) => string): Map<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  for (const group of groups.values()) group.sort(byName);
  return groups;
}
