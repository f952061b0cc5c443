import * as assert from 'node:assert';
import { workbench } from './workbench';

describe('Provider Desk in the workbench, before any provider exists', () => {
  it('shows the Providers view with its welcome and an Add Provider button', async () => {
    const sidebar = await workbench.openProvidersView();
    const welcome = sidebar.locator('.welcome-view-content');
    await welcome.getByText('No providers yet').waitFor({ timeout: 30_000 });
    const button = welcome.getByRole('button', { name: 'Add Provider' });
    assert.strictEqual(await button.count(), 1);
    await workbench.screenshot('empty-view');
  });

  it('New Ticket from the palette offers to add a provider instead of an empty pick', async () => {
    await workbench.runCommand('Provider Desk: New Ticket');
    await workbench.runCommand('Notifications: Show Notifications');
    const notification = workbench.page.locator('.notification-list-item', { hasText: /there are no scopes yet/ }).first();
    await notification.waitFor({ timeout: 20_000 });
    assert.strictEqual(await notification.getByRole('button', { name: 'Add Provider' }).count(), 1);
    await workbench.runCommand('Notifications: Clear All Notifications');
  });
});
