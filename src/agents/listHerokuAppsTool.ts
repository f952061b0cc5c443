import * as vscode from 'vscode';
import { describeError, isCancellation, UserFacingError } from '../common/errors';
import type { CommandDeps } from '../common/registerCommand';
import { parseAccountId } from '../model/accountId';
import { toSingleLine } from '../model/markdown';
import type { Scope } from '../model/schemas';
import type { HerokuConnections } from '../connection';
import type { ProviderStore } from '../store/providerStore';
import { toolConfirmation, type ToolTarget } from './chatAnswer';

export const listHerokuAppsToolName = 'providerDesk_listHerokuApps';

export interface ListHerokuAppsInput {
  readonly scope: string;
}

/** What the tool and `@providerdesk` need besides the ticket runner. */
export interface AgentDeps extends CommandDeps {
  readonly store: ProviderStore;
}

/** The scope named `name` (case-insensitive; an exact-case match wins a tie). Throws a message listing every scope. */
export function findScopeByName(services: Pick<AgentDeps, 'store'>, name: unknown): Scope {
  const { store } = services;
  const all = store.providers().flatMap((provider) => store.scopes(provider.id));
  const wanted = typeof name === 'string' ? name.trim() : '';
  const matches = all.filter((scope) => scope.name.toLowerCase() === wanted.toLowerCase());
  const exact = matches.filter((scope) => scope.name === wanted);
  const candidates = exact.length > 0 ? exact : matches;
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    const where = candidates.map((scope) => store.provider(scope.providerId)?.name ?? '?').join(', ');
    throw new UserFacingError(vscode.l10n.t('More than one Provider Desk scope is named "{0}" (providers: {1}). Rename one of them.', wanted, where));
  }
  const available = all.length === 0 ? vscode.l10n.t('none yet; add one in the Provider Desk view')
    : all.map((scope) => `"${scope.name}"`).join(', ');
  throw new UserFacingError(vscode.l10n.t('There is no Provider Desk scope named "{0}". Available scopes: {1}.', wanted, available));
}

/** The provider and host a call for `scope` sends its token to; undefined if its provider is gone. */
export function scopeTarget(services: Pick<AgentDeps, 'store'>, scope: Scope): ToolTarget | undefined {
  const provider = services.store.provider(scope.providerId);
  if (provider === undefined) return undefined;
  const parsed = parseAccountId(provider.accountId);
  return { providerName: provider.name, host: parsed.ok ? parsed.baseUrl : provider.accountId };
}

/** The provider and host a call for the scope named `name` would send its token to; undefined if there is no such scope. */
function toolTarget(services: Pick<AgentDeps, 'store'>, name: string): ToolTarget | undefined {
  try {
    return scopeTarget(services, findScopeByName(services, name));
  } catch {
    return undefined; // invoke reports the missing or ambiguous scope
  }
}

/**
 * The `providerDesk_listHerokuApps` language model tool (#herokuApps in chat): lists a scope's Heroku apps as JSON.
 * Read-only.
 */
export function registerAgentTools(services: AgentDeps, connections: HerokuConnections): void {
  const tool: vscode.LanguageModelTool<ListHerokuAppsInput> = {
    prepareInvocation: ({ input }) => {
      const scope = typeof input?.scope === 'string' ? input.scope : '';
      return {
        invocationMessage: vscode.l10n.t('Listing the Heroku apps of scope "{0}"', toSingleLine(scope)),
        confirmationMessages: {
          title: vscode.l10n.t('List Heroku apps?'),
          // Untrusted and without HTML (the defaults): the scope name comes from the model's input.
          message: new vscode.MarkdownString(toolConfirmation(scope, toolTarget(services, scope))),
        },
      };
    },
    invoke: async ({ input }, token) => {
      const scope = findScopeByName(services, input?.scope);
      const provider = services.store.provider(scope.providerId);
      const abort = new AbortController();
      const listener = token.onCancellationRequested(() => abort.abort());
      try {
        const apps = await (await connections.forScope(scope)).listApps({ signal: abort.signal });
        services.logger.info(`${listHerokuAppsToolName}: ${apps.length} apps for scope "${scope.name}"`);
        const result = {
          scope: scope.name,
          provider: provider?.name ?? '',
          count: apps.length,
          apps: apps.map(({ name, region, stack, updatedAt }) => ({ name, region, stack, updatedAt })),
        };
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(result))]);
      } catch (error) {
        services.logger.error(`${listHerokuAppsToolName} failed`, error);
        if (isCancellation(error)) throw error;
        // What the model sees goes through the same redactor as every other message.
        throw new UserFacingError(services.logger.redactor.redact(describeError(error)));
      } finally {
        listener.dispose();
      }
    },
  };
  services.context.subscriptions.push(vscode.lm.registerTool(listHerokuAppsToolName, tool));
}
