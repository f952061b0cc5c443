import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { ProviderStore } from '../../src/store/providerStore';
import type { TreeNode } from '../../src/tree/treeNode';
import { activateApi, deleteAllProviders, unique } from './api';

const token = 'HRKU-integration-canary-3f9d2c71a0b4';

function label(node: TreeNode): string {
  const item = node.getTreeItem();
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

describe('Providers, credentials and scopes in the real extension host', () => {
  beforeEach(async () => deleteAllProviders(await activateApi()));

  it('creates provider → sensitive credential → scope, and the tree shows them', async () => {
    const api = await activateApi();
    const name = unique('Heroku');
    const providerId = await vscode.commands.executeCommand<string>('providerDesk.addProvider', { name, type: 'Other', accountId: 'api.heroku.com' });
    assert.ok(providerId, 'addProvider with an input returned no id');
    const credentialId = await api.createCredential(providerId, { name: 'heroku-token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: token }] });
    await api.createScope(providerId, { name: 'heroku-apps', credentialId });

    const [provider] = api.listProviders();
    assert.strictEqual(provider?.name, name);
    assert.strictEqual(provider.accountId, 'api.heroku.com');
    assert.deepStrictEqual(provider.credentials.map((c) => [c.name, c.fields]), [['heroku-token', [{ key: 'apitoken', type: 'String', sensitive: true }]]]);
    assert.deepStrictEqual(provider.scopes.map((s) => [s.name, s.credentialId]), [['heroku-apps', credentialId]]);

    const tree = api.testHooks.tree;
    const roots = await tree.getChildren() as TreeNode[];
    assert.deepStrictEqual(roots.map(label), [name]);
    const groups = roots[0]!.getChildren();
    assert.deepStrictEqual(groups.map(label), ['Scopes', 'Credentials']);
    assert.deepStrictEqual(groups.map((group) => group.getTreeItem().description), ['1', '1']);
    const [scopeRow] = groups[0]!.getChildren();
    assert.strictEqual(label(scopeRow!), 'heroku-apps');
    assert.strictEqual(scopeRow!.getTreeItem().description, 'uses heroku-token');
    const [credentialRow] = groups[1]!.getChildren();
    assert.strictEqual(credentialRow!.getTreeItem().description, 'apitoken (sensitive)');
    assert.strictEqual(credentialRow!.getTreeItem().contextValue, 'credential+sensitive');

    // Tooltips come on hover (resolveTreeItem), not with every row the view draws.
    const hover = async (node: TreeNode): Promise<vscode.TreeItem['tooltip']> => {
      const item = node.getTreeItem();
      assert.strictEqual(item.tooltip, undefined, `${node.id} carries its tooltip before it is hovered`);
      return (await tree.resolveTreeItem?.(item, node, new vscode.CancellationTokenSource().token))?.tooltip;
    };
    const providerTooltip = await hover(roots[0]!);
    assert.ok(providerTooltip instanceof vscode.MarkdownString);
    assert.strictEqual(providerTooltip.value, `**${name.replace('-', '\\-')}** · Type Other · Account ID \`api.heroku.com\``);
    assert.strictEqual(await hover(scopeRow!), 'Scope heroku-apps: calls the provider with credential heroku-token');
    assert.strictEqual(await hover(credentialRow!), 'Used by scopes: heroku-apps');
  });

  it('keeps the token in SecretStorage only, never in globalState', async () => {
    const api = await activateApi();
    const providerId = await api.createProvider({ name: unique('Heroku'), type: 'Other', accountId: 'api.heroku.com' });
    const credentialId = await api.createCredential(providerId, { name: 'heroku-token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: token }] });
    const { globalState, secrets, store } = api.testHooks;
    const everything = JSON.stringify(globalState.keys().map((key) => [key, globalState.get(key)]));
    assert.ok(!everything.includes(token), 'the token leaked into globalState');
    const field = store.credential(credentialId)!.fields[0]!;
    assert.strictEqual(await secrets.get(`providerDesk.secret/${credentialId}/${field.id}`), token);
    assert.deepStrictEqual(await store.readFieldValues(credentialId), { apitoken: token });
  });

  it('deleting a provider deletes its credentials, scopes and secrets', async () => {
    const api = await activateApi();
    const providerId = await api.createProvider({ name: unique('Heroku'), type: 'Other', accountId: 'api.heroku.com' });
    const credentialId = await api.createCredential(providerId, { name: 'heroku-token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: token }] });
    await api.createScope(providerId, { name: 'heroku-apps', credentialId });
    const fieldId = api.testHooks.store.credential(credentialId)!.fields[0]!.id;
    await api.deleteProvider(providerId);
    assert.deepStrictEqual(api.listProviders(), []);
    assert.strictEqual(await api.testHooks.secrets.get(`providerDesk.secret/${credentialId}/${fieldId}`), undefined);
    assert.deepStrictEqual(await api.testHooks.store.auditSecrets(), { orphaned: [], missing: [] });
  });

  it('refuses to delete a credential a scope uses unless the scopes go too', async () => {
    const api = await activateApi();
    const providerId = await api.createProvider({ name: unique('Heroku'), type: 'Other', accountId: 'api.heroku.com' });
    const credentialId = await api.createCredential(providerId, { name: 'heroku-token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: token }] });
    await api.createScope(providerId, { name: 'heroku-apps', credentialId });
    await assert.rejects(api.deleteCredential(credentialId), /heroku-apps/);
    assert.strictEqual(api.listProviders()[0]!.scopes.length, 1);
    await api.deleteCredential(credentialId, { deleteScopes: true });
    assert.deepStrictEqual(api.listProviders()[0]!.scopes, []);
    assert.deepStrictEqual(api.listProviders()[0]!.credentials, []);
  });

  it('a reload (a new store over the same storage) keeps everything, secret included', async () => {
    const api = await activateApi();
    const name = unique('Heroku');
    const providerId = await api.createProvider({ name, type: 'Other', accountId: 'api.heroku.com' });
    const credentialId = await api.createCredential(providerId, { name: 'heroku-token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: token }] });
    await api.createScope(providerId, { name: 'heroku-apps', credentialId });
    const reloaded = new ProviderStore(api.testHooks.globalState, api.testHooks.secrets);
    try {
      const report = await reloaded.load();
      assert.deepStrictEqual(report.invalid, []);
      assert.deepStrictEqual(reloaded.providers().map((provider) => provider.name), [name]);
      assert.deepStrictEqual(reloaded.scopes(providerId).map((scope) => scope.name), ['heroku-apps']);
      assert.deepStrictEqual(await reloaded.readFieldValues(credentialId), { apitoken: token });
    } finally {
      reloaded.dispose();
    }
  });

  it('refuses a bad Account ID and stores nothing', async () => {
    const api = await activateApi();
    await assert.rejects(api.createProvider({ name: 'Bad', type: 'Other', accountId: 'http://api.heroku.com' }), /http/i);
    assert.deepStrictEqual(api.listProviders(), []);
  });
});
