// Part 2: the VSIX and the bundles, built exactly as `npm run package` builds them but in a private copy of the
// project (so the shared dist/ and provider-desk.vsix of the work tree are left alone), and the bundle bytes
// attributed to packages with esbuild's metafile.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { progress } from './log';
import { packageOf, repoRelative } from './profile';
import { repoRoot, stageDir, workDir } from './paths';

export interface ZipEntry {
  name: string;
  compressed: number;
  size: number;
}

export interface Attribution {
  name: string;
  bytes: number;
}

export interface BundleReport {
  file: string;
  bytes: number;
  /** Bytes in the VSIX (deflated). */
  vsixBytes: number | undefined;
  /** Bytes of the metafile rebuild (should equal `bytes`). */
  metafileBytes: number | undefined;
  byPackage: Attribution[];
}

export interface PackageReport {
  vsix: string;
  vsixBytes: number;
  packageMs: number;
  entries: ZipEntry[];
  bundles: BundleReport[];
  /** Extra bundles built with the options of dist/extension.js (see esbuildShim). */
  extraBuilt: string[];
}

/** Entries of a zip file from its central directory (no dependency on `unzip`). */
export function zipEntries(file: string): ZipEntry[] {
  const buffer = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const total = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < total; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const compressed = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    entries.push({ name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength), compressed, size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const skipTopLevel = new Set(['node_modules', '.git', 'test-results', 'bench', 'dist', 'out', '.scratch', 'docs', '.vscode-test']);

/**
 * Stands in for `esbuild` in the stage: the real esbuild with `metafile: true` added to every build, each metafile
 * saved to BENCH_METAFILE_DIR; and when a build has src/extension.ts as its entry, the extra bundles listed in
 * BENCH_EXTRA_BUILDS are built with exactly that build's options (plugins, externals, minify…). So whatever
 * scripts/build.mjs does, the attribution is of the real bundles and the benchmark's client bundle is built the
 * way dist/extension.js is.
 */
const esbuildShim = (realEsbuild: string): string => `'use strict';
const real = require(${JSON.stringify(realEsbuild)});
const fs = require('node:fs');
const path = require('node:path');
let count = 0;
function save(options, result) {
  const dir = process.env.BENCH_METAFILE_DIR;
  if (dir && result && result.metafile) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, process.pid + '-' + (++count) + '.json'), JSON.stringify({ cwd: options.absWorkingDir || process.cwd(), metafile: result.metafile }));
  }
  return result;
}
async function extra(options) {
  const list = JSON.parse(process.env.BENCH_EXTRA_BUILDS || '[]');
  const entries = Array.isArray(options.entryPoints) ? options.entryPoints : [];
  if (!list.length || !entries.some((entry) => typeof entry === 'string' && entry.replace(/\\\\/g, '/').endsWith('src/extension.ts'))) return;
  for (const item of list) {
    const { outdir, metafile, entryPoints, sourcemap, ...rest } = options;
    await real.build({ ...rest, entryPoints: [item.entry], outfile: item.outfile, minify: item.minify, sourcemap: false, write: true });
  }
}
const withMeta = (options) => ({ ...options, metafile: true });
exports.version = real.version;
exports.transform = real.transform;
exports.transformSync = real.transformSync;
exports.buildSync = real.buildSync;
exports.formatMessages = real.formatMessages;
exports.formatMessagesSync = real.formatMessagesSync;
exports.analyzeMetafile = real.analyzeMetafile;
exports.analyzeMetafileSync = real.analyzeMetafileSync;
exports.initialize = real.initialize;
exports.stop = real.stop;
exports.build = async (options) => { const result = save(options, await real.build(withMeta(options))); await extra(options); return result; };
exports.context = async (options) => {
  const context = await real.context(withMeta(options));
  let extraDone = false;
  return {
    rebuild: async () => { const result = save(options, await context.rebuild()); if (!extraDone) { extraDone = true; await extra(options); } return result; },
    watch: (...args) => context.watch(...args),
    serve: (...args) => context.serve(...args),
    cancel: () => context.cancel(),
    dispose: () => context.dispose(),
  };
};
`;

/** A copy of the project without generated folders; node_modules links to the project's, with esbuild wrapped. */
export function stageProject(): void {
  fs.rmSync(stageDir, { recursive: true, force: true });
  fs.mkdirSync(stageDir, { recursive: true });
  // Entry by entry: the stage lives inside node_modules, and fs.cpSync refuses to copy a folder into itself.
  for (const entry of fs.readdirSync(repoRoot)) {
    if (skipTopLevel.has(entry) || entry.endsWith('.vsix')) continue;
    fs.cpSync(path.join(repoRoot, entry), path.join(stageDir, entry), { recursive: true });
  }
  const modules = path.join(repoRoot, 'node_modules');
  const stageModules = path.join(stageDir, 'node_modules');
  fs.mkdirSync(stageModules);
  for (const entry of fs.readdirSync(modules)) {
    if (entry === 'esbuild' || entry === '.cache') continue;
    fs.symlinkSync(path.join(modules, entry), path.join(stageModules, entry));
  }
  const shim = path.join(stageModules, 'esbuild');
  fs.mkdirSync(shim);
  fs.writeFileSync(path.join(shim, 'package.json'), JSON.stringify({ name: 'esbuild', version: (esbuild as { version: string }).version, main: 'index.js' }));
  fs.writeFileSync(path.join(shim, 'index.js'), esbuildShim(require.resolve('esbuild', { paths: [repoRoot] })));
}

/** `node scripts/build.mjs …` inside the stage. */
export function buildStage(args: string[]): void {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', ...args], { cwd: stageDir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`scripts/build.mjs ${args.join(' ')} failed in the stage:\n${result.stdout}${result.stderr}`);
}

interface SavedMetafile {
  cwd: string;
  metafile: esbuild.Metafile;
}

function attribute(saved: readonly SavedMetafile[], relative: string): { bytes: number; byPackage: Attribution[] } | undefined {
  for (const { cwd, metafile } of saved) {
    const key = Object.keys(metafile.outputs).find((output) => path.resolve(cwd, output) === path.join(stageDir, relative));
    if (!key) continue;
    const meta = metafile.outputs[key];
    const byPackage = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(meta.inputs)) {
      const name = input.startsWith('zod-locales:') ? 'zod' : packageOf(repoRelative(input.replace(/^[\w-]+:/, ''), cwd));
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
    const attributed = [...byPackage.values()].reduce((a, b) => a + b, 0);
    if (meta.bytes > attributed) byPackage.set('(esbuild runtime, wrappers)', meta.bytes - attributed);
    return { bytes: meta.bytes, byPackage: [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes) };
  }
  return undefined;
}

export interface ExtraBuild {
  entry: string;
  outfile: string;
  minify: boolean;
}

export async function benchPackage(extraBuilds: readonly ExtraBuild[]): Promise<PackageReport> {
  progress('package: copying the project to a private stage and running vsce package there');
  stageProject();
  const vsix = path.join(workDir, 'provider-desk.vsix');
  const metafileDir = path.join(workDir, 'metafiles');
  fs.rmSync(vsix, { force: true });
  fs.rmSync(metafileDir, { recursive: true, force: true });
  for (const extra of extraBuilds) fs.rmSync(extra.outfile, { force: true });
  const started = Date.now();
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', vsix], {
    cwd: stageDir,
    encoding: 'utf8',
    env: { ...process.env, BENCH_METAFILE_DIR: metafileDir, BENCH_EXTRA_BUILDS: JSON.stringify(extraBuilds) },
  });
  const packageMs = Date.now() - started;
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}${result.stderr}`);
  const entries = zipEntries(vsix);
  const vsixBytes = fs.statSync(vsix).size;
  progress(`  ${path.basename(vsix)}: ${(vsixBytes / 1024).toFixed(1)} KB in ${packageMs} ms`);

  const saved: SavedMetafile[] = fs.existsSync(metafileDir)
    ? fs.readdirSync(metafileDir).map((file) => JSON.parse(fs.readFileSync(path.join(metafileDir, file), 'utf8')) as SavedMetafile)
    : [];
  const bundles: BundleReport[] = [];
  const dist = path.join(stageDir, 'dist');
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  for (const file of walk(dist).sort()) {
    const relative = path.relative(stageDir, file).split(path.sep).join('/');
    const attribution = /\.(js|css)$/.test(relative) ? attribute(saved, relative) : undefined;
    bundles.push({
      file: relative,
      bytes: fs.statSync(file).size,
      vsixBytes: entries.find((entry) => entry.name === `extension/${relative}`)?.compressed,
      metafileBytes: attribution?.bytes,
      byPackage: attribution?.byPackage ?? [],
    });
  }
  return { vsix, vsixBytes, packageMs, entries, bundles, extraBuilt: extraBuilds.filter((extra) => fs.existsSync(extra.outfile)).map((extra) => extra.outfile) };
}
