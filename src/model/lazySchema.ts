// zod, and every schema built with it, on first use. Evaluating zod took most of what loading the extension cost (~80
// ms; dist/webview/zod.js, English only, still ~40 ms in a fresh Node), and activation needs no schema: the stored
// metadata is checked cheaply first (storedMetadata.ts). So no module imports zod's values statically; they call zod()
// inside lazySchema() instead, and zod loads on the first parse.
import type { z } from 'zod';

export type Zod = typeof z;

let loaded: Zod | undefined;

export function zod(): Zod {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would evaluate zod with this module
  loaded ??= (require('zod') as typeof import('zod')).z;
  return loaded;
}

/** True once anything has parsed with a schema (or asked for zod): what the activation tests look at. */
export function zodLoaded(): boolean {
  return loaded !== undefined;
}

/**
 * A schema that is built on its first use (any property: `safeParse`, `shape`, or zod reading it inside another
 * schema). Its type is the built schema's, so `z.infer<typeof schema>` and every call site stay as they are.
 */
export function lazySchema<T extends object>(build: (zodApi: Zod) => T): T {
  let schema: T | undefined;
  const built = (): T => (schema ??= build(zod()));
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(built(), key),
    has: (_target, key) => Reflect.has(built(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
  });
}
