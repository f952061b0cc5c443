// `npm start`'s demo Heroku API keeps its port from one run to the next: a provider added in one session has the demo
// API's URL as its Account ID, and it must still connect after a restart. A taken port is reported so a person can act.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { demoApiSettings, startDemoApi } from '../../scripts/demoApi';
import { ensurePortFree } from '../../scripts/ports';
import { freePort } from '../../scripts/vscode/codeServer';

async function account(url: string, token: string): Promise<{ id: string; email: string }> {
  const response = await fetch(`${url}/account`, {
    headers: { Accept: 'application/vnd.heroku+json; version=3', Authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200);
  const { id, email } = await response.json() as { id: string; email: string };
  return { id, email };
}

async function occupy(port: number): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

describe('npm start: the demo Heroku API', () => {
  it('comes back on the same port with the same token and account when started again', async () => {
    const settings = demoApiSettings({ DEMO_API_PORT: String(await freePort()), DEMO_APPS: '3' });
    const first = await startDemoApi(settings);
    const firstUrl = first.url;
    const firstAccount = await account(first.url, settings.token);
    await first.close();

    const second = await startDemoApi(settings);
    try {
      assert.equal(second.url, firstUrl, 'the Account ID a provider stored last time');
      assert.equal(second.url, `http://127.0.0.1:${settings.port}`);
      assert.deepEqual(await account(second.url, settings.token), firstAccount);
    } finally {
      await second.close();
    }
  });

  it('listens beside VS Code: DEMO_API_PORT, else PORT + 1, else 8081, with a fixed token', () => {
    assert.equal(demoApiSettings({}).port, 8081);
    assert.equal(demoApiSettings({ PORT: '8190' }).port, 8191);
    assert.equal(demoApiSettings({ PORT: '8190', DEMO_API_PORT: '9000' }).port, 9000);
    assert.equal(demoApiSettings({}).token, demoApiSettings({ PORT: '8190' }).token);
  });

  it('refuses a port setting that is not a port, naming the variable', () => {
    assert.throws(() => demoApiSettings({ DEMO_API_PORT: 'eighty' }), { message: 'DEMO_API_PORT must be a port number from 1 to 65535, not "eighty".' });
    assert.throws(() => demoApiSettings({ PORT: '70000' }), { message: 'PORT must be a port number from 1 to 65535, not "70000".' });
  });

  it('stops with a message naming the taken port and DEMO_API_PORT, then starts once the port is free', async () => {
    const settings = demoApiSettings({ DEMO_API_PORT: String(await freePort()), DEMO_APPS: '0' });
    const blocker = await occupy(settings.port);
    try {
      await assert.rejects(startDemoApi(settings), {
        message: `Port ${settings.port} for the demo Heroku API is already in use (another \`npm start\`?). Stop what uses it, `
          + 'or choose another port: DEMO_API_PORT=<port> npm start',
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    const demo = await startDemoApi(settings);
    await demo.close();
  });

  it('checks VS Code\'s port before code-server starts, naming PORT when it is taken', async () => {
    const port = await freePort();
    await ensurePortFree(port, 'VS Code (code-server)', 'PORT');
    const blocker = await occupy(port);
    try {
      await assert.rejects(ensurePortFree(port, 'VS Code (code-server)', 'PORT'), {
        message: `Port ${port} for VS Code (code-server) is already in use (another \`npm start\`?). Stop what uses it, `
          + 'or choose another port: PORT=<port> npm start',
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
