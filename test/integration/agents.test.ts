import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { activateApi, createHerokuScopes, deleteAllProviders } from './api';
import { answerPrompts, firstButton, type Prompts } from './prompts';

const { lm } = vscode;

function textOf(result: { content: unknown[] }): string {
  return result.content.map((part) => (part as { value?: unknown }).value).filter((value) => typeof value === 'string').join('');
}

describe('agents: the providerDesk_listHerokuApps language model tool, against the fake Heroku API', () => {
  let heroku: FakeHeroku;

  before(async () => {
    heroku = await startFakeHeroku({ apps: 42 });
  });
  after(async () => heroku.close());

  beforeEach(async () => {
    const api = await activateApi();
    await deleteAllProviders(api);
    heroku.clearFaults();
    await createHerokuScopes(api, heroku.url, heroku.token, ['heroku-apps', 'staging']);
  });

  it('lists the apps of a scope as JSON', async () => {
    const result = await lm.invokeTool('providerDesk_listHerokuApps', { input: { scope: 'heroku-apps' }, toolInvocationToken: undefined });
    const json = JSON.parse(textOf(result)) as { scope: string; provider: string; count: number; apps: { name: string; region: string; stack: string; updatedAt: string }[] };
    const apps = heroku.apps();
    assert.strictEqual(json.scope, 'heroku-apps');
    assert.strictEqual(json.provider, 'Heroku');
    assert.strictEqual(json.count, 42);
    assert.strictEqual(json.apps.length, 42);
    assert.deepStrictEqual(json.apps[0], { name: apps[0]!.name, region: apps[0]!.region, stack: apps[0]!.stack, updatedAt: apps[0]!.updatedAt });
    assert.strictEqual(json.apps[41]!.name, apps[41]!.name);
    assert.ok(!textOf(result).includes(heroku.token), 'the token appears in the tool result');
  });

  it('finds the scope by name whatever its case', async () => {
    const result = await lm.invokeTool('providerDesk_listHerokuApps', { input: { scope: 'HEROKU-Apps' }, toolInvocationToken: undefined });
    assert.strictEqual((JSON.parse(textOf(result)) as { scope: string }).scope, 'heroku-apps');
  });

  it('an unknown scope is refused with the list of available scopes', async () => {
    await assert.rejects(
      Promise.resolve(lm.invokeTool('providerDesk_listHerokuApps', { input: { scope: 'production' }, toolInvocationToken: undefined })),
      (error: Error) => /no Provider Desk scope named "production"/.test(error.message) && /"heroku-apps"/.test(error.message) && /"staging"/.test(error.message),
    );
  });
});

describe('Import Token from Heroku CLI in the real extension host, against the fake Heroku API', () => {
  let heroku: FakeHeroku;
  let home: string;
  let providerId: string;
  let prompts: Prompts;
  const saved = { HOME: process.env.HOME, HEROKU_API_KEY: process.env.HEROKU_API_KEY };
  const netrc = (): string => path.join(home, process.platform === 'win32' ? '_netrc' : '.netrc');
  const credentialsOf = async (id: string) => (await activateApi()).listProviders().find((provider) => provider.id === id)?.credentials ?? [];
  const accountChecks = (): number => heroku.requests.filter((request) => request.path === '/account').length;

  before(async () => {
    heroku = await startFakeHeroku({ apps: 3, email: 'cli@example.com' });
  });
  after(async () => heroku.close());

  beforeEach(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-desk-home-'));
    process.env.HOME = home;
    delete process.env.HEROKU_API_KEY;
    const api = await activateApi();
    await deleteAllProviders(api);
    heroku.clearFaults();
    heroku.clearRequests();
    providerId = await api.createProvider({ name: 'Heroku', type: 'Other', accountId: heroku.url });
    prompts = answerPrompts();
  });

  afterEach(() => {
    prompts.restore();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]; else process.env[key] = value;
    }
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('imports the api.heroku.com entry of ~/.netrc after the user confirms the host and Heroku accepts it', async () => {
    fs.writeFileSync(netrc(), `machine git.heroku.com login cli@example.com password wrong\nmachine api.heroku.com\n  login cli@example.com\n  password ${heroku.token}\n`);
    prompts.answerModal = firstButton;
    const api = await activateApi();
    const first = await vscode.commands.executeCommand<string>('providerDesk.importHerokuToken', providerId);
    assert.ok(first, 'no credential was created');
    const credentials = await credentialsOf(providerId);
    assert.deepEqual(credentials.map((credential) => credential.name), ['heroku-cli']);
    assert.deepEqual(credentials[0]!.fields, [{ key: 'apitoken', type: 'String', sensitive: true }]);
    assert.deepEqual(await api.testHooks.store.readFieldValues(first), { apitoken: heroku.token });
    assert.equal(api.testHooks.store.credential(first)!.boundAccountId, heroku.url);
    assert.ok(heroku.requests.some((request) => request.path === '/account' && request.authorization === `Bearer ${heroku.token}`));
  });

  it('a provider that is not Heroku\'s API gets the token only after a modal that names its host; Cancel sends nothing', async () => {
    process.env.HEROKU_API_KEY = heroku.token;
    const result = await vscode.commands.executeCommand<string | undefined>('providerDesk.importHerokuToken', providerId);
    assert.strictEqual(result, undefined);
    assert.equal(prompts.modals.length, 1, 'no modal question');
    const [modal] = prompts.modals;
    assert.ok(modal!.message.includes(heroku.url) && modal!.detail?.includes(heroku.url), `the modal does not name ${heroku.url}: ${JSON.stringify(modal)}`);
    assert.match(modal!.detail ?? '', /not Heroku's API \(api\.heroku\.com\)/);
    assert.deepEqual(heroku.requests, [], 'a request reached the host');
    assert.deepEqual(await credentialsOf(providerId), []);
  });

  it('another extension (addProvider with arguments, then importHerokuToken with its id) sends nothing the user did not confirm', async () => {
    process.env.HEROKU_API_KEY = heroku.token;
    const other = heroku.otherOrigin;
    const created = await vscode.commands.executeCommand<string>('providerDesk.addProvider', { name: 'Looks Legit', accountId: other.url });
    assert.ok(created, 'creating a provider from arguments, without a form, still works');
    assert.strictEqual(await vscode.commands.executeCommand('providerDesk.importHerokuToken', created, { name: 'stolen' }), undefined);
    assert.equal(prompts.modals.length, 1);
    assert.ok(prompts.modals[0]!.message.includes(other.url));
    assert.deepEqual(other.requests, [], 'the token reached the other host');
    assert.deepEqual(await credentialsOf(created), []);
  });

  it('from the palette it asks for the provider even when there is only one, and Escape sends nothing', async () => {
    process.env.HEROKU_API_KEY = heroku.token;
    prompts.answerModal = firstButton;
    assert.strictEqual(await vscode.commands.executeCommand('providerDesk.importHerokuToken'), undefined);
    assert.equal(prompts.picks.length, 1, 'the only provider was picked without asking');
    assert.deepEqual(prompts.picks[0]!.items.map((item) => [item.label, item.description]), [['Heroku', heroku.url]]);
    assert.equal(prompts.modals.length, 0);
    assert.deepEqual(heroku.requests, []);
    assert.deepEqual(await credentialsOf(providerId), []);
  });

  it('a token that is already stored is not imported again: it says so, sends nothing and creates no copy', async () => {
    process.env.HEROKU_API_KEY = heroku.token;
    prompts.answerModal = firstButton;
    const first = await vscode.commands.executeCommand<string>('providerDesk.importHerokuToken', providerId);
    assert.ok(first);
    const checks = accountChecks();
    const modals = prompts.modals.length;
    const second = await vscode.commands.executeCommand<string | undefined>('providerDesk.importHerokuToken', providerId);
    assert.strictEqual(second, undefined);
    assert.deepEqual((await credentialsOf(providerId)).map((credential) => credential.name), ['heroku-cli'], 'a copy was created');
    assert.equal(accountChecks(), checks, 'the token was sent again');
    assert.equal(prompts.modals.length, modals, 'asked to send a token that is not sent');
    // Typed into the form with surrounding spaces, it is the same token.
    process.env.HEROKU_API_KEY = `  ${heroku.token}  `;
    assert.strictEqual(await vscode.commands.executeCommand('providerDesk.importHerokuToken', providerId, { name: 'again' }), undefined);
    assert.equal((await credentialsOf(providerId)).length, 1);
  });

  it('prefers HEROKU_API_KEY, and saves nothing when Heroku rejects the token', async () => {
    fs.writeFileSync(netrc(), `machine api.heroku.com login cli@example.com password ${heroku.token}\n`);
    process.env.HEROKU_API_KEY = 'HRKU-rejected-by-the-fake';
    prompts.answerModal = firstButton;
    const result = await vscode.commands.executeCommand<string | undefined>('providerDesk.importHerokuToken', providerId);
    assert.strictEqual(result, undefined);
    assert.ok(heroku.requests.some((request) => request.path === '/account' && request.authorization === 'Bearer HRKU-rejected-by-the-fake'));
    assert.deepEqual(await credentialsOf(providerId), []);
  });

  it('says plainly when there is no token to import', async () => {
    const result = await vscode.commands.executeCommand<string | undefined>('providerDesk.importHerokuToken', providerId);
    assert.strictEqual(result, undefined);
    assert.deepEqual(prompts.modals, []);
  });
});
