import * as assert from 'node:assert';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startFakeHeroku } from '../../scripts/demoHeroku';
import type { TicketResult } from '../../src/api';
import { herokuMessages } from '../../src/heroku/messages';
import { dataKey } from '../../src/store/keys';
import { encodeStoredData } from '../../src/store/storedData';
import type { Credential, Provider, Scope } from '../../src/model/schemas';
import type { TreeNode } from '../../src/tree/treeNode';
import { activateApi, createHerokuScopes, deleteAllProviders, extensionId } from './api';

describe('Provider Desk in the extension host', () => {
  it('activates and returns its versioned API', async () => {
    const api = await activateApi();
    assert.strictEqual(vscode.extensions.getExtension(extensionId)?.isActive, true);
    assert.strictEqual(api.apiVersion, 1);
  });

  it('registers every contributed command', async () => {
    await activateApi();
    const contributed = (vscode.extensions.getExtension(extensionId)!.packageJSON as { contributes: { commands: { command: string }[] } })
      .contributes.commands.map((command) => command.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((command) => !registered.has(command)), []);
    assert.ok(contributed.length >= 14, `only ${contributed.length} commands contributed`);
  });

  // zod lives in its own file, dist/webview/zod.js, loaded on the first schema parse: activation and reading the stored
  // providers for the view must not need it (it took most of the extension's load time).
  it('activates and shows stored providers without loading zod; the first write loads it', async () => {
    const api = await activateApi();
    const zodFile = path.join(vscode.extensions.getExtension(extensionId)!.extensionPath, 'dist', 'webview', 'zod.js');
    assert.ok(fs.existsSync(zodFile), `${zodFile} is missing`);
    const loaded = (): boolean => require.cache[zodFile] !== undefined;
    assert.strictEqual(loaded(), false, 'zod was loaded at activation');

    const providerId = randomUUID();
    const credentialId = randomUUID();
    const provider: Provider = { id: providerId, name: 'Stored', type: 'Heroku', accountId: 'api.heroku.com', createdAt: new Date().toISOString() };
    const credential: Credential = { id: credentialId, providerId, name: 'Token', boundAccountId: 'api.heroku.com', fields: [{ id: randomUUID(), key: 'region', type: 'String', sensitive: false, value: 'us' }] };
    const scope: Scope = { id: randomUUID(), providerId, name: 'Production', credentialId };
    await api.testHooks.globalState.update(dataKey, encodeStoredData({ providers: [provider], credentials: [credential], scopes: [scope], secretIndex: [] }, randomUUID()));
    await api.testHooks.store.reload();
    const rows = await api.testHooks.tree.getChildren(undefined) as TreeNode[];
    const labels = await Promise.all(rows.map(async (row) => (await api.testHooks.tree.getTreeItem(row)).label));
    assert.deepStrictEqual(labels, ['Stored']);
    assert.strictEqual(loaded(), false, 'zod was loaded to read the stored providers');

    await api.createProvider({ name: 'Written', type: 'Other', accountId: 'http://127.0.0.1:5999' });
    assert.strictEqual(loaded(), true, 'a write validates with zod, from dist/webview/zod.js');
    await deleteAllProviders(api);
  });

  // The Heroku client and node-fetch are dist/heroku.js, loaded with the first connection. Its messages must still use
  // the translations activate() handed @vscode/l10n: both bundles share that module as dist/l10n.js.
  it('loads the Heroku client with the first connection, and it translates with the bundle activation configured', async () => {
    const api = await activateApi();
    const dist = path.join(vscode.extensions.getExtension(extensionId)!.extensionPath, 'dist');
    const clientFile = path.join(dist, 'heroku.js');
    assert.ok(fs.existsSync(clientFile), `${clientFile} is missing`);
    assert.strictEqual(require.cache[clientFile], undefined, 'the Heroku client was loaded at activation');

    const l10n = createRequire(__filename)(path.join(dist, 'l10n.js')) as typeof import('@vscode/l10n');
    const heroku = await startFakeHeroku({ apps: 1 });
    try {
      await deleteAllProviders(api);
      const [scopeId] = await createHerokuScopes(api, heroku.url, heroku.token, ['Production']);
      heroku.setFault({ type: 'status', status: 401 });
      l10n.config({ contents: { [herokuMessages.unauthorized()]: 'Heroku hat das API-Token abgelehnt.' } });
      const result = await vscode.commands.executeCommand<TicketResult>('providerDesk.newTicket', scopeId);
      assert.notStrictEqual(require.cache[clientFile], undefined, 'the first connection did not load dist/heroku.js');
      assert.strictEqual(result.outcome, 'failed');
      assert.match(result.error ?? '', /Heroku hat das API-Token abgelehnt\./);
    } finally {
      l10n.config({ contents: vscode.l10n.bundle ?? {} });
      await heroku.close();
      await deleteAllProviders(api);
    }
  });
});
