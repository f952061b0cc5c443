import * as vscode from 'vscode';
import { registerCommand } from '../common/registerCommand';
import { resolveProvider, resolveScope } from '../common/targets';
import type { Services } from '../services';

export function registerScopeCommands(services: Services): void {
  const { context, logger, store, forms } = services;

  registerCommand(context, logger, 'providerDesk.addScope', async (target?: unknown) => {
    const provider = await resolveProvider(store, target);
    await forms.scope(provider.id);
  });

  registerCommand(context, logger, 'providerDesk.editScope', async (target?: unknown) => {
    const scope = await resolveScope(store, target);
    await forms.scope(scope.providerId, scope.id);
  });

  registerCommand(context, logger, 'providerDesk.deleteScope', async (target?: unknown) => {
    const scope = await resolveScope(store, target);
    const confirm = vscode.l10n.t('Delete Scope');
    const detail = vscode.l10n.t('The credential it uses is kept.');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Delete scope "{0}"?', scope.name), { modal: true, detail }, confirm);
    if (answer !== confirm) return;
    await store.deleteScope(scope.id);
    logger.info(`deleted scope ${scope.id}`);
  });
}
