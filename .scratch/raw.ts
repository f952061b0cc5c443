import * as http from 'node:http';
const url = new URL(process.argv[2]);
const agent = new http.Agent({ keepAlive: true });
function get(range: string): Promise<{ head: number; end: number; next: string | undefined }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ host: url.hostname, port: url.port, path: '/apps', agent, headers: { Accept: 'application/vnd.heroku+json; version=3', Authorization: 'Bearer tok-123456', Range: range } }, (res) => {
      const head = performance.now() - t0;
      res.on('data', () => {});
      res.on('end', () => resolve({ head, end: performance.now() - t0, next: res.headers['next-range'] as string | undefined }));
    });
    req.end();
  });
}
(async () => {
  for (let run = 0; run < 3; run++) {
    let range: string | undefined = 'name ..; max=1000';
    const t0 = performance.now();
    const times: string[] = [];
    while (range) { const r = await get(range); times.push(`${r.head.toFixed(1)}/${r.end.toFixed(1)}`); range = r.next; }
    console.log('total', (performance.now() - t0).toFixed(0), times.slice(0, 6).join(' '));
  }
})();
