import * as http from 'node:http';
(async () => {
  const body = Buffer.alloc(850_000, 'a'); body[0] = 91; body[body.length-1] = 93;
  const t0 = performance.now();
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    log.push(`${(performance.now()-t0).toFixed(1)} arrive ${req.url} port ${req.socket.remotePort}`);
    req.resume();
    setTimeout(() => { res.writeHead(200, { 'content-length': body.length }); res.end(body, () => log.push(`${(performance.now()-t0).toFixed(1)} server finished ${req.url}`)); }, 30);
  });
  server.on('connection', (sock) => { sock.prependListener('data', () => log.push(`${(performance.now()-t0).toFixed(1)} server data port ${sock.remotePort}`)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const fetch = (await import('node-fetch')).default;
  async function page(i: number): Promise<void> {
    log.push(`${(performance.now()-t0).toFixed(1)} fetch ${i}`);
    const res = await fetch(`http://127.0.0.1:${port}/${i}`);
    log.push(`${(performance.now()-t0).toFixed(1)} head ${i}`);
    const next = i < 8 ? page(i + 1) : undefined;
    if (process.env.YIELD === '1') await new Promise((r) => setImmediate(r));
    if (process.env.YIELD === '2') await new Promise((r) => setTimeout(r, 1));
    const chunks: Buffer[] = [];
    for await (const c of res.body as AsyncIterable<Buffer>) chunks.push(c);
    const s = Buffer.concat(chunks).toString();
    const until = performance.now() + 10; while (performance.now() < until) { /* parse */ }
    log.push(`${(performance.now()-t0).toFixed(1)} done ${i} ${s.length}`);
    await next;
  }
  await page(1);
  console.log(log.join('\n'));
  server.close();
})();
