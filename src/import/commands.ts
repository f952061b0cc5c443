// Import Token from Heroku CLI: finds the CLI's token (HEROKU_API_KEY or ~/.netrc), verifies it and stores it as a
// credential. Imports model/, store/, common/, connection/ (the verifying request) and the type of the tree's reveal
// it is handed.
import * as vscode from 'vscode';
import { confirmModal } from '../common/confirm';
import { UserFacingError } from '../common/errors';
import { registerCommand, type CommandDeps } from '../common/registerCommand';
import { resolveProvider } from '../common/targets';
import { withCancellableProgress } from '../common/progress';
import { HerokuRequestError, type HerokuConnections } from '../connection';
import { isHerokuApiAccountId } from '../model/accountId';
import { commandIds } from '../model/commandIds';
import { tokenFieldKey } from '../model/constants';
import type { Provider } from '../model/schemas';
import type { ProviderStore } from '../store/providerStore';
import type { RevealInView } from '../tree/registerTree';
import { findHerokuCliToken, netrcFileName } from './herokuCli';
import { credentialHolding } from './storedToken';

const baseName = 'heroku-cli';

/** `heroku-cli`, or `heroku-cli-2`, `-3`, … when the provider already has a credential of that name. */
export function freeCredentialName(taken: readonly string[]): string {
  const names = new Set(taken.map((name) => name.toLowerCase()));
  if (!names.has(baseName)) return baseName;
  for (let index = 2; ; index++) if (!names.has(`${baseName}-${index}`)) return `${baseName}-${index}`;
}

/**
 * The Heroku CLI's token belongs to api.heroku.com. Any other Account ID (a typo, a proxy, the demo API) gets it only
 * after the user agreed in a modal that names it — whoever ran the command, another extension included.
 */
async function confirmForeignHost(provider: Provider, source: string): Promise<boolean> {
  if (isHerokuApiAccountId(provider.accountId)) return true;
  return confirmModal(
    vscode.l10n.t('Send your Heroku CLI token to {0}?', provider.accountId),
    vscode.l10n.t('Provider "{0}" has the Account ID {1}, which is not Heroku\'s API (api.heroku.com). Importing sends the token from {2} to {1} to check it, and stores it for {1}. Continue only if you trust {1}.',
      provider.name, provider.accountId, source),
    vscode.l10n.t('Send to {0}', provider.accountId));
}

/**
 * Provider Desk: Import Token from Heroku CLI. Reads HEROKU_API_KEY or ~/.netrc (never a shell), checks the token
 * with GET /account against the provider, and only then stores it as a sensitive credential, named `options.name`
 * (the credential form's Name) or else heroku-cli. Returns its id; undefined when nothing was imported.
 */
export interface HerokuImportDeps extends CommandDeps {
  readonly store: ProviderStore;
  readonly reveal: RevealInView;
  readonly connections: HerokuConnections;
}

export function registerHerokuImport({ context, logger, store, reveal, connections }: HerokuImportDeps): void {
  registerCommand(context, logger, commandIds.importHerokuToken, async (target?: unknown, options?: { name?: unknown }) => {
    // Never the only provider without asking: the choice decides where the token is sent.
    const provider = await resolveProvider(store, target, { alwaysPick: true, placeHolder: vscode.l10n.t('Select the provider to import the Heroku CLI token into') });
    const requestedName = typeof options?.name === 'string' && options.name.trim() ? options.name.trim() : undefined;
    let found;
    try {
      found = await findHerokuCliToken();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      throw new UserFacingError(vscode.l10n.t('Could not read ~/{0} ({1}).', netrcFileName(), code));
    }
    if (!found) {
      throw new UserFacingError(vscode.l10n.t('No Heroku CLI token found: ~/{0} has no api.heroku.com entry and HEROKU_API_KEY is not set. Run `heroku login` first.', netrcFileName()));
    }
    const { token, source } = found;
    logger.redactor.add(token);

    const existing = await credentialHolding(store, provider.id, token);
    if (existing) {
      logger.info(`importHerokuToken: the token from ${source} is already stored in credential "${existing.name}"; nothing imported`);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The Heroku CLI token is already stored as credential "{0}" of provider "{1}". Nothing was imported.', existing.name, provider.name));
      void reveal({ providerId: provider.id, credentialId: existing.id });
      return undefined;
    }
    if (!await confirmForeignHost(provider, source)) {
      logger.info(`importHerokuToken: the user declined sending the token to ${provider.accountId}; nothing was sent`);
      return undefined;
    }
    logger.info(`importHerokuToken: found a token in ${source}; verifying it against ${provider.accountId}`);

    const account = await withCancellableProgress(vscode.l10n.t('Verifying the Heroku CLI token…'), async (_cancellation, signal) => {
      try {
        return await connections.forAccount(provider.accountId, token).getAccount({ signal });
      } catch (error) {
        if (error instanceof HerokuRequestError && !error.cancelled) {
          throw new UserFacingError(vscode.l10n.t('The Heroku CLI token from {0} was not saved: {1}', source, error.message));
        }
        throw error;
      }
    });

    const name = requestedName ?? freeCredentialName(store.credentials(provider.id).map((credential) => credential.name));
    const credential = await store.createCredential(provider.id, {
      name,
      fields: [{ key: tokenFieldKey, type: 'String', sensitive: true, value: token }],
    });
    logger.info(`importHerokuToken: saved credential "${name}" for provider "${provider.name}"`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Imported the Heroku CLI token for {0} as credential "{1}" of provider "{2}".', account.email, credential.name, provider.name));
    void reveal({ providerId: provider.id, credentialId: credential.id });
    return credential.id;
  });
}
