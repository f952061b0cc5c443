// Small statistics and formatting helpers for the benchmark tables.

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function min(values: readonly number[]): number {
  return values.length === 0 ? NaN : Math.min(...values);
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? NaN : Math.max(...values);
}

/** A compact summary of repeated samples: median, min, max and how many. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
  readonly samples: readonly number[];
}

export function summarize(samples: readonly number[]): Summary {
  const clean = samples.filter((value) => Number.isFinite(value));
  return { median: median(clean), min: min(clean), max: max(clean), n: clean.length, samples: clean.map(round2) };
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `1234.5` → `1,235`; small values keep one or two decimals. */
export function ms(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function mb(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return 'n/a';
  return (bytes / 1024 / 1024).toFixed(1);
}

export function kb(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return 'n/a';
  return (bytes / 1024).toFixed(1);
}

export function ratio(value: number | undefined, base: number | undefined): string {
  if (value === undefined || base === undefined || !Number.isFinite(value) || !Number.isFinite(base) || base <= 0) return 'n/a';
  return `${(value / base).toFixed(2)}×`;
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** ✅ / ❌ against a target (lower is better). */
export function verdict(value: number | undefined, target: number): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return value <= target ? 'met' : `MISSED by ${ms(value - target)} (${ratio(value, target)})`;
}

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const sep = headers.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---'));
  return [headers, sep, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}
