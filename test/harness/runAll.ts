// `npm test`: installs what npm cannot (Chromium, Node 24, code-server — cached), checks types and style, builds
// and packages the extension, then runs the three layers and ends with one line adding them up.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureTools, repoRoot } from '../../scripts/vscode/codeServer';
import type { LayerResult } from './layerResult';
import { runIntegration } from './runIntegration';

const started = Date.now();
// While working on one layer: PROVIDER_DESK_LAYERS=unit,integration runs only those (the summary names what ran).
const selectedLayers = process.env.PROVIDER_DESK_LAYERS?.split(',').map((layer) => layer.trim()).filter(Boolean);
const wanted = (layer: string): boolean => !selectedLayers?.length || selectedLayers.includes(layer);
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)}s`;

function step(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${title} (${elapsed()})`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function mochaLayer(title: string, args: string[]): LayerResult {
  const summaryFile = path.join(repoRoot, 'test-results', `${title}.json`);
  fs.rmSync(summaryFile, { force: true });
  const ok = step(`${title} tests`, 'npx', ['mocha', ...args], { MOCHA_SUMMARY_FILE: summaryFile });
  if (!fs.existsSync(summaryFile)) return { passes: 0, failures: 1, pending: 0 };
  const result = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as LayerResult;
  if (!ok && result.failures === 0) result.failures = 1;
  return result;
}

async function main(): Promise<number> {
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
  ensureTools();
  const checks = step('type check', 'npx', ['tsc', '--noEmit', '-p', '.'])
    && step('lint', 'npx', ['eslint', '--max-warnings', '0', '.'])
    && step('build', 'node', ['scripts/build.mjs', '--production', '--tests'])
    && step('package', 'npx', ['vsce', 'package', '--no-dependencies', '-o', 'provider-desk.vsix']);
  if (!checks) {
    console.log('\n0 passed, 1 failed (type check, lint, build or packaging failed before any test ran)');
    return 1;
  }

  const layers: Record<string, LayerResult> = {};
  if (wanted('unit')) layers.unit = mochaLayer('unit', []);
  if (wanted('integration')) {
    console.log(`\n▶ integration tests in the real extension host (${elapsed()})`);
    layers.integration = await runIntegration().catch((error: unknown) => {
      console.error(`integration harness failed: ${error instanceof Error ? error.message : String(error)}`);
      return { passes: 0, failures: 1, pending: 0 };
    });
  }
  if (wanted('ui')) layers.ui = mochaLayer('ui', ['--config', 'test/ui/.mocharc.json']);

  const passed = Object.values(layers).reduce((sum, layer) => sum + layer.passes, 0);
  const failed = Object.values(layers).reduce((sum, layer) => sum + layer.failures, 0);
  const pending = Object.values(layers).reduce((sum, layer) => sum + layer.pending, 0);
  console.log(`\n${Object.entries(layers).map(([name, layer]) => `${name}: ${layer.passes} passed, ${layer.failures} failed`).join(' · ')} (${elapsed()})`);
  // Skipped tests count as failures: a skipped test is not a passing one.
  console.log(`${passed} passed, ${failed + pending} failed`);
  return failed + pending > 0 || passed === 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
