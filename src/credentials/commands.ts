import * as vscode from 'vscode';
import { registerCommand } from '../common/registerCommand';
import { resolveCredential, resolveProvider } from '../common/targets';
import type { Services } from '../services';

export function registerCredentialCommands(services: Services): void {
  const { context, logger, store, forms } = services;

  registerCommand(context, logger, 'providerDesk.addCredential', async (target?: unknown) => {
    const provider = await resolveProvider(store, target);
    await forms.credential(provider.id);
  });

  registerCommand(context, logger, 'providerDesk.editCredential', async (target?: unknown) => {
    const credential = await resolveCredential(store, target);
    await forms.credential(credential.providerId, credential.id);
  });

  registerCommand(context, logger, 'providerDesk.deleteCredential', async (target?: unknown) => {
    const credential = await resolveCredential(store, target);
    const usedBy = store.scopesUsingCredential(credential.id).map((scope) => scope.name);
    const sensitive = credential.fields.filter((field) => field.sensitive).length;
    const detail = [
      sensitive > 0 ? vscode.l10n.t('Its {0} stored secret(s) are deleted from secret storage.', sensitive) : undefined,
      usedBy.length > 0 ? vscode.l10n.t('Scopes that use it are deleted too, so none is left without a credential: {0}.', usedBy.join(', ')) : undefined,
    ].filter(Boolean).join(' ');
    const confirm = usedBy.length > 0 ? vscode.l10n.t('Delete Credential and Scopes') : vscode.l10n.t('Delete Credential');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Delete credential "{0}"?', credential.name), { modal: true, detail }, confirm);
    if (answer !== confirm) return;
    await store.deleteCredential(credential.id, { deleteScopes: usedBy.length > 0 });
    logger.info(`deleted credential ${credential.id} and ${usedBy.length} scope(s)`);
  });
}
