// Preloaded into every listing child with NODE_OPTIONS=--require, the Heroku CLI included: on exit, appends the
// process's peak RSS (getrusage maxRSS) and its uptime to BENCH_RUSAGE_FILE, one JSON line per process.
import * as fs from 'node:fs';

const file = process.env.BENCH_RUSAGE_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const line = { pid: process.pid, ppid: process.ppid, maxRssBytes: process.resourceUsage().maxRSS * 1024, uptimeMs: process.uptime() * 1000 };
      fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // measuring must never change how the measured program exits
    }
  });
}
