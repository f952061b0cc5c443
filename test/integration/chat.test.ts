// @providerdesk in the real extension host. VS Code has no API to send a chat message, and the chat view of this
// code-server cannot run a participant without a signed-in Copilot (the extension host refuses every participant
// request with "Language model unavailable" when no language model is selected). So the tests call the handler of the
// participant the host registered, with a response stream that records what the chat view would render.
import * as assert from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProviderDeskTestHooks } from '../../src/api';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { activateApi, createHerokuScopes, deleteAllProviders, freshHerokuScopes } from './api';
import { askParticipant } from './chatRecorder';
import { findFiles, waitForFileContaining } from './securityCapture';

interface TicketRecordShape { number: number; scopeName: string; outcome: string; appCount?: number; errorKind?: string }

const history = (hooks: ProviderDeskTestHooks): TicketRecordShape[] =>
  hooks.globalState.get<{ tickets: TicketRecordShape[] }>('providerDesk.ticketHistory')?.tickets ?? [];

describe('@providerdesk chat participant in the real extension host, against the fake Heroku API', () => {
  let heroku: FakeHeroku;
  let hooks: ProviderDeskTestHooks;
  let participant: vscode.ChatParticipant;

  async function ask(prompt: string, command?: string, token?: vscode.CancellationToken) {
    const answer = await askParticipant(participant, prompt, command, token);
    return { ...answer, markdown: answer.markdown.join('\n\n') };
  }

  before(async () => {
    heroku = await startFakeHeroku({ apps: 42 });
  });
  after(async () => heroku.close());

  beforeEach(async () => {
    ({ hooks } = await freshHerokuScopes(heroku, ['heroku-apps', 'Blue Team']));
    participant = hooks.chatParticipant;
  });

  it('is registered with the host under the id package.json declares, with its icon', () => {
    assert.strictEqual(participant.id, 'providerDesk.chat');
    assert.ok(participant.iconPath instanceof vscode.Uri, 'the icon is not a file');
    assert.match(participant.iconPath.path, /media\/provider-desk\.svg$/);
  });

  it('"list my apps in <scope>" runs the New Ticket ticket (output channel, history) and answers with the first apps', async () => {
    const before = history(hooks).length;
    const answer = await ask('list my apps in heroku-apps');
    const ticket = answer.result.metadata?.ticket as number;
    assert.strictEqual(answer.result.errorDetails, undefined);
    assert.deepStrictEqual(answer.progress, ['Listing the Heroku apps of scope "heroku-apps"…']);
    assert.match(answer.markdown, new RegExp(`^Ticket #${ticket}: scope \\*\\*heroku\\\\-apps\\*\\* has 42 apps\\.`));
    const apps = heroku.apps();
    for (const app of apps.slice(0, 10)) {
      assert.match(answer.markdown, new RegExp(`\\n${app.name}\\s+${app.region}\\s+${app.stack}\\s+${app.updatedAt.slice(0, 10)} ${app.updatedAt.slice(11, 16)}`));
    }
    assert.ok(!answer.markdown.includes(apps[10]!.name), 'more than 10 apps in the answer');
    assert.match(answer.markdown, /…and 32 more in the "Provider Desk" output panel\.$/);
    assert.ok(!answer.markdown.includes(heroku.token), 'the token appears in the answer');

    assert.deepStrictEqual(answer.buttons, [{ command: 'providerDesk.chat.showTicketOutput', title: `Show Ticket #${ticket} in Output` }]);
    await vscode.commands.executeCommand(answer.buttons[0]!.command);

    const recorded = history(hooks);
    assert.strictEqual(recorded.length, before + 1);
    const { number, scopeName, outcome, appCount } = recorded[0]!;
    assert.deepStrictEqual({ number, scopeName, outcome, appCount }, { number: ticket, scopeName: 'heroku-apps', outcome: 'succeeded', appCount: 42 });
    const [channelFile] = findFiles(path.dirname(hooks.logUri.fsPath), /^\d+-Provider Desk\.log$/);
    assert.ok(channelFile, 'no "Provider Desk" output channel file');
    const channel = await waitForFileContaining(channelFile, `Ticket #${ticket} · scope "heroku-apps"`);
    assert.ok(channel.includes(apps[41]!.name), 'the output channel does not hold the whole list');
  });

  it('/apps with a quoted name in another case finds the scope with a space in its name', async () => {
    const answer = await ask('"blue TEAM"', 'apps');
    assert.strictEqual(answer.result.errorDetails, undefined);
    assert.match(answer.markdown, /scope \*\*Blue Team\*\* has 42 apps/);
    assert.strictEqual(history(hooks)[0]!.scopeName, 'Blue Team');
  });

  it('an app name with a line break and a fence from Heroku stays inside the answer\'s code block', async () => {
    // Between two plain names: the first and last names of a page go into the Content-Range header, where a line break cannot.
    const hostile = await startFakeHeroku({ apps: 3, appNames: ['app-00000', 'app-00001\n```\n[link](command:providerDesk.deleteProvider)'] });
    try {
      const api = await activateApi();
      await deleteAllProviders(api);
      await createHerokuScopes(api, hostile.url, hostile.token, ['hostile']);
      const { markdown, result } = await ask('list my apps in hostile');
      assert.strictEqual(result.errorDetails, undefined);
      const fence = /^(`{4,})text$/m.exec(markdown)?.[1];
      assert.ok(fence, `no fence longer than the name's backtick run in ${markdown}`);
      const [before, block, after, ...rest] = markdown.split(new RegExp(`^${fence}(?:text)?$`, 'm'));
      assert.strictEqual(rest.length, 0, markdown);
      assert.match(block!, /\napp-00001 ``` \[link\]\(command:providerDesk\.deleteProvider\)\s{2}/);
      assert.ok(!`${before}${after}`.includes('[link]'), `the name left the code block: ${markdown}`);
    } finally {
      await hostile.close();
    }
  });

  it('an unknown scope is answered with the available scopes, and nothing is asked of Heroku', async () => {
    const requests = heroku.requests.length;
    const answer = await ask('list my apps in production');
    assert.match(answer.result.errorDetails?.message ?? '', /no Provider Desk scope named "production"\. Available scopes: "Blue Team", "heroku-apps"/);
    assert.strictEqual(heroku.requests.length, requests);
  });

  it('a failed ticket shows Heroku\'s actionable error in the chat, without the token, and is in the history', async () => {
    heroku.setFault({ type: 'status', status: 401 });
    const answer = await ask('apps in heroku-apps');
    const message = answer.result.errorDetails?.message ?? '';
    assert.match(message, /^Ticket #\d+ failed: Heroku rejected the API token\./);
    assert.match(message, /heroku auth:token/);
    assert.ok(!message.includes(heroku.token), 'the token appears in the error');
    assert.strictEqual(answer.buttons[0]?.command, 'providerDesk.chat.showTicketOutput');
    assert.deepStrictEqual([history(hooks)[0]!.outcome, history(hooks)[0]!.errorKind], ['failed', 'unauthorized']);
  });

  it('stops the ticket when the chat request is cancelled', async () => {
    heroku.setFault({ type: 'hang' });
    const cancellation = new vscode.CancellationTokenSource();
    const answer = ask('list my apps in heroku-apps', undefined, cancellation.token);
    setTimeout(() => cancellation.cancel(), 300);
    const { markdown, result } = await answer;
    assert.match(markdown, /^Ticket #\d+ was cancelled\.$/);
    assert.strictEqual(result.metadata?.outcome, 'cancelled');
    assert.strictEqual(history(hooks)[0]!.outcome, 'cancelled');
  });

  it('anything else gets the help, with the scopes to ask about', async () => {
    const answer = await ask('what can you do?');
    assert.strictEqual(answer.result.metadata?.intent, 'help');
    assert.match(answer.markdown, /`@providerdesk list my apps in <scope>`/);
    assert.match(answer.markdown, /Scopes: \*\*Blue Team\*\*, \*\*heroku\\-apps\*\*\./);
  });

  it('"list my apps" without a scope asks which one, or uses the only scope there is', async () => {
    assert.strictEqual((await ask('list my apps')).result.metadata?.intent, 'help');
    const api = await activateApi();
    await deleteAllProviders(api);
    await createHerokuScopes(api, heroku.url, heroku.token, ['only-scope']);
    assert.match((await ask('list my apps')).markdown, /scope \*\*only\\-scope\*\* has 42 apps/);
  });
});
