// Maintenance of the stored data the user can reach: Clean Up Unused Secrets, and telling the user about load
// problems (loadProblems.ts). Imports model/, store/ and common/.
import * as vscode from 'vscode';
import { registerCommand, type CommandDeps } from '../common/registerCommand';
import { commandIds } from '../model/commandIds';
import type { ProviderStore } from '../store/providerStore';

const cleanUpSecretsCommand = commandIds.cleanUpSecrets;

export interface CleanUpSecretsDeps extends CommandDeps {
  readonly store: ProviderStore;
}

/**
 * Finds secrets that no credential field uses any more (left by an interrupted save, a keyring that refused a delete,
 * or another window) and deletes them after asking. VS Code cannot list the keys in SecretStorage, so only the keys
 * Provider Desk recorded can be checked; the messages say so. Counts only: no key and no value is shown.
 */
export function registerCleanUpSecrets({ context, logger, store }: CleanUpSecretsDeps): void {
  registerCommand(context, logger, cleanUpSecretsCommand, async () => {
    const { orphaned, missing } = await store.auditSecrets();
    logger.info(`${cleanUpSecretsCommand}: ${orphaned.length} unused secret(s), ${missing.length} sensitive field(s) without a secret`);
    const missingNote = missing.length === 0 ? '' : ` ${vscode.l10n.t('{0} sensitive field(s) have no stored value: edit those credentials and enter the value again.', missing.length)}`;
    const limit = vscode.l10n.t('VS Code cannot list stored secrets, so only the secrets Provider Desk has recorded were checked.');
    if (orphaned.length === 0) {
      void vscode.window.showInformationMessage(`${vscode.l10n.t('No unused secrets found.')} ${limit}${missingNote}`);
      return 0;
    }
    const confirm = vscode.l10n.t('Delete Unused Secrets');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Delete {0} unused secret(s)?', orphaned.length), {
      modal: true,
      detail: `${vscode.l10n.t('No credential field uses them any more. They are deleted from secret storage for good; their values are not shown.')} ${limit}`,
    }, confirm);
    if (answer !== confirm) return 0;
    const deleted = await store.deleteOrphanedSecrets();
    logger.info(`${cleanUpSecretsCommand}: deleted ${deleted.length} unused secret(s)`);
    void vscode.window.showInformationMessage(`${vscode.l10n.t('Deleted {0} unused secret(s).', deleted.length)}${missingNote}`);
    return deleted.length;
  });
}
