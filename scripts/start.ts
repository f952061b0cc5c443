// `npm start`: packages the extension, installs the VSIX into a real VS Code (code-server on 127.0.0.1) and starts
// a demo Heroku Platform API beside it, so every feature can be tried without a Heroku account.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureTools, installVsix, repoRoot, startCodeServer, toolsCache } from './vscode/codeServer';
import { startFakeHeroku } from './demoHeroku';

async function main(): Promise<void> {
  ensureTools();
  const packaged = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  if (packaged.status !== 0) throw new Error('packaging the extension failed');

  // A stable folder: providers and secrets created in one session are still there the next time.
  const runDir = path.join(toolsCache, 'start');
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  installVsix(runDir, path.join(repoRoot, 'provider-desk.vsix'));

  const demoApi = await startFakeHeroku({ apps: Number(process.env.DEMO_APPS ?? 1500), token: process.env.DEMO_TOKEN ?? 'demo-heroku-token-0000' });
  const server = await startCodeServer({ runDir, folder: workspace, port: Number(process.env.PORT ?? 8080) });
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
