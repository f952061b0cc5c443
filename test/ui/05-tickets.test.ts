// After the seed flow and the forms: provider Heroku, credential heroku-token-renamed, scope heroku-apps; the fake
// Heroku API has 1,500 apps.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chooseOption, escapeRegExp, workbench } from './workbench';

const activeScopeItem = (label: string) => workbench.page.locator(`.part.statusbar .statusbar-item[aria-label="Provider Desk active scope: ${label}"]`);
const focusedQuickItem = () => workbench.page.locator('.quick-input-widget .monaco-list-row.focused');

describe('Active scope in the status bar, and the other ticket kinds', () => {
  before(() => workbench.runCommand('View: Close All Editors'));

  it('shows the active scope; a click switches it and New Ticket preselects the new one', async () => {
    await activeScopeItem('heroku-apps · Heroku').waitFor({ timeout: 30_000 });

    await workbench.openProvidersView();
    await workbench.clickInlineAction(workbench.treeRow('Scopes', 2), 'Add Scope');
    const form = await workbench.webview('Add Scope: Heroku');
    await form.locator('#name input').fill('heroku-staging');
    await chooseOption(form, '#credential', 'heroku-token-renamed');
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await workbench.notification('Scope "heroku-staging" created.');

    await activeScopeItem('heroku-apps · Heroku').click();
    await workbench.pickQuickItem('heroku-staging');
    await activeScopeItem('heroku-staging · Heroku').waitFor();
    await workbench.screenshot('status-bar/active-scope');

    await workbench.runCommand('Provider Desk: New Ticket');
    await focusedQuickItem().filter({ hasText: 'heroku-staging' }).waitFor();
    await workbench.page.keyboard.press('Enter');
    await workbench.waitForOutputChannel('Provider Desk', /scope "heroku-staging"[^\n]*\n\nNAME [\s\S]*\n1,500 apps\n/);
  });

  it('warns in the status bar after Heroku rejects the token, until a ticket succeeds again', async () => {
    workbench.fakeHeroku.setFault({ type: 'status', status: 401 });
    try {
      await workbench.runCommand('Provider Desk: New Ticket');
      await focusedQuickItem().filter({ hasText: 'heroku-staging' }).waitFor();
      await workbench.page.keyboard.press('Enter');
      await workbench.notification(/failed: Heroku rejected the API token/);
    } finally {
      workbench.fakeHeroku.clearFaults();
    }
    const warning = activeScopeItem('heroku-staging · Heroku, token rejected');
    await warning.waitFor();
    await warning.hover();
    const hover = workbench.page.locator('.monaco-hover', { hasText: 'Heroku rejected the token of credential "heroku-token-renamed"' });
    await hover.waitFor();
    assert.match(await hover.innerText(), /Account Settings → API Key/);
    await workbench.screenshot('status-bar/token-rejected');

    await workbench.runCommand('Provider Desk: New Ticket');
    await focusedQuickItem().filter({ hasText: 'heroku-staging' }).waitFor();
    await workbench.page.keyboard.press('Enter');
    await activeScopeItem('heroku-staging · Heroku').waitFor();
  });

  it('List Dynos of an App: pick the app, read its dynos in the Output panel', async () => {
    const app = 'app-00011';
    const dynos = workbench.fakeHeroku.dynos(app);
    await workbench.runCommand('Provider Desk: List Dynos of an App');
    await focusedQuickItem().filter({ hasText: 'heroku-staging' }).waitFor();
    await workbench.page.keyboard.press('Enter');
    const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
    await workbench.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'app-00001' }).first().waitFor({ timeout: 30_000 });
    await input.fill(app);
    await workbench.pickQuickItem(app);
    await workbench.waitForOutputPanel(`Dynos of app "${app}"`);
    await workbench.screenshot('tickets/dynos');
    const text = workbench.outputChannelText('Provider Desk');
    const ticket = text.slice(text.lastIndexOf(`Dynos of app "${app}"`));
    for (const dyno of dynos) assert.match(ticket, new RegExp(`^${dyno.name.replace('.', '\\.')}\\s+${dyno.state}\\s+${dyno.size}\\s+${dyno.type}\\s`, 'm'));
    assert.match(ticket, new RegExp(`\\n${dynos.length} dynos\\n`));
  });

  it('Show Account from the scope\'s context menu', async () => {
    await workbench.openProvidersView();
    await workbench.treeRow('heroku-apps', 3).click({ button: 'right' });
    // Hover focuses the entry, Enter runs it: a click right after the menu opens can be taken for the right-click's release.
    const entry = workbench.page.locator('.monaco-menu .action-item', { hasText: /^Show Account$/ });
    await entry.hover();
    await workbench.page.locator('.monaco-menu .action-item.focused', { hasText: /^Show Account$/ }).waitFor();
    await workbench.page.keyboard.press('Enter');
    await workbench.waitForOutputPanel('Heroku account');
    const text = workbench.outputChannelText('Provider Desk');
    const ticket = text.slice(text.lastIndexOf('Heroku account'));
    assert.match(ticket, new RegExp(`^EMAIL\\s+${workbench.fakeHeroku.email.replace('.', '\\.')}$`, 'm'));
    assert.match(ticket, /^TWO-FACTOR AUTHENTICATION\s+on$/m);
    await workbench.screenshot('tickets/account');
  });

  it('Import from Heroku CLI: a token already stored is not imported again; for the demo API a modal names the host, Cancel sends nothing, Send imports', async () => {
    const netrc = path.join(workbench.homeDir, '.netrc');
    const { url, token, email } = workbench.fakeHeroku;
    fs.writeFileSync(netrc, `machine api.heroku.com\n  login ${email}\n  password ${token}\n`, { mode: 0o600 });
    const accountChecks = (): number => workbench.fakeHeroku.requests.filter((request) => request.path === '/account').length;
    try {
      // Provider Heroku holds the CLI's token already (heroku-token-renamed): the form's import says so and sends nothing.
      await workbench.openProvidersView();
      await workbench.clickInlineAction(workbench.treeRow('Credentials', 2), 'Add Credential');
      const form = await workbench.webview('Add Credential: Heroku');
      await form.locator('#name input').fill('cli-token');
      assert.match(await form.locator('#importHerokuCliHint').innerText(), new RegExp(`${escapeRegExp(url)} is not Heroku's API: you are asked before the token is sent there`));
      await workbench.screenshot('forms/credential-import');
      const checks = accountChecks();
      await form.getByRole('button', { name: 'Import from Heroku CLI' }).click();
      await workbench.notification('The Heroku CLI token is already stored as credential "heroku-token-renamed" of provider "Heroku". Nothing was imported.');
      assert.strictEqual(accountChecks(), checks, 'a token that is already stored was sent');
      await form.locator('#name input').press('Escape');
      await workbench.page.locator('.tab', { hasText: 'Add Credential' }).waitFor({ state: 'detached' });

      // A provider of its own on the demo API; from the palette the import asks which provider, then names the host.
      await workbench.runCommand('Provider Desk: Add Provider');
      const provider = await workbench.webview('Add Provider');
      await provider.locator('#name input').fill('Heroku CLI');
      await provider.locator('#accountId input').fill(url);
      await provider.getByRole('button', { name: 'Create Provider' }).click();
      await workbench.notification('Provider "Heroku CLI" created.');
      for (const answer of ['Cancel', `Send to ${url}`]) {
        await workbench.runCommand('Provider Desk: Import Token from Heroku CLI');
        await workbench.pickQuickItem('Heroku CLI');
        const dialog = await workbench.modalDialog();
        assert.match(await dialog.innerText(), new RegExp(`Send your Heroku CLI token to ${escapeRegExp(url)}\\?[\\s\\S]*not Heroku's API \\(api\\.heroku\\.com\\)`));
        await dialog.getByRole('button', { name: answer }).click();
        await dialog.waitFor({ state: 'detached' });
        if (answer === 'Cancel') assert.strictEqual(accountChecks(), checks, 'Cancel sent the token');
      }
      await workbench.notification(`Imported the Heroku CLI token for ${email} as credential "heroku-cli" of provider "Heroku CLI".`);
      assert.strictEqual(accountChecks(), checks + 1, 'verified with GET /account');
      assert.match(await workbench.treeRow('heroku-cli', 3).innerText(), /apitoken \(sensitive\)/);
    } finally {
      fs.rmSync(netrc, { force: true });
    }
  });

  it('after the provider\'s Account ID is edited to another host, New Ticket asks in a modal naming both; Escape sends nothing', async () => {
    const { url, otherOrigin } = workbench.fakeHeroku;
    const editAccountId = async (accountId: string): Promise<void> => {
      await workbench.openProvidersView();
      await workbench.clickInlineAction(workbench.treeRow('Heroku', 1), 'Edit Provider');
      const form = await workbench.webview('Edit Provider: Heroku');
      await form.locator('#accountId input').fill(accountId);
      await form.getByRole('button', { name: 'Save' }).click();
      await workbench.notification('Provider "Heroku" saved.');
    };
    await editAccountId(otherOrigin.url);
    try {
      const before = workbench.fakeHeroku.requests.length;
      await workbench.runCommand('Provider Desk: New Ticket');
      await focusedQuickItem().filter({ hasText: 'heroku-staging' }).waitFor();
      await workbench.page.keyboard.press('Enter');
      const dialog = await workbench.modalDialog();
      const text = await dialog.innerText();
      assert.match(text, new RegExp(`Send the token of credential "heroku-token-renamed" to ${escapeRegExp(otherOrigin.url)}\\?`));
      assert.match(text, new RegExp(`stored for ${escapeRegExp(url)}`));
      await workbench.screenshot('tickets/host-changed');
      await workbench.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await workbench.notification(/failed: Nothing was sent: credential "heroku-token-renamed" was stored for/);
      assert.deepStrictEqual(otherOrigin.requests, [], 'Escape sent the token to the new host');
      assert.strictEqual(workbench.fakeHeroku.requests.length, before);
    } finally {
      await editAccountId(url);
    }
  });
});
