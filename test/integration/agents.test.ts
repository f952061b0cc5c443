import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';
import { activateApi, createHerokuScopes, deleteAllProviders } from './api';

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
  const saved = { HOME: process.env.HOME, HEROKU_API_KEY: process.env.HEROKU_API_KEY };
  const netrc = (): string => path.join(home, process.platform === 'win32' ? '_netrc' : '.netrc');

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
    providerId = await api.createProvider({ name: 'Heroku', type: 'Other', accountId: heroku.url });
  });

  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]; else process.env[key] = value;
    }
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('imports the api.heroku.com entry of ~/.netrc after Heroku accepts it, then names the next one heroku-cli-2', async () => {
    fs.writeFileSync(netrc(), `machine git.heroku.com login cli@example.com password wrong\nmachine api.heroku.com\n  login cli@example.com\n  password ${heroku.token}\n`);
    const api = await activateApi();
    const first = await vscode.commands.executeCommand<string>('providerDesk.importHerokuToken', providerId);
    const second = await vscode.commands.executeCommand<string>('providerDesk.importHerokuToken', providerId);
    assert.ok(first && second, 'no credential was created');
    const credentials = api.listProviders().find((provider) => provider.id === providerId)?.credentials ?? [];
    assert.deepStrictEqual(credentials.map((credential) => credential.name).sort(), ['heroku-cli', 'heroku-cli-2']);
    assert.deepStrictEqual(credentials[0]!.fields, [{ key: 'apitoken', type: 'String', sensitive: true }]);
    assert.deepStrictEqual(await api.testHooks.store.readFieldValues(first), { apitoken: heroku.token });
    assert.ok(heroku.requests.some((request) => request.path === '/account' && request.authorization === `Bearer ${heroku.token}`));
  });

  it('prefers HEROKU_API_KEY, and saves nothing when Heroku rejects the token', async () => {
    fs.writeFileSync(netrc(), `machine api.heroku.com login cli@example.com password ${heroku.token}\n`);
    process.env.HEROKU_API_KEY = 'HRKU-rejected-by-the-fake';
    const result = await vscode.commands.executeCommand<string | undefined>('providerDesk.importHerokuToken', providerId);
    assert.strictEqual(result, undefined);
    assert.ok(heroku.requests.some((request) => request.path === '/account' && request.authorization === 'Bearer HRKU-rejected-by-the-fake'));
    const api = await activateApi();
    assert.deepStrictEqual(api.listProviders().find((provider) => provider.id === providerId)?.credentials, []);
  });

  it('says plainly when there is no token to import', async () => {
    const result = await vscode.commands.executeCommand<string | undefined>('providerDesk.importHerokuToken', providerId);
    assert.strictEqual(result, undefined);
  });
});
