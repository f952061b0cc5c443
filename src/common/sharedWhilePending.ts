/**
 * Runs a job once per key while it is pending: callers that arrive meanwhile share its result, later callers run it
 * again. Tickets started together after an Account ID change share one question this way.
 */
export class SharedWhilePending<T> {
  private readonly pending = new Map<string, Promise<T>>();

  run(key: string, job: () => Promise<T>): Promise<T> {
    let shared = this.pending.get(key);
    if (!shared) {
      shared = job().finally(() => this.pending.delete(key));
      this.pending.set(key, shared);
    }
    return shared;
  }
}
