// After the seed flow: scope heroku-apps of provider Heroku on the fake Heroku API (1,500 apps). The other UI tests
// run with AI features off (no chat in their screenshots); this one turns them on in the Settings editor and off again.
// The model is the scripted one (test/fixtures/scripted-model), installed next to Provider Desk; its script comes
// through the file the workbench names, since a UI test cannot run a command in the extension host.
import * as assert from 'node:assert';
import { describeHits, findCanaries } from '../fixtures/canary';
import { escapeRegExp, workbench } from './workbench';

const aiFeaturesOff = 'chat.disableAIFeatures';
const chatView = () => workbench.page.locator('.part.auxiliarybar');

describe('Ask Heroku in chat: @providerdesk with a language model', () => {
  before(() => workbench.setCheckboxSetting(aiFeaturesOff, false));
  after(() => workbench.setCheckboxSetting(aiFeaturesOff, true));

  it('answers which apps are still on heroku-22 after the tool confirmation, with the facts from the fake API and the API calls', async () => {
    const { url, token } = workbench.fakeHeroku;
    const apps = workbench.fakeHeroku.apps();
    const onHeroku22 = apps.filter((app) => app.stack === 'heroku-22').map((app) => app.name);
    assert.ok(onHeroku22.length > 0 && onHeroku22.length < apps.length, 'the fake has no mix of stacks');
    const facts = `${onHeroku22.length.toLocaleString('en-US')} of the ${apps.length.toLocaleString('en-US')} apps in heroku-apps are still on heroku-22, `
      + `among them ${onHeroku22.slice(0, 3).map((name) => `\`${name}\``).join(', ')}.`;
    workbench.setModelScript([
      { text: ['Let me list the apps. '], toolCalls: [{ name: 'providerDesk_listHerokuApps', input: {} }] },
      { text: [facts] },
    ]);

    await workbench.runCommand('Chat: Open Chat');
    // A message sent before the model is in the picker gets "Language model unavailable".
    await chatView().locator('.model-picker-item .chat-input-picker-label', { hasText: 'Scripted Model' }).waitFor({ timeout: 30_000 });
    await chatView().locator('.interactive-input-editor .monaco-editor').click();
    await workbench.page.keyboard.type('@providerdesk which apps in heroku-apps are still on heroku-22?');
    const appRequests = (): number => workbench.fakeHeroku.requests.filter((request) => request.path === '/apps').length;
    const before = appRequests();
    await workbench.page.keyboard.press('Enter');

    const confirmation = chatView().locator('.chat-tool-confirmation-carousel');
    const allow = confirmation.locator('.chat-confirmation-widget-buttons .monaco-button', { hasText: /^Allow/ }).first();
    await allow.waitFor({ timeout: 30_000 });
    const question = (await confirmation.innerText()).replace(/\s+/g, ' ');
    assert.match(question, new RegExp(`Read from Heroku with scope "heroku-apps"\\? .*its token is sent to ${escapeRegExp(url)} \\(provider Heroku\\)`));
    assert.strictEqual(appRequests(), before, 'Heroku was called before the confirmation');
    await allow.click();

    const answer = chatView().locator('.interactive-response.chat-most-recent-response:not(.chat-response-loading)');
    await answer.filter({ hasText: 'API calls' }).waitFor({ timeout: 60_000 });
    const text = (await answer.innerText()).replace(/\s+/g, ' ');
    // The text before the tool call folds into the collapsed steps; the answer after it is the model's last text.
    assert.ok(text.includes(facts.replace(/`/g, '')), `the answer lacks the facts:\n${text}`);
    assert.match(text, /API calls \(scope heroku-apps\): providerDesk_listHerokuApps \{"scope":"heroku-apps"\}/);
    assert.ok(appRequests() > before, 'the tool did not list the apps of the fake API');
    await workbench.screenshot('chat/agent-answer');

    const hits = findCanaries(await chatView().evaluate((view) => `${view.outerHTML}\n${(view as HTMLElement).innerText}`), [{ label: 'token', value: token }], 'chat view');
    assert.deepStrictEqual(hits, [], describeHits(hits));
  });
});
