// Hearing of other windows' writes. globalState has no change event, so every write also stores a new revision in
// SecretStorage; its `onDidChange` reaches every window. The revision can arrive before the window's copy of
// globalState has the document, so the watcher looks again a few times.
import { parseSecretKey, revisionKey } from './keys';
import type { Disposable, SecretStore } from './ports';

export interface WatchedDocument {
  readonly loaded: boolean;
  /** The revision of the document this window holds. */
  readonly revision: string | undefined;
  isStale(): boolean;
}

export interface WindowWatcherOptions {
  readonly retryDelaysMs: readonly number[];
  readonly setTimer: (callback: () => void, ms: number) => Disposable;
  /** Runs a job in the store's queue, after the writes already queued. */
  readonly enqueue: (job: () => Promise<void>) => Promise<void>;
  /** Re-reads the document and reports what it found; called inside the queue. */
  readonly reload: () => Promise<unknown>;
}

export function defaultSetTimer(callback: () => void, ms: number): Disposable {
  const handle = setTimeout(callback, ms);
  handle.unref?.();
  return { dispose: () => clearTimeout(handle) };
}

export class WindowWatcher implements Disposable {
  private readonly timers = new Set<Disposable>();
  private readonly subscription: Disposable | undefined;
  private disposed = false;

  constructor(private readonly secrets: SecretStore, private readonly document: WatchedDocument, private readonly options: WindowWatcherOptions) {
    const subscription = secrets.onDidChange?.((event) => this.onSecretChanged(event.key));
    this.subscription = subscription && { dispose: () => void subscription.dispose() };
  }

  dispose(): void {
    this.disposed = true;
    this.subscription?.dispose();
    for (const timer of this.timers) timer.dispose();
    this.timers.clear();
  }

  private onSecretChanged(key: string): void {
    if (this.disposed || (key !== revisionKey && parseSecretKey(key) === undefined)) return;
    this.options.enqueue(() => this.refresh(key, 0)).catch(() => undefined);
  }

  /**
   * A secret changed, maybe in another window: re-read the metadata if globalState holds something else than this
   * window last saw.
   */
  private async refresh(key: string, attempt: number): Promise<void> {
    if (this.disposed || !this.document.loaded) return;
    if (this.document.isStale()) {
      await this.options.reload();
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
      if (revision !== undefined && revision !== this.document.revision) this.retryLater(key, attempt);
    }
    // A field secret alone changing changes nothing the store shows (values are read when needed), and this
    // window's own writes fire these events too: nothing to do.
  }

  private retryLater(key: string, attempt: number): void {
    const delay = this.options.retryDelaysMs[attempt];
    if (delay === undefined || this.disposed) return;
    const timer = this.options.setTimer(() => {
      this.timers.delete(timer);
      if (!this.disposed) this.options.enqueue(() => this.refresh(key, attempt + 1)).catch(() => undefined);
    }, delay);
    this.timers.add(timer);
  }
}
