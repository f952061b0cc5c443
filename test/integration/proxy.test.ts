// Behind a proxy, in the real extension host. Provider Desk has no proxy code of its own: VS Code's extension host
// routes node's http and https requests through its proxy settings (`http.proxy`, `http.noProxy`; `http.proxySupport`
// "override" by default). VS Code always sends localhost and 127.0.0.1 direct, so the fake API here listens on
// 127.0.0.2, a loopback address that it does not single out. The proxy runs in a process of its own (proxyChild.ts).
import * as assert from 'node:assert';
import * as net from 'node:net';
import * as vscode from 'vscode';
import type { ProviderDeskApi, TicketResult } from '../../src/api';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { recordingProxyVia, type ProxiedRequest } from '../fixtures/recordingProxy';
import { activateApi, createHerokuScopes, deleteAllProviders } from './api';
import { startProxyProcess, type ProxyProcess } from './proxyProcess';

const httpSettings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('http');
const setHttpSetting = (key: 'proxy' | 'noProxy', value: unknown): Thenable<void> =>
  httpSettings().update(key, value, vscode.ConfigurationTarget.Global);

/** A port on 127.0.0.1 where nothing listens. */
async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('behind a proxy (VS Code http.proxy), in the real extension host, against the fake Heroku API', () => {
  let heroku: FakeHeroku;
  let proxy: ProxyProcess;
  let authenticatingProxy: ProxyProcess;
  let api: ProviderDeskApi;
  let scopeId: string;
  let apiHost: string;

  const newTicket = (scope = scopeId): Thenable<TicketResult> => vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', scope);
  const withCredentials = (url: string, credentials: string): string => url.replace('http://', `http://${credentials}@`);

  /** What the proxy saw since `from`, and checks that holds for every proxy test: it was only asked for the API host. */
  async function seenBy(which: ProxyProcess, from = 0): Promise<ProxiedRequest[]> {
    const seen = (await which.requests()).slice(from);
    assert.deepStrictEqual([...new Set(seen.map((request) => request.target))].filter((target) => target !== apiHost), [],
      'the proxy was asked for another host');
    return seen;
  }

  before(async () => {
    assert.strictEqual(httpSettings().get('proxySupport'), 'override');
    heroku = await startFakeHeroku({ apps: 30, host: '127.0.0.2' });
    apiHost = new URL(heroku.url).host;
    proxy = await startProxyProcess();
    authenticatingProxy = await startProxyProcess({ credentials: 'proxy-user:proxy-secret' });
  });

  after(async () => {
    await Promise.all([proxy.close(), authenticatingProxy.close(), heroku.close()]);
  });

  beforeEach(async () => {
    api = await activateApi();
    await deleteAllProviders(api);
    heroku.reset();
    [scopeId] = await createHerokuScopes(api, heroku.url, heroku.token, ['behind-proxy']) as [string];
  });

  afterEach(async () => {
    await setHttpSetting('proxy', undefined);
    await setHttpSetting('noProxy', undefined);
  });

  it('New Ticket and Verify Connection go through http.proxy; the token goes only towards the API host', async () => {
    const from = (await proxy.requests()).length;
    await setHttpSetting('proxy', proxy.url);

    const ticket = await newTicket();
    assert.strictEqual(ticket.outcome, 'succeeded', ticket.error);
    assert.strictEqual(ticket.appCount, 30);
    assert.strictEqual(await vscode.commands.executeCommand<string>('providerDesk.verifyConnection', scopeId), heroku.email);

    const seen = await seenBy(proxy, from);
    assert.deepStrictEqual(seen.map(({ method, requestTarget }) => `${method} ${requestTarget}`),
      [`GET ${heroku.url}/apps`, `GET ${heroku.url}/account`], 'the proxy did not see the ticket and the verification');
    assert.ok(seen.every((request) => request.authorization === `Bearer ${heroku.token}` && request.status === undefined));
    // Everything that reached the API came through the proxy, and nothing reached another origin.
    assert.deepStrictEqual(heroku.requests.map(({ path, headers }) => `${path} via ${headers.via}`),
      [`/apps via ${recordingProxyVia}`, `/account via ${recordingProxyVia}`]);
    assert.deepStrictEqual(heroku.otherOrigin.requests, []);
  });

  it('an https Account ID is tunnelled with CONNECT: the proxy never sees the token', async () => {
    const from = (await proxy.requests()).length;
    await setHttpSetting('proxy', proxy.url);
    await deleteAllProviders(api);
    const [httpsScope] = await createHerokuScopes(api, `https://${apiHost}`, heroku.token, ['https-behind-proxy']) as [string];

    // The fake speaks plain HTTP, so the TLS handshake through the tunnel fails before any request is sent.
    const ticket = await newTicket(httpsScope);
    assert.strictEqual(ticket.outcome, 'failed');
    assert.match(ticket.error ?? '', new RegExp(`secure \\(TLS\\) connection to ${apiHost.replace(/\./g, '\\.')} failed`));

    const seen = await seenBy(proxy, from);
    assert.ok(seen.length > 0, 'the proxy saw nothing');
    assert.deepStrictEqual(seen.map(({ method, authorization }) => ({ method, authorization })).filter((request) => request.method !== 'CONNECT' || request.authorization !== undefined), []);
    assert.deepStrictEqual(heroku.requests, [], 'a request reached the API');
    assert.ok(!(ticket.error ?? '').includes(heroku.token) && !ticket.text.includes(heroku.token), 'the token appears in the ticket');
  });

  it('http.noProxy sends the API host direct', async () => {
    const from = (await proxy.requests()).length;
    await setHttpSetting('proxy', proxy.url);
    await setHttpSetting('noProxy', ['127.0.0.2']);
    const ticket = await newTicket();
    assert.strictEqual(ticket.outcome, 'succeeded', ticket.error);
    assert.deepStrictEqual(await seenBy(proxy, from), []);
    assert.deepStrictEqual(heroku.requests.map(({ path, headers }) => `${path} via ${headers.via}`), ['/apps via undefined']);
  });

  it('proxy credentials in http.proxy are used; without them the ticket says the proxy wants credentials', async () => {
    const from = (await authenticatingProxy.requests()).length;
    await setHttpSetting('proxy', withCredentials(authenticatingProxy.url, 'proxy-user:proxy-secret'));
    const ticket = await newTicket();
    assert.strictEqual(ticket.outcome, 'succeeded', ticket.error);
    const authorised = await seenBy(authenticatingProxy, from);
    assert.deepStrictEqual(authorised.map(({ method, proxyAuthorized, status }) => ({ method, proxyAuthorized, status })),
      [{ method: 'GET', proxyAuthorized: true, status: undefined }]);

    await setHttpSetting('proxy', authenticatingProxy.url);
    const refused = await newTicket();
    assert.strictEqual(refused.outcome, 'failed');
    assert.match(refused.error ?? '', /A proxy between VS Code and 127\.0\.0\.2:\d+ asks for credentials \(HTTP 407 .*http\.proxy setting/);
    assert.ok(!(refused.error ?? '').includes(heroku.token), 'the token appears in the error');
    assert.deepStrictEqual(heroku.requests.map(({ path }) => path), ['/apps'], 'the refused request reached the API');
  });

  it('a proxy that is not running: the ticket fails with a message that names it, without the token or its password', async () => {
    const deadPort = await unusedPort();
    await setHttpSetting('proxy', `http://proxy-user:proxy-secret@127.0.0.1:${deadPort}`);
    const ticket = await newTicket();
    assert.strictEqual(ticket.outcome, 'failed');
    assert.strictEqual(ticket.error, `Could not connect to the proxy 127.0.0.1:${deadPort} on the way to ${apiHost}. Check that the proxy is running `
      + "and that VS Code's http.proxy setting (or the HTTPS_PROXY and HTTP_PROXY environment variables) names it correctly, then try again.");
    for (const text of [ticket.error, ticket.text]) {
      assert.ok(!text.includes(heroku.token) && !text.includes('proxy-secret'), 'a secret appears in the ticket');
    }
    assert.deepStrictEqual(heroku.requests, [], 'a request went around the proxy');
  });
});
