import * as vscode from 'vscode';
import { UserFacingError } from '../common/errors';
import { registerCommand } from '../common/registerCommand';
import { pickScope, resolveScope } from '../common/targets';
import type { Services } from '../services';
import { formatAppCount } from './render';
import type { TicketHistory } from './ticketHistory';
import type { TicketResult, TicketRunner } from './ticketRunner';
import { markWalkthroughStep } from '../walkthrough/contextKeys';

export function registerTicketCommands(services: Services, runner: TicketRunner, history: TicketHistory): void {
  const { context, logger, store } = services;

  const hasScopes = (): boolean => store.providers().some((provider) => store.scopes(provider.id).length > 0);

  const runTicket = async (scopeId: string): Promise<TicketResult | undefined> => {
    const scope = await resolveScope(store, scopeId);
    const result = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Listing Heroku apps for scope "{0}"…', scope.name),
      cancellable: true,
    }, (_progress, cancellation) => runner.listApps(scope, cancellation));
    if (result.outcome === 'failed') void vscode.window.showErrorMessage(vscode.l10n.t('Ticket #{0} failed: {1}', result.number, result.error ?? ''));
    if (result.outcome === 'succeeded') markWalkthroughStep('providerDesk.ticketSucceeded');
    return result;
  };

  registerCommand(context, logger, 'providerDesk.newTicket', async (target?: unknown) => {
    if (target === undefined && !hasScopes()) {
      const add = vscode.l10n.t('Add Provider');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t('A ticket runs against a scope, and there are no scopes yet. Add a provider, a credential with your API token, and a scope first.'), add);
      if (answer === add) await vscode.commands.executeCommand('providerDesk.addProvider');
      return undefined;
    }
    const scope = target === undefined ? await pickScope(store, vscode.l10n.t('Select the scope for the new ticket')) : await resolveScope(store, target);
    return runTicket(scope.id);
  });

  registerCommand(context, logger, 'providerDesk.verifyConnection', async (target?: unknown) => {
    const scope = await resolveScope(store, target);
    const account = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Verifying scope "{0}"…', scope.name),
      cancellable: true,
    }, async (_progress, cancellation) => {
      const abort = new AbortController();
      const listener = cancellation.onCancellationRequested(() => abort.abort());
      try {
        return await (await runner.client(scope)).getAccount({ signal: abort.signal });
      } finally {
        listener.dispose();
      }
    });
    const message = vscode.l10n.t('Connected as {0} (scope "{1}").', account.email, scope.name);
    logger.info(message);
    markWalkthroughStep('providerDesk.connectionVerified');
    void vscode.window.showInformationMessage(message);
    return account.email;
  });

  registerCommand(context, logger, 'providerDesk.ticketHistory', async () => {
    const tickets = history.list();
    if (tickets.length === 0) throw new UserFacingError(vscode.l10n.t('No tickets yet. Run "Provider Desk: New Ticket" first.'));
    const picked = await vscode.window.showQuickPick(tickets.map((ticket) => ({
      label: `#${ticket.number} ${ticket.scopeName}`,
      description: ticket.providerName,
      detail: `${new Date(ticket.startedAt).toLocaleString()} · ${ticket.outcome === 'succeeded'
        ? formatAppCount(ticket.appCount ?? 0)
        : ticket.outcome === 'cancelled' ? vscode.l10n.t('cancelled') : vscode.l10n.t('failed ({0})', ticket.errorKind ?? '?')}`,
      ticket,
    })), { placeHolder: vscode.l10n.t('Select a ticket to run again'), matchOnDescription: true, matchOnDetail: true });
    if (!picked) return undefined;
    if (!store.scope(picked.ticket.scopeId)) throw new UserFacingError(vscode.l10n.t('Scope "{0}" no longer exists.', picked.ticket.scopeName));
    return runTicket(picked.ticket.scopeId);
  });
}
