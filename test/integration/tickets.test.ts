import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { startFakeHeroku, type FakeHeroku } from '../fixtures/fakeHeroku';
import type { TicketResult } from '../../src/api';
import { activateApi, createHerokuScopes, deleteAllProviders } from './api';

describe('New Ticket in the real extension host, against the fake Heroku API', () => {
  let heroku: FakeHeroku;
  let scopeId: string;

  before(async () => {
    heroku = await startFakeHeroku({ apps: 1500 });
  });
  after(async () => heroku.close());

  beforeEach(async () => {
    const api = await activateApi();
    await deleteAllProviders(api);
    heroku.clearFaults();
    [scopeId] = await createHerokuScopes(api, heroku.url, heroku.token, ['heroku-apps']) as [string];
  });

  it('lists every app of the scope with region, stack and last updated', async () => {
    const result = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', scopeId);
    assert.strictEqual(result.outcome, 'succeeded', result.error);
    assert.strictEqual(result.appCount, 1500);
    const lines = result.text.split('\n');
    assert.match(result.text, /Ticket #\d+/);
    assert.match(result.text, /heroku-apps/);
    assert.ok(lines.some((line) => /^NAME\s+REGION\s+STACK\s+LAST UPDATED/.test(line)), 'no table header');
    for (const app of [heroku.apps()[0]!, heroku.apps()[1499]!]) {
      const row = lines.find((line) => line.startsWith(`${app.name} `));
      assert.ok(row, `${app.name} missing`);
      assert.match(row, new RegExp(`\\b${app.region}\\b.*\\b${app.stack}\\b.*${app.updatedAt.slice(0, 10)}`));
    }
    assert.match(result.text, /1,500 apps/);
    const authorized = heroku.requests.filter((request) => request.path === '/apps');
    assert.ok(authorized.every((request) => request.authorization === `Bearer ${heroku.token}`));
  });

  it('a rejected token gives a finished ticket that says where to get a new one, without the token', async () => {
    heroku.setFault({ type: 'status', status: 401 });
    const result = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', scopeId);
    assert.strictEqual(result.outcome, 'failed');
    assert.match(result.error ?? '', /rejected the API token/);
    assert.match(result.error ?? '', /heroku auth:token/);
    assert.ok(!result.text.includes(heroku.token), 'the token appears in the ticket');
  });

  it('Verify Connection answers with the account email', async () => {
    const email = await vscode.commands.executeCommand<string>('providerDesk.verifyConnection', scopeId);
    assert.strictEqual(email, heroku.email);
  });
});
