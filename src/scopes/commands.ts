// Add, edit and delete scopes. Imports model/, store/, common/ and the type of the forms it is handed.
import * as vscode from 'vscode';
import { registerCommand, type CommandDeps } from '../common/registerCommand';
import { resolveProvider, resolveScope } from '../common/targets';
import type { Forms } from '../forms';
import { commandIds } from '../model/commandIds';
import type { ProviderStore } from '../store/providerStore';

export interface ScopeCommandDeps extends CommandDeps {
  readonly store: ProviderStore;
  readonly forms: Pick<Forms, 'scope'>;
}

export function registerScopeCommands({ context, logger, store, forms }: ScopeCommandDeps): void {

  registerCommand(context, logger, commandIds.addScope, async (target?: unknown) => {
    const provider = await resolveProvider(store, target);
    await forms.scope(provider.id);
  });

  registerCommand(context, logger, commandIds.editScope, async (target?: unknown) => {
    const scope = await resolveScope(store, target);
    await forms.scope(scope.providerId, scope.id);
  });

  registerCommand(context, logger, commandIds.deleteScope, async (target?: unknown) => {
    const scope = await resolveScope(store, target);
    const confirm = vscode.l10n.t('Delete Scope');
    const detail = vscode.l10n.t('The credential it uses is kept.');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Delete scope "{0}"?', scope.name), { modal: true, detail }, confirm);
    if (answer !== confirm) return;
    await store.deleteScope(scope.id);
    logger.info(`deleted scope ${scope.id}`);
  });
}
