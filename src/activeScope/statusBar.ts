import * as vscode from 'vscode';
import { registerCommand, type CommandDeps } from '../common/registerCommand';
import { resolveScope } from '../common/targets';
import { commandIds } from '../model/commandIds';
import type { ProviderStore } from '../store/providerStore';
import type { ActiveScope } from './activeScope';

/**
 * What the status bar needs to know of tickets: the newest one on a scope, and when another was recorded. Declared
 * here rather than imported from tickets/, which imports the active scope: extension.ts plugs the two together.
 */
export interface LastTickets {
  lastFor(scopeId: string): { readonly number: number; readonly outcome: string; readonly errorKind?: string } | undefined;
  readonly onDidRecordTicket: vscode.Event<void>;
}

export interface ActiveScopeStatusBarDeps extends CommandDeps {
  readonly store: ProviderStore;
  readonly activeScope: ActiveScope;
  readonly tickets: LastTickets;
}

/**
 * The active scope and its provider in the status bar; a click switches it. It turns into a warning when the last
 * ticket on that scope failed because Heroku rejected the token, so a stale token shows before the next ticket fails.
 */
export function registerActiveScopeStatusBar({ context, logger, store, activeScope, tickets }: ActiveScopeStatusBarDeps): void {
  const item = vscode.window.createStatusBarItem('providerDesk.activeScope', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Provider Desk Active Scope');
  item.command = commandIds.selectActiveScope;

  const update = (): void => {
    const scope = activeScope.get();
    if (!scope) {
      item.hide();
      return;
    }
    const provider = store.provider(scope.providerId);
    const credential = store.credential(scope.credentialId);
    const label = `${scope.name} · ${provider?.name ?? '?'}`;
    const last = tickets.lastFor(scope.id);
    const rejected = last?.outcome === 'failed' && last.errorKind === 'unauthorized';
    item.accessibilityInformation = {
      role: 'button',
      label: rejected ? vscode.l10n.t('Provider Desk active scope: {0}, token rejected', label) : vscode.l10n.t('Provider Desk active scope: {0}', label),
    };
    if (rejected) {
      item.text = `$(warning) ${label}`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      item.tooltip = vscode.l10n.t('Active scope "{0}": Heroku rejected the token of credential "{1}" in ticket #{2}. Edit the credential with a new token from Heroku Account Settings → API Key (or `heroku auth:token`). Click to switch scopes.',
        scope.name, credential?.name ?? '?', last.number);
    } else {
      item.text = `$(cloud) ${label}`;
      item.backgroundColor = undefined;
      item.tooltip = vscode.l10n.t('Active scope "{0}" of provider "{1}" (credential "{2}"). New tickets use it unless you pick another. Click to switch scopes.',
        scope.name, provider?.name ?? '?', credential?.name ?? '?');
    }
    item.show();
  };

  context.subscriptions.push(item, activeScope.onDidChange(update), tickets.onDidRecordTicket(update));
  update();

  registerCommand(context, logger, commandIds.selectActiveScope, async (target?: unknown) => {
    const scope = await resolveScope(store, target, vscode.l10n.t('Select the active scope (new tickets use it)'), activeScope.get()?.id);
    await activeScope.set(scope);
    logger.info(`active scope: "${scope.name}"`);
    return scope.id;
  });
}
