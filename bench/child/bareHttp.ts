// A reference, not a peer: what a listing costs on this machine without any library — node:http with keep-alive, the
// same Range loop as the node-fetch loop, each body read into one string and JSON.parse'd. Nobody would ship it (no
// timeouts, retries, limits or validation); it shows how much of a listing is the fake server, loopback transfer and
// JSON.parse, i.e. what no client can get under.
import * as http from 'node:http';
import { run } from './common';

const agent = new http.Agent({ keepAlive: true });

interface Page {
  status: number;
  nextRange: string | undefined;
  items: unknown[];
}

function getPage(url: string, token: string, range: string): Promise<Page> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/apps`, {
      agent,
      headers: { Accept: 'application/vnd.heroku+json; version=3', Authorization: `Bearer ${token}`, Range: range },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const next = response.headers['next-range'];
        resolve({
          status: response.statusCode ?? 0,
          nextRange: typeof next === 'string' ? next : undefined,
          items: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[],
        });
      });
    });
    request.on('error', reject);
  });
}

run<unknown>({
  list: async ({ url, token }) => {
    const apps: unknown[] = [];
    let range = 'name ..; max=1000';
    for (;;) {
      const page = await getPage(url, token, range);
      if (page.status !== 200 && page.status !== 206) throw new Error(`HTTP ${page.status}`);
      for (const app of page.items) apps.push(app);
      if (page.status !== 206 || !page.nextRange) return apps;
      range = page.nextRange;
    }
  },
  render: (apps) => JSON.stringify(apps),
});
