// The secret side of a write: each write changes its secrets first and remembers what they held, so that when the
// metadata write fails, or another window wrote meanwhile, the secrets are put back and nothing is half-written.
import { SecretStorageUnavailableError, redactedDetail } from './errors';
import type { SecretStore } from './ports';

export interface SecretOp {
  key: string;
  /** The value to store; undefined deletes the secret. */
  value?: string;
}

interface SecretChange {
  key: string;
  previous: string | undefined;
  written: string | undefined;
}

/** Puts back the secrets a write changed; `retried` when the write will run again (another window wrote meanwhile). */
export type UndoSecrets = (retried?: boolean) => Promise<void>;

export class SecretJournal {
  /** Secrets deleted by attempts of the running write that had to run again (see restoreDeletedSecrets). */
  private deletedByRetriedWrites: { key: string; previous: string }[] = [];

  /**
   * `neededSecretKeys`: the secret keys the metadata in globalState needs now (another window may have written it
   * since this one read it).
   */
  constructor(private readonly secrets: SecretStore, private readonly neededSecretKeys: () => Set<string>) {}

  /** A write begins: nothing of an earlier write is left to put back. */
  beginWrite(): void {
    this.deletedByRetriedWrites = [];
  }

  /**
   * Applies the changes in order; when one fails, those made so far are put back and SecretStorageUnavailableError
   * (naming `action`, without any value) is thrown. `indexed`: the keys this store wrote before, the only ones that
   * can hold a value to put back.
   */
  async apply(ops: readonly SecretOp[], action: string, indexed: ReadonlySet<string>): Promise<UndoSecrets> {
    const done: SecretChange[] = [];
    const involved: (string | undefined)[] = ops.map((op) => op.value);
    try {
      for (const op of ops) {
        const previous = indexed.has(op.key) ? await this.secrets.get(op.key) : undefined;
        involved.push(previous);
        done.push({ key: op.key, previous, written: op.value });
        if (op.value === undefined) await this.secrets.delete(op.key);
        else await this.secrets.store(op.key, op.value);
      }
    } catch (error) {
      await this.undo(done);
      throw new SecretStorageUnavailableError(action, redactedDetail(error, involved));
    }
    return (retried = false) => this.undo(done, retried);
  }

  async read(key: string, action: string): Promise<string | undefined> {
    try {
      return await this.secrets.get(key);
    } catch (error) {
      throw new SecretStorageUnavailableError(action, redactedDetail(error, []));
    }
  }

  /** Best effort: deletes a secret nothing may need any more, ignoring a keyring that refuses. */
  async deleteQuietly(key: string): Promise<void> {
    await this.secrets.delete(key).then(undefined, () => undefined);
  }

  /**
   * Secrets deleted by attempts of this write that another window's write interrupted are put back only now, and only
   * those the stored metadata still needs: put back at once, a secret that the other window was deleting as well
   * (the same credential, from both windows) would outlive its credential, known to no index.
   */
  async restoreDeletedSecrets(): Promise<void> {
    for (const { key, previous } of this.deletedByRetriedWrites.splice(0)) {
      try {
        if (!this.neededSecretKeys().has(key) || await this.secrets.get(key) !== undefined) continue;
        await this.secrets.store(key, previous);
        // The other window may have deleted it for good meanwhile.
        if (!this.neededSecretKeys().has(key)) await this.secrets.delete(key);
      } catch {
        // Best effort, as in undo.
      }
    }
  }

  /**
   * Undoes the secret changes of a write whose metadata was not saved. A write that will run again (another window
   * wrote meanwhile) leaves its deletions to restoreDeletedSecrets.
   */
  private async undo(done: readonly SecretChange[], retried = false): Promise<void> {
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
}
