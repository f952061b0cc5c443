// Reliability: every fault the fake Heroku API can inject, against the Heroku client as tickets (listApps) and Verify
// Connection (getAccount) use it, with a canary token. Each call must finish, with a HerokuApiError whose message says
// what to do, within a bounded time (measured and printed), with no trace of the token in the error or the log lines,
// and with no request carrying the token to any host but the Account ID's.
//
// The client runs with its production retry policy (5 attempts, 500 ms backoff doubling, 30 s budget) and a fixed
// jitter (the lowest), so the times are reproducible; a hung request uses a 2 s timeout instead of the production 30 s
// (a timeout is not retried, so production takes exactly the timeout). The cases run concurrently, one fake each.
import { strict as assert } from 'node:assert';
import { inspect } from 'node:util';
import { createHerokuClient, defaultRetry, HerokuApiError, type HerokuClient, type HerokuLogEntry } from '../../src/heroku';
import { redactSecrets } from '../../src/model/redact';
import { describeForSearch, describeHits, findCanaries, makeCanary } from '../fixtures/canary';
import { startFakeHeroku, type FakeHeroku, type FaultRule } from '../../scripts/demoHeroku';

const token = makeCanary('token');
const hangTimeoutMs = 2_000;

interface Case {
  name: string;
  rule?: FaultRule;
  setup?: (fake: FakeHeroku) => void;
  kind: string;
  message: RegExp;
  /** Attempts the production policy makes before it gives up. */
  attempts?: number;
}

const cases: Case[] = [
  { name: '401 Unauthorized (echoes Authorization)', rule: { type: 'status', status: 401, echoAuthorization: true }, kind: 'unauthorized', message: /rejected the API token\. Get a new one .*heroku auth:token.*edit the credential/s },
  { name: '403 Forbidden (echoes Authorization)', rule: { type: 'status', status: 403, echoAuthorization: true }, kind: 'forbidden', message: /refused access \(403 Forbidden\): the token works, but this account is not allowed/ },
  { name: 'forbidden account (setForbidden)', setup: (fake) => fake.setForbidden(true), kind: 'forbidden', message: /403 Forbidden/ },
  { name: '404 Not Found', rule: { type: 'status', status: 404 }, kind: 'not_found', message: /404 Not Found\)\. Check that the Account ID points at the Heroku Platform API/ },
  { name: '406 Not Acceptable', rule: { type: 'status', status: 406 }, kind: 'client_error', message: /406 Not Acceptable\)\. Check that the Account ID/ },
  { name: '416 Range Not Satisfiable', rule: { type: 'status', status: 416 }, kind: 'client_error', message: /416 Range Not Satisfiable\)\. This is a bug in Provider Desk/ },
  { name: '422 (echoes Authorization)', rule: { type: 'status', status: 422, echoAuthorization: true }, kind: 'client_error', message: /rejected the request with HTTP 422/ },
  { name: '429 storm, no Retry-After', rule: { type: 'rateLimit' }, kind: 'rate_limited', message: /rate limit .* used up\. .*wait a few minutes, then try again/s, attempts: 5 },
  { name: '429 storm, Retry-After: 1', rule: { type: 'rateLimit', retryAfter: 1 }, kind: 'rate_limited', message: /asks to wait 1 seconds\. Try again after that/, attempts: 5 },
  { name: '429, Retry-After: 3600 (past the budget)', rule: { type: 'rateLimit', retryAfter: 3600 }, kind: 'rate_limited', message: /asks to wait 3600 seconds/, attempts: 1 },
  { name: 'rate-limit budget used up', setup: (fake) => fake.setRateLimit(0), kind: 'rate_limited', message: /rate limit/, attempts: 5 },
  { name: '500 (echoes Authorization)', rule: { type: 'status', status: 500, echoAuthorization: true }, kind: 'server', message: /HTTP 500, a server error, 5 time\(s\) in a row.*status\.heroku\.com/s, attempts: 5 },
  { name: '501 (not retried)', rule: { type: 'status', status: 501 }, kind: 'server', message: /HTTP 501, a server error, 1 time/, attempts: 1 },
  { name: '502', rule: { type: 'status', status: 502 }, kind: 'server', message: /HTTP 502/, attempts: 5 },
  { name: '503', rule: { type: 'status', status: 503 }, kind: 'server', message: /HTTP 503/, attempts: 5 },
  { name: '504', rule: { type: 'status', status: 504 }, kind: 'server', message: /HTTP 504/, attempts: 5 },
  { name: 'HTML error page (503)', rule: { type: 'html' }, kind: 'server', message: /HTML error page instead of JSON.*proxy/s, attempts: 5 },
  { name: 'HTML page with 200', rule: { type: 'html', status: 200 }, kind: 'bad_response', message: /not valid JSON \(it is an HTML page\)\. A proxy or captive portal/ },
  { name: 'truncated JSON', rule: { type: 'truncated' }, kind: 'bad_response', message: /not valid JSON \(it is cut off or malformed\)/ },
  { name: 'truncated (socket closed mid-body)', rule: { type: 'truncated', mode: 'socket' }, kind: 'network', message: /Could not talk to .*Check your network connection/s, attempts: 5 },
  { name: 'wrong JSON shape', rule: { type: 'wrongShape' }, kind: 'bad_response', message: /not with the data Provider Desk expects .*Check that the Account ID/s },
  { name: '10 MB body', rule: { type: 'huge' }, kind: 'bad_response', message: /larger than 8 MB; Provider Desk stopped reading it/ },
  { name: 'hang', rule: { type: 'hang' }, kind: 'timeout', message: /did not answer within 2 seconds\. Check your network connection and the Account ID/ },
  { name: 'connection reset', rule: { type: 'reset' }, kind: 'network', message: /Could not talk to .*ECONNRESET|socket hang up/s, attempts: 5 },
  { name: 'redirect 301 to another origin', rule: { type: 'redirect', status: 301 }, kind: 'redirect', message: /did not follow it, so the API token was not sent there/ },
  { name: 'redirect 302 to another origin', rule: { type: 'redirect', status: 302 }, kind: 'redirect', message: /API token was not sent there/ },
  { name: 'redirect 303 to another origin', rule: { type: 'redirect', status: 303 }, kind: 'redirect', message: /API token was not sent there/ },
  { name: 'redirect 307 to another origin', rule: { type: 'redirect', status: 307 }, kind: 'redirect', message: /API token was not sent there/ },
  { name: 'redirect 308 to another origin', rule: { type: 'redirect', status: 308 }, kind: 'redirect', message: /API token was not sent there/ },
  { name: 'redirect to a URL carrying the token', rule: { type: 'redirect', to: `http://${token.value}@example.invalid/steal?token=${token.value}` }, kind: 'redirect', message: /redirected the request to example\.invalid, a different server/ },
  { name: 'redirect loop (same origin)', rule: { type: 'redirect', to: 'same-origin' }, kind: 'redirect', message: /redirected the request too many times/ },
];

/**
 * Production backoff with the lowest jitter (250 + 500 + 1000 + 2000 ms between 5 attempts), plus 5 s for the 31
 * cases running at once on a busy 2-core machine: the bound catches a retry that never stops or a missing timeout
 * (the client's own budget is 30 s), not slowness.
 */
function boundMs(item: Case): number {
  let backoff = 0;
  for (let attempt = 1; attempt < (item.attempts ?? 1); attempt++) backoff += Math.min(defaultRetry.maxDelayMs, defaultRetry.baseDelayMs * 2 ** (attempt - 1)) / 2;
  if (item.rule?.type === 'rateLimit' && item.rule.retryAfter !== undefined && item.rule.retryAfter * 1000 < defaultRetry.maxTotalMs) backoff = item.rule.retryAfter * 1000 * ((item.attempts ?? 1) - 1);
  return (item.rule?.type === 'hang' ? hangTimeoutMs : 0) + backoff + 5_000;
}

describe('Reliability: every fault of the Heroku API gives an actionable error in bounded time, and the token goes nowhere else', function () {
  this.timeout(30_000);
  const fakes: FakeHeroku[] = [];

  after(async () => {
    await Promise.all(fakes.map((fake) => fake.close()));
  });

  it(`${cases.length} faults, each through listApps (ticket) and getAccount (Verify Connection)`, async () => {
    const prepared = await Promise.all(cases.map(async (item) => {
      const fake = await startFakeHeroku({ token: token.value, apps: 5 });
      fakes.push(fake);
      if (item.rule) fake.setFault(item.rule);
      item.setup?.(fake);
      const logs: HerokuLogEntry[] = [];
      const client: HerokuClient = createHerokuClient({
        baseUrl: fake.url, token: token.value, userAgent: 'ProviderDesk/0.0.0 (reliability)', redact: redactSecrets, random: () => 0, onLog: (entry) => logs.push(entry),
        ...(item.rule?.type === 'hang' ? { timeoutMs: hangTimeoutMs } : {}),
      });
      return { item, fake, client, logs };
    }));

    const started = performance.now();
    const outcomes = await Promise.all(prepared.map(({ client }) => Promise.all(
      ([['listApps', () => client.listApps()], ['getAccount', () => client.getAccount()]] as const).map(async ([what, call]) => {
        const start = performance.now();
        let error: unknown;
        try {
          await call();
        } catch (caught) {
          error = caught;
        }
        return { what, ms: Math.round(performance.now() - start), error };
      }))));
    const wall = Math.round(performance.now() - started);

    const problems: string[] = [];
    const rows: string[] = [];
    prepared.forEach(({ item, fake, logs }, index) => {
      for (const { what, ms, error } of outcomes[index]!) {
        const where = `${item.name} / ${what}`;
        if (!(error instanceof HerokuApiError)) {
          problems.push(`${where}: expected a HerokuApiError, got ${inspect(error)}`);
          continue;
        }
        rows.push(`        ${where.padEnd(58)} ${String(ms).padStart(6)} ms  ${error.kind}${error.attempts ? ` after ${error.attempts} attempt(s)` : ''}`);
        if (error.kind !== item.kind) problems.push(`${where}: kind ${error.kind}, expected ${item.kind}`);
        if (!item.message.test(error.message)) problems.push(`${where}: "${error.message}" does not match ${item.message}`);
        if (ms > boundMs(item)) problems.push(`${where}: took ${ms} ms, bound ${boundMs(item)} ms`);
        const leaks = findCanaries(describeForSearch({ error, json: error.toJSON(), stack: error.stack, logs }), [token], where);
        if (leaks.length > 0) problems.push(`${where}: the token leaked\n${describeHits(leaks)}`);
      }
      const elsewhere = findCanaries(describeForSearch(fake.otherOrigin.requests), [token], `${item.name}: other origin`);
      if (fake.otherOrigin.requests.length > 0 || elsewhere.length > 0) problems.push(`${item.name}: ${fake.otherOrigin.requests.length} request(s) reached another origin`);
      if (fake.requests.some((request) => request.authorization !== `Bearer ${token.value}`)) problems.push(`${item.name}: a request to the Account ID's host without the token`);
    });
    // Upstream echoes of the Authorization header came back and were redacted (the positive control of the search).
    const echoed = prepared.find(({ item }) => item.name.startsWith('403'))!;
    const forbidden = outcomes[prepared.indexOf(echoed)]![0]!.error as HerokuApiError;
    assert.match(forbidden.herokuMessage ?? '', /received Authorization: Bearer «redacted»/);

    console.log(`      ${cases.length} faults × 2 calls, concurrently (${wall} ms wall):\n${rows.join('\n')}`);
    assert.deepEqual(problems, []);
  });
});
