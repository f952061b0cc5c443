// heroku-client 3.1.4 as its README shows it: `get('/apps', { partial: false })` follows Next-Range until the last
// page (its first request sends `Range: id ..; max=1000`). Prints the apps as JSON, like `heroku apps --json`.
// heroku-client stays external: it is required from node_modules, as a script using it would.
import { run } from './common';

interface HerokuClientModule {
  new (options: { token: string; host: string }): { get(path: string, options: { partial: boolean }): Promise<unknown> };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Heroku = require('heroku-client') as HerokuClientModule;

run<unknown>({
  list: async ({ url, token }) => {
    const apps = await new Heroku({ token, host: url }).get('/apps', { partial: false });
    if (!Array.isArray(apps)) throw new Error('heroku-client did not return a list');
    return apps as unknown[];
  },
  render: (apps) => JSON.stringify(apps),
});
