import * as assert from 'node:assert/strict';
import { apiCallsList } from '../../src/agents/agentText';
import { appsAnswer, helpAnswer } from '../../src/agents/chatAnswer';
import { toolConfirmation } from '../../src/agents/toolTexts';
import { boldName, escapeMarkdownInline, fencedCodeBlock, markdownCodeSpan } from '../../src/model/markdown';
import { renderTicket } from '../../src/tickets/render';

/** Names a Heroku API (or a user typing a scope name) could hand us, each trying to escape into live markdown. */
export const hostileNames = [
  'tick`s``here',
  'app\n```\n[link](command:providerDesk.deleteProvider)\n```',
  '[link](command:providerDesk.deleteProvider)',
  '<img src=x>',
  '*bold*',
  '|pipe|',
  '````\r\n# heading\u2028- item',
  '~~~\n<script>alert(1)</script>',
];

interface FenceParts {
  readonly blocks: number;
  readonly inside: string[];
  readonly outside: string[];
  readonly unclosed: boolean;
}

/** Splits markdown the way CommonMark finds fenced code blocks: an opener of 3+ backticks or tildes, closed by a run at least as long. */
function fenceParts(markdown: string): FenceParts {
  const inside: string[] = [];
  const outside: string[] = [];
  let open: string | undefined;
  let blocks = 0;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (open === undefined && fence !== undefined) {
      open = fence;
      blocks++;
    } else if (open !== undefined && fence !== undefined && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) {
      open = undefined;
    } else {
      (open === undefined ? outside : inside).push(line);
    }
  }
  return { blocks, inside, outside, unclosed: open !== undefined };
}

/** Link, image and HTML syntax that markdown would act on: an unescaped `](`, `<` or line-starting block marker. */
function assertInert(lines: readonly string[], what: string): void {
  for (const line of lines) {
    assert.doesNotMatch(line, /(^|[^\\])\]\(/, `${what}: active link in ${JSON.stringify(line)}`);
    assert.doesNotMatch(line, /(^|[^\\])</, `${what}: raw HTML in ${JSON.stringify(line)}`);
    assert.doesNotMatch(line, /^\s*(#|[-+]\s|\||>|`{3,}|~{3,})/, `${what}: a name started a block in ${JSON.stringify(line)}`);
    assert.doesNotMatch(line, /[\u2028\u2029\r]/, `${what}: a line separator survived in ${JSON.stringify(line)}`);
  }
}

function ticketWith(names: readonly string[]): string {
  const apps = names.map((name) => ({ name, region: 'us', stack: 'heroku-24', updatedAt: '2025-11-24T10:00:00Z' }));
  return renderTicket({ number: 7, scopeName: 's', providerName: 'p', startedAt: '2025-11-27T10:00:00Z', apps }, Date.parse('2025-11-27T10:00:00Z'));
}

describe('Markdown is escaped: hostile app and scope names in chat answers', () => {
  it(`keeps ${hostileNames.length} hostile app names inside the answer's one code block`, () => {
    const answer = appsAnswer({ number: 7, scopeName: 'Production', appCount: hostileNames.length, text: ticketWith(hostileNames) });
    const parts = fenceParts(answer);
    assert.equal(parts.blocks, 1, answer);
    assert.equal(parts.unclosed, false, answer);
    // One header and one row per app: a newline in a name did not add rows.
    assert.equal(parts.inside.length, 1 + hostileNames.length, answer);
    assertInert(parts.outside, 'outside the code block');
    assert.deepEqual(parts.outside.filter((line) => line !== ''), ['Ticket #7: scope **Production** has 8 apps.']);
  });

  for (const name of hostileNames) {
    it(`scope name ${JSON.stringify(name)} stays one inert phrase`, () => {
      for (const answer of [
        appsAnswer({ number: 1, scopeName: name, appCount: 0, text: '' }),
        helpAnswer([name, 'Blue Team']),
      ]) {
        const parts = fenceParts(answer);
        assert.equal(parts.blocks, 0, answer);
        assertInert(parts.outside.filter((line) => !line.startsWith('- `@providerdesk')), 'answer');
        assert.ok(answer.split('\n').some((line) => /^(Ticket #1: scope|Scopes:) \*\*.+\*\*/.test(line)), answer);
      }
      // The agent's list of API calls: the heading inert, each call one code span on its own list line.
      const [heading, call, ...rest] = apiCallsList([{ name: 'providerDesk_listHerokuApps', input: { scope: name }, failed: true }], name).split('\n');
      assert.deepEqual(rest, []);
      assertInert([heading!], 'API calls');
      const span = /^- (`+)(.*)\1 \(failed\)$/.exec(call!);
      assert.ok(span && !span[2]!.includes(span[1]!), `not one code span: ${call}`);
    });
  }
});

describe('Markdown is escaped: the helpers and the tool confirmation', () => {
  it('escapeMarkdownInline escapes every control character and puts line breaks on one line', () => {
    assert.equal(escapeMarkdownInline('\\`*_{}[]()#+-.!|<>~'), '\\\\\\`\\*\\_\\{\\}\\[\\]\\(\\)\\#\\+\\-\\.\\!\\|\\<\\>\\~');
    assert.equal(escapeMarkdownInline('a\nb\r\nc\u2028d\u0007e'), 'a b  c d e');
  });

  it('fencedCodeBlock outgrows the longest backtick run; markdownCodeSpan likewise', () => {
    assert.equal(fencedCodeBlock(['a', 'b````c'], 'text'), '`````text\na\nb````c\n`````');
    assert.equal(fencedCodeBlock(['x\ny']), '```\nx y\n```');
    assert.equal(markdownCodeSpan('https://h'), '`https://h`');
    assert.equal(markdownCodeSpan('`a``\nb'), '``` `a`` b ```');
  });

  for (const name of hostileNames) {
    it(`the tool confirmation names scope, provider and host inertly for ${JSON.stringify(name)}`, () => {
      const action = `List the dynos of app ${boldName(name)}.`;
      for (const message of [
        toolConfirmation(action, name, { providerName: name, host: 'https://api.heroku.com' }),
        toolConfirmation(action, name, undefined),
      ]) {
        assert.equal(message.split('\n').length, 1, message);
        assertInert([message], 'confirmation');
      }
      assert.match(toolConfirmation('List the Heroku apps.', 'Production', { providerName: 'Heroku', host: 'http://127.0.0.1:5000' }),
        /^List the Heroku apps\. Provider Desk scope \*\*Production\*\*: its token is sent to `http:\/\/127\.0\.0\.1:5000` \(provider \*\*Heroku\*\*\)\.$/);
    });
  }
});
