// Summarises a V8 CPU profile (.cpuprofile, from --cpu-prof or the inspector's Profiler) by where the time went:
// self time per module of an esbuild bundle (non-minified bundles start every module with a `// path` comment),
// per package, and per function. "(idle)" is time spent waiting (for the network, timers).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot, stageDir } from './paths';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly idleMs: number;
  readonly gcMs: number;
  /** Self time by package (`zod`, `node-fetch`, `src/heroku`, `node:internal`, `V8 builtins`, …), idle excluded. */
  readonly byPackage: readonly ProfileEntry[];
  /** Self time by module (file inside the bundle), idle excluded. */
  readonly byModule: readonly ProfileEntry[];
  readonly byFunction: readonly ProfileEntry[];
  /** With a focus: the time of the samples in focus (what the breakdowns above cover). */
  readonly focusMs: number | undefined;
  /** With a focus: the rest of the busy time (other code in the same process, GC), by package. */
  readonly outsideMs: number | undefined;
  readonly outside: readonly ProfileEntry[] | undefined;
}

/** Line ranges of a non-minified esbuild bundle → the module each line came from. */
class BundleMap {
  private readonly starts: { line: number; module: string }[] = [];

  /** `baseDir`: the folder esbuild ran in (its module comments are relative to it). */
  constructor(text: string, baseDir: string) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const match = /^\s*\/\/ ((?:node_modules|src|test|bench|\.\.)\/\S+\.(?:[cm]?[jt]s|json))$/.exec(lines[i]);
      if (match) this.starts.push({ line: i, module: repoRelative(match[1], baseDir) });
    }
  }

  moduleAt(line: number): string | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found: string | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid].line <= line) {
        found = this.starts[mid].module;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}

/**
 * An esbuild input path (relative to the folder esbuild ran in) as a path relative to the project: `src/…` or
 * `node_modules/…`, also for the packaging stage, whose node_modules is a link to the project's.
 */
export function repoRelative(input: string, baseDir: string): string {
  const absolute = path.resolve(baseDir, input);
  const base = absolute.startsWith(`${stageDir}${path.sep}`) ? stageDir : repoRoot;
  return path.relative(base, absolute).split(path.sep).join('/');
}

export function packageOf(module: string): string {
  const nm = module.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = module.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  // src/heroku/client.ts → src/heroku; src/extension.ts stays itself.
  const parts = module.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : module;
}

export interface SummarizeOptions {
  /** Non-minified bundles to attribute by module: the file (as a frame's url shows it) and the folder esbuild ran in. */
  bundles: readonly { file: string; baseDir: string }[];
  /** How to name frames from other files (e.g. VS Code's own code); default: the file name. */
  nameOther?: (url: string) => string;
  top?: number;
  /**
   * Only samples with one of these files, or a function of one of these names, anywhere on the stack (e.g. an
   * extension's activation, while other extensions also run in the same process). The rest is summed as outsideMs.
   */
  focus?: { files: readonly string[]; functions: readonly string[] };
}

function frameFile(url: string): string {
  return url.startsWith('file://') ? fileURLToPath(url) : url;
}

export function summarizeProfile(profile: CpuProfile, options: SummarizeOptions): ProfileSummary {
  const maps = new Map<string, BundleMap>();
  for (const bundle of options.bundles) {
    if (fs.existsSync(bundle.file)) maps.set(bundle.file, new BundleMap(fs.readFileSync(bundle.file, 'utf8'), bundle.baseDir));
  }
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + delta);
  }
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const childId of node.children ?? []) parent.set(childId, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inFocus = new Map<number, boolean>();
  const focusFiles = new Set(options.focus?.files ?? []);
  const focusFunctions = new Set(options.focus?.functions ?? []);
  const isFocus = (id: number): boolean => {
    if (!options.focus) return true;
    const known = inFocus.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)?.callFrame;
    const up = parent.get(id);
    const value = (frame !== undefined && (focusFiles.has(frameFile(frame.url)) || focusFunctions.has(frame.functionName))) || (up !== undefined && isFocus(up));
    inFocus.set(id, value);
    return value;
  };

  const byPackage = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const outside = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let gc = 0;
  let outsideUs = 0;
  const add = (map: Map<string, number>, key: string, us: number): void => { map.set(key, (map.get(key) ?? 0) + us); };
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') { idle += us; continue; }
    let module: string;
    let pkg: string;
    if (!url) {
      module = functionName.startsWith('(') ? functionName : 'V8 builtins';
      pkg = module;
    } else if (url.startsWith('node:')) {
      module = url;
      pkg = 'node: built-ins';
    } else {
      const file = frameFile(url);
      const map = maps.get(file);
      const inBundle = map?.moduleAt(lineNumber);
      if (inBundle) {
        module = inBundle;
        pkg = packageOf(inBundle);
      } else if (map) {
        // Lines before a bundle's first module: esbuild's runtime helpers (__toESM, __copyProps, __esm…).
        module = `esbuild helpers (${path.basename(file)})`;
        pkg = module;
      } else {
        module = options.nameOther?.(file) ?? file.split('/').slice(-2).join('/');
        pkg = module;
      }
    }
    // GC has no stack: with a focus it counts as outside (it cannot be attributed to one caller).
    if (functionName === '(garbage collector)') gc += us;
    if (options.focus && (functionName === '(garbage collector)' || !isFocus(node.id))) {
      outsideUs += us;
      add(outside, pkg, us);
      continue;
    }
    add(byPackage, pkg, us);
    add(byModule, module, us);
    add(byFunction, `${functionName || '(anonymous)'} · ${module}`, us);
  }
  const busy = total - idle - outsideUs;
  const top = options.top ?? 10;
  const entries = (map: Map<string, number>, base: number): ProfileEntry[] => [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: base > 0 ? us / base : 0 }));
  return {
    totalMs: total / 1000, idleMs: idle / 1000, gcMs: gc / 1000,
    byPackage: entries(byPackage, busy), byModule: entries(byModule, busy), byFunction: entries(byFunction, busy),
    focusMs: options.focus ? busy / 1000 : undefined,
    outside: options.focus ? entries(outside, outsideUs) : undefined,
    outsideMs: options.focus ? outsideUs / 1000 : undefined,
  };
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
}

/** A few lines for the report. */
export function describeProfile(summary: ProfileSummary, title: string): string {
  const pct = (share: number): string => `${(share * 100).toFixed(0)}%`;
  const list = (entries: readonly ProfileEntry[], n: number): string => entries.slice(0, n).map((e) => `${e.name} ${e.ms.toFixed(1)} ms (${pct(e.share)})`).join('; ');
  const busy = summary.totalMs - summary.idleMs;
  const lines = [
    `**${title}** — profiled ${summary.totalMs.toFixed(0)} ms: busy ${busy.toFixed(0)} ms, idle (waiting) ${summary.idleMs.toFixed(0)} ms, GC ${summary.gcMs.toFixed(1)} ms.`,
  ];
  if (summary.focusMs !== undefined) {
    lines.push(`  - Provider Desk's part (its code on the stack, or VS Code loading its module): ${summary.focusMs.toFixed(0)} ms; `
      + `the rest of the busy time, ${summary.outsideMs?.toFixed(0)} ms, was other work in the same process: ${list(summary.outside ?? [], 4)}`);
  }
  lines.push(`  - by package (self time, share of ${summary.focusMs !== undefined ? 'that part' : 'busy'}): ${list(summary.byPackage, 6)}`);
  lines.push(`  - top functions: ${list(summary.byFunction, 6)}`);
  return lines.join('\n');
}
