// What a message to the @providerdesk chat participant asks for. Pure (no `vscode`), so every phrasing is unit-tested;
// the scope name is returned as typed and resolved later by findScopeByName (case-insensitive, helpful errors).

/** The slash commands declared under `contributes.chatParticipants` in package.json. */
export const chatCommands = { apps: 'apps' } as const;

export type ChatIntent =
  /** List the apps of a scope; `scope` is missing when the message names none ("list my apps"). */
  | { readonly intent: 'apps'; readonly scope?: string }
  | { readonly intent: 'help' };

// "list my apps in Production", "show me all the Heroku apps of scope 'Blue Team'?", "what apps are in staging",
// "apps in X", "list my apps". Groups: the optional scope after the preposition.
const appsRequest = new RegExp([
  '^(?:please\\s+)?(?:(?:can|could|would)\\s+you\\s+)?',
  '(?:(?:list|show|get|give|display|what|which)\\s+)?(?:me\\s+)?',
  '(?:all\\s+)?(?:of\\s+)?(?:(?:my|the)\\s+)?(?:heroku\\s+)?',
  'app(?:lication)?s?(?:\\s+(?:are|do\\s+i\\s+have|there\\s+are))?',
  '(?:\\s+(?:in|of|for|from|on|under)\\s+(?<scope>.+?))?',
  '(?:\\s+please)?[\\s?.!]*$',
].join(''), 'iu');

const quotePairs: Readonly<Record<string, string>> = { '"': '"', "'": "'", '`': '`', '“': '”', '‘': '’', '«': '»' };

/**
 * The scope name inside what the user typed: without surrounding quotes (inside them the name is taken verbatim),
 * trailing punctuation, or the word "scope" around it ("the scope Production", "the Production scope").
 */
export function cleanScopeName(typed: string): string | undefined {
  let text = typed.trim().replace(/[\s?.!]+$/u, '');
  const close = quotePairs[text.charAt(0)];
  if (close !== undefined && text.length > 1 && text.endsWith(close)) return nonEmpty(text.slice(1, -1).trim());
  text = text.replace(/^(?:the\s+)?scope\s+(?=\S)/iu, '');
  const quoted = quotePairs[text.charAt(0)];
  if (quoted !== undefined && text.length > 1 && text.endsWith(quoted)) return nonEmpty(text.slice(1, -1).trim());
  text = text.replace(/^the\s+(.+)\s+scope$/iu, '$1').replace(/^(.+)\s+scope$/iu, '$1');
  return nonEmpty(text.trim());
}

function nonEmpty(text: string): string | undefined {
  return text.length > 0 ? text : undefined;
}

function appsIntent(typedScope: string | undefined): ChatIntent {
  const scope = typedScope === undefined ? undefined : cleanScopeName(typedScope);
  return scope === undefined ? { intent: 'apps' } : { intent: 'apps', scope };
}

/**
 * What the message asks for. `prompt` is the text after `@providerdesk` and the slash command, `command` the slash
 * command's name without the slash. Anything not understood asks for help.
 */
export function parseChatRequest(prompt: string, command?: string): ChatIntent {
  const text = prompt.trim();
  if (command === chatCommands.apps) return appsIntent(text.replace(/^(?:in|of|for|from|on)\s+(?=\S)/iu, ''));
  if (command !== undefined || text.length === 0) return { intent: 'help' };
  const match = appsRequest.exec(text);
  return match ? appsIntent(match.groups?.scope) : { intent: 'help' };
}

/**
 * Whether a message the phrasings above do not understand is a question for the language model: anything but a slash
 * command, an empty message or "help".
 */
export function isFreeFormQuestion(prompt: string, command?: string): boolean {
  return command === undefined && !/^(?:help)?[\s?.!]*$/iu.test(prompt.trim());
}
