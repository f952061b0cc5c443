// Part 0: code loading of dist/extension.js in plain Node (VS Code's "Load Code" without VS Code): fresh processes,
// interleaved with the base build (main) when it is at hand and with an empty module (the floor), medians.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { progress } from './log';
import { buildDir, stageDir } from './paths';
import { ms, summarize, type Summary } from './stats';

export interface CodeLoadReport {
  bundleBytes: number;
  /** require() of the staged production dist/extension.js. */
  extension: Summary;
  /** require() of an empty module: process noise, the floor. */
  empty: Summary;
  /** Files the bundle loaded itself (e.g. dist/webview/zod.js, if anything needed zod while loading). */
  alsoLoaded: string[];
}

function loadOnce(loader: string, bundle: string): { loadMs: number; alsoLoaded: string[] } {
  const run = spawnSync(process.execPath, [loader, bundle], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  if (run.status !== 0) throw new Error(`loading ${bundle} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as { loadMs: number; alsoLoaded: string[] };
}

export function benchCodeLoad(loader: string, repeats: number): CodeLoadReport {
  const bundle = path.join(stageDir, 'dist', 'extension.js');
  const empty = path.join(buildDir, 'empty.js');
  fs.writeFileSync(empty, 'module.exports = {};\n');
  progress(`code loading in plain Node: ${repeats} fresh processes each, interleaved with an empty module`);
  loadOnce(loader, bundle);
  const extension: number[] = [];
  const floor: number[] = [];
  let alsoLoaded: string[] = [];
  for (let i = 0; i < repeats; i++) {
    const run = loadOnce(loader, bundle);
    extension.push(run.loadMs);
    alsoLoaded = run.alsoLoaded;
    floor.push(loadOnce(loader, empty).loadMs);
  }
  const report = { bundleBytes: fs.statSync(bundle).size, extension: summarize(extension), empty: summarize(floor), alsoLoaded };
  progress(`  dist/extension.js ${ms(report.extension.median)} ms (empty module ${ms(report.empty.median)} ms)${alsoLoaded.length ? `; it also loaded ${alsoLoaded.join(', ')}` : ''}`);
  return report;
}
