import * as vscode from 'vscode';
import type { Logger } from '../common/logger';
import { UserFacingError } from '../common/errors';
import { createLoggedHerokuClient } from '../common/herokuClient';
import { isHerokuApiError, type HerokuClient } from '../heroku';
import type { ProviderStore } from '../store/providerStore';
import { sameAccountId } from '../model/accountId';
import { tokenFieldKey } from '../model/herokuToken';
import type { Credential, Provider, Scope } from '../model/schemas';
import { confirmModal } from '../common/confirm';
import { SharedWhilePending } from '../common/sharedWhilePending';
import { renderAccountTicket, renderDynoTicket, renderTicket, type TicketHeading } from './render';
import type { TicketHistory, TicketKind, TicketRecord } from './ticketHistory';

/** The user did not agree to send a credential's token to its provider's new Account ID: nothing was sent. */
export class HostNotConfirmedError extends UserFacingError {
  readonly kind = 'host_not_confirmed';
}

export interface TicketResult {
  readonly number: number;
  readonly kind: TicketKind;
  readonly outcome: TicketRecord['outcome'];
  readonly appCount?: number;
  /** The app of a `dynos` ticket. */
  readonly app?: string;
  readonly dynoCount?: number;
  /** The ticket as written to the "Provider Desk" output channel. */
  readonly text: string;
  /** The user-facing error text of a failed ticket. */
  readonly error?: string;
}

/** What differs between ticket kinds: the request, the text, and the counts kept in the history. */
interface TicketKindRun<T> {
  readonly kind: TicketKind;
  fetch(client: HerokuClient, signal: AbortSignal): Promise<T>;
  render(heading: TicketHeading, data: T | undefined, now: Date): string;
  summary(data: T | undefined): Pick<TicketRecord, 'appCount' | 'app' | 'dynoCount'>;
}

/**
 * Runs tickets against a scope's provider with the scope's credential. Every run is aborted when the extension
 * deactivates, so a request in flight never outlives the extension host.
 */
export class TicketRunner implements vscode.Disposable {
  private readonly running = new Set<AbortController>();
  /** Tickets started together after an Account ID change share one question. */
  private readonly confirmations = new SharedWhilePending<boolean>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a ticket is recorded, e.g. so the status bar can warn about a rejected token. */
  readonly onDidRecordTicket = this.changed.event;

  constructor(
    private readonly store: ProviderStore,
    private readonly history: TicketHistory,
    private readonly logger: Logger,
    private readonly channel: vscode.OutputChannel,
    private readonly userAgent: string,
  ) {}

  /**
   * The one place where a scope becomes a Heroku client, for tickets, Verify Connection, the app pick and the language
   * model tool. The token goes only to the Account ID its credential is bound to, or, after that changed, to the new
   * one once the user agreed in a modal that names both.
   */
  async client(scope: Scope): Promise<HerokuClient> {
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
    return createLoggedHerokuClient(this.logger, this.userAgent, provider.accountId, token);
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

  /** Lists the scope's apps into the output channel and records the ticket. Failures are part of the result. */
  listApps(scope: Scope, cancellation?: vscode.CancellationToken): Promise<TicketResult> {
    return this.run(scope, cancellation, {
      kind: 'apps',
      fetch: (client, signal) => client.listApps({ signal }),
      render: (heading, apps, now) => renderTicket({ ...heading, apps }, now),
      summary: (apps) => ({ appCount: apps?.length }),
    });
  }

  /** Lists the dynos of one of the scope's apps: state, size, type, command, last update. */
  listDynos(scope: Scope, app: string, cancellation?: vscode.CancellationToken): Promise<TicketResult> {
    return this.run(scope, cancellation, {
      kind: 'dynos',
      fetch: (client, signal) => client.listDynos(app, { signal }),
      render: (heading, dynos, now) => renderDynoTicket({ ...heading, app, dynos }, now),
      summary: (dynos) => ({ app, dynoCount: dynos?.length }),
    });
  }

  /** Shows the account the scope's token belongs to: email, two-factor authentication, last login. */
  showAccount(scope: Scope, cancellation?: vscode.CancellationToken): Promise<TicketResult> {
    return this.run(scope, cancellation, {
      kind: 'account',
      fetch: (client, signal) => client.getAccount({ signal }),
      render: (heading, account, now) => renderAccountTicket({ ...heading, account }, now),
      summary: () => ({}),
    });
  }

  /** Runs one ticket: the request, its text in the output channel, and its record in the history. */
  private async run<T>(scope: Scope, cancellation: vscode.CancellationToken | undefined, ticket: TicketKindRun<T>): Promise<TicketResult> {
    const provider = this.store.provider(scope.providerId);
    const number = await this.history.reserveNumber();
    const startedAt = new Date();
    const abort = new AbortController();
    this.running.add(abort);
    const cancelListener = cancellation?.onCancellationRequested(() => abort.abort());
    if (cancellation?.isCancellationRequested) abort.abort();
    let data: T | undefined;
    let failure: unknown;
    try {
      const client = await this.client(scope);
      data = await ticket.fetch(client, abort.signal);
      this.logger.info(`ticket #${number} (${ticket.kind}) succeeded against ${client.host} (RateLimit-Remaining ${client.rateLimitRemaining ?? '?'})`);
    } catch (error) {
      failure = error;
    } finally {
      cancelListener?.dispose();
      this.running.delete(abort);
    }
    const succeeded = failure === undefined;
    const cancelled = !succeeded && (abort.signal.aborted || (isHerokuApiError(failure) && failure.kind === 'cancelled'));
    const errorText = succeeded ? undefined
      : cancelled ? vscode.l10n.t('Cancelled.')
      : failure instanceof Error ? this.logger.redactor.redact(failure.message) : String(failure);
    if (!succeeded && !cancelled) this.logger.error(`ticket #${number} failed`, failure);
    const heading = { number, scopeName: scope.name, providerName: provider?.name ?? '', startedAt, error: errorText };
    const text = ticket.render(heading, data, new Date());
    this.channel.append(text);
    this.channel.show(true);
    const outcome: TicketRecord['outcome'] = succeeded ? 'succeeded' : cancelled ? 'cancelled' : 'failed';
    const summary = ticket.summary(data);
    await this.history.record({
      number, kind: ticket.kind, scopeId: scope.id, scopeName: scope.name, providerName: provider?.name ?? '',
      startedAt: startedAt.toISOString(), outcome, ...summary,
      errorKind: isHerokuApiError(failure) || failure instanceof HostNotConfirmedError ? failure.kind : undefined,
    });
    this.changed.fire();
    return { number, kind: ticket.kind, outcome, ...summary, text, error: errorText };
  }

  dispose(): void {
    for (const abort of this.running) abort.abort();
    this.running.clear();
    this.changed.dispose();
  }
}
