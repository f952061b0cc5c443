import * as vscode from 'vscode';
import { confirmModal } from '../common/confirm';
import { UserFacingError } from '../common/errors';
import type { Logger } from '../common/logger';
import { SharedWhilePending } from '../common/sharedWhilePending';
import { parseAccountId, sameAccountId } from '../model/accountId';
import { tokenFieldKey } from '../model/constants';
import type { Credential, Provider, Scope } from '../model/schemas';
import { problemText } from '../model/problemTexts';
import type { ProviderStore } from '../store/providerStore';
import { HerokuConnection } from './herokuConnection';

/** The user did not agree to send a credential's token to its provider's new Account ID: nothing was sent. */
export class HostNotConfirmedError extends UserFacingError {
  readonly kind = 'host_not_confirmed';
}

/** Opens Heroku connections for scopes (tickets, Verify Connection, the app pick, the language model tool) and tokens. */
export class HerokuConnections {
  /** Requests started together after an Account ID change share one question. */
  private readonly confirmations = new SharedWhilePending<boolean>();

  constructor(
    private readonly store: ProviderStore,
    private readonly logger: Logger,
    private readonly userAgent: string,
  ) {}

  /**
   * A connection with the scope's credential to its provider. The token goes only to the Account ID its credential is
   * bound to, or, after that changed, to the new one once the user agreed in a modal that names both.
   */
  async forScope(scope: Scope): Promise<HerokuConnection> {
    const provider = this.store.provider(scope.providerId);
    const credential = this.store.credential(scope.credentialId);
    if (!provider || !credential) throw new UserFacingError(vscode.l10n.t('Scope "{0}" has no provider or credential any more. Refresh the Providers view.', scope.name));
    const values = await this.store.readFieldValues(credential.id);
    const tokenKey = Object.keys(values).find((key) => key.toLowerCase() === tokenFieldKey);
    const token = tokenKey === undefined ? undefined : values[tokenKey];
    if (!token) {
      throw new UserFacingError(vscode.l10n.t('Credential "{0}" has no "{1}" field. Edit the credential and add a field with Key {1}, Type String, Sensitive on, and your Heroku API token as its value.', credential.name, tokenFieldKey));
    }
    await this.confirmAccountId(provider, credential);
    return this.forAccount(provider.accountId, token);
  }

  /** A connection with `token` to the API of an Account ID; the caller has made sure the token may go there. */
  forAccount(accountId: string, token: string): HerokuConnection {
    const account = parseAccountId(accountId);
    if (!account.ok) throw new UserFacingError(problemText(account.problem));
    return HerokuConnection.open(this.logger, this.userAgent, account.baseUrl, token);
  }

  /** Throws HostNotConfirmedError unless the credential is bound to the provider's Account ID or the user rebinds it. */
  private async confirmAccountId(provider: Provider, credential: Credential): Promise<void> {
    if (sameAccountId(credential.boundAccountId, provider.accountId)) return;
    const confirmed = await this.confirmations.run(`${credential.id} ${provider.accountId}`, () => this.askToRebind(provider, credential));
    if (!confirmed) {
      this.logger.info(`credential ${credential.id}: the user declined sending its token to ${provider.accountId} (bound to ${credential.boundAccountId}); nothing was sent`);
      throw new HostNotConfirmedError(vscode.l10n.t(
        'Nothing was sent: credential "{0}" was stored for {1}, but provider "{2}" now points at {3}. If you changed the Account ID yourself, run this again and confirm; otherwise set it back to {1}.',
        credential.name, credential.boundAccountId, provider.name, provider.accountId));
    }
  }

  private async askToRebind(provider: Provider, credential: Credential): Promise<boolean> {
    const confirmed = await confirmModal(
      vscode.l10n.t('Send the token of credential "{0}" to {1}?', credential.name, provider.accountId),
      vscode.l10n.t('The credential was stored for {0}. Provider "{1}" now has the Account ID {2}, so its token would go there. Continue only if you changed the Account ID yourself and trust {2}; the credential is then bound to it and you are not asked again.',
        credential.boundAccountId, provider.name, provider.accountId),
      vscode.l10n.t('Send to {0}', provider.accountId));
    if (!confirmed) return false;
    await this.store.bindCredential(credential.id, provider.accountId);
    this.logger.info(`credential ${credential.id}: bound to ${provider.accountId} (was ${credential.boundAccountId}) after the user confirmed`);
    return true;
  }
}
