// The recording proxy as a process of its own, forked by proxyProcess.ts. Inside the extension host VS Code routes
// every http.request through `http.proxy`, so a proxy running there would send its own forwarded requests back to
// itself; a separate process connects to the targets directly, as a real proxy does.
import { startRecordingProxy } from '../fixtures/recordingProxy';

export type ProxyChildMessage = { type: 'ready'; url: string } | { type: 'log'; requests: unknown[] };

void (async () => {
  const proxy = await startRecordingProxy({ credentials: process.env.PROVIDER_DESK_PROXY_CREDENTIALS || undefined });
  const send = (message: ProxyChildMessage): void => { process.send?.(message); };
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'log') send({ type: 'log', requests: [...proxy.requests] });
  });
  process.once('disconnect', () => void proxy.close().then(() => process.exit(0)));
  send({ type: 'ready', url: proxy.url });
})();
