// A credential is bound to the Account ID it was stored for (issue 14, part 2), in the real extension host. The
// provider's Account ID is then changed to the fake's second origin, a host that accepts any token and records what
// reaches it, and every path that turns a scope into a Heroku client is tried with the modal answered Cancel, then Yes.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ProviderDeskTestHooks, TicketResult } from '../../src/api';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { activateApi, deleteAllProviders, unique } from './api';
import { askParticipant } from './chatRecorder';
import { answerPrompts, firstButton, type Prompts } from './prompts';

describe('A credential is bound to the Account ID it was stored for (real extension host)', function () {
  this.timeout(60_000);
  let heroku: FakeHeroku;
  let hooks: ProviderDeskTestHooks;
  let prompts: Prompts;
  let ids: { providerId: string; credentialId: string; scopeId: string };

  const moveProvider = async (accountId: string): Promise<void> => {
    // What the provider form, another window or a hand edit does: only the Account ID changes.
    const provider = hooks.store.provider(ids.providerId)!;
    await hooks.store.updateProvider(provider.id, { name: provider.name, type: provider.type, accountId });
  };
  const errorKinds = (): (string | undefined)[] =>
    (hooks.globalState.get<{ tickets: { errorKind?: string }[] }>('providerDesk.ticketHistory')?.tickets ?? []).map((ticket) => ticket.errorKind);

  before(async () => {
    heroku = await startFakeHeroku({ apps: 3 });
  });
  after(async () => heroku.close());

  beforeEach(async () => {
    const api = await activateApi();
    hooks = api.testHooks;
    await deleteAllProviders(api);
    heroku.clearRequests();
    const providerId = await api.createProvider({ name: unique('Moved'), type: 'Heroku', accountId: heroku.url });
    const credentialId = await api.createCredential(providerId, { name: 'token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: heroku.token }] });
    const scopeId = await api.createScope(providerId, { name: 'apps', credentialId });
    ids = { providerId, credentialId, scopeId };
    prompts = answerPrompts();
  });

  afterEach(async () => {
    prompts.restore();
    await deleteAllProviders(await activateApi());
  });

  it('is bound at creation: tickets against that Account ID ask nothing', async () => {
    assert.strictEqual(hooks.store.credential(ids.credentialId)!.boundAccountId, heroku.url);
    const result = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', ids.scopeId);
    assert.strictEqual(result.outcome, 'succeeded', result.error);
    assert.deepStrictEqual(prompts.modals, []);
  });

  it('after the Account ID moves to another host, every request path asks in a modal naming both hosts; Cancel sends nothing', async () => {
    const other = heroku.otherOrigin;
    await moveProvider(other.url);
    const api = await activateApi();

    // New Ticket (its notification path), the API, two tickets at once (one question), dynos, account, Verify Connection.
    const ticket = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', ids.scopeId);
    assert.strictEqual(ticket.outcome, 'failed');
    const reason = ticket.error ?? '';
    assert.ok(reason.startsWith('Nothing was sent: credential "token" was stored for'), reason);
    assert.ok(reason.includes(heroku.url) && reason.includes(other.url), `the message does not name both hosts: ${reason}`);
    assert.match(reason, /run this again and confirm; otherwise set it back to/);
    assert.ok(ticket.text.includes(reason), 'the ticket text does not carry the reason');
    assert.strictEqual(prompts.modals.length, 1);
    const [modal] = prompts.modals;
    assert.strictEqual(modal!.message, `Send the token of credential "token" to ${other.url}?`);
    assert.ok(modal!.detail?.includes(`stored for ${heroku.url}`) && modal!.detail.includes(other.url), `the modal does not name both hosts: ${modal!.detail}`);
    assert.deepStrictEqual(modal!.buttons, [`Send to ${other.url}`]);

    const together = await Promise.all([api.runTicket(ids.scopeId), api.runTicket(ids.scopeId)]);
    assert.deepStrictEqual(together.map((result) => result.outcome), ['failed', 'failed']);
    assert.strictEqual((await vscode.commands.executeCommand<TicketResult>('providerDesk.listDynos', ids.scopeId, 'app-00001')).outcome, 'failed');
    assert.strictEqual((await vscode.commands.executeCommand<TicketResult>('providerDesk.showAccount', ids.scopeId)).outcome, 'failed');
    assert.strictEqual(await vscode.commands.executeCommand('providerDesk.verifyConnection', ids.scopeId), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('providerDesk.listDynos', ids.scopeId), undefined, 'the app pick went ahead');
    await assert.rejects(Promise.resolve(vscode.lm.invokeTool('providerDesk_listHerokuApps', { input: { scope: 'apps' }, toolInvocationToken: undefined })), /Nothing was sent/);
    assert.ok(hooks.chatParticipant, 'the chat participant is not registered');
    const answer = await askParticipant(hooks.chatParticipant, 'list my apps in apps');
    assert.match(answer.result.errorDetails?.message ?? '', /Nothing was sent/);

    console.log(`      Account ID moved to another host, every answer Cancel: ${prompts.modals.length} modals, `
      + `${other.requests.length} requests reached the new host, ${heroku.requests.length} the old one`);
    assert.deepStrictEqual(other.requests, [], 'a request reached the new host');
    assert.deepStrictEqual(heroku.requests, [], 'a request reached the old host');
    assert.ok(errorKinds().includes('host_not_confirmed'), 'the ticket history has no host_not_confirmed ticket');
    assert.strictEqual(hooks.store.credential(ids.credentialId)!.boundAccountId, heroku.url, 'Cancel rebound the credential');
  });

  it('Yes rebinds the credential to the new host (persisted: asked once) and sends the request there', async () => {
    const other = heroku.otherOrigin;
    const before = other.requests.length;
    await moveProvider(other.url);
    prompts.answerModal = firstButton;
    const first = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', ids.scopeId);
    assert.strictEqual(first.outcome, 'succeeded', first.error);
    assert.strictEqual(prompts.modals.length, 1);
    assert.strictEqual(hooks.store.credential(ids.credentialId)!.boundAccountId, other.url);
    const stored = hooks.globalState.get<{ credentials: { id: string; boundAccountId: string }[] }>('providerDesk.data')!;
    assert.strictEqual(stored.credentials.find((credential) => credential.id === ids.credentialId)!.boundAccountId, other.url);
    assert.strictEqual((await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', ids.scopeId)).outcome, 'succeeded');
    assert.strictEqual(prompts.modals.length, 1, 'asked again after Yes');
    assert.strictEqual(other.requests.length - before, 2);
    assert.ok(other.requests.every((request) => request.authorization === `Bearer ${heroku.token}`));

    // Moving back to the first host is another change of host: asked again.
    prompts.answerModal = () => undefined;
    await moveProvider(heroku.url);
    assert.strictEqual((await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', ids.scopeId)).outcome, 'failed');
    assert.strictEqual(prompts.modals.length, 2);
    assert.deepStrictEqual(heroku.requests, []);
  });

  it('entering the token again in the credential binds it to the Account ID of now: nothing to ask', async () => {
    const other = heroku.otherOrigin;
    await moveProvider(other.url);
    const credential = hooks.store.credential(ids.credentialId)!;
    await hooks.store.updateCredential(credential.id, { name: credential.name, fields: [{ id: credential.fields[0]!.id, key: 'apitoken', type: 'String', sensitive: true, value: 'HRKU-entered-for-the-new-host' }] });
    const result = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', ids.scopeId);
    assert.strictEqual(result.outcome, 'succeeded', result.error);
    assert.deepStrictEqual(prompts.modals, []);
    assert.strictEqual(other.requests.at(-1)?.authorization, 'Bearer HRKU-entered-for-the-new-host');
  });
});
