// Chat and language model integration: `@providerdesk` and the read-only Heroku tools (#herokuApps, #herokuReleases, …).
// Imports model/, store/, common/, connection/, walkthrough/ and tickets/ (the participant runs the ticket runner).
import * as vscode from 'vscode';
import { describeError } from '../common/errors';
import { registerCommand } from '../common/registerCommand';
import { commandIds, internalCommandIds } from '../model/commandIds';
import type { Scope } from '../model/schemas';
import type { TicketRunner } from '../tickets/ticketRunner';
import { markWalkthroughStep } from '../walkthrough/contextKeys';
import { appsAnswer, helpAnswer } from './chatAnswer';
import { parseChatRequest } from './chatRequest';
import { findScopeByName, type AgentDeps } from './scopes';

export const chatParticipantId = 'providerDesk.chat';

/**
 * `@providerdesk`: "list my apps in <scope>" or `/apps <scope>` runs the same ticket as New Ticket (output channel,
 * Ticket History) and answers with the count and the first apps. No language model is involved.
 */
export function createChatHandler(services: Pick<AgentDeps, 'store' | 'logger'>, runner: TicketRunner): vscode.ChatRequestHandler {
  const { store, logger } = services;
  const allScopes = (): Scope[] => store.providers().flatMap((provider) => store.scopes(provider.id));

  const help = (response: vscode.ChatResponseStream): vscode.ChatResult => {
    const scopes = allScopes();
    response.markdown(helpAnswer(scopes.map((scope) => scope.name)));
    if (scopes.length === 0) response.button({ command: commandIds.addProvider, title: vscode.l10n.t('Add Provider') });
    return { metadata: { intent: 'help' } };
  };

  const listApps = async (scope: Scope, response: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> => {
    response.progress(vscode.l10n.t('Listing the Heroku apps of scope "{0}"…', scope.name));
    const ticket = await runner.listApps(scope, token);
    const metadata = { intent: 'apps', ticket: ticket.number, outcome: ticket.outcome };
    if (ticket.outcome === 'cancelled') {
      response.markdown(vscode.l10n.t('Ticket #{0} was cancelled.', ticket.number));
      return { metadata };
    }
    const showOutput = { command: internalCommandIds.showTicketOutput, title: vscode.l10n.t('Show Ticket #{0} in Output', ticket.number) };
    if (ticket.outcome === 'failed') {
      response.button(showOutput);
      // Heroku errors already say what to do, and the runner redacts the token from them.
      return { errorDetails: { message: vscode.l10n.t('Ticket #{0} failed: {1}', ticket.number, ticket.error ?? '') }, metadata };
    }
    markWalkthroughStep('providerDesk.ticketSucceeded');
    response.markdown(appsAnswer({ number: ticket.number, scopeName: scope.name, appCount: ticket.appCount ?? 0, text: ticket.text }));
    response.button(showOutput);
    return { metadata };
  };

  return async (request, _context, response, token) => {
    const ask = parseChatRequest(request.prompt, request.command);
    if (ask.intent === 'help') return help(response);
    let scope: Scope;
    try {
      const scopes = allScopes();
      // "list my apps" needs no scope name when there is only one scope.
      if (ask.scope === undefined && scopes.length !== 1) return help(response);
      scope = ask.scope === undefined ? scopes[0]! : findScopeByName(services, ask.scope);
    } catch (error) {
      return { errorDetails: { message: describeError(error) }, metadata: { intent: 'apps' } };
    }
    if (token.isCancellationRequested) return { metadata: { intent: 'apps' } };
    try {
      return await listApps(scope, response, token);
    } catch (error) {
      logger.error(`${chatParticipantId} failed`, error);
      return { errorDetails: { message: logger.redactor.redact(describeError(error)) }, metadata: { intent: 'apps' } };
    }
  };
}

/** Registers `@providerdesk`; returns it for the integration tests. */
export function registerChatParticipant(services: AgentDeps, runner: TicketRunner, channel: vscode.OutputChannel): vscode.ChatParticipant {
  const { context, logger } = services;
  registerCommand(context, logger, internalCommandIds.showTicketOutput, () => channel.show());
  const participant = vscode.chat.createChatParticipant(chatParticipantId, createChatHandler(services, runner));
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'provider-desk.svg');
  context.subscriptions.push(participant);
  return participant;
}
