// Security and reliability in the real extension host (code-server + Chromium), against fake Heroku APIs:
//  1. every feature runs with canary secrets (create, edit through the webview form, verify, tickets that succeed
//     and fail, errors of every kind, history, Import Token from Heroku CLI, the language model tool, the chat agent
//     with a scripted language model, delete), and every confirmation that guards a token is declined once:
//     Sensitive off for the stored token, the Account ID edited to another host before a ticket, an import into a
//     provider that is not Heroku's API;
//  2. every fault the fake can inject gives a finished ticket with an actionable error in bounded time, and the
//     token reaches no host other than the Account ID's;
//  3. disposing the ticket runner (what deactivation does) while a ticket hangs aborts the request, and the ticket
//     settles as cancelled, with no unhandled rejection;
//  4. then every sink is searched for the canaries: output channel log files and everything else under the logs
//     folder, the user data folder (settings.json, globalState's database, the extension's storage folders),
//     globalState (all keys), settings, every webview's HTML and posted messages, notifications, ticket results,
//     errors (describeError), the tree, the public API, every message sent to the language model (tool results
//     included). Zero hits. (The sink search runs last and relies on the
//     tests before it having run: they are what filled the sinks.)
//  5. globalState written by tickets and the store at the same time loses nothing (microsoft/vscode#137132).
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProviderDeskApi, ProviderDeskTestHooks, TicketResult } from '../../src/api';
import { describeError } from '../../src/common/errors';
import { secretKey } from '../../src/store/keys';
import type { TreeNode } from '../../src/tree/treeNode';
import { describeForSearch, describeHits, findCanaries, makeCanary, scanTree, type Canary, type CanaryHit } from '../fixtures/canary';
import { everyToolCall, resultText } from './toolCalls';
import { startFakeHeroku, type FakeHeroku, type FaultRule } from '../../scripts/demoHeroku';
import { activateApi, deleteAllProviders, unique } from './api';
import { askParticipant } from './chatRecorder';
import { modelRequests, scriptedModel, setScript, toolResultsOf, type RecordedRequest } from './scriptedModel';
import { captureWindow, findFiles, waitForFileContaining, type Capture } from './securityCapture';

type Api = ProviderDeskApi & { testHooks: ProviderDeskTestHooks };

const canary = {
  token: makeCanary('token'),
  password: makeCanary('password'),
  replaced: makeCanary('replaced'),
  formToken: makeCanary('formtoken'),
  typo: makeCanary('typo'),
  spaced: makeCanary('spaced'),
};
const canaries: Canary[] = Object.values(canary);

interface FaultCase {
  name: string;
  rule?: FaultRule;
  setup?: (fake: FakeHeroku) => void;
  kind: string;
  message: RegExp;
  /** Run through the New Ticket command (notification path) instead of the API. */
  viaCommand?: boolean;
}

/** Every fault the fake can inject. A hang is covered by the cancellation test (its timeout is 30 s). */
const faultCases: FaultCase[] = [
  { name: '401 (echoes Authorization)', rule: { type: 'status', status: 401, echoAuthorization: true }, kind: 'unauthorized', message: /rejected the API token.*heroku auth:token/s, viaCommand: true },
  { name: '403 (echoes Authorization)', rule: { type: 'status', status: 403, echoAuthorization: true }, kind: 'forbidden', message: /refused access \(403 Forbidden\)/ },
  { name: '404', rule: { type: 'status', status: 404 }, kind: 'not_found', message: /404 Not Found.*Account ID/s },
  { name: '406', rule: { type: 'status', status: 406 }, kind: 'client_error', message: /406 Not Acceptable/ },
  { name: '416', rule: { type: 'status', status: 416 }, kind: 'client_error', message: /416 Range Not Satisfiable/ },
  { name: '422 (echoes Authorization)', rule: { type: 'status', status: 422, echoAuthorization: true }, kind: 'client_error', message: /rejected the request with HTTP 422/ },
  { name: '429 storm (no Retry-After)', rule: { type: 'rateLimit' }, kind: 'rate_limited', message: /rate limit.*wait a few minutes/s },
  { name: '429 with Retry-After: 3600', rule: { type: 'rateLimit', retryAfter: 3600 }, kind: 'rate_limited', message: /wait 3600 seconds/ },
  { name: 'rate-limit budget used up', setup: (fake) => fake.setRateLimit(0), kind: 'rate_limited', message: /rate limit/ },
  { name: '500 (echoes Authorization)', rule: { type: 'status', status: 500, echoAuthorization: true }, kind: 'server', message: /HTTP 500.*status\.heroku\.com/s, viaCommand: true },
  { name: '503', rule: { type: 'status', status: 503 }, kind: 'server', message: /HTTP 503/ },
  { name: 'HTML 503 page', rule: { type: 'html' }, kind: 'server', message: /HTML error page/ },
  { name: 'HTML with 200', rule: { type: 'html', status: 200 }, kind: 'bad_response', message: /not valid JSON \(it is an HTML page\)/ },
  { name: 'truncated JSON', rule: { type: 'truncated' }, kind: 'bad_response', message: /cut off or malformed/ },
  { name: 'truncated (socket closed mid-body)', rule: { type: 'truncated', mode: 'socket' }, kind: 'network', message: /Could not talk to/ },
  { name: 'wrong JSON shape', rule: { type: 'wrongShape' }, kind: 'bad_response', message: /not with the data Provider Desk expects/ },
  { name: '10 MB body', rule: { type: 'huge' }, kind: 'bad_response', message: /larger than 8 MB/ },
  { name: 'connection reset', rule: { type: 'reset' }, kind: 'network', message: /Could not talk to/, viaCommand: true },
  { name: 'redirect to another origin (302)', rule: { type: 'redirect' }, kind: 'redirect', message: /did not follow it, so the API token was not sent there/ },
  { name: 'redirect to another origin (307)', rule: { type: 'redirect', status: 307 }, kind: 'redirect', message: /API token was not sent there/ },
  { name: 'redirect loop (same origin)', rule: { type: 'redirect', to: 'same-origin' }, kind: 'redirect', message: /redirected the request too many times/ },
];

describe('Security in the real extension host: canary secrets, faults, cancellation, every sink', function () {
  this.timeout(120_000);
  let api: Api;
  let hooks: ProviderDeskTestHooks;
  let capture: Capture;
  const fakes: FakeHeroku[] = [];
  /** Everything the extension handed back: ticket results, command results, errors and describeError of them. */
  const returned: { what: string; value: unknown }[] = [];
  /** Every request the scripted model received from @providerdesk's agent. */
  const modelMessages: RecordedRequest[] = [];
  const timings: { name: string; ms: number; kind: string | undefined; outcome: string }[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => { unhandled.push(reason); };

  const fake = async (): Promise<FakeHeroku> => {
    const started = await startFakeHeroku({ token: canary.token.value, apps: 3 });
    fakes.push(started);
    return started;
  };

  const seed = async (accountId: string, fields: { key: string; type: 'String'; sensitive: boolean; value: string }[], name = unique('Canary')) => {
    const providerId = await api.createProvider({ name, type: 'Heroku', accountId });
    const credentialId = await api.createCredential(providerId, { name: 'token', fields });
    const scopeId = await api.createScope(providerId, { name: 'apps', credentialId });
    return { providerId, credentialId, scopeId };
  };
  const tokenField = (value = canary.token.value) => ({ key: 'apitoken', type: 'String' as const, sensitive: true, value });

  const expectError = async (what: string, promise: PromiseLike<unknown>): Promise<string> => {
    try {
      await promise;
    } catch (error) {
      const text = describeError(error);
      returned.push({ what, value: { error, described: text } });
      return text;
    }
    assert.fail(`${what}: expected an error`);
  };

  before(async () => {
    api = await activateApi();
    hooks = api.testHooks;
    await deleteAllProviders(api);
    capture = captureWindow();
    process.on('unhandledRejection', onUnhandled);
  });

  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    capture?.restore();
    await Promise.all(fakes.map((item) => item.close()));
    if (api) await deleteAllProviders(api);
  });

  it('runs every feature with canary secrets: create, form edit, verify, tickets, errors, history, import, agent tool, chat agent, delete', async () => {
    const heroku = await fake();
    const providerId = await vscode.commands.executeCommand<string>('providerDesk.addProvider', { name: 'Canary Heroku', type: 'Heroku', accountId: heroku.url });
    assert.ok(providerId, 'addProvider returned no id');
    const credentialId = await api.createCredential(providerId, { name: 'canary-token', fields: [
      tokenField(),
      { key: 'password', type: 'String', sensitive: true, value: canary.password.value },
      { key: 'team', type: 'String', sensitive: false, value: 'core' },
    ] });
    const scopeId = await api.createScope(providerId, { name: 'canary-apps', credentialId });

    // Verify Connection and New Ticket, succeeding.
    const email = await vscode.commands.executeCommand<string>('providerDesk.verifyConnection', scopeId);
    assert.strictEqual(email, heroku.email);
    const first = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', scopeId);
    returned.push({ what: 'newTicket', value: first });
    assert.strictEqual(first.outcome, 'succeeded', first.error);

    // Edit the credential through its webview form: live check, an invalid submit and hostile messages carrying
    // canaries, then a valid edit that replaces the password and keeps the token.
    let opened = capture.nextPanel();
    await vscode.commands.executeCommand('providerDesk.editCredential', credentialId);
    const editPanel = await opened;
    editPanel.receive({ type: 'ready' });
    const init = await editPanel.waitForPosted((message) => message.type === 'init') as { values: { fields: { id: string; key: string; sensitive: boolean; hasStoredValue?: boolean }[] } };
    const ids = Object.fromEntries(init.values.fields.map((field) => [field.key, field.id]));
    assert.deepStrictEqual(init.values.fields.map((field) => [field.key, field.sensitive, field.hasStoredValue === true]),
      [['apitoken', true, true], ['password', true, true], ['team', false, false]]);
    const kept = [
      { id: ids.apitoken, key: 'apitoken', type: 'String', sensitive: true },
      { id: ids.password, key: 'password', type: 'String', sensitive: true },
      { id: ids.team, key: 'team', type: 'String', sensitive: false, value: 'core' },
    ];
    editPanel.receive({ type: 'validate', seq: 987_654, values: { kind: 'credential', name: 'canary-token', fields: kept } });
    await editPanel.waitForPosted((message) => message.type === 'errors' && message.seq === 987_654);
    editPanel.receive({ type: 'submit', values: { kind: 'credential', name: 'canary-token', fields: [...kept, { key: 'bad key!', type: 'String', sensitive: true, value: canary.typo.value }] } });
    const invalid = await editPanel.waitForPosted((message) => message.type === 'errors' && message.source === 'submit') as { errors: { field: string }[] };
    assert.deepStrictEqual(invalid.errors.map((error) => error.field), ['fields.3.key']);
    editPanel.receive({ type: canary.typo.value, values: canary.typo.value });
    editPanel.receive({ type: 'submit', values: { kind: 'credential', name: 'x', fields: [], [canary.typo.value]: canary.typo.value } });
    editPanel.receive(JSON.parse(`{"type":"submit","__proto__":{"leak":"${canary.typo.value}"},"values":{"kind":"credential","name":"x","fields":[]}}`));
    editPanel.receive({ type: 'submit', values: { kind: 'credential', name: 'canary-token-edited', fields: [
      kept[0], { ...kept[1], value: canary.replaced.value }, { ...kept[2], value: 'platform' },
    ] } });
    await editPanel.waitForPosted((message) => message.type === 'saved');
    await editPanel.disposed;
    assert.strictEqual(await hooks.secrets.get(secretKey(credentialId, ids.password!)), canary.replaced.value, 'the password was not replaced');
    assert.strictEqual(await hooks.secrets.get(secretKey(credentialId, ids.apitoken!)), canary.token.value, 'the token was not kept');

    // Declined confirmations (Cancel / Escape), each with the canary token at stake.
    capture.answerModal = () => undefined;
    // Sensitive off for the stored token: the modal is declined, nothing is written, the form stays open and says why.
    opened = capture.nextPanel();
    await vscode.commands.executeCommand('providerDesk.editCredential', credentialId);
    const plainPanel = await opened;
    plainPanel.receive({ type: 'ready' });
    await plainPanel.waitForPosted((message) => message.type === 'init');
    const dataBefore = JSON.stringify(hooks.globalState.get('providerDesk.data'));
    plainPanel.receive({ type: 'submit', values: { kind: 'credential', name: 'canary-token-edited', fields: [{ ...kept[0], sensitive: false }, kept[1], { ...kept[2], value: 'platform' }] } });
    const notSaved = await plainPanel.waitForPosted((message) => message.type === 'errors' && message.source === 'submit' && typeof message.message === 'string') as { message: string };
    assert.match(notSaved.message, /Not saved: apitoken would be stored unencrypted/);
    assert.match(capture.notifications.at(-1)?.message ?? '', /Store apitoken of credential "canary-token-edited" unencrypted\?/);
    assert.strictEqual(JSON.stringify(hooks.globalState.get('providerDesk.data')), dataBefore, 'declining Sensitive off wrote metadata');
    assert.strictEqual(await hooks.secrets.get(secretKey(credentialId, ids.apitoken!)), canary.token.value);
    plainPanel.receive({ type: 'cancel' });
    await plainPanel.disposed;
    // The Account ID edited to another host (through the provider form); the next ticket's modal is declined.
    const editProvider = async (accountId: string): Promise<void> => {
      const panelOpened = capture.nextPanel();
      await vscode.commands.executeCommand('providerDesk.editProvider', providerId);
      const panel = await panelOpened;
      panel.receive({ type: 'ready' });
      await panel.waitForPosted((message) => message.type === 'init');
      panel.receive({ type: 'submit', values: { kind: 'provider', name: 'Canary Heroku', type: 'Heroku', accountId } });
      await panel.waitForPosted((message) => message.type === 'saved');
      await panel.disposed;
    };
    await editProvider(heroku.otherOrigin.url);
    const declined = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', scopeId);
    returned.push({ what: 'newTicket, new host declined', value: declined });
    assert.match(declined.error ?? '', /^Nothing was sent: credential "canary-token-edited" was stored for/);
    assert.strictEqual(await vscode.commands.executeCommand('providerDesk.verifyConnection', scopeId), undefined);
    assert.deepStrictEqual(heroku.otherOrigin.requests, [], 'a request reached the host the Account ID was edited to');
    await editProvider(heroku.url);
    capture.answerModal = (_message, buttons) => buttons[0];

    // Add a credential through its form; open the scope and provider forms and cancel them.
    opened = capture.nextPanel();
    await vscode.commands.executeCommand('providerDesk.addCredential', providerId);
    const addPanel = await opened;
    addPanel.receive({ type: 'ready' });
    await addPanel.waitForPosted((message) => message.type === 'init');
    addPanel.receive({ type: 'submit', values: { kind: 'credential', name: 'form-token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: canary.formToken.value }] } });
    await addPanel.waitForPosted((message) => message.type === 'saved');
    for (const [command, target] of [['providerDesk.editScope', scopeId], ['providerDesk.editProvider', providerId], ['providerDesk.addScope', providerId]] as const) {
      opened = capture.nextPanel();
      await vscode.commands.executeCommand(command, target);
      const panel = await opened;
      panel.receive({ type: 'ready' });
      await panel.waitForPosted((message) => message.type === 'init');
      panel.receive({ type: 'cancel' });
      await panel.disposed;
    }

    // Failures of every kind, through commands (logged and shown) and through the API (thrown).
    heroku.setFault({ type: 'status', status: 401, echoAuthorization: true, times: 1 });
    assert.strictEqual(await vscode.commands.executeCommand('providerDesk.verifyConnection', scopeId), undefined);
    assert.match(capture.notifications.at(-1)?.message ?? '', /rejected the API token/);
    heroku.setFault({ type: 'status', status: 500, echoAuthorization: true });
    const serverFailure = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', scopeId);
    returned.push({ what: 'newTicket 500', value: serverFailure });
    assert.strictEqual(serverFailure.outcome, 'failed');
    heroku.clearFaults();
    assert.strictEqual(await vscode.commands.executeCommand('providerDesk.newTicket', '00000000-0000-4000-8000-000000000000'), undefined);
    assert.match(capture.notifications.at(-1)?.message ?? '', /no longer exists/);
    for (const accountId of [`https://${canary.token.value}@api.heroku.com`, `https://user:${canary.token.value}@api.heroku.com`,
      `https://api.heroku.com/?token=${canary.token.value}`, `http://api.heroku.com/${canary.token.value}`, `${canary.token.value} api.heroku.com`]) {
      assert.strictEqual(await vscode.commands.executeCommand('providerDesk.addProvider', { name: unique('Bad'), type: 'Other', accountId }), undefined);
      assert.match(capture.notifications.at(-1)?.message ?? '', /Account ID|http/);
    }
    await expectError('createCredential with a taken name', api.createCredential(providerId, { name: 'form-token', fields: [tokenField(canary.formToken.value)] }));
    await expectError('deleteCredential in use', api.deleteCredential(credentialId));
    await expectError('createProvider with credentials in the Account ID', api.createProvider({ name: unique('Bad'), type: 'Other', accountId: `https://${canary.password.value}@api.heroku.com` }));

    // A sensitive field whose secret is gone (keyring reset): the ticket fails and says what to do.
    await hooks.secrets.delete(secretKey(credentialId, ids.apitoken!));
    const missing = await api.runTicket(scopeId);
    returned.push({ what: 'ticket, missing secret', value: missing });
    assert.match(missing.error ?? '', /no stored value for "apitoken"/);
    await hooks.secrets.store(secretKey(credentialId, ids.apitoken!), canary.token.value);
    // A token with a space in it, and a credential without a token.
    const spaced = await seed(heroku.url, [tokenField(`${canary.spaced.value} ${canary.spaced.value}`)]);
    const spacedTicket = await api.runTicket(spaced.scopeId);
    returned.push({ what: 'ticket, token with a space', value: spacedTicket });
    assert.match(spacedTicket.error ?? '', /contains spaces/);
    const tokenless = await seed(heroku.url, [{ key: 'password', type: 'String', sensitive: true, value: canary.password.value }]);
    const tokenlessTicket = await api.runTicket(tokenless.scopeId);
    returned.push({ what: 'ticket, no token field', value: tokenlessTicket });
    assert.match(tokenlessTicket.error ?? '', /has no "apitoken" field/);

    // History: run the newest ticket again (the quick pick is answered with its first item).
    const again = await vscode.commands.executeCommand<TicketResult>('providerDesk.ticketHistory');
    returned.push({ what: 'ticketHistory', value: again });
    assert.ok(again, 'ticket history ran nothing');

    // Import Token from Heroku CLI: refused for a host that is not Heroku's; already stored (nothing sent); from
    // HEROKU_API_KEY into a provider without it (its host confirmed, accepted); from ~/.netrc (rejected, echoing it).
    const saved = { HOME: process.env.HOME, HEROKU_API_KEY: process.env.HEROKU_API_KEY };
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-desk-security-'));
    try {
      process.env.HEROKU_API_KEY = canary.token.value;
      capture.answerModal = () => undefined;
      const foreign = await vscode.commands.executeCommand<string>('providerDesk.addProvider', { name: unique('Not Heroku'), accountId: heroku.otherOrigin.url });
      assert.strictEqual(await vscode.commands.executeCommand('providerDesk.importHerokuToken', foreign), undefined);
      assert.match(capture.notifications.at(-1)?.message ?? '', /^Send your Heroku CLI token to http:\/\/127\.0\.0\.1:\d+\?$/);
      capture.answerModal = (_message, buttons) => buttons[0];
      const accountChecks = heroku.requests.length;
      assert.strictEqual(await vscode.commands.executeCommand('providerDesk.importHerokuToken', providerId), undefined);
      assert.match(capture.notifications.at(-1)?.message ?? '', /already stored as credential "canary-token-edited"/);
      assert.strictEqual(heroku.requests.length, accountChecks, 'a token that is already stored was sent again');
      const importInto = await api.createProvider({ name: unique('Import'), type: 'Heroku', accountId: heroku.url });
      const imported = await vscode.commands.executeCommand<string>('providerDesk.importHerokuToken', importInto);
      returned.push({ what: 'importHerokuToken', value: imported });
      assert.ok(imported, 'the token from HEROKU_API_KEY was not imported');
      assert.deepStrictEqual(heroku.otherOrigin.requests, [], 'the refused import reached the other host');
      delete process.env.HEROKU_API_KEY;
      process.env.HOME = home;
      fs.writeFileSync(path.join(home, '.netrc'), `machine api.heroku.com\n  login cli@example.com\n  password ${canary.typo.value}\n`);
      heroku.setFault({ type: 'status', status: 401, echoAuthorization: true, times: 1 });
      assert.strictEqual(await vscode.commands.executeCommand('providerDesk.importHerokuToken', providerId), undefined);
      assert.match(capture.notifications.at(-1)?.message ?? '', /was not saved: Heroku rejected the API token/);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key]; else process.env[key] = value;
      }
      fs.rmSync(home, { recursive: true, force: true });
    }

    // Every language model tool: its result, and (for those that call Heroku) a failure echoing the token.
    for (const { name, input, heroku: callsHeroku } of everyToolCall('canary-apps', 'app-00002')) {
      const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
      assert.ok(resultText(result).length > 20, `${name} answered nothing`);
      returned.push({ what: `language model tool ${name}`, value: result });
      if (!callsHeroku) continue;
      heroku.setFault({ type: 'status', status: 403, echoAuthorization: true, times: 1 });
      await expectError(`language model tool ${name}, 403`, Promise.resolve(vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined })));
    }

    // @providerdesk: everything the chat view would render, for a listing and for a failure echoing the token.
    for (const echo403 of [false, true]) {
      if (echo403) heroku.setFault({ type: 'status', status: 403, echoAuthorization: true, times: 1 });
      const rendered = await askParticipant(hooks.chatParticipant, 'list my apps in canary-apps');
      assert.ok(rendered.markdown.length + rendered.buttons.length + rendered.progress.length > 0, 'the chat participant rendered nothing');
      returned.push({ what: echo403 ? 'chat participant, 403' : 'chat participant', value: rendered });
    }

    // @providerdesk's agent with the scripted model: a listing; a failure echoing the token, a tool that does not
    // exist and input it does not take. Every message the model received (prompts, tool calls, tool results) is a sink.
    const model = await scriptedModel();
    for (const echo403 of [false, true]) {
      await setScript([
        { toolCalls: echo403
          ? [{ name: 'providerDesk_listHerokuApps', input: { scope: 'canary-apps' } }, { name: 'providerDesk_token', input: {} }, { name: 'providerDesk_listHerokuApps', input: { token: 'x' } }]
          : [{ name: 'providerDesk_listHerokuApps', input: {} }] },
        { text: ['The answer.'] },
      ]);
      if (echo403) heroku.setFault({ type: 'status', status: 403, echoAuthorization: true, times: 1 });
      const answered = await askParticipant(hooks.chatParticipant, 'which apps does canary-apps have?', undefined, undefined, model);
      returned.push({ what: echo403 ? 'agent, 403' : 'agent', value: answered });
      const requests = await modelRequests();
      assert.strictEqual(requests.length, 2, `the agent asked the model ${requests.length} times`);
      const results = toolResultsOf(requests[1]!);
      assert.match(results[0]!, echo403 ? /^Error: .*refused access \(403 Forbidden\)/ : /"scope":"canary-apps"/);
      modelMessages.push(...requests);
    }

    // Delete through the commands (their modal confirmation is answered with its button).
    await vscode.commands.executeCommand('providerDesk.deleteScope', tokenless.scopeId);
    await vscode.commands.executeCommand('providerDesk.deleteProvider', tokenless.providerId);
    assert.ok(!api.listProviders().some((provider) => provider.id === tokenless.providerId), 'the provider was not deleted');
    assert.deepStrictEqual(await hooks.store.auditSecrets(), { orphaned: [], missing: [] });
  });

  it('every fault of the fake API gives a finished ticket with an actionable error in bounded time; the token reaches no other host', async () => {
    const prepared = [];
    for (const item of faultCases) {
      const heroku = await fake();
      if (item.rule) heroku.setFault(item.rule);
      item.setup?.(heroku);
      prepared.push({ item, heroku, ...await seed(heroku.url, [tokenField()], unique(item.name.replace(/[^A-Za-z0-9 ]/g, ''))) });
    }
    const started = performance.now();
    const results = await Promise.all(prepared.map(async ({ item, scopeId }) => {
      const start = performance.now();
      const result = item.viaCommand
        ? await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', scopeId)
        : await api.runTicket(scopeId);
      return { result, ms: Math.round(performance.now() - start) };
    }));
    const wall = Math.round(performance.now() - started);
    const history = new Map((hooks.globalState.get<{ tickets: { number: number; errorKind?: string }[] }>('providerDesk.ticketHistory')?.tickets ?? [])
      .map((ticket) => [ticket.number, ticket.errorKind]));

    const problems: string[] = [];
    prepared.forEach(({ item, heroku }, index) => {
      const { result, ms } = results[index]!;
      returned.push({ what: `fault ${item.name}`, value: result });
      const kind = history.get(result.number);
      timings.push({ name: item.name, ms, kind, outcome: result.outcome });
      if (result.outcome !== 'failed') problems.push(`${item.name}: outcome ${result.outcome}`);
      if (kind !== item.kind) problems.push(`${item.name}: error kind ${kind}, expected ${item.kind}`);
      if (!item.message.test(result.error ?? '')) problems.push(`${item.name}: error "${result.error}" does not match ${item.message}`);
      if (!result.text.includes(result.error ?? '\u0000')) problems.push(`${item.name}: the ticket text does not carry the error`);
      // Bounded: the client's retry budget is 30 s, its per-attempt timeout 30 s; nothing here may come near.
      if (ms > 15_000) problems.push(`${item.name}: took ${ms} ms`);
      const leaks = findCanaries(describeForSearch(heroku.otherOrigin.requests), canaries, `${item.name}: other origin`);
      if (leaks.length > 0 || heroku.otherOrigin.requests.length > 0) problems.push(`${item.name}: ${heroku.otherOrigin.requests.length} request(s) reached the other origin${leaks.length ? ' with the token' : ''}`);
      if (heroku.requests.length === 0) problems.push(`${item.name}: the fake saw no request`);
      if (heroku.requests.some((request) => request.authorization !== `Bearer ${canary.token.value}`)) problems.push(`${item.name}: a request without the token`);
    });
    console.log(`      faults in the host (concurrently, ${wall} ms wall):\n${timings.map((t) => `        ${t.name.padEnd(40)} ${String(t.ms).padStart(6)} ms  ${t.outcome} (${t.kind})`).join('\n')}`);
    assert.deepStrictEqual(problems, []);
    for (const item of faultCases.filter((fault) => fault.viaCommand)) {
      assert.ok(capture.notifications.some((note) => note.level === 'error' && /^Ticket #\d+ failed: /.test(note.message) && item.message.test(note.message)),
        `no "Ticket failed" notification for ${item.name}`);
    }
  });

  it('disposing the ticket runner (deactivation) during a hung request aborts it; the ticket settles as cancelled', async () => {
    const heroku = await fake();
    heroku.setFault({ type: 'hang' });
    const { scopeId } = await seed(heroku.url, [tokenField()]);
    const before = unhandled.length;
    const ticket = api.runTicket(scopeId);
    const [request] = await heroku.waitForRequests(1, (item) => item.path === '/apps');
    const disposedAt = performance.now();
    hooks.runner.dispose();
    const result = await ticket;
    const settledMs = Math.round(performance.now() - disposedAt);
    returned.push({ what: 'cancelled ticket', value: result });
    await heroku.whenIdle();
    await new Promise((resolve) => setImmediate(resolve));
    console.log(`      deactivation during a hung request: ticket settled as ${result.outcome} ${settledMs} ms after dispose; `
      + `client aborted: ${request!.clientAborted}; unhandled rejections: ${unhandled.length - before}`);
    assert.strictEqual(result.outcome, 'cancelled');
    assert.strictEqual(request!.outcome, 'hung');
    assert.strictEqual(request!.clientAborted, true, 'the fake did not see the client abort');
    assert.strictEqual(unhandled.length - before, 0, `unhandled rejections: ${unhandled.map(String).join('; ')}`);
    // The runner still works after its running tickets were aborted.
    heroku.clearFaults();
    assert.strictEqual((await api.runTicket(scopeId)).outcome, 'succeeded');
  });

  it('finds no canary in any sink (and finds it where it belongs: SecretStorage and the API host\'s requests)', async () => {
    // A last ticket whose lines mark the end of everything logged: once both files hold them, all before is flushed.
    const heroku = await fake();
    const { scopeId } = await seed(heroku.url, [tokenField()]);
    const last = await api.runTicket(scopeId);
    assert.strictEqual(last.outcome, 'succeeded');
    const exthostLogs = path.dirname(hooks.logUri.fsPath);
    const sessionLogs = path.dirname(exthostLogs);
    const logChannelFile = path.join(hooks.logUri.fsPath, 'Provider Desk Log.log');
    const logText = await waitForFileContaining(logChannelFile, `ticket #${last.number} (apps) succeeded`);
    const outputFiles = findFiles(exthostLogs, /^\d+-Provider Desk\.log$/);
    assert.strictEqual(outputFiles.length, 1, `output channel files: ${outputFiles.join(', ')}`);
    const outputText = await waitForFileContaining(outputFiles[0]!, last.text.split('\n')[0]!);
    assert.match(logText, /ticket #\d+ failed/, 'the log file holds no failed ticket: the sink is not the one written to');
    assert.match(outputText, /Cancelled\./, 'the output channel file holds no cancelled ticket');

    const userData = path.resolve(hooks.globalStorageUri.fsPath, '..', '..', '..');
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const sinks: { name: string; size: number; hits: CanaryHit[] }[] = [];
    const searchValue = (name: string, value: unknown): void => {
      const text = describeForSearch(value);
      sinks.push({ name, size: text.length, hits: findCanaries(text, canaries, name) });
    };
    const searchFiles = (name: string, root: string | undefined, skip?: (file: string) => boolean): void => {
      if (!root) return;
      const scan = scanTree(root, canaries, { skip });
      sinks.push({ name: `${name} (${scan.files} files)`, size: scan.bytes, hits: scan.hits });
    };

    searchFiles('output channel "Provider Desk" log file', path.dirname(outputFiles[0]!));
    searchFiles('log channel "Provider Desk Log" (logUri)', hooks.logUri.fsPath);
    searchFiles('every log of this session (extension host, server, other extensions)', sessionLogs);
    searchFiles('globalStorageUri', hooks.globalStorageUri.fsPath);
    searchFiles('storageUri', hooks.storageUri?.fsPath);
    searchFiles('user data folder (settings.json, globalState database, workspace storage, caches)', userData, (file) => file.endsWith('.sock'));
    searchFiles('workspace folder (.vscode/settings.json)', workspaceFolder);
    searchValue('globalState (every key)', Object.fromEntries(hooks.globalState.keys().map((key) => [key, hooks.globalState.get(key)])));
    searchValue('settings (inspect providerDesk)', { inspect: vscode.workspace.getConfiguration().inspect('providerDesk'), section: vscode.workspace.getConfiguration('providerDesk') });
    searchValue('webview HTML', capture.panels.map((panel) => panel.html));
    searchValue('messages posted to webviews', capture.panels.map((panel) => panel.posted));
    searchValue('notifications', capture.notifications);
    searchValue('ticket results, command results, errors and describeError', returned);
    searchValue('public API (listProviders)', api.listProviders());
    searchValue('Providers tree (labels, descriptions, tooltips)', await treeItems(hooks.tree));
    searchValue('requests that reached another origin', fakes.map((item) => item.otherOrigin.requests));
    searchValue('every message sent to the language model (instructions, questions, tool calls, tool results)', modelMessages);

    const table = sinks.map((sink) => `        ${sink.name.padEnd(90)} ${String(sink.size).padStart(10)} bytes  ${sink.hits.length} hits`).join('\n');
    console.log(`      sinks searched for ${canaries.length} canaries:\n${table}`);
    const hits = sinks.flatMap((sink) => sink.hits);
    assert.deepStrictEqual(hits.length, 0, describeHits(hits));

    // The sinks were not empty, and the search finds a canary where it is meant to be.
    assert.ok(capture.panels.length >= 5 && capture.panels.every((panel) => panel.html.length > 0), 'no webview HTML captured');
    // At least: init, validate reply, submit errors and saved (edit form); init and saved (add form); 3 × init.
    assert.ok(capture.panels.flatMap((panel) => panel.posted).length >= 9, 'few messages posted to webviews');
    assert.ok(capture.notifications.filter((note) => note.level === 'error').length >= 8, 'few error notifications captured');
    assert.ok(hooks.globalState.keys().includes('providerDesk.ticketHistory'), 'globalState has no ticket history');
    const toolResults = modelMessages.flatMap((request) => request.messages.flatMap((message) => message.parts.filter((part) => part.kind === 'toolResult')));
    assert.ok(toolResults.length >= 4, `the model received ${toolResults.length} tool results`);
    const requestHeaders = fakes.flatMap((item) => item.requests.map((request) => request.headers));
    assert.ok(findCanaries(describeForSearch(requestHeaders), [canary.token], 'requests to the API host').length > 0, 'the search missed the token in the API host\'s requests');
    const stored = hooks.store.credentials(hooks.store.providers()[0]!.id).flatMap((credential) => credential.fields.filter((field) => field.sensitive).map((field) => secretKey(credential.id, field.id)));
    const secrets = await Promise.all(stored.map((key) => hooks.secrets.get(key)));
    assert.ok(findCanaries(secrets.join('\n'), canaries, 'SecretStorage').length > 0, 'the search missed the canaries in SecretStorage');
    assert.strictEqual(unhandled.length, 0, `unhandled rejections during the suite: ${unhandled.map(String).join('; ')}`);
  });
});

async function treeItems(tree: vscode.TreeDataProvider<TreeNode>): Promise<unknown[]> {
  const items: unknown[] = [];
  const visit = async (nodes: readonly TreeNode[]): Promise<void> => {
    for (const node of nodes) {
      // As on hover: the tooltip comes from resolveTreeItem.
      const shown = await tree.getTreeItem(node);
      const item = await tree.resolveTreeItem?.(shown, node, new vscode.CancellationTokenSource().token) ?? shown;
      items.push({ label: item.label, description: item.description, tooltip: item.tooltip, contextValue: item.contextValue });
      await visit(await tree.getChildren(node) ?? []);
    }
  };
  await visit(await tree.getChildren() ?? []);
  return items;
}

describe('globalState under concurrent writers in one window (tickets and the store)', function () {
  this.timeout(60_000);

  // VS Code replaces the extension's whole in-memory globalState with what it last persisted, dropping an update made
  // meanwhile (microsoft/vscode#137132). Tickets finishing together lost their history records, and a ticket's
  // record written while a provider was created made the store lose that provider (NotFoundError on its next use).
  it('loses no ticket record and no provider when tickets finish while providers are created', async () => {
    const api = await activateApi();
    const hooks = api.testHooks;
    await deleteAllProviders(api);
    const heroku = await startFakeHeroku({ apps: 3 });
    try {
      const providerId = await api.createProvider({ name: unique('Tickets'), type: 'Heroku', accountId: heroku.url });
      const credentialId = await api.createCredential(providerId, { name: 'token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: heroku.token }] });
      const scopeId = await api.createScope(providerId, { name: 'apps', credentialId });
      const tickets = Promise.all(Array.from({ length: 20 }, () => api.runTicket(scopeId)));
      const created: string[] = [];
      const writes = (async () => {
        for (let n = 0; n < 8; n++) {
          const id = await api.createProvider({ name: unique(`Concurrent ${n}`), type: 'Other', accountId: 'api.heroku.com' });
          created.push(id);
          await api.createCredential(id, { name: 'token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: heroku.token }] });
        }
      })();
      const [results] = await Promise.all([tickets, writes]);
      const numbers = results.map((result) => result.number);
      const history = new Set((hooks.globalState.get<{ tickets: { number: number }[] }>('providerDesk.ticketHistory')?.tickets ?? []).map((ticket) => ticket.number));
      const stored = new Set((hooks.globalState.get<{ providers: { id: string }[] }>('providerDesk.data')?.providers ?? []).map((provider) => provider.id));
      const audit = await hooks.store.auditSecrets();
      const listed = new Set(api.listProviders().map((provider) => provider.id));
      console.log(`      20 tickets and 8 provider + credential creations at once: ${new Set(numbers).size} distinct ticket numbers, `
        + `${numbers.filter((n) => !history.has(n)).length} records lost, ${created.filter((id) => !stored.has(id)).length} providers lost`);
      assert.strictEqual(results.filter((result) => result.outcome !== 'succeeded').length, 0);
      assert.strictEqual(new Set(numbers).size, 20, 'ticket numbers repeat');
      assert.deepStrictEqual(numbers.filter((n) => !history.has(n)), [], 'ticket records lost');
      assert.deepStrictEqual(created.filter((id) => !stored.has(id)), [], 'providers lost from globalState');
      assert.deepStrictEqual(created.filter((id) => !listed.has(id)), [], 'providers lost from the store');
      assert.deepStrictEqual(audit, { orphaned: [], missing: [] });
    } finally {
      await heroku.close();
      await deleteAllProviders(api);
    }
  });
});
