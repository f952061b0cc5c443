// The ports `npm start` listens on: read from the environment, and a message that says which variable to change
// when one is already taken, since a person reads it rather than a stack trace.
import * as net from 'node:net';

/** VS Code's port when `PORT` is not set. */
export const defaultVsCodePort = 8080;

/** `env[name]` as a TCP port, else `fallback`; anything else stops with a message naming the variable. */
export function portSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a port number from 1 to 65535, not "${raw ?? port}".`);
  }
  return port;
}

export function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

export function portTakenError(port: number, service: string, envVar: string): Error {
  return new Error(`Port ${port} for ${service} is already in use (another \`npm start\`?). Stop what uses it, or choose `
    + `another port: ${envVar}=<port> npm start`);
}

/** Resolves when 127.0.0.1:port can be bound; otherwise rejects with {@link portTakenError}. */
export function ensurePortFree(port: number, service: string, envVar: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error) => reject(isAddressInUse(error) ? portTakenError(port, service, envVar) : error));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
