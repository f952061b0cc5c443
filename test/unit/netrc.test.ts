import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findHerokuCliToken, netrcFileName, netrcPath } from '../../src/import/herokuCli';
import { findMachine, parseNetrc } from '../../src/import/netrc';

describe('netrc parser', () => {
  it('reads several entries, each with login, password and account', () => {
    const entries = parseNetrc([
      'machine api.heroku.com',
      '  login dev@example.com',
      '  password HRKU-one',
      'machine git.heroku.com login dev@example.com password HRKU-git account acme',
    ].join('\n'));
    assert.deepStrictEqual(entries, [
      { machine: 'api.heroku.com', login: 'dev@example.com', password: 'HRKU-one' },
      { machine: 'git.heroku.com', login: 'dev@example.com', password: 'HRKU-git', account: 'acme' },
    ]);
  });

  it('treats tabs, CRLF and values on the next line as plain whitespace, and skips a BOM', () => {
    const entries = parseNetrc('\uFEFFmachine\tapi.heroku.com\r\nlogin\r\n  dev@example.com\r\npassword   HRKU-crlf\r\n');
    assert.deepStrictEqual(entries, [{ machine: 'api.heroku.com', login: 'dev@example.com', password: 'HRKU-crlf' }]);
  });

  it('ignores comments where a keyword is expected, but keeps # inside a value', () => {
    const entries = parseNetrc([
      '# machine api.heroku.com password commented-out',
      'machine api.heroku.com # the Heroku API',
      '  login dev@example.com password pa#ss # trailing comment password nope',
    ].join('\n'));
    assert.deepStrictEqual(entries, [{ machine: 'api.heroku.com', login: 'dev@example.com', password: 'pa#ss' }]);
  });

  it('skips macdef bodies up to the next blank line', () => {
    const entries = parseNetrc([
      'machine ftp.example.com login anonymous password guest',
      'macdef init',
      'machine api.heroku.com password from-the-macro',
      'cd /pub',
      '',
      'machine api.heroku.com login dev@example.com password HRKU-after-macro',
    ].join('\n'));
    assert.deepStrictEqual(entries.map((entry) => entry.machine), ['ftp.example.com', 'api.heroku.com']);
    assert.strictEqual(findMachine(entries, 'api.heroku.com')?.password, 'HRKU-after-macro');
  });

  it('tolerates malformed lines: unknown words, values before any machine, a keyword at the end', () => {
    const entries = parseNetrc([
      'login orphan password orphan-secret',
      'garbage here',
      'machine api.heroku.com frobnicate login dev@example.com password HRKU-ok',
      'machine other.example.com password',
    ].join('\n'));
    assert.deepStrictEqual(entries, [
      { machine: 'api.heroku.com', login: 'dev@example.com', password: 'HRKU-ok' },
      { machine: 'other.example.com' },
    ]);
  });

  it('returns the first entry for a host (case-insensitive) and never the default entry', () => {
    const entries = parseNetrc('default login anyone password default-secret\nmachine API.Heroku.com password first\nmachine api.heroku.com password second\n');
    assert.strictEqual(entries[0]!.machine, undefined);
    assert.strictEqual(findMachine(entries, 'api.heroku.com')?.password, 'first');
    assert.strictEqual(findMachine(parseNetrc('default login anyone password default-secret\n'), 'api.heroku.com'), undefined);
    assert.deepStrictEqual(parseNetrc(''), []);
  });
});

describe('netrc fixtures, read the way the Heroku CLI and curl read them', () => {
  const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'netrc', name), 'utf8');

  it('a password at the end of a line takes the next token, past comment and blank lines; CRLF and no final newline', () => {
    assert.deepStrictEqual(parseNetrc(fixture('password-at-end-of-line.netrc')), [
      { machine: 'api.heroku.com', login: 'dev@example.com', password: 'HRKU-next-line' },
      { machine: 'git.heroku.com', login: 'dev@example.com', password: 'HRKU-after-comments' },
      { machine: 'eol.example.com', login: 'me', password: 'HRKU-crlf' },
      { machine: 'last.example.com', password: 'HRKU-no-final-newline' },
    ]);
  });

  it('skips macdef bodies, wherever the macdef is, up to a blank or whitespace-only line', () => {
    assert.deepStrictEqual(parseNetrc(fixture('macdef.netrc')), [
      { machine: 'ftp.example.com', login: 'anonymous', password: 'guest' },
      { machine: 'api.heroku.com', login: 'dev@example.com', password: 'HRKU-after-macro' },
    ]);
  });

  it('reads quoted values with spaces and escapes as curl does, and drops a value whose quote is never closed', () => {
    assert.deepStrictEqual(parseNetrc(fixture('quoted.netrc')), [
      { machine: 'api.heroku.com', login: 'dev example', password: 'HRKU-with "quotes", a \\ and spaces' },
      { machine: 'tabs.example.com', password: 'a\tb\nc\rdqe' },
      { machine: 'quoted#hash.example.com', password: '#not-a-comment' },
      { machine: 'open.example.com', login: 'me' },
      { machine: 'next.example.com', password: 'after-the-open-quote' },
    ]);
  });

  it('comments: # lines (indented too), trailing comments; # inside a value, or as the value right after its keyword', () => {
    assert.deepStrictEqual(parseNetrc(fixture('comments.netrc')), [
      { machine: 'api.heroku.com', login: 'dev@example.com', password: 'pa#ss' },
      { machine: 'hash.example.com', password: '#starts-with-hash' },
      { machine: 'later.example.com', password: 'HRKU-later' },
    ]);
  });

  it('a machine that appears twice: the first entry wins, even without a password, and so does its first password', () => {
    const entries = parseNetrc(fixture('duplicates.netrc'));
    assert.deepStrictEqual(findMachine(entries, 'api.heroku.com'), { machine: 'api.heroku.com', login: 'first@example.com', password: 'HRKU-first' });
    assert.deepStrictEqual(findMachine(entries, 'git.heroku.com'), { machine: 'git.heroku.com', login: 'no-password@example.com' });
  });

  it('the default entry keeps what follows it, and never stands in for a machine', () => {
    const entries = parseNetrc(fixture('default.netrc'));
    assert.deepStrictEqual(entries, [
      { machine: 'github.com', login: 'me', password: 'gh-secret' },
      { machine: undefined, login: 'anyone', password: 'default-secret' },
      { machine: 'api.heroku.com', login: 'dev@example.com', password: 'HRKU-after-default' },
    ]);
    assert.strictEqual(findMachine(entries, 'gitlab.com'), undefined);
  });
});

describe('Heroku CLI token lookup', () => {
  let home: string;
  const envWith = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ HOME: home, ...extra });
  const writeNetrc = (text: string): void => fs.writeFileSync(path.join(home, netrcFileName('linux')), text, { mode: 0o600 });
  const lookup = (env: NodeJS.ProcessEnv = envWith()) => findHerokuCliToken({ env, platform: 'linux' });

  beforeEach(() => { home = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-desk-netrc-')); });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('finds nothing when ~/.netrc is missing and HEROKU_API_KEY is not set', async () => {
    assert.strictEqual(await lookup(), undefined);
  });

  it('finds nothing when ~/.netrc only has other machines, or only a default entry', async () => {
    writeNetrc('machine github.com login me password gh-secret\nmachine git.heroku.com login me password HRKU-git\n');
    assert.strictEqual(await lookup(), undefined);
    writeNetrc('default login me password default-secret\n');
    assert.strictEqual(await lookup(), undefined);
  });

  it('reads the api.heroku.com entry despite malformed lines', async () => {
    writeNetrc('this is not netrc\nmachine\n\napi.heroku.com bogus login dev@example.com password HRKU-netrc\nlogin\n');
    assert.deepStrictEqual(await lookup(), { token: 'HRKU-netrc', source: path.join(home, '.netrc'), login: 'dev@example.com' });
  });

  it('takes the first api.heroku.com entry when there are several', async () => {
    writeNetrc('machine api.heroku.com login a@example.com password HRKU-first\nmachine api.heroku.com login b@example.com password HRKU-second\n');
    assert.strictEqual((await lookup())?.token, 'HRKU-first');
  });

  it('reads each fixture the same way from ~/.netrc', async () => {
    const expected: Record<string, string | undefined> = {
      'password-at-end-of-line.netrc': 'HRKU-next-line', 'macdef.netrc': 'HRKU-after-macro', 'comments.netrc': 'pa#ss',
      'quoted.netrc': 'HRKU-with "quotes", a \\ and spaces', 'duplicates.netrc': 'HRKU-first', 'default.netrc': 'HRKU-after-default',
    };
    for (const [name, token] of Object.entries(expected)) {
      writeNetrc(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'netrc', name), 'utf8'));
      assert.strictEqual((await lookup())?.token, token, name);
    }
    writeNetrc('machine api.heroku.com login dev@example.com\nmachine api.heroku.com password HRKU-second\n');
    assert.strictEqual(await lookup(), undefined, 'the first api.heroku.com entry has no password: like the CLI, no token');
  });

  it('prefers HEROKU_API_KEY over ~/.netrc, as the Heroku CLI does; a blank one does not count', async () => {
    writeNetrc('machine api.heroku.com login a@example.com password HRKU-netrc\n');
    assert.deepStrictEqual(await lookup(envWith({ HEROKU_API_KEY: ' HRKU-env ' })), { token: 'HRKU-env', source: 'HEROKU_API_KEY' });
    assert.strictEqual((await lookup(envWith({ HEROKU_API_KEY: '  ' })))?.token, 'HRKU-netrc');
  });

  it('uses _netrc on Windows and HOME when set', () => {
    assert.strictEqual(netrcPath({ env: { HOME: home }, platform: 'win32' }), path.join(home, '_netrc'));
    assert.strictEqual(netrcPath({ env: { HOME: home }, platform: 'darwin' }), path.join(home, '.netrc'));
    assert.strictEqual(netrcPath({ env: {}, platform: 'linux' }), path.join(os.homedir(), '.netrc'));
  });

  it('reports an unreadable ~/.netrc instead of pretending it is missing', async () => {
    fs.mkdirSync(path.join(home, '.netrc'));
    await assert.rejects(lookup(), (error: NodeJS.ErrnoException) => error.code === 'EISDIR');
  });
});
