import * as assert from 'node:assert/strict';
import {
  formatAge, formatAppCount, formatCount, formatUtcMinute, renderAccountTicket, renderDynoTicket, renderTicket,
  type TicketAppRow, type TicketDynoRow, type TicketRenderInput,
} from '../../src/tickets/render';

const now = new Date('2024-06-01T12:00:00Z');
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

function ticket(overrides: Partial<TicketRenderInput> = {}): TicketRenderInput {
  return { number: 7, scopeName: 'Production', providerName: 'Heroku (work)', startedAt: new Date('2024-06-01T11:59:30.250Z'), ...overrides };
}

function rows(text: string): string[] {
  const lines = text.split('\n');
  const header = lines.findIndex((line) => line.startsWith('NAME'));
  const end = lines.indexOf('', header);
  return lines.slice(header, end);
}

describe('renderTicket', () => {
  const apps: TicketAppRow[] = [
    { name: 'zeta-worker', region: 'eu', stack: 'heroku-24', updatedAt: '2024-05-29T12:00:00Z' },
    { name: 'alpha', region: 'us', stack: 'heroku-22', updatedAt: '2024-06-01T11:55:00Z' },
    { name: 'a-very-long-application-name', region: 'virginia', stack: 'container', updatedAt: '2023-01-15T08:30:59Z' },
  ];

  it('starts with the ticket number, scope, provider and ISO time', () => {
    const text = renderTicket(ticket({ apps }), now);
    assert.equal(text.split('\n')[0], 'Ticket #7 · scope "Production" · provider "Heroku (work)" · 2024-06-01T11:59:30.250Z');
  });

  it('renders a table sorted by name, aligned in columns, with UTC minutes and relative ages', () => {
    const text = renderTicket(ticket({ apps }), now);
    assert.deepEqual(rows(text), [
      'NAME                          REGION    STACK      LAST UPDATED (UTC)',
      'a-very-long-application-name  virginia  container  2023-01-15 08:30  1 year ago',
      'alpha                         us        heroku-22  2024-06-01 11:55  5 minutes ago',
      'zeta-worker                   eu        heroku-24  2024-05-29 12:00  3 days ago',
    ]);
  });

  it('ends with the app count and a blank line, and has no trailing spaces', () => {
    const text = renderTicket(ticket({ apps }), now);
    assert.ok(text.endsWith('\n\n3 apps\n\n'), JSON.stringify(text.slice(-30)));
    for (const line of text.split('\n')) assert.equal(line, line.trimEnd());
  });

  it('counts one app in the singular and thousands with separators', () => {
    assert.match(renderTicket(ticket({ apps: apps.slice(0, 1) }), now), /\n1 app\n/);
    const many = Array.from({ length: 1500 }, (_, index) => ({ name: `app-${String(index).padStart(4, '0')}`, region: 'us', stack: 'heroku-24', updatedAt: '2024-05-01T00:00:00Z' }));
    assert.match(renderTicket(ticket({ apps: many }), now), /\n1,500 apps\n/);
    assert.equal(formatCount(1_234_567), '1,234,567');
    assert.equal(formatCount(999), '999');
    assert.equal(formatAppCount(0), '0 apps');
  });

  it('says so when the account has no apps', () => {
    for (const empty of [[], undefined]) {
      const text = renderTicket(ticket({ apps: empty }), now);
      assert.ok(text.includes('\nThis account has no apps.\n'));
      assert.ok(!text.includes('NAME'));
    }
  });

  it('shows the error text of a failed ticket instead of a table', () => {
    const error = 'Heroku rejected the API token. Get a new one from the Heroku Dashboard.';
    const text = renderTicket(ticket({ apps, error }), now);
    assert.deepEqual(text.split('\n').slice(1), ['', error, '', '']);
  });

  it('shows a dash for a missing region, stack or time, and converts offsets to UTC', () => {
    const text = renderTicket(ticket({ apps: [
      { name: 'bare', region: null, stack: null, updatedAt: null },
      { name: 'offset', region: 'eu', stack: 'heroku-24', updatedAt: '2024-05-31T14:00:00+02:00' },
      { name: 'garbage', region: '', stack: undefined, updatedAt: 'yesterday-ish' },
    ] }), now);
    assert.deepEqual(rows(text).slice(1), [
      'bare     —       —          —',
      'garbage  —       —          —',
      'offset   eu      heroku-24  2024-05-31 12:00  1 day ago',
    ]);
  });

  // How fast is measured by `npm run bench` (render of 20,000 rows), not here.
  it('renders 20,000 rows, each once, sorted', () => {
    const many: TicketAppRow[] = [];
    for (let index = 20_000; index > 0; index--) {
      many.push({ name: `app-${String(index).padStart(5, '0')}`, region: index % 3 ? 'us' : 'eu', stack: index % 2 ? 'heroku-22' : 'heroku-24',
        updatedAt: new Date(now.getTime() - index * 37 * minute).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    }
    const text = renderTicket(ticket({ apps: many }), now);
    const lines = rows(text);
    assert.equal(lines.length, 20_001);
    assert.ok(lines[1].startsWith('app-00001  us'));
    assert.ok(lines[20_000].startsWith('app-20000  '));
    assert.ok(text.includes('\n20,000 apps\n'));
  });
});

describe('renderDynoTicket', () => {
  const dynos: TicketDynoRow[] = [
    { name: 'worker.1', type: 'worker', size: 'Standard-1X', state: 'up', command: 'node worker.js', updatedAt: '2024-06-01T10:00:00Z' },
    { name: 'web.10', type: 'web', size: 'Basic', state: 'crashed', command: 'npm start', updatedAt: '2024-05-30T12:00:00Z' },
    { name: 'web.2', type: 'web', size: null, state: 'up', command: null, updatedAt: null },
  ];

  it('names the app, then one aligned row per dyno in natural order, then the count', () => {
    const text = renderDynoTicket({ ...ticket(), app: 'shop-api', dynos }, now);
    assert.match(text, /^Ticket #7 · scope "Production" · provider "Heroku \(work\)" · 2024-06-01T11:59:30\.250Z\n\nDynos of app "shop-api"\n\n/);
    assert.deepEqual(rows(text), [
      'NAME      STATE    SIZE         TYPE    UPDATED (UTC)                  COMMAND',
      'web.2     up       —            web     —                              —',
      'web.10    crashed  Basic        web     2024-05-30 12:00  2 days ago   npm start',
      'worker.1  up       Standard-1X  worker  2024-06-01 10:00  2 hours ago  node worker.js',
    ]);
    assert.match(text, /\n3 dynos\n\n$/);
    assert.match(renderDynoTicket({ ...ticket(), app: 'a', dynos: dynos.slice(0, 1) }, now), /\n1 dyno\n/);
  });

  it('says what to do when the app has no dynos, and shows only the error of a failed ticket', () => {
    assert.match(renderDynoTicket({ ...ticket(), app: 'quiet', dynos: [] }, now), /App "quiet" has no dynos\. Scale a process type up/);
    const failed = renderDynoTicket({ ...ticket(), app: 'gone', dynos, error: 'Heroku has no app "gone".' }, now);
    assert.match(failed, /Dynos of app "gone"\n\nHeroku has no app "gone"\.\n\n$/);
    assert.doesNotMatch(failed, /web\.2/);
  });
});

describe('renderAccountTicket', () => {
  it('shows email, name, two-factor, verified, last login and creation, aligned', () => {
    const text = renderAccountTicket({ ...ticket(), account: {
      email: 'dev@example.com', name: null, twoFactorAuthentication: true, verified: false,
      lastLogin: '2024-05-31T12:00:00Z', createdAt: '2019-03-01T09:00:00Z',
    } }, now);
    assert.ok(text.endsWith([
      'Heroku account',
      '',
      'EMAIL                      dev@example.com',
      'NAME                       —',
      'TWO-FACTOR AUTHENTICATION  on',
      'VERIFIED                   no',
      'LAST LOGIN (UTC)           2024-05-31 12:00  1 day ago',
      'CREATED (UTC)              2019-03-01 09:00  5 years ago',
      '', '',
    ].join('\n')), text);
  });
});

describe('formatAge and formatUtcMinute', () => {
  const at = now.getTime();
  const cases: [number, string][] = [
    [0, 'just now'], [59 * 1000, 'just now'], [-30 * 1000, 'just now'], [-2 * minute, 'in the future'],
    [minute, '1 minute ago'], [59 * minute, '59 minutes ago'], [hour, '1 hour ago'], [23 * hour, '23 hours ago'],
    [day, '1 day ago'], [3 * day + 5 * hour, '3 days ago'], [29 * day, '29 days ago'], [30 * day, '1 month ago'],
    [200 * day, '6 months ago'], [365 * day, '1 year ago'], [3 * 365 * day, '3 years ago'],
  ];
  for (const [elapsed, expected] of cases) {
    it(`${elapsed} ms ago → "${expected}"`, () => {
      assert.equal(formatAge(at - elapsed, at), expected);
    });
  }

  it('formats UTC minutes and rejects what is not a time', () => {
    assert.equal(formatUtcMinute('2024-02-29T23:59:59Z'), '2024-02-29 23:59');
    assert.equal(formatUtcMinute('2024-03-01T01:30:00+02:00'), '2024-02-29 23:30');
    assert.equal(formatUtcMinute(Date.UTC(2020, 0, 2, 3, 4)), '2020-01-02 03:04');
    assert.equal(formatUtcMinute('nope'), undefined);
    assert.equal(formatUtcMinute(null), undefined);
  });
});
