// In-memory stand-in for vscode.Memento (globalState). Values go through JSON on update, as VS Code persists them.
import type { KeyValueStore } from '../../src/store/ports';

export interface InMemoryMementoOptions {
  /** Makes every update reject (or only those for which the function returns true). */
  failUpdate?: boolean | ((key: string) => boolean);
}

export class InMemoryMemento implements KeyValueStore {
  private readonly values = new Map<string, unknown>();
  failUpdate: boolean | ((key: string) => boolean);
  updates = 0;

  constructor(initial: Record<string, unknown> = {}, options: InMemoryMementoOptions = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, clone(value));
    this.failUpdate = options.failUpdate ?? false;
  }

  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  async update(key: string, value: unknown): Promise<void> {
    const fail = typeof this.failUpdate === 'function' ? this.failUpdate(key) : this.failUpdate;
    if (fail) throw new Error(`memento update of ${key} failed`);
    this.updates++;
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, clone(value));
  }

  /** Writes without going through update(): another window, a hand edit, an older version of the extension. */
  set(key: string, value: unknown): void {
    this.values.set(key, clone(value));
  }

  /** Everything stored, as one JSON text (to search it for values that must never be there). */
  serialize(): string {
    return JSON.stringify(Object.fromEntries(this.values));
  }
}

function clone(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
