// The texts of the @providerdesk agent: what the language model is told, which scope a question names, the progress
// shown while a tool runs and the list of API calls under the answer. Pure (no `vscode`, texts through
// `@vscode/l10n`), so they are unit-tested.
import * as l10n from '@vscode/l10n';
import { boldName, markdownCodeSpan, toSingleLine } from '../model/markdown';
import { scopeProperty } from './toolInput';

/** The tag every Provider Desk language model tool carries in package.json; the agent offers the model exactly these. */
export const providerDeskToolTag = 'providerDesk';

/** The scope the agent's tools are bound to, and where its token goes. */
export interface AgentScope {
  readonly name: string;
  readonly providerName: string;
  readonly host: string;
}

/** A tool call the agent ran: its name, the input it ran with (the bound scope filled in) and whether it failed. */
export interface AgentToolCall {
  readonly name: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly failed: boolean;
}

/**
 * What the model is told before the question. Not translated: it instructs the model, which answers in the language
 * of the question. Names are JSON strings, so a scope name cannot pose as an instruction.
 */
export function agentInstructions(scope: AgentScope): string {
  return [
    'You are the help desk agent of Provider Desk, a VS Code extension. You answer questions about Heroku apps, dynos,',
    'releases, add-ons and accounts with read-only tools that call the Heroku Platform API.',
    `Every tool call runs against the Provider Desk scope ${JSON.stringify(scope.name)} (provider ${JSON.stringify(scope.providerName)},`,
    `API host ${JSON.stringify(scope.host)}): the agent sets the scope of each call, so do not pass one. If the question is`,
    'about another scope, say that the user should name that scope in the question.',
    'Answer only with facts from the tool results, and say so when they do not answer the question. Be brief: a sentence,',
    'a list or a small table. Nothing can be changed through these tools.',
  ].join('\n');
}

function isNameCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}_-]/u.test(character);
}

/**
 * The scope a question names: of the `names` that stand in it as whole words (case-insensitive), the longest, which is
 * the most specific ("Blue Team EU" over "Blue Team", "heroku-apps" over a scope called "apps"); the first of equally
 * long ones. Undefined when it names none.
 */
export function scopeNamedIn(question: string, names: readonly string[]): string | undefined {
  const text = question.toLowerCase();
  let best: { name: string; at: number; length: number } | undefined;
  for (const name of names) {
    const wanted = name.trim().toLowerCase();
    if (wanted.length === 0) continue;
    for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
      if (isNameCharacter(text[at - 1]) || isNameCharacter(text[at + wanted.length])) continue;
      if (best === undefined || wanted.length > best.length || (wanted.length === best.length && at < best.at)) best = { name, at, length: wanted.length };
      break;
    }
  }
  return best?.name;
}

/** The input without the scope, as `key "value"` pairs on one line. */
function describeInput(input: Readonly<Record<string, unknown>>): string {
  return Object.entries(input).filter(([key]) => key !== scopeProperty)
    .map(([key, value]) => `${key} ${toSingleLine(JSON.stringify(value) ?? '')}`).join(', ');
}

/** What the chat shows while a tool that is not one of ours (another extension's, tagged `providerDesk`) runs. */
export function toolProgress(call: Pick<AgentToolCall, 'name' | 'input'>, scopeName: string): string {
  const scope = toSingleLine(scopeName);
  const details = describeInput(call.input);
  return details.length > 0 ? l10n.t('Calling {0} ({1}) for {2}…', call.name, details, scope) : l10n.t('Calling {0} for {1}…', call.name, scope);
}

/** The API calls under an answer: each tool with the input it ran with, as code. */
export function apiCallsList(calls: readonly AgentToolCall[], scopeName: string): string {
  const scope = boldName(scopeName);
  if (calls.length === 0) return l10n.t('No API calls were made (scope {0}).', scope);
  const lines = calls.map((call) => {
    const line = `- ${markdownCodeSpan(`${call.name} ${JSON.stringify(call.input)}`)}`;
    return call.failed ? `${line} ${l10n.t('(failed)')}` : line;
  });
  return [l10n.t('API calls (scope {0}):', scope), ...lines].join('\n');
}
