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
