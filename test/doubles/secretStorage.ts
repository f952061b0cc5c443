// In-memory stand-in for vscode.SecretStorage, with onDidChange (fired for every store and delete, synchronously,
// to every listener: several stores sharing one instance behave like windows sharing the OS keyring), and switches
// that make store / get / delete throw like a missing or locked keyring. The thrown messages include the value
// being stored, so tests can check that the store never passes it on.
import type { SecretStore } from '../../src/store/ports';

export type Failure = boolean | ((key: string) => boolean);

export interface InMemorySecretStorageOptions {
  failStore?: Failure;
  failGet?: Failure;
  failDelete?: Failure;
  /** Let this many store() calls succeed, then fail every further one. */
  failStoreAfter?: number;
}

type Listener = (event: { key: string }) => unknown;

export class InMemorySecretStorage implements SecretStore {
  readonly values = new Map<string, string>();
  private readonly listeners = new Set<Listener>();
  failStore: Failure;
  failGet: Failure;
  failDelete: Failure;
  failStoreAfter: number | undefined;
  storeCalls = 0;
  /** Every key passed to store() or delete(), in order. */
  readonly log: { op: 'store' | 'delete'; key: string }[] = [];

  constructor(options: InMemorySecretStorageOptions = {}) {
    this.failStore = options.failStore ?? false;
    this.failGet = options.failGet ?? false;
    this.failDelete = options.failDelete ?? false;
    this.failStoreAfter = options.failStoreAfter;
  }

  async get(key: string): Promise<string | undefined> {
    if (fails(this.failGet, key)) throw new Error(`Cannot read ${key}: the keyring is locked`);
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.storeCalls++;
    const overLimit = this.failStoreAfter !== undefined && this.storeCalls > this.failStoreAfter;
    if (overLimit || fails(this.failStore, key)) {
      throw new Error(`Cannot create an item in a locked collection (key ${key}, value ${value})`);
    }
    this.values.set(key, value);
    this.log.push({ op: 'store', key });
    this.emit(key);
  }

  async delete(key: string): Promise<void> {
    if (fails(this.failDelete, key)) throw new Error(`Cannot delete ${key}: the keyring is locked`);
    const existed = this.values.delete(key);
    this.log.push({ op: 'delete', key });
    if (existed) this.emit(key);
  }

  onDidChange = (listener: Listener): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Keys other than the revision key. */
  secretKeys(): string[] {
    return [...this.values.keys()].filter((key) => key !== 'providerDesk.revision').sort();
  }

  private emit(key: string): void {
    for (const listener of [...this.listeners]) listener({ key });
  }
}

/** SecretStorage whose store() always throws (no keyring). */
export class ThrowingStoreSecretStorage extends InMemorySecretStorage {
  constructor() {
    super({ failStore: true });
  }
}

/** SecretStorage whose get() always throws (locked keyring). */
export class ThrowingGetSecretStorage extends InMemorySecretStorage {
  constructor() {
    super({ failGet: true });
  }
}

function fails(failure: Failure, key: string): boolean {
  return typeof failure === 'function' ? failure(key) : failure;
}
