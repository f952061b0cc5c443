import { fork } from 'node:child_process';
import * as path from 'node:path';
import type { ProxiedRequest } from '../fixtures/recordingProxy';
import type { ProxyChildMessage } from './proxyChild';

export interface ProxyProcess {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Every request the proxy has received so far. */
  requests(): Promise<ProxiedRequest[]>;
  close(): Promise<void>;
}

/** Starts test/fixtures/recordingProxy.ts in a process of its own (see proxyChild.ts for why). */
export function startProxyProcess(options: { credentials?: string } = {}): Promise<ProxyProcess> {
  const child = fork(path.join(__dirname, 'proxyChild.js'), [], {
    env: { ...process.env, PROVIDER_DESK_PROXY_CREDENTIALS: options.credentials ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T extends ProxyChildMessage['type']>(type: T): Promise<Extract<ProxyChildMessage, { type: T }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: ProxyChildMessage): void => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<ProxyChildMessage, { type: T }>);
      };
      const onExit = (code: number | null): void => reject(new Error(`the proxy process exited (${code}) before its ${type} message`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return next('ready').then(({ url }) => ({
    url,
    // Asked of the proxy itself: its answer comes after every request it received before the question.
    requests: () => {
      const answer = next('log');
      child.send({ type: 'log' });
      return answer.then(({ requests }) => requests as ProxiedRequest[]);
    },
    close: async () => {
      if (child.connected) child.disconnect();
      await exited;
    },
  }));
}
