// Add, edit and delete credentials. Imports model/, store/, common/ and the type of the forms it is handed.
import * as vscode from 'vscode';
import { registerCommand, type CommandDeps } from '../common/registerCommand';
import { resolveCredential, resolveProvider } from '../common/targets';
import type { Forms } from '../forms';
import { commandIds } from '../model/commandIds';
import type { ProviderStore } from '../store/providerStore';

export interface CredentialCommandDeps extends CommandDeps {
  readonly store: ProviderStore;
  readonly forms: Pick<Forms, 'credential'>;
}

export function registerCredentialCommands({ context, logger, store, forms }: CredentialCommandDeps): void {

  registerCommand(context, logger, commandIds.addCredential, async (target?: unknown) => {
    const provider = await resolveProvider(store, target);
    await forms.credential(provider.id);
  });

  registerCommand(context, logger, commandIds.editCredential, async (target?: unknown) => {
    const credential = await resolveCredential(store, target);
    await forms.credential(credential.providerId, credential.id);
  });

  registerCommand(context, logger, commandIds.deleteCredential, async (target?: unknown) => {
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
