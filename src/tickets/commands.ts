// Tickets: New Ticket, List Dynos, Show Account, Verify Connection and Ticket History; the runner, their text in the
// output channel and their history. Imports model/, store/, common/, connection/ (a scope's Heroku client), walkthrough/ and
// activeScope/ (the scope a ticket preselects).
import * as vscode from 'vscode';
import type { ActiveScope } from '../activeScope/activeScope';
import { UserFacingError } from '../common/errors';
import { registerCommand, type CommandDeps } from '../common/registerCommand';
import { withCancellableProgress } from '../common/progress';
import { resolveScope, type ScopeItemButton } from '../common/targets';
import type { HerokuConnections } from '../connection';
import { commandIds } from '../model/commandIds';
import type { Scope } from '../model/schemas';
import type { ProviderStore } from '../store/providerStore';
import { formatAppCount, formatDynoCount } from './render';
import type { TicketHistory, TicketRecord } from './ticketHistory';
import type { TicketResult, TicketRunner } from './ticketRunner';
import { markWalkthroughStep } from '../walkthrough/contextKeys';

export interface TicketCommandDeps extends CommandDeps {
  readonly store: ProviderStore;
  readonly runner: TicketRunner;
  readonly connections: HerokuConnections;
  readonly history: TicketHistory;
  /** Preselected when a ticket asks for its scope. */
  readonly activeScope: Pick<ActiveScope, 'get'>;
}

export function registerTicketCommands({ context, logger, store, runner, connections, history, activeScope }: TicketCommandDeps): void {

  const hasScopes = (): boolean => store.providers().some((provider) => store.scopes(provider.id).length > 0);

  /** From the palette a ticket asks for its scope with the active scope preselected; from the tree it has one. */
  const ticketScope = async (target: unknown, itemButton?: ScopeItemButton): Promise<Scope | undefined> => {
    if (target === undefined && !hasScopes()) {
      const add = vscode.l10n.t('Add Provider');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t('A ticket runs against a scope, and there are no scopes yet. Add a provider, a credential with your API token, and a scope first.'), add);
      if (answer === add) await vscode.commands.executeCommand(commandIds.addProvider);
      return undefined;
    }
    return resolveScope(store, target, vscode.l10n.t('Select the scope for the new ticket'), activeScope.get()?.id, itemButton);
  };

  /** New Ticket lists the picked scope's apps; the button on a scope asks about it in chat instead. */
  const askInChat: ScopeItemButton = {
    button: { iconPath: new vscode.ThemeIcon('comment-discussion'), tooltip: vscode.l10n.t('Ask about this scope…') },
    run: (scope) => vscode.commands.executeCommand(commandIds.askAboutScope, scope.id),
  };

  const finish = (result: TicketResult): TicketResult => {
    if (result.outcome === 'failed') void vscode.window.showErrorMessage(vscode.l10n.t('Ticket #{0} failed: {1}', result.number, result.error ?? ''));
    if (result.outcome === 'succeeded') markWalkthroughStep('providerDesk.ticketSucceeded');
    return result;
  };

  const listApps = async (scope: Scope): Promise<TicketResult> => finish(await withCancellableProgress(
    vscode.l10n.t('Listing Heroku apps for scope "{0}"…', scope.name), (cancellation) => runner.listApps(scope, cancellation)));

  const listDynos = async (scope: Scope, app: string): Promise<TicketResult> => finish(await withCancellableProgress(
    vscode.l10n.t('Listing the dynos of app "{0}" (scope "{1}")…', app, scope.name), (cancellation) => runner.listDynos(scope, app, cancellation)));

  const showAccount = async (scope: Scope): Promise<TicketResult> => finish(await withCancellableProgress(
    vscode.l10n.t('Reading the Heroku account of scope "{0}"…', scope.name), (cancellation) => runner.showAccount(scope, cancellation)));

  /** The scope's apps to choose from; listing them is not a ticket of its own. */
  const pickApp = async (scope: Scope): Promise<string> => {
    const connection = await connections.forScope(scope);
    const apps = await withCancellableProgress(vscode.l10n.t('Listing Heroku apps for scope "{0}"…', scope.name), (_cancellation, signal) => connection.listApps({ signal }));
    if (apps.length === 0) throw new UserFacingError(vscode.l10n.t('The account of scope "{0}" has no apps, so there are no dynos to list.', scope.name));
    const picked = await vscode.window.showQuickPick(
      apps.map((app) => ({ label: app.name, description: [app.region, app.stack].filter(Boolean).join(' · '), app: app.name })),
      { placeHolder: vscode.l10n.t('Select the app whose dynos to list (scope "{0}")', scope.name), matchOnDescription: true });
    if (!picked) throw new vscode.CancellationError();
    return picked.app;
  };

  registerCommand(context, logger, commandIds.newTicket, async (target?: unknown) => {
    const scope = await ticketScope(target, askInChat);
    return scope && listApps(scope);
  });

  /** Arguments: a scope (node or id) and optionally the app's name; each missing one is asked for. */
  registerCommand(context, logger, commandIds.listDynos, async (target?: unknown, app?: unknown) => {
    const scope = await ticketScope(target);
    if (!scope) return undefined;
    return listDynos(scope, typeof app === 'string' && app.trim() ? app.trim() : await pickApp(scope));
  });

  registerCommand(context, logger, commandIds.showAccount, async (target?: unknown) => {
    const scope = await ticketScope(target);
    return scope && showAccount(scope);
  });

  registerCommand(context, logger, commandIds.verifyConnection, async (target?: unknown) => {
    const scope = await resolveScope(store, target, undefined, activeScope.get()?.id);
    const account = await withCancellableProgress(vscode.l10n.t('Verifying scope "{0}"…', scope.name),
      async (_cancellation, signal) => (await connections.forScope(scope)).getAccount({ signal }));
    const message = vscode.l10n.t('Connected as {0} (scope "{1}").', account.email, scope.name);
    logger.info(message);
    markWalkthroughStep('providerDesk.connectionVerified');
    void vscode.window.showInformationMessage(message);
    return account.email;
  });

  const describeTicket = (ticket: TicketRecord): string => {
    if (ticket.outcome === 'cancelled') return vscode.l10n.t('cancelled');
    if (ticket.outcome === 'failed') return vscode.l10n.t('failed ({0})', ticket.errorKind ?? '?');
    switch (ticket.kind) {
      case 'apps': return formatAppCount(ticket.appCount ?? 0);
      case 'dynos': return formatDynoCount(ticket.dynoCount ?? 0);
      case 'account': return vscode.l10n.t('account');
    }
  };

  const ticketTitle = (ticket: TicketRecord): string => ticket.kind === 'dynos'
    ? vscode.l10n.t('#{0} {1} · dynos of {2}', ticket.number, ticket.scopeName, ticket.app ?? '?')
    : ticket.kind === 'account'
      ? vscode.l10n.t('#{0} {1} · account', ticket.number, ticket.scopeName)
      : `#${ticket.number} ${ticket.scopeName}`;

  registerCommand(context, logger, commandIds.ticketHistory, async () => {
    const tickets = history.list();
    if (tickets.length === 0) throw new UserFacingError(vscode.l10n.t('No tickets yet. Run "Provider Desk: New Ticket" first.'));
    const picked = await vscode.window.showQuickPick(tickets.map((ticket) => ({
      label: ticketTitle(ticket),
      description: ticket.providerName,
      detail: `${new Date(ticket.startedAt).toLocaleString()} · ${describeTicket(ticket)}`,
      ticket,
    })), { placeHolder: vscode.l10n.t('Select a ticket to run again'), matchOnDescription: true, matchOnDetail: true });
    if (!picked) return undefined;
    const { ticket } = picked;
    const scope = store.scope(ticket.scopeId);
    if (!scope) throw new UserFacingError(vscode.l10n.t('Scope "{0}" no longer exists.', ticket.scopeName));
    switch (ticket.kind) {
      case 'apps': return listApps(scope);
      case 'dynos': return listDynos(scope, ticket.app ?? await pickApp(scope));
      case 'account': return showAccount(scope);
    }
  });
}
