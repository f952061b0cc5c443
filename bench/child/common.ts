// What every listing child process shares. A child lists all apps of the fake Heroku API once per process (mode
// `once`, for whole-process wall time), several times (mode `warm`, for in-process steady state), or once under
// memory instrumentation (mode `memory`, needs --expose-gc), and writes one JSON result to BENCH_RESULT_FILE.
// Its printed output (the table or JSON a user would see) goes to stdout, which the parent sends to /dev/null.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';

export interface ListContext {
  readonly url: string;
  readonly token: string;
}

export interface ChildClient<T> {
  list(context: ListContext): Promise<T[]>;
  /** What the tool prints for the list (a table, or JSON). */
  render(items: T[]): string;
}

export interface OnceResult {
  mode: 'once';
  count: number;
  /** Just the listing, in-process. */
  listMs: number;
  renderMs: number;
  /** performance.now() (ms since the process started) when the list was complete and when its text was ready. */
  listedAtMs: number;
  renderedAtMs: number;
}

export interface WarmResult {
  mode: 'warm';
  count: number;
  listMs: number[];
  renderMs: number[];
}

export interface MemoryResult {
  mode: 'memory';
  count: number;
  listMs: number;
  baselineHeap: number;
  /** Highest heapUsed seen: before any GC during the listing (V8 GCProfiler) or sampled every millisecond. */
  peakHeap: number;
  /** heapUsed after a full GC with the list still referenced. */
  retainedHeap: number;
  baselineRss: number;
  /** Peak resident set size of the whole process (getrusage maxRSS). */
  peakRss: number;
  peakExternal: number;
  baselineExternal: number;
  gcCount: number;
  gcMs: number;
}

export type ChildResult = OnceResult | WarmResult | MemoryResult;

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function write(result: ChildResult): void {
  fs.writeFileSync(env('BENCH_RESULT_FILE'), JSON.stringify(result));
}

export async function childMain<T>(client: ChildClient<T>): Promise<void> {
  const context: ListContext = { url: env('BENCH_URL'), token: env('BENCH_TOKEN') };
  const mode = process.env.BENCH_MODE ?? 'once';
  const expected = Number(env('BENCH_EXPECTED'));
  const check = (items: unknown[]): void => {
    if (items.length !== expected) throw new Error(`listed ${items.length} apps, expected ${expected}`);
  };
  const listAndRender = async () => {
    const t0 = performance.now();
    const items = await client.list(context);
    const t1 = performance.now();
    const text = client.render(items);
    const t2 = performance.now();
    check(items);
    return { items, text, t0, t1, t2 };
  };

  if (mode === 'once') {
    const { items, text, t0, t1, t2 } = await listAndRender();
    process.stdout.write(text);
    write({ mode, count: items.length, listMs: t1 - t0, renderMs: t2 - t1, listedAtMs: t1, renderedAtMs: t2 });
    return;
  }

  if (mode === 'warm') {
    const warmups = Number(process.env.BENCH_WARMUPS ?? 1);
    const repeats = Number(process.env.BENCH_REPEATS ?? 5);
    const listMs: number[] = [];
    const renderMs: number[] = [];
    let count = 0;
    for (let i = 0; i < warmups + repeats; i++) {
      const { items, text, t0, t1, t2 } = await listAndRender();
      if (text.length === 0) throw new Error('nothing rendered');
      count = items.length;
      if (i >= warmups) {
        listMs.push(t1 - t0);
        renderMs.push(t2 - t1);
      }
    }
    write({ mode, count, listMs, renderMs });
    return;
  }

  if (mode === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('memory mode needs node --expose-gc');
    // The baseline: after module loading and full GCs. The listing's own first-run costs (lazily compiled code)
    // count, as they do for a ticket in a fresh extension host.
    gc();
    gc();
    const baseline = process.memoryUsage();
    let peakHeap = baseline.heapUsed;
    let peakExternal = baseline.external;
    const sample = (): void => {
      const usage = process.memoryUsage();
      if (usage.heapUsed > peakHeap) peakHeap = usage.heapUsed;
      if (usage.external > peakExternal) peakExternal = usage.external;
    };
    const timer = setInterval(sample, 1);
    const profiler = new v8.GCProfiler();
    profiler.start();
    const t0 = performance.now();
    const items = await client.list(context);
    const t1 = performance.now();
    sample();
    clearInterval(timer);
    const gcData = profiler.stop();
    for (const entry of gcData.statistics) {
      peakHeap = Math.max(peakHeap, entry.beforeGC.heapStatistics.usedHeapSize);
      peakExternal = Math.max(peakExternal, entry.beforeGC.heapStatistics.externalMemory);
    }
    check(items);
    gc();
    gc();
    const retained = process.memoryUsage().heapUsed;
    write({
      mode,
      count: items.length,
      listMs: t1 - t0,
      baselineHeap: baseline.heapUsed,
      peakHeap,
      retainedHeap: retained,
      baselineRss: baseline.rss,
      peakRss: process.resourceUsage().maxRSS * 1024,
      peakExternal,
      baselineExternal: baseline.external,
      gcCount: gcData.statistics.length,
      gcMs: gcData.statistics.reduce((sum, entry) => sum + entry.cost, 0) / 1000,
    });
    // Keep the list alive until the last measurement.
    if (items.length < 0) console.log(items);
    return;
  }
  throw new Error(`unknown BENCH_MODE ${mode}`);
}

export function run<T>(client: ChildClient<T>): void {
  childMain(client).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
