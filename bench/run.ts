// `npm run bench`: Provider Desk's performance against its targets and against what a user would use instead.
// Prints markdown tables to stdout (progress goes to stderr) and writes everything measured to
// bench/results/latest.json (CPU profiles to bench/results/profiles/).
//
//   npm run bench                       everything (~7 minutes on 2 cores; +~80 s the first time, to install the CLI)
//   npm run bench -- --only=listing     some parts: load, listing, memory, exthost (comma-separated; packaging always runs)
//   npm run bench -- --quick            fewer repetitions, for trying the benchmark itself
//   npm run bench -- --no-cli           without the Heroku CLI (it is installed into bench/.peers on first use)
//   npm run bench -- --no-ui --keep     no workbench click-to-rows timing; keep the code-server run folder
//   npm run bench -- --wait-idle=600    on a shared machine, first wait (up to 600 s) for the load average to drop
//   npm run bench -- --report-only      print the tables again from bench/results/latest.json
//   npm run bench -- --only=exthost --cold-runs=2 --no-scale --no-profile   a quick look at activation only
//
// Medians of repeated runs after a warm-up. Peers run interleaved with Provider Desk in the same session and are
// compared as ratios, because this kind of machine is noisy.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startFakeHeroku } from '../scripts/demoHeroku';
import { buildBenchBundles, providerDeskBuilds } from './lib/build';
import { benchCodeLoad, type CodeLoadReport } from './lib/codeLoad';
import type { ClientId } from './lib/children';
import { benchExtensionHost, type ExthostReport } from './lib/exthost';
import { benchListing, benchMemory, profileListing, type ListingCase, type ListingProfile, type MemoryCase } from './lib/listing';
import { elapsedSeconds, progress } from './lib/log';
import { cpuCheckMs, LoadMonitor, machineInfo } from './lib/machine';
import { benchPackage, type PackageReport } from './lib/package';
import { herokuCliBin, herokuCliVersion, peersDir, repoRoot, resultsDir } from './lib/paths';
import { renderReport } from './lib/report';
import { median } from './lib/stats';

export interface BenchResults {
  machine: ReturnType<typeof machineInfo>;
  options: Record<string, unknown>;
  package?: PackageReport;
  /** How the client bundle the listing children run was built. */
  providerDeskBundle?: { fallback: boolean; bytes: number };
  codeLoad?: CodeLoadReport;
  listing?: ListingCase[];
  memory?: MemoryCase[];
  listingProfiles?: ListingProfile[];
  exthost?: ExthostReport;
  cli: { version: string; available: boolean; reason?: string };
  /** How busy the machine was: a fixed CPU workload timed before and after, and the load average meanwhile. */
  conditions: { cpuCheckStartMs: number; cpuCheckEndMs: number; load: ReturnType<LoadMonitor['stop']> | undefined; waitedForIdleS: number };
  seconds: number;
}

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

/** The Heroku CLI from the npm registry, into bench/.peers (git-ignored). */
function ensureHerokuCli(): { available: boolean; reason?: string } {
  if (fs.existsSync(herokuCliBin)) return { available: true };
  progress(`installing the Heroku CLI (npm heroku@${herokuCliVersion}) into bench/.peers — about 80 s, once`);
  fs.mkdirSync(peersDir, { recursive: true });
  const manifest = path.join(peersDir, 'package.json');
  if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, `${JSON.stringify({ private: true, description: 'Peers installed by npm run bench' }, null, 2)}\n`);
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', `heroku@${herokuCliVersion}`], { cwd: peersDir, encoding: 'utf8' });
  if (result.status !== 0 || !fs.existsSync(herokuCliBin)) {
    return { available: false, reason: `npm install heroku@${herokuCliVersion} failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}` };
  }
  return { available: true };
}

function cpuCheck(): number {
  return median([cpuCheckMs(), cpuCheckMs(), cpuCheckMs()]);
}

/** --wait-idle[=seconds]: on a shared machine, wait (up to 5 minutes by default) for the load to drop below the cores. */
async function waitForIdle(cores: number): Promise<number> {
  const value = option('wait-idle') ?? (flag('wait-idle') ? '300' : undefined);
  if (value === undefined) return 0;
  const started = Date.now();
  const deadline = started + Number(value) * 1000;
  while (os.loadavg()[0] >= cores && Date.now() < deadline) {
    progress(`waiting for the machine to calm down: load average ${os.loadavg()[0].toFixed(2)} on ${cores} cores`);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
  return Math.round((Date.now() - started) / 1000);
}

async function main(): Promise<void> {
  if (flag('report-only')) {
    // Re-print the tables of the last run.
    const file = path.join(resultsDir, 'latest.json');
    process.stdout.write(`${renderReport(JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults)}\n`);
    return;
  }
  const only = new Set((option('only') ?? 'package,load,listing,memory,exthost').split(',').map((part) => part.trim()));
  const quick = flag('quick');
  const results: BenchResults = {
    machine: machineInfo(repoRoot),
    options: { argv: process.argv.slice(2), quick },
    cli: { version: herokuCliVersion, available: false },
    conditions: { cpuCheckStartMs: NaN, cpuCheckEndMs: NaN, load: undefined, waitedForIdleS: 0 },
    seconds: 0,
  };
  progress(`machine: ${results.machine.cpuModel}, ${results.machine.cores} cores, ${results.machine.ramGiB} GiB, Node ${results.machine.node}`);
  results.conditions.waitedForIdleS = await waitForIdle(results.machine.cores);
  const load = new LoadMonitor();
  results.conditions.cpuCheckStartMs = cpuCheck();
  progress(`CPU check: ${results.conditions.cpuCheckStartMs.toFixed(0)} ms; load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);

  // Always: the other parts use what packaging leaves behind (the staged production build of the extension, and
  // Provider Desk's client bundled with the same esbuild options).
  results.package = await benchPackage(providerDeskBuilds());

  progress('bundling the benchmark programs');
  const bundles = await buildBenchBundles();
  if (bundles.providerDeskFallback) progress('  note: scripts/build.mjs built no src/extension.ts bundle; Provider Desk\'s client was bundled with plain esbuild options');
  results.providerDeskBundle = { fallback: bundles.providerDeskFallback, bytes: fs.statSync(bundles.providerDesk).size };

  if (only.has('load')) results.codeLoad = benchCodeLoad(bundles.loadBundle, quick ? 5 : 15);

  if (only.has('listing') || only.has('memory')) {
    let clients: ClientId[] = ['providerDesk', 'herokuClient', 'fetchLoop', 'bareHttp'];
    if (only.has('listing') && !flag('no-cli')) {
      const cli = ensureHerokuCli();
      results.cli = { version: herokuCliVersion, ...cli };
      if (cli.available) clients = [...clients, 'herokuCli'];
      else progress(`  Heroku CLI left out: ${cli.reason}`);
    } else {
      results.cli = { version: herokuCliVersion, available: false, reason: 'left out (--no-cli)' };
    }
    const fake = await startFakeHeroku({ apps: 1000 });
    try {
      if (only.has('listing')) {
        results.listing = await benchListing(bundles, fake, {
          sizes: [1000, 5000, 20000],
          latencies: [0, 30],
          clients,
          // #17 asks for medians of at least 10; at one page every client is within noise of the machine's floor.
          repeats: quick ? 2 : 10,
          cliRepeats: quick ? 1 : 2,
          warmRepeats: quick ? 2 : 10,
        });
        progress('profiling Provider Desk: listing 20,000 apps at 30 and 0 ms, and a whole 1,000-app process (--cpu-prof)');
        results.listingProfiles = [
          await profileListing(bundles, fake, 20000, 30),
          await profileListing(bundles, fake, 20000, 0),
          await profileListing(bundles, fake, 1000, 0),
        ];
      }
      if (only.has('memory')) {
        results.memory = await benchMemory(bundles, fake, { apps: 20000, latencies: [0, 30], clients: ['providerDesk', 'herokuClient', 'fetchLoop'], repeats: quick ? 1 : 3 });
      }
    } finally {
      await fake.close();
    }
  }

  if (only.has('exthost')) {
    results.exthost = await benchExtensionHost(bundles, {
      warmups: 1,
      coldRuns: Number(option('cold-runs') ?? (quick ? 3 : 10)),
      renderProviders: 100,
      scaleProviders: flag('no-scale') ? 0 : 1000,
      scaleScopes: 10,
      scaleRepeats: quick ? 3 : 10,
      bigStoreRuns: quick ? 1 : 2,
      openRounds: Number(option('open-rounds') ?? (quick ? 3 : 10)),
      ui: !flag('no-ui'),
      profile: !flag('no-profile'),
      keep: flag('keep'),
    });
  }

  results.conditions.cpuCheckEndMs = cpuCheck();
  results.conditions.load = load.stop();
  results.seconds = elapsedSeconds();
  fs.mkdirSync(resultsDir, { recursive: true });
  const jsonFile = path.join(resultsDir, 'latest.json');
  fs.writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${renderReport(results)}\n`);
  progress(`done in ${results.seconds.toFixed(0)} s; results in ${path.relative(repoRoot, jsonFile)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
