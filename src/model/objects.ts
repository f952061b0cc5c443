// Checks on values read from storage, a webview or a language model before anything trusts their shape.

/** An object that is not null and not an array: what JSON calls an object. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object literal (its prototype is Object.prototype): what JSON.parse and a structured clone produce. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return isJsonObject(value) && Object.getPrototypeOf(value) === Object.prototype;
}
