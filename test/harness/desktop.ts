// `npm run test:desktop`: the same integration suite under @vscode/test-electron, for a desktop with internet
// (it downloads VS Code), with the scripted language model as a second development extension. Offline machines use
// the code-server path in `npm test`.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../../scripts/vscode/codeServer';
import { scriptedModelDir } from './scriptedModel';

runTests({
  extensionDevelopmentPath: [repoRoot, scriptedModelDir],
  extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
}).then(() => process.exit(0), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
