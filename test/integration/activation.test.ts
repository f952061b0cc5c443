import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateApi, extensionId } from './api';

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
});
