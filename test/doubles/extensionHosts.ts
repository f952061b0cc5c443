// globalState as several VS Code windows see it: one storage database, and in each window's extension host a copy
// of the extension's state. As in VS Code (extHostMemento), an update changes the window's copy at once and reaches
// the database later, as the whole object of the extension; every change of the database comes back to every
// window later, the writer's own included (microsoft/vscode#137132), and replaces its whole copy, updates not yet
// written included. Tests decide when each step happens (flush, receive), so "both windows wrote before either heard
// of the other" is one call order, not a race.
import { strict as assert } from 'node:assert';
import type { KeyValueStore } from '../../src/store/ports';

type State = Record<string, unknown>;

function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value)) as T;
}

export class SharedDatabase {
  private stored: State = {};
  private readonly windows: WindowState[] = [];

  constructor(initial: State = {}) {
    this.stored = clone(initial);
  }

  /** A new window; its copy starts as the database is now. */
  window(): WindowState {
    const window = new WindowState(this, clone(this.stored));
    this.windows.push(window);
    return window;
  }

  get<T>(key: string): T | undefined {
    return clone(this.stored[key]) as T | undefined;
  }

  /** Writes every window's pending updates and delivers every change, until nothing is pending. */
  settle(): void {
    while (this.windows.some((window) => window.dirty || window.inbox.length > 0)) {
      for (const window of this.windows) {
        window.flush();
        window.receive();
      }
    }
  }

  /** Internal: a window writes its whole copy; every window gets it in its inbox. */
  write(state: State): void {
    this.stored = clone(state);
    for (const window of this.windows) window.inbox.push(clone(state));
  }
}

export class WindowState implements KeyValueStore {
  dirty = false;
  readonly inbox: State[] = [];

  constructor(private readonly database: SharedDatabase, private copy: State) {}

  get<T>(key: string): T | undefined {
    return this.copy[key] as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) delete this.copy[key];
    else this.copy[key] = clone(value);
    this.dirty = true;
  }

  /** This window's copy reaches the database (and is on its way back to every window). */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.database.write(this.copy);
  }

  /** The database's changes reach this window, each replacing its whole copy. */
  receive(): void {
    for (const state of this.inbox.splice(0)) this.copy = state;
  }
}

/** A window as the tests see it: its copy of globalState and the store reading it. */
export interface StoreWindow {
  readonly state: WindowState;
  readonly store: { reload(): Promise<void> };
}

/** Writes, delivers and re-reads until no window has anything left to write (a merge writes again). */
export async function settle(database: SharedDatabase, windows: readonly StoreWindow[]): Promise<void> {
  for (let round = 0; round < 10; round++) {
    database.settle();
    for (const window of windows) await window.store.reload();
    if (windows.every((window) => !window.state.dirty)) return;
  }
  assert.fail('the windows did not settle');
}
