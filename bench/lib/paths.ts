// Where the benchmark reads and writes. Generated files (bundles, the packaging stage, code-server runs, a throw-away
// HOME for the Heroku CLI) go under node_modules/.cache/provider-desk-bench: outside what git, tsc and eslint see,
// so nothing the benchmark builds is linted or type-checked twice. Results go to bench/results (git-ignored).
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const benchDir = path.join(repoRoot, 'bench');
export const resultsDir = path.join(benchDir, 'results');
export const profilesDir = path.join(resultsDir, 'profiles');
export const peersDir = path.join(benchDir, '.peers');
export const workDir = process.env.BENCH_WORK_DIR ?? path.join(repoRoot, 'node_modules', '.cache', 'provider-desk-bench');
export const buildDir = path.join(workDir, 'build');
export const stageDir = path.join(workDir, 'stage');
export const runsDir = path.join(workDir, 'runs');
export const herokuCliVersion = process.env.BENCH_HEROKU_CLI_VERSION ?? '11.10.0';
export const herokuCliBin = path.join(peersDir, 'node_modules', 'heroku', 'bin', 'run.js');
