// The store's one queue: reads, loads and writes run one at a time, and each starts from globalState as it is now
// (another window may have written since). A write that finds another window wrote while it ran is undone and runs
// again on the new data.
import { ConcurrentModificationError, UnsupportedSchemaError } from './errors';
import type { SecretJournal } from './secretJournal';
import { ConcurrentChange, contentJson, maxAttempts, type StoredDocument } from './storedDocument';
import { needsReporting, type LoadReport } from './storeTypes';

export interface StoreQueueEvents {
  /** A load changed what the store shows. */
  readonly reloaded: () => void;
  /** A load other than the first found something the user should hear about. */
  readonly report: (report: LoadReport) => void;
}

export class StoreQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly document: StoredDocument, private readonly journal: SecretJournal, private readonly events: StoreQueueEvents) {}

  /** Runs the job after everything queued before it. */
  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Runs the job on the stored data as it is now (reading it again when another window wrote). */
  read<T>(job: () => Promise<T>): Promise<T> {
    return this.run(async () => {
      await this.syncWithStorage();
      return job();
    });
  }

  /**
   * A write: in the queue, on fresh data, refused for data of a newer schema version. When another window wrote
   * globalState while the job ran (seen just before the metadata write), the job's secrets are put back and it runs
   * again on the new data (which may now refuse it, e.g. a name just taken there).
   */
  write<T>(job: () => Promise<T>): Promise<T> {
    return this.run(async () => {
      this.journal.beginWrite();
      try {
        for (let attempt = 1; ; attempt++) {
          await this.syncWithStorage();
          if (this.document.newerSchemaVersion !== undefined) throw new UnsupportedSchemaError(this.document.newerSchemaVersion);
          try {
            return await job();
          } catch (error) {
            if (!(error instanceof ConcurrentChange)) throw error;
            if (attempt >= maxAttempts) throw new ConcurrentModificationError();
          }
        }
      } finally {
        await this.journal.restoreDeletedSecrets();
      }
    });
  }

  /** Loads; the caller shows the report. Call inside the queue. */
  async load(): Promise<LoadReport> {
    const before = contentJson(this.document.content());
    const report = await this.document.load();
    if (contentJson(this.document.content()) !== before) this.events.reloaded();
    return report;
  }

  /** Loads and reports problems through the events. Call inside the queue. */
  async loadAndReport(): Promise<LoadReport> {
    const report = await this.load();
    if (needsReporting(report)) this.events.report(report);
    return report;
  }

  /** Loads on first use, and re-loads when globalState no longer holds what this store last read or wrote. */
  private async syncWithStorage(): Promise<void> {
    if (this.document.isStale()) await this.loadAndReport();
  }
}
