// What the numbers were measured on.
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  loadAverage: number[];
  date: string;
  gitCommit: string | undefined;
  gitDirty: boolean | undefined;
}

export function machineInfo(repoRoot: string): Machine {
  const cpus = os.cpus();
  const git = (args: string[]): string | undefined => {
    const result = spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const status = git(['status', '--porcelain', '--', 'src', 'package.json', 'scripts']);
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    date: new Date().toISOString(),
    gitCommit: git(['rev-parse', '--short', 'HEAD']),
    gitDirty: status === undefined ? undefined : status.length > 0,
  };
}

/**
 * A fixed CPU workload in a fresh process (JSON.parse of a 1 MB document, 20 times): how fast this machine is right
 * now. Other processes on a shared machine can slow everything down many times over; this number shows it.
 */
export function cpuCheckMs(): number {
  const code = `
    const doc = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ id: i, name: 'app-' + i, region: { name: 'us' }, stack: { name: 'heroku-24' }, updated_at: '2025-01-01T00:00:00Z' })));
    JSON.parse(doc);
    const t = performance.now();
    for (let i = 0; i < 20; i++) JSON.parse(doc);
    process.stdout.write(String(performance.now() - t));`;
  const result = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return Number(result.stdout);
}

/** One-minute load average, sampled while the benchmark runs. */
export class LoadMonitor {
  private readonly samples: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.samples.push(os.loadavg()[0]);
    this.timer = setInterval(() => this.samples.push(os.loadavg()[0]), 5000);
    this.timer.unref();
  }

  stop(): { start: number; end: number; max: number; mean: number } {
    clearInterval(this.timer);
    this.samples.push(os.loadavg()[0]);
    const round = (value: number): number => Math.round(value * 100) / 100;
    return {
      start: round(this.samples[0]),
      end: round(this.samples[this.samples.length - 1]),
      max: round(Math.max(...this.samples)),
      mean: round(this.samples.reduce((a, b) => a + b, 0) / this.samples.length),
    };
  }
}

export function describeMachine(machine: Machine): string {
  return `${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.os}`
    + ` — commit ${machine.gitCommit ?? '?'}${machine.gitDirty ? ' + uncommitted changes in src/' : ''}, ${machine.date}`;
}
