// What the language model tools say to the user before they run: the confirmation that names the scope, the provider
// and the host its token goes to. Pure (no `vscode`, texts through `@vscode/l10n`), so every name is unit-tested as
// inert Markdown: scope, provider and app names come from the user or from the model's input.
import * as l10n from '@vscode/l10n';
import { boldName, markdownCodeSpan } from '../model/markdown';

/** Where a tool's call would send the scope's token: the provider and its Account ID origin. */
export interface ToolTarget {
  readonly providerName: string;
  readonly host: string;
}

/**
 * One line: what the tool does (`action`, Markdown the tool built with boldName), then the scope, and the provider and
 * host its token goes to when the scope is known.
 */
export function toolConfirmation(action: string, scopeName: string, target: ToolTarget | undefined): string {
  const scope = boldName(scopeName);
  const where = target === undefined
    ? l10n.t('It uses the credential of Provider Desk scope {0}.', scope)
    : l10n.t('Provider Desk scope {0}: its token is sent to {1} (provider {2}).', scope, markdownCodeSpan(target.host), boldName(target.providerName));
  return `${action} ${where}`;
}
