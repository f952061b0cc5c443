// Add, edit and delete providers from the palette, the Providers view and other extensions. Imports model/, store/,
// common/ and the types of the forms and the tree it is handed.
import * as vscode from 'vscode';
import { registerCommand, type CommandDeps } from '../common/registerCommand';
import { resolveProvider } from '../common/targets';
import type { Forms } from '../forms';
import { commandIds } from '../model/commandIds';
import type { ProviderInput } from '../model/schemas';
import type { ProviderStore } from '../store/providerStore';
import type { RevealInView } from '../tree/registerTree';

function isProviderInput(argument: unknown): argument is ProviderInput {
  return typeof argument === 'object' && argument !== null && 'name' in argument && 'accountId' in argument;
}

export interface ProviderCommandDeps extends CommandDeps {
  readonly store: ProviderStore;
  readonly forms: Pick<Forms, 'provider'>;
  readonly reveal: RevealInView;
}

export function registerProviderCommands({ context, logger, store, forms, reveal }: ProviderCommandDeps): void {

  registerCommand(context, logger, commandIds.addProvider, async (input?: unknown) => {
    if (!isProviderInput(input)) return forms.provider();
    const provider = await store.createProvider(input);
    await reveal({ providerId: provider.id });
    return provider.id;
  });

  registerCommand(context, logger, commandIds.editProvider, async (target?: unknown) => {
    const provider = await resolveProvider(store, target);
    await forms.provider(provider.id);
  });

  registerCommand(context, logger, commandIds.deleteProvider, async (target?: unknown) => {
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
