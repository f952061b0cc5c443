// "Ask about this scope…": opens chat with `@providerdesk` and the scope's name typed in, for the user to finish the
// question. On the scope's context menu, in the palette, and as a button on each scope of New Ticket's pick.
import * as vscode from 'vscode';
import type { ActiveScope } from '../activeScope/activeScope';
import { UserFacingError } from '../common/errors';
import { registerCommand } from '../common/registerCommand';
import { resolveScope } from '../common/targets';
import { commandIds } from '../model/commandIds';
import type { AgentDeps } from './scopes';

/** What the chat input is filled with: the participant and the scope, which the agent finds in the question. */
export function askAboutScopeQuery(scopeName: string): string {
  return `@providerdesk ${scopeName} `;
}

export function registerAskAboutScope({ context, logger, store, activeScope }: AgentDeps & { readonly activeScope: Pick<ActiveScope, 'get'> }): void {
  registerCommand(context, logger, commandIds.askAboutScope, async (target?: unknown) => {
    const scope = await resolveScope(store, target, vscode.l10n.t('Select the scope to ask about'), activeScope.get()?.id);
    const query = askAboutScopeQuery(scope.name);
    try {
      // isPartialQuery: the text waits in the chat input instead of being sent.
      await vscode.commands.executeCommand('workbench.action.chat.open', { query, isPartialQuery: true });
    } catch (error) {
      logger.error(`${commandIds.askAboutScope}: the chat view did not open`, error);
      throw new UserFacingError(vscode.l10n.t('The chat view is not available in this window. Open chat and type: {0}', query));
    }
    return query;
  });
}
