// After the seed flow: the Connect Heroku walkthrough lists its steps and ticks one when the user does it.
import * as assert from 'node:assert';
import { workbench } from './workbench';

describe('The Connect Heroku walkthrough', () => {
  it('opens from the palette, lists the seed steps, and ticks Verify Connection once the user verifies', async () => {
    await workbench.runCommand('Welcome: Open Walkthrough...');
    await workbench.pickQuickItem('Connect Heroku');
    const page = workbench.page.locator('.gettingStartedContainer');
    await page.getByText('Add the Heroku provider').first().waitFor({ timeout: 30_000 });
    const titles = (await page.locator('.getting-started-step .step-title').allInnerTexts()).map((title) => title.trim());
    assert.deepStrictEqual(titles, ['Get your Heroku API token', 'Add the Heroku provider', 'Add a credential with your token',
      'Add a scope', 'Verify the connection', 'Open a ticket']);
    const verifyStep = page.locator('.getting-started-step', { hasText: 'Verify the connection' });
    assert.strictEqual(await verifyStep.locator('.codicon-getting-started-step-checked').count(), 0);

    await workbench.runCommand('Provider Desk: Verify Connection');
    await workbench.pickQuickItem('heroku-apps');
    await workbench.notification(`Connected as ${workbench.fakeHeroku.email}`);
    await verifyStep.locator('.codicon-getting-started-step-checked').waitFor({ timeout: 30_000 });
    await workbench.screenshot('walkthrough/connect-heroku');
  });
});
