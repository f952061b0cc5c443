// A set of listeners, each called in a try: one that throws must not keep the others from hearing, nor break the
// store's write or load that fired.
import type { Disposable } from './ports';

export class Listeners<T> {
  private readonly listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // See above: the others still hear.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
