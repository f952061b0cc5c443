import * as vscode from 'vscode';
import type { Logger } from '../common/logger';
import { UserFacingError } from '../common/errors';
import { createHerokuClient, isHerokuApiError, type HerokuApp, type HerokuClient } from '../heroku';
import type { ProviderStore } from '../store/providerStore';
import type { Scope } from '../model/schemas';
import { renderTicket } from './render';
import type { TicketHistory, TicketRecord } from './ticketHistory';

/** The credential field that holds the Heroku API token. */
export const tokenFieldKey = 'apitoken';

export interface TicketResult {
  readonly number: number;
  readonly outcome: TicketRecord['outcome'];
  readonly appCount?: number;
  /** The ticket as written to the "Provider Desk" output channel. */
  readonly text: string;
  /** The user-facing error text of a failed ticket. */
  readonly error?: string;
}

/**
 * Runs tickets against a scope's provider with the scope's credential. Every run is aborted when the extension
 * deactivates, so a request in flight never outlives the extension host.
 */
export class TicketRunner implements vscode.Disposable {
  private readonly running = new Set<AbortController>();

  constructor(
    private readonly store: ProviderStore,
    private readonly history: TicketHistory,
    private readonly logger: Logger,
    private readonly channel: vscode.OutputChannel,
    private readonly userAgent: string,
  ) {}

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
    this.logger.redactor.add(token);
    return createHerokuClient({
      baseUrl: provider.accountId,
      token,
      userAgent: this.userAgent,
      onLog: (entry) => this.logger[entry.level === 'warn' ? 'warn' : 'info'](`heroku: ${entry.message}`),
    });
  }

  /** Lists the scope's apps into the output channel and records the ticket. Failures are part of the result. */
  async listApps(scope: Scope, cancellation?: vscode.CancellationToken): Promise<TicketResult> {
    const provider = this.store.provider(scope.providerId);
    const number = await this.history.reserveNumber();
    const startedAt = new Date();
    const abort = new AbortController();
    this.running.add(abort);
    const cancelListener = cancellation?.onCancellationRequested(() => abort.abort());
    let apps: HerokuApp[] | undefined;
    let failure: unknown;
    try {
      const client = await this.client(scope);
      apps = await client.listApps({ signal: abort.signal });
      this.logger.info(`ticket #${number}: ${apps.length} apps from ${client.host} (RateLimit-Remaining ${client.rateLimitRemaining ?? '?'})`);
    } catch (error) {
      failure = error;
    } finally {
      cancelListener?.dispose();
      this.running.delete(abort);
    }
    const cancelled = abort.signal.aborted || (isHerokuApiError(failure) && failure.kind === 'cancelled');
    const errorText = failure === undefined ? undefined
      : cancelled ? vscode.l10n.t('Cancelled.')
      : failure instanceof Error ? this.logger.redactor.redact(failure.message) : String(failure);
    if (failure !== undefined && !cancelled) this.logger.error(`ticket #${number} failed`, failure);
    const text = renderTicket({
      number,
      scopeName: scope.name,
      providerName: provider?.name ?? '',
      startedAt,
      apps,
      error: errorText,
    }, new Date());
    this.channel.append(text);
    this.channel.show(true);
    const outcome: TicketRecord['outcome'] = apps ? 'succeeded' : cancelled ? 'cancelled' : 'failed';
    await this.history.record({
      number, kind: 'apps', scopeId: scope.id, scopeName: scope.name, providerName: provider?.name ?? '',
      startedAt: startedAt.toISOString(), outcome, appCount: apps?.length,
      errorKind: isHerokuApiError(failure) ? failure.kind : undefined,
    });
    return { number, outcome, appCount: apps?.length, text, error: errorText };
  }

  dispose(): void {
    for (const abort of this.running) abort.abort();
    this.running.clear();
  }
}
