// `npm start`: packages the extension, installs the VSIX into a real VS Code (code-server on 127.0.0.1) and starts
// a demo Heroku Platform API beside it, so every feature can be tried without a Heroku account.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { demoApiSettings, startDemoApi } from './demoApi';
import { defaultVsCodePort, ensurePortFree, portSetting } from './ports';
import { ensureTools, installVsix, repoRoot, startCodeServer, toolsCache } from './vscode/codeServer';

async function main(): Promise<void> {
  // Settings first: a typo in one should not wait for the packaging to be reported.
  const vscodePort = portSetting(process.env, 'PORT', defaultVsCodePort);
  const demoSettings = demoApiSettings(process.env);

  ensureTools();
  const packaged = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  if (packaged.status !== 0) throw new Error('packaging the extension failed');

  // A stable folder: providers and secrets created in one session are still there the next time.
  const runDir = path.join(toolsCache, 'start');
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  installVsix(runDir, path.join(repoRoot, 'provider-desk.vsix'));

  const demoApi = await startDemoApi(demoSettings);
  // code-server on a taken port exits with a bare status, or worse, the other server answers the health check.
  await ensurePortFree(vscodePort, 'VS Code (code-server)', 'PORT');
  const server = await startCodeServer({ runDir, folder: workspace, port: vscodePort });
  console.log(`
Provider Desk is running in VS Code (code-server):  ${server.origin}/?folder=${encodeURIComponent(workspace)}

Demo Heroku API:   Account ID  ${demoApi.url}
                   apitoken    ${demoApi.token}
For real Heroku use Account ID api.heroku.com and the token from \`heroku auth:token\`.
Press Ctrl+C to stop.`);

  const stop = async (): Promise<void> => {
    await server.stop();
    await demoApi.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
