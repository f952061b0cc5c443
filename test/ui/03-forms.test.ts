// Runs after the seed flow, on its provider Heroku / credential heroku-token / scope heroku-apps.
import * as assert from 'node:assert';
import { chooseOption, workbench } from './workbench';

describe('Forms: bad input, editing without replacing a secret, light theme', () => {
  it('an invalid provider form shows each error next to its field and stores nothing', async () => {
    await workbench.openProvidersView();
    const rowsBefore = await workbench.page.locator('.part.sidebar .monaco-list-row[aria-level="1"]').count();
    await workbench.runCommand('Provider Desk: Add Provider');
    const form = await workbench.webview('Add Provider');
    // The form's own checks import zod from dist/webview/zod.js, the file the extension host requires too; it leaves
    // zod on this global (scripts/build.mjs).
    await form.waitForFunction(() => typeof (globalThis as { providerDeskZod?: { z?: unknown } }).providerDeskZod?.z === 'object');
    await form.locator('#name input').fill('heroku');
    await form.locator('#accountId input').fill('http://api.heroku.com');
    await form.getByRole('button', { name: 'Create Provider' }).click();
    await form.locator('[data-error-for="name"]', { hasText: /already/i }).waitFor();
    await form.locator('[data-error-for="accountId"]', { hasText: /http/i }).waitFor();
    await workbench.screenshot('forms/provider-errors');
    await form.locator('#accountId input').press('Escape');
    await workbench.page.locator('.tab', { hasText: 'Add Provider' }).waitFor({ state: 'detached' });
    assert.strictEqual(await workbench.page.locator('.part.sidebar .monaco-list-row[aria-level="1"]').count(), rowsBefore);
  });

  it('editing a credential without Replace keeps its secret, and the secret never reaches the form', async () => {
    await workbench.clickInlineAction(workbench.treeRow('heroku-token', 3), 'Edit Credential');
    const form = await workbench.webview('Edit Credential: heroku-token');
    const row = form.locator('[data-field-row]').first();
    await row.locator('.replace-value').waitFor();
    assert.ok(!(await form.content()).includes(workbench.fakeHeroku.token), 'the stored token was sent to the webview');
    await form.locator('#name input').fill('heroku-token-renamed');
    await workbench.screenshot('forms/credential-edit');
    await form.getByRole('button', { name: 'Save' }).click();
    await workbench.notification('Credential "heroku-token-renamed" saved.');
    await workbench.treeRow('heroku-token-renamed', 3).waitFor();

    await workbench.clickInlineAction(workbench.treeRow('heroku-apps', 3), 'Verify Connection');
    await workbench.notification(`Connected as ${workbench.fakeHeroku.email}`);
  });

  it('turning Sensitive off for the stored token warns in the form and asks on Save; Cancel keeps the secret where it is', async () => {
    await workbench.clickInlineAction(workbench.treeRow('heroku-token-renamed', 3), 'Edit Credential');
    const form = await workbench.webview('Edit Credential: heroku-token-renamed');
    const row = form.locator('[data-field-row]').first();
    await row.locator('.replace-value').waitFor();
    assert.strictEqual(await row.locator('.plain-text-warning').count(), 0, 'a warning while Sensitive is on');
    await row.locator('.field-sensitive').click();
    await row.locator('.plain-text-warning', { hasText: 'the stored secret is saved unencrypted and shown in this form' }).waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    const dialog = await workbench.modalDialog();
    assert.match(await dialog.innerText(), /Store apitoken of credential "heroku-token-renamed" unencrypted\?[\s\S]*plain text/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await form.locator('[data-error-for="form"]', { hasText: 'Not saved: apitoken would be stored unencrypted' }).waitFor();
    assert.ok(!(await form.content()).includes(workbench.fakeHeroku.token), 'the stored token reached the webview');
    await form.locator('#name input').press('Escape');
    await workbench.page.locator('.tab', { hasText: 'Edit Credential' }).waitFor({ state: 'detached' });
    assert.match(await workbench.treeRow('heroku-token-renamed', 3).innerText(), /apitoken \(sensitive\)/);
  });

  it('the forms in a light theme', async () => {
    await workbench.setColorTheme('Light Modern');
    try {
      await workbench.runCommand('Provider Desk: Add Provider');
      const provider = await workbench.webview('Add Provider');
      await provider.locator('#name input').fill('Heroku staging');
      await chooseOption(provider, '#type', 'Other');
      await provider.locator('#accountId input').fill('api.heroku.com');
      await workbench.screenshot('forms/provider-light');
      await provider.locator('#name input').press('Escape');

      await workbench.clickInlineAction(workbench.treeRow('Credentials', 2), 'Add Credential');
      const credential = await workbench.webview('Add Credential: Heroku');
      await credential.locator('#name input').fill('another-token');
      await credential.locator('[data-field-row] .field-key input').first().fill('apitoken');
      await workbench.screenshot('forms/credential-light');
      await credential.locator('#name input').press('Escape');

      await workbench.clickInlineAction(workbench.treeRow('Scopes', 2), 'Add Scope');
      const scope = await workbench.webview('Add Scope: Heroku');
      await scope.locator('#name input').fill('heroku-staging');
      await workbench.screenshot('forms/scope-light');
      await scope.locator('#name input').press('Escape');
      await workbench.page.locator('.tab', { hasText: 'Add Scope' }).waitFor({ state: 'detached' });
    } finally {
      await workbench.setColorTheme('Dark Modern');
    }
  });
});
