// Spawns one listing client in its own process against the fake Heroku API and measures it from the outside: wall
// time from spawn to exit, peak RSS (through the preloaded rusage hook), and what reached the server.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FakeHeroku } from '../../scripts/demoHeroku';
import type { ChildResult } from '../child/common';
import type { ChildBundles } from './build';
import { herokuCliBin, workDir } from './paths';

export type ClientId = 'providerDesk' | 'herokuClient' | 'fetchLoop' | 'herokuCli' | 'bareHttp';

/** Clients that show the machine's floor rather than what a user would use instead: not compared as peers. */
export const referenceClients: ReadonlySet<ClientId> = new Set(['bareHttp']);

export const clientLabels: Record<ClientId, string> = {
  providerDesk: 'Provider Desk',
  herokuClient: 'heroku-client 3.1.4',
  fetchLoop: 'node-fetch loop',
  herokuCli: 'Heroku CLI',
  bareHttp: 'bare node:http (reference)',
};

export interface ServerView {
  /** GET /apps requests. */
  appRequests: number;
  /** All requests (the CLI also calls /account). */
  requests: number;
  /** Page size asked for by the first /apps request (200 when it sent no Range). */
  pageSize: number;
  /** From the first request's arrival to the last /apps request's arrival. */
  spanMs: number;
  /** TCP connections those requests came on (fewer than requests: kept alive). */
  connections: number;
}

export interface ChildRun {
  wallMs: number;
  peakRssBytes: number | undefined;
  result: ChildResult | undefined;
  server: ServerView;
}

export interface ChildOptions {
  mode: 'once' | 'warm' | 'memory';
  expected: number;
  warmups?: number;
  repeats?: number;
  nodeArgs?: string[];
  /** Extra environment (e.g. for profiling). */
  env?: Record<string, string>;
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // tsx and the parent's own flags must not leak into the measured processes.
  for (const key of Object.keys(env)) {
    if (key === 'NODE_OPTIONS' || key.startsWith('TSX') || key.startsWith('npm_') || key === 'ESBUILD_WORKER_THREADS') delete env[key];
  }
  return env;
}

let sequence = 0;

export async function runChild(client: ClientId, bundles: ChildBundles, fake: FakeHeroku, options: ChildOptions): Promise<ChildRun> {
  const runDir = path.join(workDir, 'children');
  fs.mkdirSync(runDir, { recursive: true });
  const id = `${process.pid}-${++sequence}`;
  const resultFile = path.join(runDir, `${id}.result.json`);
  const rusageFile = path.join(runDir, `${id}.rusage.jsonl`);
  const outputFile = path.join(runDir, `${client}.out`);
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    NODE_OPTIONS: `--require ${bundles.rusageHook}`,
    BENCH_RUSAGE_FILE: rusageFile,
    BENCH_RESULT_FILE: resultFile,
    BENCH_URL: fake.url,
    BENCH_TOKEN: fake.token,
    BENCH_MODE: options.mode,
    BENCH_EXPECTED: String(options.expected),
    BENCH_WARMUPS: String(options.warmups ?? 1),
    BENCH_REPEATS: String(options.repeats ?? 5),
    ...options.env,
  };
  let args: string[];
  if (client === 'herokuCli') {
    const home = path.join(workDir, 'cli-home');
    fs.mkdirSync(home, { recursive: true });
    Object.assign(env, {
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      HEROKU_HOST: fake.url,
      HEROKU_PARTICLEBOARD_URL: fake.url,
      HEROKU_API_KEY: fake.token,
      // 'true', not '1': heroku 11.x compares the string (with '1' it spawns a detached telemetry worker per command).
      DISABLE_TELEMETRY: 'true',
      HEROKU_SKIP_ANALYTICS: '1',
      HEROKU_SKIP_NEW_VERSION_CHECK: '1',
      HEROKU_DISABLE_AUTOUPDATE: '1',
    });
    args = [...options.nodeArgs ?? [], herokuCliBin, 'apps', '--all', '--json'];
  } else {
    const bundle = { providerDesk: bundles.providerDesk, herokuClient: bundles.herokuClient, fetchLoop: bundles.fetchLoop, bareHttp: bundles.bareHttp }[client];
    args = [...options.nodeArgs ?? [], options.env?.BENCH_READABLE ? bundles.providerDeskReadable : bundle];
  }
  fake.clearRequests();
  fake.setRateLimit(4500);
  const out = fs.openSync(outputFile, 'w');
  let stderr = '';
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', out, 'pipe'], cwd: workDir });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => { if (stderr.length < 20_000) stderr += chunk; });
  const exit = await new Promise<{ code: number | null; at: number }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, at: performance.now() }));
  });
  fs.closeSync(out);
  const wallMs = exit.at - started;
  if (exit.code !== 0) throw new Error(`${clientLabels[client]} exited with ${exit.code}:\n${stderr.slice(0, 4000)}`);

  let result: ChildResult | undefined;
  if (client !== 'herokuCli') {
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as ChildResult;
    fs.rmSync(resultFile, { force: true });
  } else if (options.mode === 'once') {
    const listed = JSON.parse(fs.readFileSync(outputFile, 'utf8')) as unknown[];
    if (listed.length !== options.expected) throw new Error(`Heroku CLI listed ${listed.length} apps, expected ${options.expected}`);
  }
  let peakRssBytes: number | undefined;
  if (fs.existsSync(rusageFile)) {
    for (const line of fs.readFileSync(rusageFile, 'utf8').split('\n')) {
      if (!line) continue;
      const entry = JSON.parse(line) as { pid: number; maxRssBytes: number };
      if (entry.pid === child.pid) peakRssBytes = entry.maxRssBytes;
    }
    fs.rmSync(rusageFile, { force: true });
  }
  return { wallMs, peakRssBytes, result, server: serverView(fake) };
}

function serverView(fake: FakeHeroku): ServerView {
  const all = fake.requests;
  const apps = all.filter((request) => request.path === '/apps');
  const first = all[0]?.at ?? 0;
  const last = apps[apps.length - 1]?.at ?? first;
  const max = /max=(\d+)/.exec(apps[0]?.range ?? '')?.[1];
  return { appRequests: apps.length, requests: all.length, pageSize: max ? Number(max) : 200, spanMs: last - first, connections: new Set(all.map((request) => request.connection)).size };
}
