import * as assert from 'node:assert';
import * as vscode from 'vscode';

const extensionId = 'providerdesk.provider-desk';

describe('Provider Desk in the extension host', () => {
  it('activates and returns its API', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);
    const api = await extension.activate();
    assert.strictEqual(extension.isActive, true);
    assert.strictEqual((api as { apiVersion: number }).apiVersion, 1);
  });
});
