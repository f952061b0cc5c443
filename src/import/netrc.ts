// A parser for ~/.netrc (`_netrc` on Windows), the file where the Heroku CLI keeps its API token after `heroku login`.
// No `vscode` import, no file access: it only turns text into entries. It reads the file the way the Heroku CLI
// (its `netrc-parser` package) and curl do; where the CLI's parser gives up on a file (a value on the next line, a
// blank line inside an entry, quotes), it reads it the way curl does.
//
// - Tokens are separated by spaces, tabs and line breaks. `machine <host>` starts an entry, `default` starts the
//   catch-all entry, and `login`, `password` and `account` take the next token as their value, on the same line or
//   a later one (so a `password` at the end of a line takes the first token of the next line). Keywords are
//   lower-case, as in the CLI.
// - Quoted values (curl): `"…"` may hold spaces; `\n`, `\r` and `\t` are a line feed, carriage return and tab, and a
//   backslash before any other character stands for that character (`\"`, `\\`). A quote left open at the end of
//   the line makes the value unreadable: it is dropped, never guessed.
// - Comments: a line whose first token starts with `#` is a comment. Elsewhere a token starting with `#` comments out
//   the rest of the line, except right after a keyword on the same line, where it is that keyword's value (the CLI).
// - `macdef <name>` starts a macro: the rest of its line and the following lines, up to a blank line, are skipped.
// - The first value wins: the first entry for a host (like the CLI's `machines[host]`), and within an entry the
//   first `login`, `password`, `account`.
// - Anything else (unknown words, values before the first entry, a keyword at the end of the file) is skipped, never
//   fatal.

export interface NetrcEntry {
  /** The host, or undefined for the `default` entry. */
  readonly machine: string | undefined;
  readonly login?: string;
  readonly password?: string;
  readonly account?: string;
}

type ValueKeyword = 'machine' | 'login' | 'password' | 'account';
const valueKeywords = new Set<string>(['machine', 'login', 'password', 'account']);

interface MutableEntry {
  machine: string | undefined;
  login?: string;
  password?: string;
  account?: string;
}

interface Token {
  readonly text: string;
  readonly quoted: boolean;
  /** False for a quoted value whose closing quote is missing. */
  readonly readable: boolean;
}

const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t' };

/** The quoted token starting at `line[start]` (a `"`), and where the line continues after it. */
function readQuoted(line: string, start: number): { token: Token; next: number } {
  let text = '';
  for (let index = start + 1; index < line.length; index++) {
    const char = line[index]!;
    if (char === '"') return { token: { text, quoted: true, readable: true }, next: index + 1 };
    if (char === '\\') {
      index++;
      if (index >= line.length) break;
      text += escapes[line[index]!] ?? line[index]!;
    } else {
      text += char;
    }
  }
  return { token: { text, quoted: true, readable: false }, next: line.length };
}

function tokensOf(line: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < line.length) {
    const char = line[index]!;
    if (char === ' ' || char === '\t' || char === '\f' || char === '\v') {
      index++;
    } else if (char === '"') {
      const { token, next } = readQuoted(line, index);
      tokens.push(token);
      index = next;
    } else {
      const end = line.slice(index).search(/[ \t\f\v]/);
      const stop = end < 0 ? line.length : index + end;
      tokens.push({ text: line.slice(index, stop), quoted: false, readable: true });
      index = stop;
    }
  }
  return tokens;
}

export function parseNetrc(text: string): NetrcEntry[] {
  const entries: MutableEntry[] = [];
  let current: MutableEntry | undefined;
  let pending: ValueKeyword | undefined;
  let inMacro = false;

  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (inMacro) {
      if (line.trim() === '') inMacro = false;
      continue;
    }
    const tokens = tokensOf(line);
    // Whether the keyword waiting for its value is on this line: then a `#…` token is its value, not a comment.
    let pendingOnThisLine = false;
    for (const [position, token] of tokens.entries()) {
      const comment = !token.quoted && token.text.startsWith('#');
      if (comment && (position === 0 || !(pending && pendingOnThisLine))) break;
      if (pending) {
        const keyword = pending;
        pending = undefined;
        if (!token.readable) continue;
        if (keyword === 'machine') {
          current = { machine: token.text };
          entries.push(current);
        } else if (current && current[keyword] === undefined) {
          current[keyword] = token.text;
        }
        continue;
      }
      if (token.quoted) continue;
      if (token.text === 'default') {
        current = { machine: undefined };
        entries.push(current);
      } else if (token.text === 'macdef') {
        inMacro = true;
        break;
      } else if (valueKeywords.has(token.text)) {
        pending = token.text as ValueKeyword;
        pendingOnThisLine = true;
      }
      // Anything else is malformed input: skipped.
    }
  }
  return entries;
}

/** The first entry for `host` (case-insensitive, like DNS and curl). The `default` entry never matches: the Heroku
 * CLI does not use it, and its password is usually meant for some other service. */
export function findMachine(entries: readonly NetrcEntry[], host: string): NetrcEntry | undefined {
  const wanted = host.toLowerCase();
  return entries.find((entry) => entry.machine !== undefined && entry.machine.toLowerCase() === wanted);
}
