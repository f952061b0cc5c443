// Which scope a chat request or a tool call means, and where a call for it would send the scope's token.
import * as vscode from 'vscode';
import { UserFacingError } from '../common/errors';
import type { CommandDeps } from '../common/registerCommand';
import { parseAccountId } from '../model/accountId';
import type { Scope } from '../model/schemas';
import type { ProviderStore } from '../store/providerStore';
import type { ToolTarget } from './toolTexts';

/** What the tools and `@providerdesk` need besides the ticket runner. */
export interface AgentDeps extends CommandDeps {
  readonly store: ProviderStore;
}

export function allScopes(store: ProviderStore): Scope[] {
  return store.providers().flatMap((provider) => store.scopes(provider.id));
}

/** The scopes named `name`, ignoring case and surrounding spaces. */
export function scopesNamed(scopes: readonly Scope[], name: string): Scope[] {
  const wanted = name.trim().toLowerCase();
  return scopes.filter((scope) => scope.name.toLowerCase() === wanted);
}

/** The scope named `name` (case-insensitive; an exact-case match wins a tie). Throws a message listing every scope. */
export function findScopeByName(services: Pick<AgentDeps, 'store'>, name: unknown): Scope {
  const { store } = services;
  const all = allScopes(store);
  const wanted = typeof name === 'string' ? name.trim() : '';
  const matches = scopesNamed(all, wanted);
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

/** The provider and the API origin (from its Account ID) that a call for `scope` sends the scope's token to. */
export function scopeTarget(store: ProviderStore, scope: Scope): ToolTarget | undefined {
  const provider = store.provider(scope.providerId);
  if (provider === undefined) return undefined;
  const parsed = parseAccountId(provider.accountId);
  return { providerName: provider.name, host: parsed.ok ? parsed.baseUrl : provider.accountId };
}

/** The target of the scope named `name`; undefined if there is no such scope (the call then reports it). */
export function toolTarget(services: Pick<AgentDeps, 'store'>, name: string): ToolTarget | undefined {
  try {
    return scopeTarget(services.store, findScopeByName(services, name));
  } catch {
    return undefined;
  }
}
