// A German user: a second code-server with display language `de` and the same VSIX. The manifest texts come from
// package.nls.de.json, `vscode.l10n.t` texts and those of the vscode-free modules (form labels through
// `@vscode/l10n`, field errors included) from l10n/bundle.l10n.de.json — the files VS Code picks by display language.
import * as assert from 'node:assert';
import { Workbench } from './workbench';

describe('Provider Desk for a German user (display language de)', () => {
  const german = new Workbench({ locale: 'de' });

  before(async function () {
    this.timeout(300_000);
    await german.start();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await german.screenshot(`failure-de-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });

  after(async function () {
    this.timeout(60_000);
    await german.stop();
  });

  it('the workbench runs in German', async () => {
    const language = await german.page.evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE);
    assert.strictEqual(language, 'de');
  });

  it('the Providers view and its welcome are German (package.nls.de.json)', async () => {
    const sidebar = await german.openProvidersView();
    // The only view of its container: VS Code shows its name in the container's title, "Provider Desk: Anbieter".
    await sidebar.locator('.composite.title .title-label', { hasText: 'Provider Desk: Anbieter' }).first().waitFor({ timeout: 30_000 });
    const welcome = sidebar.locator('.welcome-view-content');
    await welcome.getByText('Noch keine Anbieter.').waitFor({ timeout: 30_000 });
    assert.strictEqual(await welcome.getByRole('button', { name: 'Anbieter hinzufügen' }).count(), 1);
    await german.screenshot('empty-view-de');
  });

  it('a command from the palette answers in German (vscode.l10n.t)', async () => {
    await german.runCommand('Provider Desk: Neues Ticket');
    const message = await german.notification(/Ein Ticket läuft gegen einen Bereich/);
    assert.match(message, /Fügen Sie zuerst einen Anbieter, Zugangsdaten mit Ihrem API-Token und einen Bereich hinzu\./);
  });

  it('the Add Provider form is German (@vscode/l10n in a module without vscode)', async () => {
    const sidebar = await german.openProvidersView();
    await sidebar.locator('.welcome-view-content').getByRole('button', { name: 'Anbieter hinzufügen' }).click();
    const form = await german.webview('Anbieter hinzufügen');
    await form.getByRole('textbox', { name: 'Konto-ID' }).waitFor({ timeout: 30_000 });
    assert.strictEqual(await form.getByRole('button', { name: 'Anbieter erstellen' }).count(), 1);
    assert.match(await form.locator('body').innerText(), /Der API-Host des Kontos, z\. B\. api\.heroku\.com für Heroku\./);
  });

  it('a field error in that form is German (the problem code worded by the German bundle)', async () => {
    const form = await german.webview('Anbieter hinzufügen');
    await form.locator('#name input').fill('Lokal');
    await form.locator('#accountId input').fill('http://example.com');
    await form.getByRole('button', { name: 'Anbieter erstellen' }).click();
    const error = form.locator('[data-error-for="accountId"]');
    await error.filter({ hasText: 'Einfaches http:// ist nur für einen Loopback-Host erlaubt' }).waitFor({ timeout: 30_000 });
    assert.doesNotMatch(await error.innerText(), /only allowed/);
    await german.screenshot('form-error-de');
    await form.locator('#accountId input').press('Escape');
    await german.page.locator('.tab', { hasText: 'Anbieter hinzufügen' }).waitFor({ state: 'detached' });
  });
});
