// The Connect Heroku walkthrough's completion: context keys set from the store's state and by the commands that
// complete a step. Imports only store/.
import * as vscode from 'vscode';
import type { ProviderStore } from '../store/providerStore';

/**
 * Context keys that mark the "Connect Heroku" walkthrough's steps done (its completion events are onContext:…),
 * kept in step with the store.
 */
export function registerWalkthroughContext(context: vscode.ExtensionContext, store: ProviderStore): void {
  const update = (): void => {
    const providers = store.providers();
    void vscode.commands.executeCommand('setContext', 'providerDesk.hasProviders', providers.length > 0);
    void vscode.commands.executeCommand('setContext', 'providerDesk.hasCredentials', providers.some((provider) => store.credentials(provider.id).length > 0));
    void vscode.commands.executeCommand('setContext', 'providerDesk.hasScopes', providers.some((provider) => store.scopes(provider.id).length > 0));
  };
  update();
  context.subscriptions.push(store.onDidChange(update));
}

export function markWalkthroughStep(key: 'providerDesk.connectionVerified' | 'providerDesk.ticketSucceeded'): void {
  void vscode.commands.executeCommand('setContext', key, true);
}
