// Finds the API token the Heroku CLI uses, the way the CLI does: HEROKU_API_KEY first, then the `api.heroku.com`
// entry of ~/.netrc (`_netrc` on Windows). No `vscode` import and no shell: it reads one file and the environment.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { herokuApiHost } from '../model/accountId';
import { findMachine, parseNetrc } from './netrc';

export interface HerokuCliToken {
  readonly token: string;
  /** Where it came from, for messages: `HEROKU_API_KEY` or the netrc path. */
  readonly source: string;
  /** The netrc entry's login (usually the account email); undefined for HEROKU_API_KEY. */
  readonly login?: string;
}

export interface HerokuCliLookupOptions {
  /** Default process.env. HOME, when set, overrides os.homedir(). */
  readonly env?: NodeJS.ProcessEnv;
  /** Default process.platform. */
  readonly platform?: NodeJS.Platform;
}

/** The netrc file name the Heroku CLI uses on this platform. */
export function netrcFileName(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? '_netrc' : '.netrc';
}

export function netrcPath(options: HerokuCliLookupOptions = {}): string {
  const env = options.env ?? process.env;
  return path.join(env.HOME || os.homedir(), netrcFileName(options.platform));
}

/** The token, or undefined when neither HEROKU_API_KEY nor an api.heroku.com password exists. Unreadable files throw. */
export async function findHerokuCliToken(options: HerokuCliLookupOptions = {}): Promise<HerokuCliToken | undefined> {
  const env = options.env ?? process.env;
  const fromEnv = env.HEROKU_API_KEY?.trim();
  if (fromEnv) return { token: fromEnv, source: 'HEROKU_API_KEY' };

  const file = netrcPath(options);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const entry = findMachine(parseNetrc(text), herokuApiHost);
  if (!entry?.password) return undefined;
  return { token: entry.password, source: file, login: entry.login };
}
