// The seed's steps, literally, in the real workbench against the fake Heroku API with 1,500 apps. Each step leaves a
// screenshot under docs/walkthrough/ (with PROVIDER_DESK_UPDATE_DOCS=1), which the README's guide shows.
import * as assert from 'node:assert';
import { chooseOption, workbench } from './workbench';

describe('The seed flow, as a person does it', () => {
  it('1. Add Provider → Heroku / Other / Account ID → Create Provider → confirmation, with Scopes and Credentials', async () => {
    const sidebar = await workbench.openProvidersView();
    await sidebar.locator('.welcome-view-content').getByRole('button', { name: 'Add Provider' }).click();
    const form = await workbench.webview('Add Provider');
    await form.locator('#name input').waitFor();
    assert.strictEqual(await form.evaluate(() => document.activeElement?.id), 'name', 'the first field is not focused');
    await form.locator('#name input').fill('Heroku');
    await chooseOption(form, '#type', 'Other');
    await form.locator('#accountId input').fill(workbench.fakeHeroku.url);
    await workbench.screenshot('walkthrough/1-add-provider');
    await form.getByRole('button', { name: 'Create Provider' }).click();

    await workbench.notification('Provider "Heroku" created.');
    const provider = workbench.treeRow('Heroku', 1);
    await workbench.expand(provider);
    await workbench.treeRow('Scopes', 2).waitFor();
    await workbench.treeRow('Credentials', 2).waitFor();
    assert.match(await provider.innerText(), new RegExp(workbench.fakeHeroku.url.replace(/[.:/]/g, '\\$&')));
    await workbench.screenshot('walkthrough/2-provider-created');
  });

  it('2. Credentials → Add → heroku-token with apitoken / String / Sensitive / the token → Create', async () => {
    await workbench.clickInlineAction(workbench.treeRow('Credentials', 2), 'Add Credential');
    const form = await workbench.webview('Add Credential: Heroku');
    await form.locator('#name input').fill('heroku-token');
    const row = form.locator('[data-field-row]').first();
    await row.locator('.field-key input').fill('apitoken');
    await row.locator('.field-key input').press('Tab');
    assert.strictEqual(await row.locator('.field-sensitive').evaluate((toggle) => (toggle as HTMLInputElement).checked), true,
      'a key named apitoken did not turn Sensitive on');
    await row.locator('.field-value input').fill(workbench.fakeHeroku.token);
    assert.strictEqual(await row.locator('.field-value input').getAttribute('type'), 'password');
    await workbench.screenshot('walkthrough/3-add-credential');
    await form.getByRole('button', { name: 'Create', exact: true }).click();

    await workbench.notification('Credential "heroku-token" created.');
    const credential = workbench.treeRow('heroku-token', 3);
    await credential.waitFor();
    assert.match(await credential.innerText(), /apitoken \(sensitive\)/);
    assert.ok(!(await workbench.page.content()).includes(workbench.fakeHeroku.token), 'the token is in the workbench DOM');
  });

  it('3. Scopes → Add → heroku-apps using heroku-token → Create', async () => {
    await workbench.clickInlineAction(workbench.treeRow('Scopes', 2), 'Add Scope');
    const form = await workbench.webview('Add Scope: Heroku');
    await form.locator('#name input').fill('heroku-apps');
    await chooseOption(form, '#credential', 'heroku-token');
    await workbench.screenshot('walkthrough/4-add-scope');
    await form.getByRole('button', { name: 'Create', exact: true }).click();

    await workbench.notification('Scope "heroku-apps" created.');
    const scope = workbench.treeRow('heroku-apps', 3);
    await scope.waitFor();
    assert.match(await scope.innerText(), /uses heroku-token/);
    await workbench.screenshot('tree');
  });

  it('4. Verify Connection on the scope → "Connected as …"', async () => {
    await workbench.clickInlineAction(workbench.treeRow('heroku-apps', 3), 'Verify Connection');
    await workbench.notification(`Connected as ${workbench.fakeHeroku.email}`);
    await workbench.screenshot('walkthrough/5-verify-connection');
  });

  it('5. New Ticket → heroku-apps → the output panel lists all 1,500 apps with region, stack and last updated', async () => {
    await workbench.runCommand('Provider Desk: New Ticket');
    await workbench.pickQuickItem('heroku-apps');
    const panel = await workbench.waitForOutputPanel('1,500 apps');
    assert.match(panel, /app-01500 +(us|eu) +heroku-2[24] +\d{4}-\d\d-\d\d \d\d:\d\d +\d+ \w+ ago/);
    await workbench.screenshot('walkthrough/6-new-ticket');
    await workbench.screenshot('new-ticket-output');
    const channel = workbench.outputChannelText('Provider Desk');
    assert.match(channel, /^NAME +REGION +STACK +LAST UPDATED/m);
    for (const app of workbench.fakeHeroku.apps()) {
      assert.match(channel, new RegExp(`^${app.name} +${app.region} +${app.stack} +${app.updatedAt.slice(0, 10)}`, 'm'), `${app.name} is missing or wrong`);
    }
  });

  it('6. Reload the window: everything is still there and New Ticket still works (the secret survived)', async () => {
    // The Explorer stays open over the reload, so the click below opens the view and activates the extension; while
    // it activates, the view must not say "No providers yet" (the welcome waits for providerDesk.noProviders).
    await workbench.page.locator('.activitybar [aria-label^="Explorer"]').first().click();
    await workbench.page.locator('.part.sidebar .composite.title .title-label', { hasText: /Explorer/i }).first().waitFor();
    await workbench.reload();
    await workbench.page.evaluate(`(() => {
      window.providerDeskWelcomeShown = false;
      new MutationObserver(() => {
        for (const node of document.querySelectorAll('.part.sidebar .welcome-view-content')) {
          if (node.textContent.includes('No providers yet')) window.providerDeskWelcomeShown = true;
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    await workbench.openProvidersView();
    await workbench.treeRow('Heroku', 1).waitFor();
    assert.strictEqual(await workbench.page.evaluate('window.providerDeskWelcomeShown'), false, 'the view said "No providers yet" before the stored providers');
    await workbench.expand(workbench.treeRow('Heroku', 1));
    await workbench.treeRow('heroku-apps', 3).waitFor();
    await workbench.treeRow('heroku-token', 3).waitFor();
    const before = workbench.fakeHeroku.requests.length;
    await workbench.runCommand('Provider Desk: New Ticket');
    await workbench.pickQuickItem('heroku-apps');
    await workbench.waitForOutputPanel('1,500 apps');
    const after = workbench.fakeHeroku.requests.slice(before);
    assert.ok(after.length >= 2 && after.every((request) => request.status === 206 || request.status === 200), 'the second ticket did not succeed against the API');
    await workbench.screenshot('walkthrough/7-after-reload');
  });
});
