// Chat and language model integration: `@providerdesk`, its agent and the read-only Heroku tools (#herokuApps,
// #herokuReleases, …). Imports model/, store/, common/, connection/, walkthrough/, activeScope/ and tickets/ (the
// participant runs the ticket runner).
import * as vscode from 'vscode';
import type { ActiveScope } from '../activeScope/activeScope';
import { describeError } from '../common/errors';
import { registerCommand } from '../common/registerCommand';
import { commandIds, internalCommandIds } from '../model/commandIds';
import type { Scope } from '../model/schemas';
import type { TicketRunner } from '../tickets/ticketRunner';
import { markWalkthroughStep } from '../walkthrough/contextKeys';
import { runAgent } from './agentLoop';
import { apiCallsList, scopeNamedIn } from './agentText';
import { appsAnswer, helpAnswer } from './chatAnswer';
import { isFreeFormQuestion, parseChatRequest } from './chatRequest';
import { allScopes, findScopeByName, scopesNamed, scopeTarget, type AgentDeps } from './scopes';

export const chatParticipantId = 'providerDesk.chat';

export interface ChatDeps extends Pick<AgentDeps, 'store' | 'logger'> {
  /** The scope a question that names none is about. */
  readonly activeScope: Pick<ActiveScope, 'get'>;
}

/**
 * `@providerdesk`: "list my apps in <scope>" or `/apps <scope>` runs the same ticket as New Ticket (output channel,
 * Ticket History) and answers with the count and the first apps, without a language model. Any other question goes
 * to the agent with the model the user picked in chat; without one (or when it refuses) the help answers.
 */
export function createChatHandler(services: ChatDeps, runner: TicketRunner): vscode.ChatRequestHandler {
  const { store, logger, activeScope } = services;
  const isScopeName = (name: string): boolean => scopesNamed(allScopes(store), name).length > 0;

  const help = (response: vscode.ChatResponseStream): vscode.ChatResult => {
    const scopes = allScopes(store);
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

  /** The agent, bound to the scope the question names or else the active scope. */
  const answerQuestion = async (request: vscode.ChatRequest, response: vscode.ChatResponseStream, token: vscode.CancellationToken): Promise<vscode.ChatResult> => {
    const named = scopeNamedIn(request.prompt, allScopes(store).map((scope) => scope.name));
    let scope: Scope | undefined;
    try {
      scope = named === undefined ? activeScope.get() : findScopeByName(services, named);
    } catch (error) {
      return { errorDetails: { message: describeError(error) }, metadata: { intent: 'question' } };
    }
    const target = scope && scopeTarget(store, scope);
    if (scope === undefined || target === undefined) return help(response);
    response.progress(vscode.l10n.t('Asking {0} about scope "{1}"…', request.model.name, scope.name));
    const result = await runAgent({ model: request.model, scope: { name: scope.name, ...target }, question: request.prompt,
      toolInvocationToken: request.toolInvocationToken, response, token, logger });
    const metadata = { intent: 'question', outcome: result.outcome, scope: scope.name, calls: result.calls.length };
    if (result.outcome === 'unavailable') {
      response.markdown(vscode.l10n.t('The language model cannot answer ({0}). Without it, this is what I can do:', result.error ?? ''));
      return { ...help(response), metadata };
    }
    if (result.outcome === 'cancelled') response.markdown(vscode.l10n.t('Cancelled.'));
    response.markdown(`\n\n${apiCallsList(result.calls, scope.name)}`);
    const { rounds, milliseconds } = result.limits;
    switch (result.outcome) {
      case 'answered':
      case 'cancelled':
        return { metadata };
      case 'rounds':
        return { errorDetails: { message: vscode.l10n.t('Stopped after {0} rounds of tool calls without an answer from the model. Ask a narrower question.', rounds) }, metadata };
      case 'timeout':
        return { errorDetails: { message: vscode.l10n.t('Stopped after {0} seconds without an answer from the model.', milliseconds / 1000) }, metadata };
      case 'failed':
        return { errorDetails: { message: vscode.l10n.t('The question could not be answered: {0}', result.error ?? '') }, metadata };
    }
  };

  return async (request, _context, response, token) => {
    const ask = parseChatRequest(request.prompt, request.command);
    // A chat request without a model comes only from tests and older hosts: they keep the phrasings above.
    const model = (request as Partial<vscode.ChatRequest>).model;
    // The phrasings stay deterministic when they name a scope of ours or none; with a model anything else is a
    // question, "which apps in Blue Team are still on heroku-22?" included.
    const deterministic = ask.intent === 'apps' && (ask.scope === undefined || isScopeName(ask.scope));
    if (model !== undefined && !deterministic && isFreeFormQuestion(request.prompt, request.command)) return answerQuestion(request, response, token);
    if (ask.intent === 'help') return help(response);
    let scope: Scope;
    try {
      const scopes = allScopes(store);
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
export function registerChatParticipant(services: AgentDeps & ChatDeps, runner: TicketRunner, channel: vscode.OutputChannel): vscode.ChatParticipant {
  const { context, logger } = services;
  registerCommand(context, logger, internalCommandIds.showTicketOutput, () => channel.show());
  const participant = vscode.chat.createChatParticipant(chatParticipantId, createChatHandler(services, runner));
  participant.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'provider-desk.svg');
  context.subscriptions.push(participant);
  return participant;
}
