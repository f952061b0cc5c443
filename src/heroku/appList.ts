// The app list without zod: a ticket reads it, and a process's first zod parse loads zod (dist/webview/zod.js, ~40 ms
// in a fresh Node, more than a 1,000-app page takes to arrive at 30 ms). An item in the shape appSchema (schemas.ts)
// accepts gives what appSchema gives; anything else makes the whole page undefined, and appListSchema checks it, so every
// message about a bad response stays zod's. test/unit/herokuAppList.test.ts checks that the two agree.
import type { HerokuApp } from './schemas';

type Nullable<T> = T | null;

/** `undefined`: not in the expected shape; let the schema say why. */
export function quickAppList(json: unknown): HerokuApp[] | undefined {
  if (!Array.isArray(json)) return undefined;
  const apps = new Array<HerokuApp>(json.length);
  for (let index = 0; index < json.length; index++) {
    const app = quickApp(json[index]);
    if (!app) return undefined;
    apps[index] = app;
  }
  return apps;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const invalid = Symbol('invalid');

/** `z.string().nullish()` with `?? null`. */
function optionalText(value: unknown): Nullable<string> | typeof invalid {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : invalid;
}

/** `z.object({ name: z.string() }).nullish()`, then its name or null. */
function optionalName(value: unknown): Nullable<string> | typeof invalid {
  if (value === undefined || value === null) return null;
  return isObject(value) && typeof value.name === 'string' ? value.name : invalid;
}

function quickApp(value: unknown): HerokuApp | undefined {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.name !== 'string' || value.name.length === 0) return undefined;
  const region = optionalName(value.region);
  const stack = optionalName(value.stack);
  const updatedAt = optionalText(value.updated_at);
  const webUrl = optionalText(value.web_url);
  if (region === invalid || stack === invalid || updatedAt === invalid || webUrl === invalid) return undefined;
  return { id: value.id, name: value.name, region, stack, updatedAt, webUrl };
}
