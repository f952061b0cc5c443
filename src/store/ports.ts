// Structural stand-ins for vscode.Memento and vscode.SecretStorage, so the store runs (and is unit-tested) in plain
// Node. vscode's own objects satisfy these interfaces as they are.

/** vscode's Thenable, without depending on the vscode typings. */
export type Thenable<T> = PromiseLike<T>;

/** What the store needs from `context.globalState`. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

/** What the store needs from `context.secrets`. */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
  /** Fires when a secret changes, in this window or in another one. */
  onDidChange?: (listener: (e: { key: string }) => unknown) => { dispose(): unknown };
}

export interface Disposable {
  dispose(): void;
}

/**
 * globalState with one update at a time, each starting after the previous one has finished. VS Code applies an update
 * in memory at once, writes it later, and then replaces its whole in-memory state (every key) with what was written;
 * an update made by anyone in this window between that write and its echo is dropped (microsoft/vscode#137132). The
 * store and the ticket history share one of these, so that neither drops the other's writes.
 */
export function serialUpdates(state: KeyValueStore): KeyValueStore {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    get: <T>(key: string): T | undefined => state.get<T>(key),
    update: (key: string, value: unknown): Promise<void> => {
      const result = tail.then(() => state.update(key, value));
      tail = result.then(() => undefined, () => undefined);
      return result;
    },
  };
}
