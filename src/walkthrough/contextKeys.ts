// The Connect Heroku walkthrough's completion: context keys set from the store's state and by the commands that
// complete a step. Imports only store/. `providerDesk.noProviders` shows the Providers view's welcome ("No providers
// yet", package.json viewsWelcome) once the store has loaded and is empty: not while the extension is still
// activating for someone who has providers. (`providerDesk.hasProviders == false` would not do: VS Code reads a
// comparison with false as `!providerDesk.hasProviders`, true while the key is unset.)
import * as vscode from 'vscode';
import type { ProviderStore } from '../store/providerStore';

/**
 * Context keys from the store's state, kept in step with it: the "Connect Heroku" walkthrough's steps done (its
 * completion events are onContext:…) and the view's welcome.
 */
export function registerWalkthroughContext(context: vscode.ExtensionContext, store: ProviderStore): void {
  const update = (): void => {
    const providers = store.providers();
    void vscode.commands.executeCommand('setContext', 'providerDesk.hasProviders', providers.length > 0);
    void vscode.commands.executeCommand('setContext', 'providerDesk.noProviders', providers.length === 0);
    void vscode.commands.executeCommand('setContext', 'providerDesk.hasCredentials', providers.some((provider) => store.credentials(provider.id).length > 0));
    void vscode.commands.executeCommand('setContext', 'providerDesk.hasScopes', providers.some((provider) => store.scopes(provider.id).length > 0));
  };
  update();
  context.subscriptions.push(store.onDidChange(update));
}

export function markWalkthroughStep(key: 'providerDesk.connectionVerified' | 'providerDesk.ticketSucceeded'): void {
  void vscode.commands.executeCommand('setContext', key, true);
}
