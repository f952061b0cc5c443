// The simplest correct client: a sequential node-fetch 3 loop with `Range: name ..; max=1000`, reading and parsing
// each page before asking for the next. The reference point for what prefetching the next page buys. node-fetch
// stays external: imported from node_modules, as a script using it would.
import { run } from './common';

type Fetch = typeof import('node-fetch', { with: { 'resolution-mode': 'import' } }).default;

let fetchPromise: Promise<Fetch> | undefined;

run<unknown>({
  list: async ({ url, token }) => {
    fetchPromise ??= import('node-fetch').then((module) => module.default);
    const fetch = await fetchPromise;
    const apps: unknown[] = [];
    let range = 'name ..; max=1000';
    for (;;) {
      const response = await fetch(`${url}/apps`, {
        headers: { Accept: 'application/vnd.heroku+json; version=3', Authorization: `Bearer ${token}`, Range: range },
      });
      if (response.status !== 200 && response.status !== 206) throw new Error(`HTTP ${response.status}`);
      const page = await response.json() as unknown[];
      for (const app of page) apps.push(app);
      const next = response.headers.get('next-range');
      if (response.status !== 206 || !next) return apps;
      range = next;
    }
  },
  render: (apps) => JSON.stringify(apps),
});
