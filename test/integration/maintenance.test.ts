// Stored data in the real extension host: problems found after startup reach the user (Refresh, another window's
// write), and Clean Up Unused Secrets finds, asks, deletes and reports. Notifications are captured by wrapping
// vscode.window (securityCapture.ts); the modal question is answered with its button.
import * as assert from 'node:assert';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { backupKeyPrefix, dataKey, revisionKey, secretKey } from '../../src/store/keys';
import { activateApi, deleteAllProviders, unique } from './api';
import { captureWindow, type Capture } from './securityCapture';

type StoredDocument = { providers: object[]; secretIndex: string[] } & Record<string, unknown>;

describe('Stored data in the real extension host: load problems and Clean Up Unused Secrets', () => {
  let capture: Capture;

  beforeEach(async () => {
    await deleteAllProviders(await activateApi());
    capture = captureWindow();
  });

  afterEach(async () => {
    capture.restore();
    const { globalState } = (await activateApi()).testHooks;
    for (const key of globalState.keys().filter((key) => key.startsWith(backupKeyPrefix))) await globalState.update(key, undefined);
  });

  /** Puts a provider that fails its schema into the stored document, as a hand edit or an older version would. */
  async function storeBrokenProvider(name: string): Promise<void> {
    const { globalState } = (await activateApi()).testHooks;
    const stored = globalState.get<StoredDocument>(dataKey)!;
    const broken = { id: randomUUID(), name, type: 'Other', accountId: 'http://evil.example', createdAt: new Date().toISOString() };
    await globalState.update(dataKey, { ...stored, providers: [...stored.providers, broken] });
  }

  const warningsAbout = (name: string) => capture.notifications.filter((note) => note.level === 'warning' && note.message.includes(`"${name}"`));

  it('Refresh shows a problem with the stored data once, with a button to the log', async () => {
    const api = await activateApi();
    await api.createProvider({ name: unique('Heroku'), type: 'Other', accountId: 'api.heroku.com' });
    const name = unique('Broken');
    await storeBrokenProvider(name);
    await vscode.commands.executeCommand('providerDesk.refresh');
    const [warning, ...more] = warningsAbout(name);
    assert.ok(warning, `no warning; notifications: ${JSON.stringify(capture.notifications)}`);
    assert.deepStrictEqual(more, []);
    assert.match(warning.message, /^Provider Desk could not read one stored item and left it out: ".*" \(providers\.1\.accountId\): .*A copy of the data as it was is kept under "providerDesk\.backup\./);
    assert.deepStrictEqual(warning.items, ['Show Log']);
    // The valid rest was written back: the next Refresh has nothing to tell.
    await vscode.commands.executeCommand('providerDesk.refresh');
    assert.strictEqual(warningsAbout(name).length, 1);
    assert.strictEqual(api.listProviders().length, 1);
  });

  it('a write from another window that the store cannot fully read is reported as well', async () => {
    const api = await activateApi();
    await api.createProvider({ name: unique('Heroku'), type: 'Other', accountId: 'api.heroku.com' });
    const name = unique('FromElsewhere');
    const reported = new Promise<void>((resolve) => {
      const subscription = api.testHooks.store.onDidReport(() => {
        subscription.dispose();
        resolve();
      });
    });
    // Another window writes globalState, then bumps the revision secret (globalState has no change event).
    await storeBrokenProvider(name);
    await api.testHooks.secrets.store(revisionKey, `another-window-${randomUUID()}`);
    await reported;
    // The extension subscribed before the test did, so its warning is out by now.
    assert.strictEqual(warningsAbout(name).length, 1, `notifications: ${JSON.stringify(capture.notifications)}`);
  });

  it('Clean Up Unused Secrets finds an unused secret, asks, deletes it and reports, without showing a value', async () => {
    const api = await activateApi();
    const providerId = await api.createProvider({ name: unique('Heroku'), type: 'Other', accountId: 'api.heroku.com' });
    const credentialId = await api.createCredential(providerId, { name: 'token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: 'HRKU-kept-secret-value' }] });
    const { globalState, secrets, store } = api.testHooks;
    // A secret the store recorded but no field uses (as an interrupted save leaves it).
    const orphan = secretKey(randomUUID(), randomUUID());
    const orphanValue = `orphan-${randomUUID()}`;
    await secrets.store(orphan, orphanValue);
    const stored = globalState.get<StoredDocument>(dataKey)!;
    await globalState.update(dataKey, { ...stored, secretIndex: [...stored.secretIndex, orphan] });
    await vscode.commands.executeCommand('providerDesk.refresh');

    const deleted = await vscode.commands.executeCommand<number>('providerDesk.cleanUpSecrets');
    assert.strictEqual(deleted, 1);
    const [question, done] = capture.notifications;
    assert.deepStrictEqual([question?.level, question?.message, question?.items.at(-1)], ['warning', 'Delete 1 unused secret(s)?', 'Delete Unused Secrets']);
    assert.match((question!.items[0] as vscode.MessageOptions & { detail: string }).detail, /VS Code cannot list stored secrets/);
    assert.deepStrictEqual([done?.level, done?.message], ['information', 'Deleted 1 unused secret(s).']);
    assert.strictEqual(await secrets.get(orphan), undefined);
    assert.deepStrictEqual(await store.readFieldValues(credentialId), { apitoken: 'HRKU-kept-secret-value' });
    assert.ok(!JSON.stringify(capture.notifications).includes(orphanValue), 'a notification shows the secret');

    assert.strictEqual(await vscode.commands.executeCommand<number>('providerDesk.cleanUpSecrets'), 0);
    assert.match(capture.notifications.at(-1)!.message, /^No unused secrets found\. VS Code cannot list stored secrets/);
  });
});
