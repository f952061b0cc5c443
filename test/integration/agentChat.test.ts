// @providerdesk's agent in the real extension host: free-form questions answered by the scripted language model
// (test/fixtures/scripted-model) calling Provider Desk's tools against the fake Heroku API. The handler is called as
// the chat view would call it (see chat.test.ts for why), with the scripted model as `request.model`.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ProviderDeskTestHooks } from '../../src/api';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { activateApi, createHerokuScopes, deleteAllProviders, freshHerokuScopes } from './api';
import { askParticipant } from './chatRecorder';
import { modelRequests, scriptedModel, setScript, toolResultsOf } from './scriptedModel';

const listApps = 'providerDesk_listHerokuApps';

describe('@providerdesk answers free-form questions with the language model picked in chat (scripted), against the fake Heroku API', () => {
  let heroku: FakeHeroku;
  let hooks: ProviderDeskTestHooks;
  let model: vscode.LanguageModelChat;
  let scopeIds: string[];

  async function ask(prompt: string, token?: vscode.CancellationToken, command?: string) {
    const answer = await askParticipant(hooks.chatParticipant, prompt, command, token, model);
    return { ...answer, markdown: answer.markdown.join('') };
  }
  const appRequests = (): number => heroku.requests.filter((request) => request.path === '/apps').length;

  before(async () => {
    heroku = await startFakeHeroku({ apps: 6 });
    model = await scriptedModel();
  });
  after(async () => heroku.close());

  beforeEach(async () => {
    ({ hooks, scopeIds } = await freshHerokuScopes(heroku, ['heroku-apps', 'Blue Team']));
    heroku.clearRequests();
  });

  it('runs the model\'s tool calls against the fake API, feeds the results back and answers with the facts and the API calls', async () => {
    // The model's answer states what the fake API holds; the tool result it gets is checked against the same data below.
    const onHeroku22 = heroku.apps().filter((app) => app.stack === 'heroku-22').map((app) => `\`${app.name}\``);
    assert.ok(onHeroku22.length > 0 && onHeroku22.length < 6, 'the fake has no mix of stacks');
    const facts = `${onHeroku22.length} of the 6 apps in Blue Team are still on heroku-22: ${onHeroku22.join(', ')}.`;
    await setScript([
      { text: ['Let me list the apps. '], toolCalls: [{ name: listApps, input: {} }] },
      { text: [facts] },
    ]);
    const answer = await ask('which apps in blue team are still on heroku-22?');
    console.log(`      transcript:\n${[...answer.progress, answer.markdown].join('\n').replace(/^/gm, '        ')}`);
    assert.strictEqual(answer.result.errorDetails, undefined, answer.result.errorDetails?.message);
    assert.deepStrictEqual(answer.result.metadata, { intent: 'question', outcome: 'answered', scope: 'Blue Team', calls: 1 });
    assert.deepStrictEqual(answer.progress, ['Asking Scripted Model about scope "Blue Team"…', 'Listing the Heroku apps of scope "Blue Team"']);
    assert.strictEqual(answer.markdown, `Let me list the apps. ${facts}\n\nAPI calls (scope **Blue Team**):\n`
      + '- `providerDesk_listHerokuApps {"scope":"Blue Team"}`');

    const requests = await modelRequests();
    assert.strictEqual(requests.length, 2);
    const [first, second] = requests as [typeof requests[0], typeof requests[0]];
    assert.deepStrictEqual(first.messages.map((message) => message.role), ['user', 'user']);
    const instructions = first.messages[0]!.parts.map((part) => (part.kind === 'text' ? part.value : '')).join('');
    assert.match(instructions, /Provider Desk scope "Blue Team" \(provider "Heroku",\s+API host "http:\/\/127\.0\.0\.1:\d+"\)/);
    assert.deepStrictEqual(first.messages[1]!.parts, [{ kind: 'text', value: 'which apps in blue team are still on heroku-22?' }]);
    const offered = first.tools.find((tool) => tool.name === listApps);
    assert.ok(offered, `the model was not offered ${listApps}: ${first.tools.map((tool) => tool.name).join(', ')}`);
    assert.deepStrictEqual((offered.inputSchema as { properties: object }).properties, {}, 'the model is asked for the scope it is bound to');
    assert.ok(first.tools.every((tool) => vscode.lm.tools.find((info) => info.name === tool.name)?.tags.includes('providerDesk')), 'a tool without the providerDesk tag was offered');

    // The tool call went to the fake API; its result came back to the model after the assistant's call.
    assert.strictEqual(appRequests(), 1);
    assert.deepStrictEqual(second.messages.map((message) => message.role), ['user', 'user', 'assistant', 'user']);
    const call = second.messages[2]!.parts.find((part) => part.kind === 'toolCall');
    assert.ok(call && call.kind === 'toolCall' && call.name === listApps);
    const resultPart = second.messages[3]!.parts[0]!;
    assert.ok(resultPart.kind === 'toolResult' && resultPart.callId === call.callId, 'the tool result does not answer the call');
    const listed = JSON.parse(toolResultsOf(second)[0]!) as { scope: string; count: number; apps: { name: string; stack: string }[] };
    assert.strictEqual(listed.scope, 'Blue Team');
    assert.deepStrictEqual(listed.apps.map((app) => [app.name, app.stack]), heroku.apps().map((app) => [app.name, app.stack]));
    assert.ok(!JSON.stringify(requests).includes(heroku.token) && !answer.markdown.includes(heroku.token), 'the token reached the model or the answer');
  });

  it('binds the tools to the active scope when the question names none, whatever scope the model passes', async () => {
    await hooks.activeScope.set(hooks.store.scope(scopeIds[1]!)!);
    await setScript([{ toolCalls: [{ name: listApps, input: { scope: 'heroku-apps' } }] }, { text: ['Six apps.'] }]);
    const answer = await ask('how many apps do I have on heroku-24?');
    assert.strictEqual(answer.result.metadata?.scope, 'Blue Team');
    assert.match(answer.markdown, /`providerDesk_listHerokuApps \{"scope":"Blue Team"\}`/);
    assert.strictEqual((JSON.parse(toolResultsOf((await modelRequests())[1]!)[0]!) as { scope: string }).scope, 'Blue Team');
  });

  it('a failing tool call gives the model Heroku\'s error, without the token, and the answer marks the call as failed', async () => {
    heroku.setFault({ type: 'status', status: 401, echoAuthorization: true });
    await setScript([{ toolCalls: [{ name: listApps, input: {} }] }, { text: ['Heroku rejected the token of heroku-apps.'] }]);
    const answer = await ask('what is running in heroku-apps?');
    assert.strictEqual(answer.result.metadata?.outcome, 'answered');
    const [error] = toolResultsOf((await modelRequests())[1]!);
    assert.match(error!, /^Error: Heroku rejected the API token\./);
    assert.ok(!error!.includes(heroku.token), 'the token reached the model in the error');
    assert.match(answer.markdown, /Heroku rejected the token of heroku-apps\.\n\nAPI calls \(scope \*\*heroku\\-apps\*\*\):\n- `providerDesk_listHerokuApps \{"scope":"heroku-apps"\}` \(failed\)$/);
  });

  it('a tool that does not exist, unknown input and input that is not an object are refused back to the model; nothing reaches Heroku', async () => {
    await setScript([
      { toolCalls: [{ name: 'providerDesk_deleteApp', input: { app: 'app-00001' } }, { name: listApps, input: { limit: 'ten' } }, { name: listApps, input: 'all of them' }] },
      { text: ['I cannot do that.'] },
    ]);
    const answer = await ask('delete app-00001 in heroku-apps');
    assert.strictEqual(answer.result.metadata?.outcome, 'answered');
    const [missing, unknown, notObject] = toolResultsOf((await modelRequests())[1]!);
    assert.match(missing!, /^Error: there is no tool named "providerDesk_deleteApp"\. The tools are: .*providerDesk_listHerokuApps/);
    assert.strictEqual(unknown, 'Error: Unknown input property "limit". The tool takes: no input.');
    assert.strictEqual(notObject, 'Error: The input must be a JSON object.');
    assert.strictEqual(appRequests(), 0);
    assert.match(answer.markdown, /I cannot do that\.\n\nNo API calls were made \(scope \*\*heroku\\-apps\*\*\)\.$/);
  });

  it('a model that never stops calling tools is stopped after 8 rounds with a clear message', async () => {
    await setScript([{ toolCalls: [{ name: listApps, input: {} }], repeat: true }]);
    const answer = await ask('tell me everything about heroku-apps');
    assert.strictEqual(answer.result.errorDetails?.message, 'Stopped after 8 rounds of tool calls without an answer from the model. Ask a narrower question.');
    assert.strictEqual(answer.result.metadata?.outcome, 'rounds');
    assert.strictEqual((await modelRequests()).length, 8);
    assert.strictEqual(appRequests(), 8);
    assert.strictEqual(answer.markdown.match(/^- `providerDesk_listHerokuApps/gm)?.length, 8);
  });

  it('cancelling in the middle of the loop aborts the tool\'s request and asks the model nothing more', async () => {
    heroku.setFault({ type: 'hang' });
    await setScript([{ toolCalls: [{ name: listApps, input: {} }] }, { text: ['never sent'] }]);
    const cancellation = new vscode.CancellationTokenSource();
    const answered = ask('which apps in heroku-apps are on heroku-22?', cancellation.token);
    const [request] = await heroku.waitForRequests(1, (item) => item.path === '/apps');
    cancellation.cancel();
    const answer = await answered;
    await heroku.whenIdle();
    assert.strictEqual(answer.result.metadata?.outcome, 'cancelled');
    assert.strictEqual(answer.result.errorDetails, undefined);
    assert.match(answer.markdown, /^Cancelled\.\n\nNo API calls were made/);
    assert.strictEqual(request!.clientAborted, true, 'the request to Heroku was not aborted');
    assert.strictEqual((await modelRequests()).length, 1, 'the model was asked again after the cancellation');
  });

  it('keeps the answers without a model: "list my apps in <scope>", /apps and help never reach the model', async () => {
    await setScript([{ text: ['the model answered'] }]);
    assert.match((await ask('list my apps in heroku-apps')).markdown, /scope \*\*heroku\\-apps\*\* has 6 apps/);
    assert.match((await ask('Blue Team', undefined, 'apps')).markdown, /scope \*\*Blue Team\*\* has 6 apps/);
    assert.strictEqual((await ask('help')).result.metadata?.intent, 'help');
    assert.deepStrictEqual(await modelRequests(), []);
  });
});

describe('Ask About This Scope… opens chat with @providerdesk and the scope', () => {
  let opened: unknown[];
  let chatOpened: Promise<void>;
  let scopeIds: string[];
  const commands = vscode.commands as unknown as Record<string, unknown>;
  const executeCommand = vscode.commands.executeCommand;

  beforeEach(async () => {
    const api = await activateApi();
    await deleteAllProviders(api);
    scopeIds = await createHerokuScopes(api, 'https://api.heroku.com', 'unused', ['heroku-apps', 'Blue Team']);
    opened = [];
    let resolveOpened!: () => void;
    chatOpened = new Promise((resolve) => { resolveOpened = resolve; });
    // The chat view's command is not run: with AI features off in the test workbench there may be no chat view.
    commands.executeCommand = (command: string, ...args: unknown[]) => {
      if (command === 'workbench.action.chat.open') {
        opened.push(args[0]);
        resolveOpened();
        return Promise.resolve();
      }
      return executeCommand.call(vscode.commands, command, ...args);
    };
  });
  afterEach(() => { commands.executeCommand = executeCommand; });

  it('from the scope\'s context menu (a scope id) fills in the query, not sending it', async () => {
    const query = await vscode.commands.executeCommand('providerDesk.askAboutScope', scopeIds[1]);
    assert.strictEqual(query, '@providerdesk Blue Team ');
    assert.deepStrictEqual(opened, [{ query: '@providerdesk Blue Team ', isPartialQuery: true }]);
  });

  it('New Ticket\'s scope pick offers it as a button on each scope; the pick itself still lists the apps', async () => {
    const window = vscode.window as unknown as Record<string, unknown>;
    const createQuickPick = vscode.window.createQuickPick;
    type ScopePick = vscode.QuickPick<vscode.QuickPickItem & { scope?: { id: string } }>;
    let resolveShown!: (pick: ScopePick) => void;
    const shown = new Promise<ScopePick>((resolve) => { resolveShown = resolve; });
    const triggers: ((event: vscode.QuickPickItemButtonEvent<vscode.QuickPickItem>) => unknown)[] = [];
    window.createQuickPick = () => {
      const pick = createQuickPick.call(vscode.window) as ScopePick;
      const onDidTriggerItemButton = pick.onDidTriggerItemButton;
      Object.defineProperty(pick, 'onDidTriggerItemButton', { value: (listener: (event: vscode.QuickPickItemButtonEvent<vscode.QuickPickItem>) => unknown) => {
        triggers.push(listener);
        return onDidTriggerItemButton.call(pick, listener);
      } });
      const show = pick.show.bind(pick);
      pick.show = () => { show(); resolveShown(pick); };
      return pick;
    };
    try {
      const ticket = vscode.commands.executeCommand('providerDesk.newTicket');
      const pick = await shown;
      const blueTeam = pick.items.find((item) => item.scope?.id === scopeIds[1])!;
      assert.deepStrictEqual(blueTeam.buttons?.map((button) => button.tooltip), ['Ask about this scope…']);
      assert.strictEqual(triggers.length, 1);
      triggers[0]!({ button: blueTeam.buttons![0]!, item: blueTeam });
      assert.strictEqual(await ticket, undefined, 'New Ticket ran a ticket after the button');
      await chatOpened;
      assert.deepStrictEqual(opened, [{ query: '@providerdesk Blue Team ', isPartialQuery: true }]);
    } finally {
      window.createQuickPick = createQuickPick;
    }
  });
});
