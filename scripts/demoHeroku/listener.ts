// The HTTP plumbing under both origins: a server on a loopback address that tracks its sockets, and the request log entries.
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RecordedRequest } from './types';

interface Tracked {
  readonly server: http.Server;
  readonly sockets: Set<Socket>;
  readonly url: string;
  readonly port: number;
}

export async function listen(handler: http.RequestListener, port = 0, host = '127.0.0.1'): Promise<Tracked> {
  const server = http.createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return { server, sockets, port: bound, url: `http://${host}:${bound}` };
}

const connectionNumbers = new WeakMap<Socket, number>();
let connections = 0;

/** 1-based number of the TCP connection a request came on, counted across both origins: repeats mean keep-alive. */
function connectionOf(socket: Socket): number {
  let number = connectionNumbers.get(socket);
  if (number === undefined) {
    number = ++connections;
    connectionNumbers.set(socket, number);
  }
  return number;
}

export function record(log: RecordedRequest[], request: http.IncomingMessage): RecordedRequest {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const entry: RecordedRequest = {
    seq: log.length + 1,
    method: request.method ?? 'GET',
    url,
    path: query < 0 ? url : url.slice(0, query),
    headers: { ...request.headers },
    authorization: request.headers.authorization,
    range: typeof request.headers.range === 'string' ? request.headers.range : undefined,
    at: performance.now(),
    connection: connectionOf(request.socket),
    status: undefined,
    outcome: 'pending',
    clientAborted: false,
    fault: undefined,
  };
  log.push(entry);
  return entry;
}
