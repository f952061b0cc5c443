import * as vscode from 'vscode';
import type { Logger } from '../common/logger';
import { HerokuRequestError, HostNotConfirmedError, type HerokuConnection, type HerokuConnections } from '../connection';
import type { ProviderStore } from '../store/providerStore';
import type { Scope } from '../model/schemas';
import { renderAccountTicket, renderDynoTicket, renderTicket, type TicketHeading } from './render';
import type { TicketHistory, TicketKind, TicketRecord } from './ticketHistory';

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
  fetch(connection: HerokuConnection, signal: AbortSignal): Promise<T>;
  render(heading: TicketHeading, data: T | undefined, now: Date): string;
  summary(data: T | undefined): Pick<TicketRecord, 'appCount' | 'app' | 'dynoCount'>;
}

/**
 * Runs tickets against a scope's provider with the scope's credential. Every run is aborted when the extension
 * deactivates, so a request in flight never outlives the extension host.
 */
export class TicketRunner implements vscode.Disposable {
  private readonly running = new Set<AbortController>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a ticket is recorded, e.g. so the status bar can warn about a rejected token. */
  readonly onDidRecordTicket = this.changed.event;

  constructor(
    private readonly store: ProviderStore,
    private readonly history: TicketHistory,
    private readonly logger: Logger,
    private readonly channel: vscode.OutputChannel,
    private readonly connections: HerokuConnections,
  ) {}

  /** Lists the scope's apps into the output channel and records the ticket. Failures are part of the result. */
  listApps(scope: Scope, cancellation?: vscode.CancellationToken): Promise<TicketResult> {
    return this.run(scope, cancellation, {
      kind: 'apps',
      fetch: (connection, signal) => connection.listApps({ signal }),
      render: (heading, apps, now) => renderTicket({ ...heading, apps }, now),
      summary: (apps) => ({ appCount: apps?.length }),
    });
  }

  /** Lists the dynos of one of the scope's apps: state, size, type, command, last update. */
  listDynos(scope: Scope, app: string, cancellation?: vscode.CancellationToken): Promise<TicketResult> {
    return this.run(scope, cancellation, {
      kind: 'dynos',
      fetch: (connection, signal) => connection.listDynos(app, { signal }),
      render: (heading, dynos, now) => renderDynoTicket({ ...heading, app, dynos }, now),
      summary: (dynos) => ({ app, dynoCount: dynos?.length }),
    });
  }

  /** Shows the account the scope's token belongs to: email, two-factor authentication, last login. */
  showAccount(scope: Scope, cancellation?: vscode.CancellationToken): Promise<TicketResult> {
    return this.run(scope, cancellation, {
      kind: 'account',
      fetch: (connection, signal) => connection.getAccount({ signal }),
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
      const connection = await this.connections.forScope(scope);
      data = await ticket.fetch(connection, abort.signal);
      this.logger.info(`ticket #${number} (${ticket.kind}) succeeded against ${connection.host} (RateLimit-Remaining ${connection.rateLimitRemaining ?? '?'})`);
    } catch (error) {
      failure = error;
    } finally {
      cancelListener?.dispose();
      this.running.delete(abort);
    }
    const succeeded = failure === undefined;
    const cancelled = !succeeded && (abort.signal.aborted || (failure instanceof HerokuRequestError && failure.cancelled));
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
      errorKind: failure instanceof HerokuRequestError || failure instanceof HostNotConfirmedError ? failure.kind : undefined,
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
