import * as http from 'node:http';
(async () => {
  const body = Buffer.alloc(850_000, 'a');
  const t0 = performance.now();
  const log: string[] = [];
  const L = (s: string) => log.push(`${(performance.now()-t0).toFixed(1)} ${s}`);
  const server = http.createServer((req, res) => {
    L(`arrive ${req.url} port ${req.socket.remotePort}`);
    req.resume();
    setTimeout(() => { res.writeHead(200, { 'content-length': body.length }); res.end(body); }, 30);
  });
  server.on('connection', (sock) => { sock.prependListener('data', () => L(`server data port ${sock.remotePort}`)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const agent = new http.Agent({ keepAlive: true });
  function get(i: number): Promise<http.IncomingMessage> {
    L(`fetch ${i}`);
    return new Promise((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/' + i, agent }, resolve);
      req.on('socket', (s) => L(`socket ${i} local ${s.localPort}`));
      req.on('finish', () => L(`finish ${i}`));
      req.end();
    });
  }
  async function page(i: number): Promise<void> {
    const res = await get(i);
    L(`head ${i}`);
    if (process.env.YIELD) res.pause();
    const next = i < 20 ? page(i + 1) : undefined;
    if (process.env.YIELD === '1') await new Promise((r) => setImmediate(r));
    if (process.env.YIELD === '2') await new Promise((r) => setTimeout(r, 0));
    if (process.env.YIELD === '3') { await new Promise((r) => setImmediate(r)); await new Promise((r) => setImmediate(r)); }
    const chunks: Buffer[] = [];
    for await (const c of res as AsyncIterable<Buffer>) chunks.push(c);
    const until = performance.now() + 10; while (performance.now() < until) { /* parse */ }
    L(`done ${i}`);
    await next;
  }
  for (let r = 0; r < 5; r++) { const s0 = performance.now(); await page(1); process.stdout.write(` ${(performance.now() - s0).toFixed(0)}`); }
  console.log('');
  server.close(); agent.destroy();
})();
