// A small, tolerant parser for ~/.netrc (`_netrc` on Windows), the file where the Heroku CLI keeps its API token after
// `heroku login`. No `vscode` import, no file access: it only turns text into entries.
//
// The format: whitespace-separated tokens (spaces, tabs and newlines are all the same). `machine <host>` starts an
// entry, `default` starts the catch-all entry, and `login`, `password` and `account` each take the next token as
// their value. `macdef <name>` starts a macro whose body runs until the next blank line. A token starting with `#`
// where a keyword is expected starts a comment to the end of the line. There is no quoting. Anything else (unknown
// keywords, values before the first entry, a keyword at the end of the file) is skipped, never fatal.

export interface NetrcEntry {
  /** The host, or undefined for the `default` entry. */
  readonly machine: string | undefined;
  readonly login?: string;
  readonly password?: string;
  readonly account?: string;
}

type ValueKeyword = 'machine' | 'login' | 'password' | 'account' | 'macdef';
const valueKeywords = new Set<string>(['machine', 'login', 'password', 'account', 'macdef']);

interface MutableEntry {
  machine: string | undefined;
  login?: string;
  password?: string;
  account?: string;
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
    const words = line.split(/[ \t\f\v]+/).filter((word) => word.length > 0);
    for (const word of words) {
      if (pending) {
        const keyword = pending;
        pending = undefined;
        if (keyword === 'machine') {
          current = { machine: word };
          entries.push(current);
        } else if (keyword === 'macdef') {
          // The macro body starts on the next line; the rest of this one belongs to it too.
          inMacro = true;
          break;
        } else if (current) {
          current[keyword] = word;
        }
        continue;
      }
      if (word.startsWith('#')) break;
      if (word === 'default') {
        current = { machine: undefined };
        entries.push(current);
      } else if (valueKeywords.has(word)) {
        pending = word as ValueKeyword;
      }
      // Anything else is malformed input: skipped.
    }
  }
  return entries;
}

/** The first entry for `host` (case-insensitive). The `default` entry never matches. */
export function findMachine(entries: readonly NetrcEntry[], host: string): NetrcEntry | undefined {
  const wanted = host.toLowerCase();
  return entries.find((entry) => entry.machine !== undefined && entry.machine.toLowerCase() === wanted);
}
