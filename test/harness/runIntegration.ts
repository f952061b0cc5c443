// Runs the mocha suite in out/test/integration inside code-server's real extension host, loading the extension
// from this folder (extensionDevelopmentPath) with the scripted language model installed next to it, driven by
// headless Chromium.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { launchChromium, newRunDir, remoteUri, repoRoot, startCodeServer } from '../../scripts/vscode/codeServer';
import type { LayerResult } from './layerResult';
import { installScriptedModel } from './scriptedModel';

const workbenchNoise = /AgentHost|ChatModelSelection|AccountPolicyGate|Creating a socket|connection token|authentication provider 'github'|Service Worker|additional builtin|grace time|open-vsx|ERR_NAME_NOT_RESOLVED|vsda/;

export async function runIntegration(options: { timeoutMs?: number } = {}): Promise<LayerResult> {
  const runDir = newRunDir('integration');
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  const resultFile = path.join(runDir, 'result.json');
  installScriptedModel(runDir);
  const server = await startCodeServer({ runDir, folder: workspace });
  const browser = await launchChromium(runDir);
  try {
    const page = browser.pages()[0] ?? await browser.newPage();
    let finish!: (code: number) => void;
    const exited = new Promise<number>((resolve) => { finish = resolve; });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const message = util.format(...(Array.isArray(args) ? args : [args]));
      if (!workbenchNoise.test(message)) console.log(type === 'error' ? `  [host] ${message}` : `  ${message}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, repoRoot)],
      ['extensionTestsPath', remoteUri(server, path.join(repoRoot, 'out', 'test', 'integration', 'index.js'))],
      ['extensionEnvironment', JSON.stringify({ PROVIDER_DESK_RESULT_FILE: resultFile, PROVIDER_DESK_TEST_GREP: process.env.PROVIDER_DESK_TEST_GREP ?? '' })],
    ];
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const timeoutMs = options.timeoutMs ?? 300_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (code === 'timeout') throw new Error(`integration suite did not finish within ${timeoutMs} ms (logs: ${runDir})`);
    if (!fs.existsSync(resultFile)) throw new Error(`the extension host exited with ${code} and wrote no result (logs: ${runDir})`);
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as LayerResult;
    if (code !== 0 && result.failures === 0) result.failures = 1;
    return result;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}
