import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
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

  it('a second ticket for the unchanged account revalidates each page (304, no body); an added app shows in the next', async () => {
    const appRows = (text: string): string[] => text.split('\n').filter((line) => /^app-\d{5} /.test(line));
    const ticket = async (): Promise<TicketResult> => {
      heroku.clearRequests();
      const result = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', scopeId);
      assert.strictEqual(result.outcome, 'succeeded', result.error);
      return result;
    };
    const statuses = (): (number | undefined)[] => heroku.requests.filter((request) => request.path === '/apps').map((request) => request.status);
    const first = await ticket();
    const second = await ticket();
    assert.deepStrictEqual(statuses(), [304, 304]);
    assert.strictEqual(second.appCount, 1500);
    assert.deepStrictEqual(appRows(second.text), appRows(first.text));
    try {
      heroku.setApps(1501);
      const third = await ticket();
      assert.deepStrictEqual(statuses(), [304, 200], 'only the changed second page is downloaded again');
      assert.strictEqual(third.appCount, 1501);
      assert.ok(appRows(third.text).some((line) => line.startsWith('app-01501 ')), 'the new app is in the table');
    } finally {
      heroku.setApps(1500);
    }
  });

  it('a rejected token gives a finished ticket that says where to get a new one, without the token', async () => {
    heroku.setFault({ type: 'status', status: 401 });
    const result = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', scopeId);
    assert.strictEqual(result.outcome, 'failed');
    assert.match(result.error ?? '', /rejected the API token/);
    assert.match(result.error ?? '', /heroku auth:token/);
    assert.ok(!result.text.includes(heroku.token), 'the token appears in the ticket');
  });

  it('api.runTicket takes a cancellation: cancelled mid-listing, it settles as cancelled at once and the request is aborted', async () => {
    const api = await activateApi();
    const before = heroku.requests.length;
    // 1,500 apps: page 1 answers, page 2 (requested as soon as page 1's headers are in) hangs.
    heroku.fault({ type: 'hang', path: '/apps', skip: 1 });
    const source = new vscode.CancellationTokenSource();
    const pending = api.runTicket(scopeId, source.token);
    const [, hanging] = (await heroku.waitForRequests(before + 2)).slice(before);
    assert.strictEqual(hanging!.outcome, 'hung');
    const cancelledAt = performance.now();
    source.cancel();
    const result = await pending;
    const settledMs = performance.now() - cancelledAt;
    assert.strictEqual(result.outcome, 'cancelled', result.error);
    assert.ok(settledMs < 2_000, `settled ${Math.round(settledMs)} ms after the cancel`);
    await heroku.whenIdle();
    assert.strictEqual(hanging!.clientAborted, true, 'the fake did not see the client abort');
    assert.strictEqual(heroku.requests.length, before + 2, 'nothing was sent after the cancel');
    assert.strictEqual(api.testHooks.history.list()[0]!.outcome, 'cancelled');
    console.log(`      runTicket cancelled mid-listing: settled in ${Math.round(settledMs)} ms, request aborted`);

    // A token cancelled before the ticket starts: cancelled, without a request.
    const already = new vscode.CancellationTokenSource();
    already.cancel();
    const early = await api.runTicket(scopeId, already.token);
    assert.strictEqual(early.outcome, 'cancelled');
    assert.strictEqual(heroku.requests.length, before + 2);
    source.dispose();
    already.dispose();
  });

  it('Verify Connection answers with the account email', async () => {
    const email = await vscode.commands.executeCommand<string>('providerDesk.verifyConnection', scopeId);
    assert.strictEqual(email, heroku.email);
  });

  it('List Dynos of an App shows each dyno with state, size, type, command and last update', async () => {
    const app = heroku.apps().find((candidate) => heroku.dynos(candidate.name).some((dyno) => dyno.state === 'crashed'))!;
    const dynos = heroku.dynos(app.name);
    assert.ok(dynos.length >= 2, 'the fake gives this app several dynos');
    const result = await vscode.commands.executeCommand<TicketResult>('providerDesk.listDynos', scopeId, app.name);
    assert.strictEqual(result.outcome, 'succeeded', result.error);
    assert.strictEqual(result.kind, 'dynos');
    assert.strictEqual(result.dynoCount, dynos.length);
    assert.match(result.text, new RegExp(`Dynos of app "${app.name}"`));
    const lines = result.text.split('\n');
    assert.ok(lines.some((line) => /^NAME\s+STATE\s+SIZE\s+TYPE\s+UPDATED \(UTC\)\s+COMMAND$/.test(line)), 'no table header');
    for (const dyno of dynos) {
      const row = lines.find((line) => line.startsWith(`${dyno.name} `));
      assert.ok(row, `${dyno.name} missing`);
      assert.match(row, new RegExp(`^${dyno.name}\\s+${dyno.state}\\s+${dyno.size}\\s+${dyno.type}\\s+${dyno.updatedAt.slice(0, 10)} .*${dyno.command}$`));
    }
    assert.ok(heroku.requests.some((request) => request.path === `/apps/${app.name}/dynos`));
  });

  it('List Dynos of an unknown app is a finished ticket naming the app; the history keeps the app to re-run it with', async () => {
    const missing = await vscode.commands.executeCommand<TicketResult>('providerDesk.listDynos', scopeId, 'no-such-app');
    assert.strictEqual(missing.outcome, 'failed');
    assert.match(missing.error ?? '', /no-such-app/);
    const api = await activateApi();
    const recorded = api.testHooks.history.list()[0]!;
    assert.deepStrictEqual([recorded.number, recorded.kind, recorded.app, recorded.errorKind], [missing.number, 'dynos', 'no-such-app', 'not_found']);
  });

  it('Show Account shows the email, two-factor authentication and last login', async () => {
    const result = await vscode.commands.executeCommand<TicketResult>('providerDesk.showAccount', scopeId);
    assert.strictEqual(result.outcome, 'succeeded', result.error);
    assert.strictEqual(result.kind, 'account');
    assert.match(result.text, new RegExp(`^EMAIL\\s+${heroku.email.replace('.', '\\.')}$`, 'm'));
    assert.match(result.text, /^TWO-FACTOR AUTHENTICATION\s+on$/m);
    assert.match(result.text, /^LAST LOGIN \(UTC\)\s+2025-11-20 08:15 {2}\S/m);
    assert.ok(!result.text.includes(heroku.token));
  });

  it('Set Active Scope with a scope makes it the one tickets preselect; deleting it falls back to the first scope', async () => {
    const api = await activateApi();
    const [provider] = api.listProviders();
    const other = await api.createScope(provider!.id, { name: 'heroku-staging', credentialId: provider!.credentials[0]!.id });
    assert.strictEqual(api.testHooks.activeScope.get()?.id, scopeId, 'without a choice the first scope is active');
    assert.strictEqual(await vscode.commands.executeCommand<string>('providerDesk.selectActiveScope', other), other);
    assert.strictEqual(api.testHooks.activeScope.get()?.id, other);
    await api.deleteScope(other);
    assert.strictEqual(api.testHooks.activeScope.get()?.id, scopeId);
  });
});
