// Reliability: Account IDs through the store (createProvider and updateProvider), so that "refused" also means
// "nothing changed": not globalState, not SecretStorage, no change event. Refused ones get a clear message that never
// repeats what was typed (a token pasted into the wrong box must not end up in an error); accepted ones are stored in
// their normal form.
import { strict as assert } from 'node:assert';
import { problemText } from '../../src/model/problemTexts';
import { ValidationError } from '../../src/store/errors';
import { findCanaries, makeCanary } from '../fixtures/canary';
import { makeStore, recordChanges } from '../doubles/storeHarness';

const token = makeCanary('token');
const port = 45_678;

/** [input, what the message must say]. */
const refused: [string, RegExp][] = [
  // http:// to a non-loopback host
  ['http://api.heroku.com', /Plain http:\/\/ is only allowed for a loopback host .*Use https:\/\//],
  ['http://10.0.0.1:8080', /only allowed for a loopback host/],
  ['http://192.168.1.10', /only allowed for a loopback host/],
  ['http://localhost.evil.com', /only allowed for a loopback host/],
  ['http://127.0.0.1.nip.io:5000', /only allowed for a loopback host/],
  ['http://[::ffff:127.0.0.1]:5000', /only allowed for a loopback host/],
  ['http://0.0.0.0:5000', /only allowed for a loopback host/],
  // credentials
  ['https://user:pass@api.heroku.com', /Remove the user name and password \(user:pass@\).*Tokens belong in a credential/s],
  [`https://${token.value}@api.heroku.com`, /user name and password/],
  [`${token.value}:x-oauth@api.heroku.com`, /user name and password/],
  ['https://api.heroku.com@evil.example.com', /user name and password/],
  // paths, queries, fragments
  ['https://api.heroku.com/apps', /must not contain a path/],
  ['api.heroku.com/v3/', /must not contain a path/],
  [`https://api.heroku.com/${token.value}`, /must not contain a path/],
  ['https://api.heroku.com\\@evil.example.com', /must not contain a path/],
  [`https://api.heroku.com?token=${token.value}`, /must not contain a query/],
  ['api.heroku.com/?', /must not contain a query/],
  ['https://api.heroku.com#frag', /must not contain a fragment/],
  // spaces, empty, over-long
  ['api heroku.com', /must not contain spaces/],
  [`api.heroku.com ${token.value}`, /must not contain spaces/],
  ['api.heroku.com\tx', /must not contain spaces/],
  ['api.heroku\u00a0.com', /must not contain spaces/],
  ['', /Enter an Account ID/],
  ['   ', /Enter an Account ID/],
  ['https://', /Enter a host name/],
  [`${'a'.repeat(2_049)}.com`, /too long/],
  [`${'a'.repeat(64)}.example.com`, /at most 63 characters/],
  [`${'abcdefghi.'.repeat(26)}com`, /host name is too long/],
  // IDN look-alikes and other non-ASCII
  ['аpi.heroku.com', /non-ASCII characters, such as a look-alike letter/], // Cyrillic а
  ['api.hеroku.com', /non-ASCII/], // Cyrillic е
  ['https://api.herokü.com', /non-ASCII/],
  ['ａpi.heroku.com', /non-ASCII/], // fullwidth a
  ['api.heroku。com', /non-ASCII/], // ideographic full stop
  ['api.heroku.com\u200b', /non-ASCII/], // zero-width space
  ['xn--pi-7ld.heroku.com', /Internationalised \(IDN, punycode "xn--"\) host names are not accepted/],
  ['api.xn--hroku-fsa.com', /punycode/],
  // other schemes and malformed hosts
  ['ftp://api.heroku.com', /Only https:\/\//],
  ['file:///etc/passwd', /Only https:\/\//],
  ['javascript:alert(1)', /as a host name or as https:\/\/host/],
  ['//api.heroku.com', /must not contain a path|Enter a host name/],
  ['http://127.1:5000', /IPv4 address is not valid/],
  ['https://api.heroku.com:0', /port must be a number from 1 to 65535/],
  ['https://api.heroku.com:99999', /port must be a number from 1 to 65535/],
  ['api.heroku.com.', /must not end with a dot/],
  ['-api.heroku.com', /host name is not valid/],
  ['api..heroku.com', /empty part between dots/],
  ['api.heroku.com\u0000', /control characters/],
];

const accepted: [string, string][] = [
  ['api.heroku.com', 'api.heroku.com'],
  ['https://api.heroku.com', 'api.heroku.com'],
  ['https://api.heroku.com/', 'api.heroku.com'],
  ['  HTTPS://API.Heroku.com:443  ', 'api.heroku.com'],
  [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port}`],
  [`http://localhost:${port}/`, `http://localhost:${port}`],
  [`http://[::1]:${port}`, `http://[::1]:${port}`],
  ['https://example.com:8443', 'example.com:8443'],
];

function snapshot(harness: ReturnType<typeof makeStore>): string {
  return JSON.stringify([harness.memento.serialize(), [...harness.secrets.values.entries()]]);
}

describe('Reliability: Account IDs through the store', () => {
  it(`refuses ${refused.length} bad Account IDs on create and on edit with a clear message, changing nothing`, async () => {
    const harness = makeStore();
    const { store } = harness;
    await store.load();
    const existing = await store.createProvider({ name: 'Existing', type: 'Heroku', accountId: 'api.heroku.com' });
    const changes = recordChanges(store);
    const before = snapshot(harness);
    const problems: string[] = [];
    for (const [index, [accountId, message]] of refused.entries()) {
      for (const [what, attempt] of [
        ['create', () => store.createProvider({ name: `Bad ${index}`, type: 'Other', accountId })],
        ['edit', () => store.updateProvider(existing.id, { name: 'Existing', type: 'Heroku', accountId })],
      ] as const) {
        const where = `${what} ${JSON.stringify(accountId.length > 60 ? `${accountId.slice(0, 60)}…` : accountId)}`;
        try {
          await attempt();
          problems.push(`${where}: accepted`);
          continue;
        } catch (error) {
          if (!(error instanceof ValidationError)) {
            problems.push(`${where}: threw ${String(error)}`);
            continue;
          }
          const accountError = error.errors.find((item) => item.field === 'accountId');
          if (!accountError) problems.push(`${where}: no accountId error in ${JSON.stringify(error.errors)}`);
          else if (!message.test(problemText(accountError))) problems.push(`${where}: "${problemText(accountError)}" does not match ${message}`);
          if (findCanaries(`${error.message}\n${JSON.stringify(error.errors)}`, [token], where).length > 0) problems.push(`${where}: the message repeats the token`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.equal(snapshot(harness), before, 'a refused Account ID changed the stored state');
    assert.deepEqual(changes, [], 'a refused Account ID fired a change event');
    assert.deepEqual(store.providers().map((provider) => provider.accountId), ['api.heroku.com']);
  });

  it(`accepts ${accepted.length} good Account IDs, stored in their normal form`, async () => {
    const { store, memento } = makeStore();
    await store.load();
    for (const [index, [accountId, normal]] of accepted.entries()) {
      const provider = await store.createProvider({ name: `Good ${index}`, type: 'Heroku', accountId });
      assert.equal(provider.accountId, normal, accountId);
    }
    const stored = memento.get<{ providers: { accountId: string }[] }>('providerDesk.data')!.providers.map((provider) => provider.accountId);
    assert.deepEqual(stored, accepted.map(([, normal]) => normal));
  });
});
