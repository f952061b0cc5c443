// The markdown the @providerdesk chat participant answers with. Pure (no `vscode`, texts through `@vscode/l10n` as in
// the ticket renderer), so the answers are unit-tested.
import * as l10n from '@vscode/l10n';
import { boldName, fencedCodeBlock } from '../model/markdown';
import { formatAppCount, formatCount } from '../tickets/render';

/** How many app rows a chat answer shows; the whole list is in the "Provider Desk" output channel. */
export const chatTableRows = 10;

/**
 * The column header and the first `rows` app rows of a successful ticket's text, exactly as the output channel shows
 * them. renderTicket writes a title line, a blank line, the header, one line per app (sorted by name), then a blank
 * line and the count; the runner hands back that text, not the apps.
 */
export function ticketTableExcerpt(ticketText: string, rows: number): string[] {
  const lines = ticketText.split('\n');
  const end = lines.indexOf('', 2);
  return lines.slice(2, Math.min(end === -1 ? lines.length : end, 3 + rows));
}

export interface AppsTicket {
  readonly number: number;
  readonly scopeName: string;
  readonly appCount: number;
  /** The ticket as written to the output channel. */
  readonly text: string;
}

/** Count, the first rows of the ticket's table in a code block (columns aligned as in the output channel), "and N more". */
export function appsAnswer(ticket: AppsTicket, rows = chatTableRows): string {
  const scope = boldName(ticket.scopeName);
  if (ticket.appCount === 0) return l10n.t('Ticket #{0}: scope {1} has no apps.', ticket.number, scope);
  const parts = [l10n.t('Ticket #{0}: scope {1} has {2}.', ticket.number, scope, formatAppCount(ticket.appCount))];
  const table = ticketTableExcerpt(ticket.text, rows);
  // App names come from the API: the fence outgrows any backtick run in them.
  if (table.length > 0) parts.push(fencedCodeBlock(table, 'text'));
  const more = ticket.appCount - (table.length - 1);
  if (table.length > 0 && more > 0) {
    parts.push(l10n.t('…and {0} more in the "Provider Desk" output panel.', formatCount(more)));
  }
  return parts.join('\n\n');
}

/** What the participant can do, with the scopes it can use. */
export function helpAnswer(scopeNames: readonly string[]): string {
  const scopes = scopeNames.length === 0
    ? l10n.t('There are no scopes yet: add a provider, a credential with your Heroku API token and a scope in the Provider Desk view.')
    : l10n.t('Scopes: {0}.', scopeNames.map(boldName).join(', '));
  return [
    l10n.t('I list the Heroku apps of a Provider Desk scope, with the same ticket as **New Ticket** (output panel and Ticket History). Ask me:'),
    // Not translated: these are the phrasings the participant understands.
    '- `@providerdesk list my apps in <scope>`\n- `@providerdesk /apps <scope>`',
    l10n.t('Put a scope name in quotes if it contains words such as "in" or "scope".'),
    l10n.t('With a language model picked in chat, ask anything else about a scope in plain words, e.g. {0}: I answer with read-only Heroku tools and list the API calls I made.',
      '`@providerdesk which apps in Production are still on heroku-22?`'),
    scopes,
  ].join('\n\n');
}
