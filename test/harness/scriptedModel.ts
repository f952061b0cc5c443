// The test-only language model (test/fixtures/scripted-model) as the code-server runs load it: packaged and installed
// into the run's extensions folder, next to Provider Desk.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { installVsix, repoRoot } from '../../scripts/vscode/codeServer';

/** The scripted model, as `build.mjs --tests` leaves it. */
export const scriptedModelDir = path.join(repoRoot, 'out', 'test', 'scripted-model');

/**
 * Packages the scripted model and installs it into the run's extensions folder. It cannot be a second
 * extensionDevelopmentPath: the workbench keeps the URL payload in a map, so only one entry per key survives.
 */
export function installScriptedModel(runDir: string): void {
  const vsix = path.join(runDir, 'scripted-model.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const packaged = spawnSync(vsce, ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', vsix],
    { cwd: scriptedModelDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (packaged.status !== 0) throw new Error(`packaging ${scriptedModelDir} failed (run the build with --tests):\n${packaged.stdout}${packaged.stderr}`);
  installVsix(runDir, vsix);
}
