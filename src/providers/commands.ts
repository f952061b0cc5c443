import * as vscode from 'vscode';
import { registerCommand } from '../common/registerCommand';
import { resolveProvider } from '../common/targets';
import type { ProviderInput } from '../model/schemas';
import type { Services } from '../services';

function isProviderInput(argument: unknown): argument is ProviderInput {
  return typeof argument === 'object' && argument !== null && 'name' in argument && 'accountId' in argument;
}

export function registerProviderCommands(services: Services): void {
  const { context, logger, store, forms } = services;

  registerCommand(context, logger, 'providerDesk.addProvider', async (input?: unknown) => {
    if (!isProviderInput(input)) return forms.provider();
    const provider = await store.createProvider(input);
    await services.reveal({ providerId: provider.id });
    return provider.id;
  });

  registerCommand(context, logger, 'providerDesk.editProvider', async (target?: unknown) => {
    const provider = await resolveProvider(store, target);
    await forms.provider(provider.id);
  });

  registerCommand(context, logger, 'providerDesk.deleteProvider', async (target?: unknown) => {
    const provider = await resolveProvider(store, target);
    const credentials = store.credentials(provider.id).length;
    const scopes = store.scopes(provider.id).length;
    const detail = credentials + scopes === 0
      ? vscode.l10n.t('It has no credentials or scopes.')
      : vscode.l10n.t('Its {0} credential(s), their stored secrets and its {1} scope(s) are deleted with it.', credentials, scopes);
    const confirm = vscode.l10n.t('Delete Provider');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Delete provider "{0}"?', provider.name), { modal: true, detail }, confirm);
    if (answer !== confirm) return;
    await store.deleteProvider(provider.id);
    logger.info(`deleted provider ${provider.id}`);
  });
}
