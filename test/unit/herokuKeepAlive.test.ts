// Connections are kept alive across clients: Verify Connection, then a ticket, then another ticket each open a new
// client (src/connection), and their requests still share TCP connections, as the fake API sees them.
import * as assert from 'node:assert/strict';
import { createHerokuClient, type HerokuClient } from '../../src/heroku';
import { redactSecrets } from '../../src/model/redact';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';

const token = 'tok_keepalive_4d3c2b1a0f9e8d7c';

describe('Heroku client connections', () => {
  let fake: FakeHeroku;
  const client = (): HerokuClient => createHerokuClient({ baseUrl: fake.url, token, userAgent: 'ProviderDesk/test', redact: redactSecrets });

  before(async () => {
    fake = await startFakeHeroku({ apps: 2500, token });
  });

  after(async () => {
    await fake.close();
  });

  it('reuses the connection of Verify Connection for the next tickets', async () => {
    await client().getAccount();
    await client().listApps();
    await client().listApps();
    const connections = fake.requests.map((request) => request.connection);
    assert.equal(connections.length, 7);
    assert.equal(connections[1], connections[0], 'the first ticket reuses the connection Verify Connection opened');
    // A listing asks for the next page before it reads the current one: at most two requests are open at once.
    assert.ok(new Set(connections).size <= 2, `requests per connection: ${connections.join(', ')}`);
  });
});
