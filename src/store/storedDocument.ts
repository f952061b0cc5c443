// The stored document as this window knows it, kept in step with other windows. globalState holds one document
// that every window writes whole, and across extension hosts a window's copy may be behind: the last write would
// win. So a document written elsewhere is joined with this window's (merge.ts: by id, the later change of an object
// wins, deletions stay) and written back when it holds more than the document read. Every write stores a new
// revision in SecretStorage too, so other windows get `secrets.onDidChange` (globalState has no change event).
// Writes change their secrets first (secretJournal.ts) and put them back when the metadata write fails.
import { ConcurrentModificationError } from './errors';
import { backupKey, dataKey, revisionKey, secretKey } from './keys';
import { joinStoredData, sameStoredState, stampChanges } from './merge';
import type { KeyValueStore, SecretStore } from './ports';
import type { SecretJournal, SecretOp } from './secretJournal';
import { decodeStoredData, emptyData, encodeStoredData, expectedSecretKeys, withoutSensitiveValues, type StoredData } from './storedData';
import type { LoadReport } from './storeTypes';

export type Content = Pick<StoredData, 'providers' | 'credentials' | 'scopes'>;

/** globalState changed under a running write or load; it is undone and runs again. */
export class ConcurrentChange extends Error {}

/** How often a write (or a load that rewrites data) runs again when another window wrote at the same time. */
export const maxAttempts = 5;

/** How many revisions of its own recent writes a window remembers. */
const maxOwnRevisions = 200;

export interface DocumentClock {
  readonly now: () => Date;
  readonly uuid: () => string;
}

export function contentJson(data: Content): string {
  return JSON.stringify([data.providers, data.credentials, data.scopes]);
}

function toJson(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class StoredDocument {
  private current: StoredData = emptyData;
  /** globalState's value (as JSON) as this window last read or wrote it; a difference means another window wrote. */
  private lastRawJson: string | undefined;
  private isLoaded = false;
  private newerVersion: number | undefined;
  /** Revisions of this window's recent writes: a change of one of them that a join drops is reported. */
  private readonly ownRevisions = new Set<string>();

  /** `onData` hears of every new snapshot (frozen), to rebuild what is derived from it. */
  constructor(private readonly state: KeyValueStore, private readonly secrets: SecretStore, private readonly clock: DocumentClock,
    private readonly onData: (data: StoredData) => void) {}

  get data(): StoredData {
    return this.current;
  }

  /** The revision of the document this window holds. */
  get revision(): string | undefined {
    return this.current.revision;
  }

  get loaded(): boolean {
    return this.isLoaded;
  }

  /** Set when the stored data was written by a newer version of the extension: writes are refused. */
  get newerSchemaVersion(): number | undefined {
    return this.newerVersion;
  }

  content(): Content {
    return { providers: this.current.providers, credentials: this.current.credentials, scopes: this.current.scopes };
  }

  /** Not loaded yet, or globalState holds something else than this window last read or wrote. */
  isStale(): boolean {
    return !this.isLoaded || toJson(this.state.get<unknown>(dataKey)) !== this.lastRawJson;
  }

  /** The secret keys the metadata in globalState needs now (another window may have written it since). */
  neededSecretKeys(): Set<string> {
    return new Set(expectedSecretKeys(decodeStoredData(this.state.get<unknown>(dataKey), { now: this.clock.now() }).data.credentials));
  }

  /** Reads globalState (migrating, checking and joining it), trying again while another window keeps writing. */
  async load(): Promise<LoadReport> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.loadOnce();
      } catch (error) {
        if (!(error instanceof ConcurrentChange)) throw error;
        if (attempt >= maxAttempts) throw new ConcurrentModificationError();
      }
    }
  }

  /**
   * Applies the secret changes, then writes the metadata with a new revision; if either fails, the secrets changed
   * so far are put back and nothing is written (ConcurrentChange when another window wrote meanwhile). `forget` lists
   * index keys to drop without touching their secrets.
   */
  async commit(content: Content, ops: readonly SecretOp[], action: string, journal: SecretJournal, forget: readonly string[] = []): Promise<void> {
    const index = new Set(this.current.secretIndex);
    const undo = await journal.apply(ops, action, index);
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
      await this.persist({ ...content, ...stampChanges(this.current, content, revision, keys), secretIndex: [...index] }, this.lastRawJson, revision);
    } catch (error) {
      await undo(error instanceof ConcurrentChange);
      throw error;
    }
    // A field that is gone now never comes back (ids are not reused), so its secret can be deleted once more: another
    // window, undoing a write of its own, may have put it back meanwhile.
    const fields = new Set(content.credentials.flatMap((credential) => credential.fields.map((field) => secretKey(credential.id, field.id))));
    for (const op of ops) {
      if (op.value === undefined && !fields.has(op.key)) await journal.deleteQuietly(op.key);
    }
  }

  private async loadOnce(): Promise<LoadReport> {
    const raw = this.state.get<unknown>(dataKey);
    const rawJson = toJson(raw);
    const decoded = decodeStoredData(raw, { now: this.clock.now() });
    const report: LoadReport = { invalid: decoded.invalid };
    if (decoded.migratedFrom !== undefined) report.migratedFrom = decoded.migratedFrom;
    if (decoded.newerVersion !== undefined) report.newerSchemaVersion = decoded.newerVersion;
    this.newerVersion = decoded.newerVersion;

    // Another window wrote: join its document with this window's (which it may lack, as this one may lack its).
    // Data that failed its schema came from elsewhere (a hand edit, an older version): its valid rest is taken as it
    // is, as on a first load, rather than have this window's copy bring back what the report says was left out.
    const join = this.isLoaded && rawJson !== this.lastRawJson && decoded.newerVersion === undefined && decoded.invalid.length === 0
      ? joinStoredData(this.current, decoded.data, this.ownRevisions) : undefined;
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
    this.isLoaded = true;
    return report;
  }

  private async backUp(raw: unknown): Promise<string> {
    const base = backupKey(this.clock.now());
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
    const known = [this.current.revision, ...Object.values(this.current.versions ?? {}).map((list) => list[0]), ...Object.values(this.current.tombstones ?? {})]
      .map((revision) => (revision === undefined ? NaN : parseInt(revision.split('-')[0]!, 36)))
      .filter(Number.isFinite);
    const time = Math.max(this.clock.now().getTime(), ...known.map((known) => known + 1));
    const revision = `${time.toString(36)}-${this.clock.uuid()}`;
    this.ownRevisions.add(revision);
    // Only recent ones matter: a change is lost, if at all, within moments of being made.
    for (const old of this.ownRevisions) {
      if (this.ownRevisions.size <= maxOwnRevisions) break;
      this.ownRevisions.delete(old);
    }
    return revision;
  }

  private setData(data: StoredData): void {
    this.current = deepFreeze(data);
    this.onData(this.current);
  }
}
