// The read-only language model tools through `vscode.lm.invokeTool` in the real extension host, against the fake
// Heroku API: what each answers, an unknown app, bad input (nothing sent), the output budget with long lists, and
// cancellation. Then Import Token from Heroku CLI.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { activateApi, createHerokuScopes, deleteAllProviders } from './api';
import { answerPrompts, firstButton, type Prompts } from './prompts';
import { everyToolCall, invokeJson, resultText } from './toolCalls';

const { lm } = vscode;

interface Located {
  scope: string;
  provider: string;
  host: string;
  more?: number;
  note?: string;
}

describe('agents: the read-only Heroku language model tools, against the fake Heroku API', () => {
  let heroku: FakeHeroku;
  const scope = 'heroku-apps';
  const host = (): string => new URL(heroku.url).host;

  before(async () => {
    heroku = await startFakeHeroku({ apps: 42 });
  });
  after(async () => heroku.close());

  beforeEach(async () => {
    const api = await activateApi();
    await deleteAllProviders(api);
    heroku.reset();
    heroku.setApps(42);
    await createHerokuScopes(api, heroku.url, heroku.token, [scope, 'staging']);
  });

  it('lists the apps of a scope as JSON', async () => {
    const result = await lm.invokeTool('providerDesk_listHerokuApps', { input: { scope: 'heroku-apps' }, toolInvocationToken: undefined });
    const json = JSON.parse(resultText(result)) as { scope: string; provider: string; count: number; apps: { name: string; region: string; stack: string; updatedAt: string }[] };
    const apps = heroku.apps();
    assert.strictEqual(json.scope, 'heroku-apps');
    assert.strictEqual(json.provider, 'Heroku');
    assert.strictEqual(json.count, 42);
    assert.strictEqual(json.apps.length, 42);
    assert.deepStrictEqual(json.apps[0], { name: apps[0]!.name, region: apps[0]!.region, stack: apps[0]!.stack, updatedAt: apps[0]!.updatedAt });
    assert.strictEqual(json.apps[41]!.name, apps[41]!.name);
    assert.ok(!resultText(result).includes(heroku.token), 'the token appears in the tool result');
  });

  it('finds the scope by name whatever its case', async () => {
    const result = await lm.invokeTool('providerDesk_listHerokuApps', { input: { scope: 'HEROKU-Apps' }, toolInvocationToken: undefined });
    assert.strictEqual((JSON.parse(resultText(result)) as { scope: string }).scope, 'heroku-apps');
  });

  it('an unknown scope is refused with the list of available scopes', async () => {
    await assert.rejects(
      Promise.resolve(lm.invokeTool('providerDesk_listHerokuApps', { input: { scope: 'production' }, toolInvocationToken: undefined })),
      (error: Error) => /no Provider Desk scope named "production"/.test(error.message) && /"heroku-apps"/.test(error.message) && /"staging"/.test(error.message),
    );
  });

  it('are all registered, tagged providerDesk, with an input schema', () => {
    const ours = vscode.lm.tools.filter((tool) => tool.tags.includes('providerDesk'));
    assert.deepEqual(ours.map((tool) => tool.name).sort(), everyToolCall(scope, 'x').map((call) => call.name).sort());
    for (const tool of ours) assert.ok(tool.inputSchema && tool.description.length > 50, tool.name);
  });

  it('#herokuAppInfo: owner, region, stack, build stack, web URL, maintenance and the dyno formation', async () => {
    const app = 'app-00021';
    const result = await invokeJson<Located & { app: Record<string, unknown>; formation: unknown[] }>('providerDesk_getHerokuAppInfo', { scope, app });
    const expected = heroku.appInfo(app);
    assert.deepEqual([result.scope, result.provider, result.host], [scope, 'Heroku', host()]);
    assert.deepEqual(
      [result.app.name, result.app.ownerEmail, result.app.region, result.app.stack, result.app.buildStack, result.app.webUrl, result.app.maintenance],
      [app, expected.ownerEmail, expected.region, expected.stack, expected.buildStack, expected.webUrl, expected.maintenance]);
    assert.notEqual(result.app.buildStack, result.app.stack, 'app-00021 is mid stack upgrade');
    assert.deepEqual(result.formation, heroku.formation(app));
  });

  it('#herokuDynos: the dynos as the dynos ticket lists them', async () => {
    const result = await invokeJson<{ app: string; count: number; dynos: { name: string; state: string; size: string; command: string }[] }>('providerDesk_listHerokuDynos', { scope, app: 'app-00011' });
    const expected = heroku.dynos('app-00011');
    assert.equal(result.count, expected.length);
    assert.deepEqual(result.dynos.map(({ name, state, size, command }) => ({ name, state, size, command })),
      expected.map(({ name, state, size, command }) => ({ name, state, size, command })));
    assert.ok(result.dynos.some((dyno) => dyno.state === 'crashed'));
  });

  it('#herokuReleases: the last N, newest first, with version, description, user, status and time', async () => {
    const result = await invokeJson<{ releases: { version: number; description: string; user: string; status: string; createdAt: string; current: boolean }[] }>(
      'providerDesk_listHerokuReleases', { scope, app: 'app-00004', limit: 5 });
    assert.deepEqual(result.releases, heroku.releases('app-00004').slice(0, 5).map(({ version, description, userEmail, status, createdAt, current }) => ({ version, description, user: userEmail, status, createdAt, current })));
    assert.equal((await invokeJson<{ releases: unknown[] }>('providerDesk_listHerokuReleases', { scope, app: 'app-00004' })).releases.length, 10);
    assert.deepEqual(heroku.requests.filter((request) => request.path.endsWith('/releases')).map((request) => request.range),
      ['version ..; max=5, order=desc', 'version ..; max=10, order=desc']);
  });

  it('#herokuAddons: name, plan, state and price, with the monthly total', async () => {
    const result = await invokeJson<{ count: number; totalMonthlyPriceCents: number; addons: { name: string; plan: string; state: string; priceCents: number }[] }>(
      'providerDesk_listHerokuAddons', { scope, app: 'app-00030' });
    const expected = heroku.addons('app-00030');
    assert.equal(result.count, 5);
    assert.deepEqual(result.addons.map(({ name, plan, state, priceCents }) => ({ name, plan, state, priceCents })), expected.map(({ name, plan, state, priceCents }) => ({ name, plan, state, priceCents })));
    assert.equal(result.totalMonthlyPriceCents, expected.reduce((sum, addon) => sum + addon.priceCents, 0));
  });

  it('#herokuConfigVarNames: the names, never a value', async () => {
    const result = await vscode.lm.invokeTool('providerDesk_listHerokuConfigVarNames', { input: { scope, app: 'app-00030' }, toolInvocationToken: undefined });
    const vars = heroku.configVars('app-00030');
    assert.deepEqual((JSON.parse(resultText(result)) as { names: string[] }).names, Object.keys(vars).sort());
    const text = resultText(result);
    for (const value of Object.values(vars)) {
      if (value.length > 10) assert.ok(!text.includes(value), 'a config var value reached the tool result');
    }
  });

  it('#herokuAccount and #providerDeskScopes (which sends nothing)', async () => {
    const account = await invokeJson<{ account: { email: string; twoFactorAuthentication: boolean } }>('providerDesk_getHerokuAccount', { scope });
    assert.equal(account.account.email, heroku.email);
    heroku.clearRequests();
    const scopes = await invokeJson<{ count: number; activeScope: string; scopes: { name: string; provider: string; host: string; active: boolean }[] }>('providerDesk_listScopes', {});
    assert.equal(scopes.count, 2);
    assert.deepEqual(scopes.scopes.map((item) => [item.name, item.provider, item.host]).sort(), [[scope, 'Heroku', heroku.url], ['staging', 'Heroku', heroku.url]]);
    assert.equal(scopes.scopes.filter((item) => item.active).map((item) => item.name)[0], scopes.activeScope);
    assert.deepEqual(heroku.requests, []);
  });

  it('an unknown app fails with a message that names it', async () => {
    for (const name of ['providerDesk_getHerokuAppInfo', 'providerDesk_listHerokuReleases', 'providerDesk_listHerokuAddons', 'providerDesk_listHerokuConfigVarNames', 'providerDesk_listHerokuDynos']) {
      await assert.rejects(Promise.resolve(vscode.lm.invokeTool(name, { input: { scope, app: 'no-such-app' }, toolInvocationToken: undefined })),
        (error: Error) => /Heroku has no app named "no-such-app"/.test(error.message), name);
    }
  });

  it('bad input is refused with what the tool takes, and nothing is sent', async () => {
    heroku.clearRequests();
    const bad: [string, object, RegExp][] = [
      ['providerDesk_listHerokuReleases', { scope }, /app: the name of a Heroku app is required/],
      ['providerDesk_listHerokuReleases', { scope, app: 'app-00001', limit: 5000 }, /limit:/],
      ['providerDesk_getHerokuAppInfo', { scope: 42, app: 'app-00001' }, /scope: the name of a Provider Desk scope is required/],
      ['providerDesk_listHerokuAddons', { scope, app: '   ' }, /app: the app name is empty/],
    ];
    for (const [name, input, problem] of bad) {
      await assert.rejects(Promise.resolve(vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined })), (error: Error) => {
        assert.match(error.message, new RegExp(`^The input of ${name} is not valid`));
        assert.match(error.message, problem);
        assert.match(error.message, /It takes \{ "scope": "<scope name>"/);
        return true;
      });
    }
    assert.deepEqual(heroku.requests, []);
  });

  it('a long list is cut to the output budget and says how many more there are', async () => {
    heroku.setApps(2000);
    const text = resultText(await vscode.lm.invokeTool('providerDesk_listHerokuApps', { input: { scope }, toolInvocationToken: undefined }));
    const result = JSON.parse(text) as Located & { count: number; apps: { name: string }[] };
    assert.equal(result.count, 2000);
    assert.ok(result.apps.length > 20 && result.apps.length < 2000, `${result.apps.length} apps`);
    assert.equal(result.more, 2000 - result.apps.length);
    assert.match(result.note ?? '', /…and 1,\d{3} more not shown/);
    assert.ok(text.length <= 4_000 * 3, `${text.length} characters`);
    assert.deepEqual(result.apps.map((app) => app.name), heroku.apps().slice(0, result.apps.length).map((app) => app.name));
  });

  it('honours the token budget and the token count of the caller', async () => {
    const countTokens = (text: string): Thenable<number> => Promise.resolve(Math.ceil(text.length / 4));
    const text = resultText(await vscode.lm.invokeTool('providerDesk_listHerokuReleases', {
      input: { scope, app: 'app-00004', limit: 100 }, toolInvocationToken: undefined, tokenizationOptions: { tokenBudget: 300, countTokens },
    }));
    const result = JSON.parse(text) as { releases: unknown[]; more: number };
    assert.ok(text.length / 4 <= 300, `${text.length} characters`);
    assert.ok(result.releases.length > 0 && result.more === 100 - result.releases.length, `${result.releases.length} shown, ${result.more} more`);
  });

  it('a cancelled call aborts its request', async () => {
    heroku.setFault({ type: 'hang' });
    const cancellation = new vscode.CancellationTokenSource();
    const call = Promise.resolve(vscode.lm.invokeTool('providerDesk_listHerokuAddons', { input: { scope, app: 'app-00002' }, toolInvocationToken: undefined }, cancellation.token));
    await heroku.waitForRequests(1);
    cancellation.cancel();
    await assert.rejects(call);
    await heroku.whenIdle();
    assert.equal(heroku.requests[0]!.clientAborted, true);
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
