import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { appsAnswer, helpAnswer, ticketTableExcerpt } from '../../src/agents/chatAnswer';
import { chatCommands, cleanScopeName, parseChatRequest, type ChatIntent } from '../../src/agents/chatRequest';
import { renderTicket, type TicketAppRow } from '../../src/tickets/render';

const apps = (scope: string): ChatIntent => ({ intent: 'apps', scope });

describe('@providerdesk: what a message asks for', () => {
  it('"list my apps in <scope>" and its variants name the scope', () => {
    for (const [prompt, scope] of [
      ['list my apps in Production', 'Production'],
      ['List My Apps In Production', 'Production'],
      ['apps in staging', 'staging'],
      ['list apps in staging', 'staging'],
      ['show me all my Heroku apps in heroku-apps', 'heroku-apps'],
      ['list the apps of staging?', 'staging'],
      ['what apps are in staging?', 'staging'],
      ['which apps do I have on staging', 'staging'],
      ['please list my applications for staging.', 'staging'],
      ['can you list my apps in staging please', 'staging'],
      ['  list my apps in   Blue Team  ', 'Blue Team'],
      ['list my apps in the scope Blue Team', 'Blue Team'],
      ['list my apps in the Blue Team scope', 'Blue Team'],
      ['list my apps in Blue Team scope!', 'Blue Team'],
    ] as const) {
      assert.deepEqual(parseChatRequest(prompt), apps(scope), prompt);
    }
  });

  it('a quoted scope name is taken verbatim, whatever words it contains', () => {
    for (const [prompt, scope] of [
      ['list my apps in "Apps in EU"', 'Apps in EU'],
      ["apps in 'prod scope'", 'prod scope'],
      ['apps in `the staging scope`?', 'the staging scope'],
      ['apps in “Blue Team”', 'Blue Team'],
      ['apps in the scope "My Scope."', 'My Scope.'],
    ] as const) {
      assert.deepEqual(parseChatRequest(prompt), apps(scope), prompt);
    }
  });

  it('/apps takes the rest of the message as the scope, with or without "in"', () => {
    assert.deepEqual(parseChatRequest('Production', 'apps'), apps('Production'));
    assert.deepEqual(parseChatRequest('in Production', 'apps'), apps('Production'));
    assert.deepEqual(parseChatRequest(' "Blue Team" ', 'apps'), apps('Blue Team'));
    assert.deepEqual(parseChatRequest('Blue Team', 'apps'), apps('Blue Team'));
  });

  it('asks for the apps without a scope when none is named', () => {
    for (const [prompt, command] of [['list my apps', undefined], ['apps', undefined], ['what apps do I have?', undefined], ['', 'apps'], ['  ', 'apps']] as const) {
      assert.deepEqual(parseChatRequest(prompt, command), { intent: 'apps' }, `${command ?? ''} ${prompt}`);
    }
    assert.deepEqual(parseChatRequest('list my apps in ""'), { intent: 'apps' });
  });

  it('anything else, and unknown slash commands, ask for help', () => {
    for (const prompt of ['', 'help', 'hello', 'list my dynos in Production', 'delete my apps in Production', 'show Production']) {
      assert.deepEqual(parseChatRequest(prompt), { intent: 'help' }, prompt);
    }
    assert.deepEqual(parseChatRequest('Production', 'dynos'), { intent: 'help' });
  });

  it('package.json declares exactly the slash commands the parser understands', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as
      { contributes: { chatParticipants: { id: string; name: string; commands: { name: string }[] }[] } };
    const [participant] = manifest.contributes.chatParticipants;
    assert.deepEqual([participant!.id, participant!.name], ['providerDesk.chat', 'providerdesk']);
    assert.deepEqual(participant!.commands.map((command) => command.name), Object.values(chatCommands));
  });

  it('cleanScopeName keeps a name that only looks like the keywords', () => {
    assert.equal(cleanScopeName('scope'), 'scope');
    assert.equal(cleanScopeName('the lab'), 'the lab');
    assert.equal(cleanScopeName('"'), '"');
    assert.equal(cleanScopeName(' ?! '), undefined);
  });
});

describe('@providerdesk: the markdown answers', () => {
  const row = (index: number): TicketAppRow => ({ name: `app-${String(index).padStart(5, '0')}`, region: 'eu', stack: 'heroku-24', updatedAt: '2024-05-29T12:00:00Z' });
  const ticketText = (count: number): string => renderTicket({ number: 12, scopeName: 'Production', providerName: 'Heroku', startedAt: 0, apps: Array.from({ length: count }, (_, index) => row(index + 1)) }, new Date('2024-06-01T12:00:00Z'));

  it('takes the header and the first rows of the ticket exactly as the output channel shows them', () => {
    const text = ticketText(25);
    const excerpt = ticketTableExcerpt(text, 3);
    assert.deepEqual(excerpt, text.split('\n').slice(2, 6));
    assert.match(excerpt[0]!, /^NAME\s+REGION\s+STACK\s+LAST UPDATED \(UTC\)$/);
    assert.match(excerpt[1]!, /^app-00001\s+eu\s+heroku-24\s+2024-05-29 12:00\s+3 days ago$/);
    assert.deepEqual(ticketTableExcerpt(ticketText(2), 10).length, 3, 'stops at the blank line before the count');
  });

  it('answers with the count, a table of the first 10 apps and how many more there are', () => {
    const answer = appsAnswer({ number: 12, scopeName: 'Production', appCount: 1500, text: ticketText(1500) });
    assert.match(answer, /^Ticket #12: scope \*\*Production\*\* has 1,500 apps\.\n\n```text\nNAME/);
    assert.ok(answer.includes('app-00010') && !answer.includes('app-00011'));
    assert.match(answer, /```\n\n…and 1,490 more in the "Provider Desk" output panel\.$/);
  });

  it('a short list has no "more", one app is singular, none says so', () => {
    assert.ok(!appsAnswer({ number: 1, scopeName: 'a', appCount: 10, text: ticketText(10) }).includes('more'));
    assert.match(appsAnswer({ number: 1, scopeName: 'a', appCount: 1, text: ticketText(1) }), /has 1 app\./);
    assert.equal(appsAnswer({ number: 2, scopeName: 'a', appCount: 0, text: '' }), 'Ticket #2: scope **a** has no apps.');
  });

  it('escapes markdown in scope names', () => {
    assert.match(appsAnswer({ number: 3, scopeName: '**bold**', appCount: 0, text: '' }), /scope \*\*\\\*\\\*bold\\\*\\\*\*\* has/);
  });

  it('help lists the phrasings and the scopes, or says there are none yet', () => {
    const help = helpAnswer(['Production', 'Blue Team']);
    assert.ok(help.includes('`@providerdesk list my apps in <scope>`') && help.includes('`@providerdesk /apps <scope>`'));
    assert.match(help, /Scopes: \*\*Production\*\*, \*\*Blue Team\*\*\.$/);
    assert.match(helpAnswer([]), /There are no scopes yet/);
  });
});
