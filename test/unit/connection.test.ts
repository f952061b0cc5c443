// The connection folder's boundary to the Heroku client (src/connection/herokuConnection.ts): every failure leaves it
// as a HerokuRequestError, an ExpectedError, with the client's kind and message, and the token reaches neither an
// error nor a log line. Against the fake Heroku API over real HTTP.
import * as assert from 'node:assert/strict';
import { HerokuConnection, HerokuRequestError } from '../../src/connection/herokuConnection';
import { herokuMessages } from '../../src/heroku';
import { ExpectedError } from '../../src/model/errors';
import { Redactor } from '../../src/model/redact';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';

const token = 'HRKU-connection-test-3f9a8b7c6d5e';

describe('Heroku connection', () => {
  let fake: FakeHeroku;
  const lines: string[] = [];
  const logger = { redactor: new Redactor(), info: (line: string) => { lines.push(line); }, warn: (line: string) => { lines.push(line); } };
  const open = (withToken = token): HerokuConnection => HerokuConnection.open(logger, 'ProviderDesk/connection-test', fake.url, withToken);

  before(async () => { fake = await startFakeHeroku({ apps: 2, token }); });
  after(async () => { await fake.close(); });

  it('lists through the client, registers the token for redaction and logs each request without it', async () => {
    assert.equal((await open().listApps()).length, 2);
    assert.equal(logger.redactor.redact(`Bearer ${token}`).includes(token), false);
    assert.ok(lines.some((line) => line.startsWith('heroku: ')));
    assert.ok(lines.every((line) => !line.includes(token)));
  });

  it('a rejected token fails as a HerokuRequestError, an ExpectedError with the client\'s kind and message', async () => {
    const error = await open('HRKU-someone-elses-token').getAccount().then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof HerokuRequestError && error instanceof ExpectedError);
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.message, herokuMessages.unauthorized());
    assert.equal(error.cancelled, false);
  });

  it('a cancelled request is an ExpectedError that says it was cancelled', async () => {
    const abort = new AbortController();
    abort.abort();
    const error = await open().listDynos('app-1', { signal: abort.signal }).then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof HerokuRequestError);
    assert.equal(error.kind, 'cancelled');
    assert.equal(error.cancelled, true);
  });

  it('a malformed token or a base URL that is not an origin fails at once, as a configuration HerokuRequestError', () => {
    for (const [baseUrl, bad] of [[fake.url, 'two words'], [`${fake.url}/prefix`, token]] as const) {
      assert.throws(() => HerokuConnection.open(logger, 'x', baseUrl, bad),
        (error: unknown) => error instanceof HerokuRequestError && error.kind === 'configuration' && !error.message.includes(bad));
    }
  });
});
