// Entry point the extension host calls (code-server offline, @vscode/test-electron on a desktop): runs every
// *.test.js bundled next to this file and reports the totals to the harness.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, grep: process.env.PROVIDER_DESK_TEST_GREP || undefined });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultFile = process.env.PROVIDER_DESK_RESULT_FILE;
      if (resultFile) {
        const { passes, pending } = runner.stats ?? { passes: 0, pending: 0 };
        fs.writeFileSync(resultFile, JSON.stringify({ passes, failures, pending }));
      }
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`)); else resolve();
    });
  });
}
