// What the store tells its callers: change events, load reports, the secret audit, and the options it takes.
import type { MergeConflict } from './merge';
import type { Disposable } from './ports';
import type { InvalidItem } from './storedData';

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

/** Whether a load found something the user should hear about. */
export function needsReporting(report: LoadReport): boolean {
  return report.invalid.length > 0 || report.newerSchemaVersion !== undefined || (report.conflicts?.length ?? 0) > 0;
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
