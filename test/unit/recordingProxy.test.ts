// The proxy the integration tests put between the extension and the fake Heroku API behaves like a proxy.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { recordingProxyVia, startRecordingProxy, type RecordingProxy } from '../fixtures/recordingProxy';

function request(options: http.RequestOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(options, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => { body += chunk; }).on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject).end();
  });
}

function connect(proxy: RecordingProxy, target: string, headers: http.OutgoingHttpHeaders = {}): Promise<{ status: number; socket: Socket }> {
  const { hostname, port } = new URL(proxy.url);
  return new Promise((resolve, reject) => {
    http.request({ host: hostname, port, method: 'CONNECT', path: target, headers })
      .on('connect', (response, socket) => resolve({ status: response.statusCode ?? 0, socket }))
      .on('error', reject).end();
  });
}

describe('the recording proxy (test fixture)', () => {
  let heroku: FakeHeroku;
  let proxy: RecordingProxy;
  const auth = (): http.OutgoingHttpHeaders => ({ Authorization: `Bearer ${heroku.token}`, Accept: 'application/vnd.heroku+json; version=3' });

  before(async () => {
    heroku = await startFakeHeroku();
  });
  after(async () => heroku.close());
  afterEach(async () => proxy.close());

  it('forwards an absolute-form GET with a Via header, and records its target and Authorization', async () => {
    proxy = await startRecordingProxy();
    heroku.clearRequests();
    const { hostname, port } = new URL(proxy.url);
    const answer = await request({ host: hostname, port, path: `${heroku.url}/account`, headers: auth() });
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.body).email, heroku.email);
    assert.deepEqual(proxy.requests.map(({ method, target, authorization }) => ({ method, target, authorization })),
      [{ method: 'GET', target: `127.0.0.1:${heroku.port}`, authorization: `Bearer ${heroku.token}` }]);
    assert.equal(heroku.requests.length, 1);
    assert.equal(heroku.requests[0]?.headers.via, recordingProxyVia);
  });

  it('tunnels CONNECT, and sees nothing of what goes through the tunnel', async () => {
    proxy = await startRecordingProxy();
    heroku.clearRequests();
    const { status, socket } = await connect(proxy, `127.0.0.1:${heroku.port}`);
    assert.equal(status, 200);
    const answer = await request({ createConnection: () => socket, path: '/account', headers: auth() });
    assert.equal(answer.status, 200);
    assert.deepEqual(proxy.requests.map(({ method, target, authorization }) => ({ method, target, authorization })),
      [{ method: 'CONNECT', target: `127.0.0.1:${heroku.port}`, authorization: undefined }]);
    assert.equal(heroku.requests[0]?.authorization, `Bearer ${heroku.token}`);
  });

  it('with credentials, answers 407 to requests without them', async () => {
    proxy = await startRecordingProxy({ credentials: 'user:secret' });
    const { hostname, port } = new URL(proxy.url);
    assert.equal((await request({ host: hostname, port, path: `${heroku.url}/account`, headers: auth() })).status, 407);
    assert.equal((await connect(proxy, `127.0.0.1:${heroku.port}`)).status, 407);
    const basic = `Basic ${Buffer.from('user:secret').toString('base64')}`;
    assert.equal((await request({ host: hostname, port, path: `${heroku.url}/account`, headers: { ...auth(), 'Proxy-Authorization': basic } })).status, 200);
    assert.deepEqual(proxy.requests.map(({ method, proxyAuthorized, status }) => ({ method, proxyAuthorized, status })),
      [{ method: 'GET', proxyAuthorized: false, status: 407 }, { method: 'CONNECT', proxyAuthorized: false, status: 407 }, { method: 'GET', proxyAuthorized: true, status: undefined }]);
  });
});
