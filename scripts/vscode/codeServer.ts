// Starts an isolated code-server (a real VS Code build) and headless Debian Chromium for the integration and UI
// layers. Everything a run writes stays under its own folder; tools come from the cache that
// scripts/setup-test-env.sh fills.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const toolsCache = process.env.PROVIDER_DESK_CACHE ?? path.join(os.homedir(), '.cache', 'provider-desk-test');
const codeServerVersion = process.env.CS_VERSION ?? '4.139.1';
const codeServerBin = path.join(toolsCache, `code-server-${codeServerVersion}`, 'bin', 'code-server');
const nodeArch = process.arch === 'arm64' ? 'arm64' : 'x64';
const node24Bin = path.join(toolsCache, 'node24', 'node_modules', `node-linux-${nodeArch}`, 'bin');
const chromiumBin = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

export function ensureTools(): void {
  if (fs.existsSync(path.join(path.dirname(codeServerBin), '..', '.complete')) && fs.existsSync(chromiumBin) && fs.existsSync(path.join(node24Bin, 'node'))) return;
  const setup = spawnSync('bash', [path.join(repoRoot, 'scripts', 'setup-test-env.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) throw new Error('scripts/setup-test-env.sh failed');
}

export function newRunDir(prefix: string): string {
  const runs = path.join(repoRoot, 'test-results', 'runs');
  fs.mkdirSync(runs, { recursive: true });
  return fs.mkdtempSync(path.join(runs, `${prefix}-`));
}

function serverEnv(runDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const tmp = path.join(runDir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  return {
    ...process.env,
    TMPDIR: tmp,
    PATH: `${node24Bin}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg', 'cache'),
    ...extra,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function installVsix(runDir: string, vsix: string): void {
  const result = spawnSync(codeServerBin, ['--user-data-dir', path.join(runDir, 'ud'), '--extensions-dir',
    path.join(runDir, 'exts'), '--install-extension', vsix, '--force'], { env: serverEnv(runDir), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
}

function waitHealthy(port: number, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const probe = (): void => {
      if (child.exitCode !== null) return reject(new Error(`code-server exited with ${child.exitCode}`));
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve(); else retry();
      });
      req.on('error', retry);
      req.on('timeout', () => req.destroy());
    };
    const retry = (): void => {
      if (Date.now() > deadline) reject(new Error('code-server did not become healthy'));
      else setTimeout(probe, 100);
    };
    probe();
  });
}

export interface CodeServer {
  readonly port: number;
  readonly origin: string;
  readonly userDataDir: string;
  stop(): Promise<void>;
}

/** Quiet, predictable workbench for tests and screenshots: no welcome page, no chat panel, a fixed theme. */
export const workbenchSettings = {
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'git.openRepositoryInParentFolders': 'never',
  'git.enabled': false,
  'remote.autoForwardPorts': false,
};

export interface CodeServerOptions {
  runDir: string;
  folder: string;
  port?: number;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** Display language (`--locale`); anything but English also needs that language's pack installed. */
  locale?: string;
}

/**
 * Makes `--locale <languageId>` take effect, as installing that language's pack does. Without a pack VS Code falls back
 * to English, and language packs come from the Marketplace, out of reach offline. The registration is the file VS Code
 * writes after installing a pack from the Extensions view (`code-server --install-extension` does not write it);
 * `coreTranslations` may translate nothing of VS Code itself: extensions still get their `bundle.l10n.<languageId>.json`
 * and `package.nls.<languageId>.json`, because VS Code picks those by display language, not by the pack's contents.
 */
export function registerLanguagePack(userDataDir: string, languageId: string, label: string, coreTranslations: string): void {
  fs.mkdirSync(userDataDir, { recursive: true });
  const pack = { hash: `test-${languageId}`, extensions: [{ extensionIdentifier: { id: `providerdesk-test.language-pack-${languageId}` }, version: '1.0.0' }],
    translations: { vscode: coreTranslations }, label };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [languageId]: pack }));
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { runDir, folder } = options;
  const port = options.port ?? await freePort();
  const userDataDir = path.join(runDir, 'ud');
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ ...workbenchSettings, ...options.settings }, null, 2));
  }
  const log = fs.openSync(path.join(runDir, 'server.log'), 'w');
  const args = ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--user-data-dir', userDataDir,
    '--extensions-dir', path.join(runDir, 'exts'), '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override',
    // The built workbench ignores the ?payload= that carries extensionTestsPath unless the smoke-test driver is on.
    '--vscode-option', 'enable-smoke-test-driver', ...(options.locale ? ['--locale', options.locale] : []), folder];
  const child = spawn(codeServerBin, args, { env: serverEnv(runDir, options.env), stdio: ['ignore', log, log], detached: true });
  await waitHealthy(port, child);
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    userDataDir,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      try { process.kill(-child.pid!, 'SIGTERM'); } catch { resolve(); }
      setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } }, 5000).unref();
    }),
  };
}

export async function launchChromium(runDir: string, options: { colorScheme?: 'dark' | 'light' } = {}): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  const profile = path.join(runDir, 'chrome');
  fs.rmSync(profile, { recursive: true, force: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumBin,
    headless: true,
    viewport: { width: 1400, height: 900 },
    colorScheme: options.colorScheme ?? 'dark',
    env: { ...process.env, XDG_CONFIG_HOME: path.join(runDir, 'chrome-xdg', 'config'), XDG_CACHE_HOME: path.join(runDir, 'chrome-xdg', 'cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-crash-reporter', '--disable-breakpad'],
  });
}

/** `vscode-remote://` URI the workbench needs for a path on the code-server host. */
export function remoteUri(server: CodeServer, absolutePath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}
