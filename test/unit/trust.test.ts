// A token goes only where its owner sent it (issue 14): credentials bound to the Account ID they were stored for, the
// Heroku CLI import's host and duplicate checks, and no secret turned into plain text without asking.
import * as assert from 'node:assert/strict';
import { SharedWhilePending } from '../../src/common/sharedWhilePending';
import { FormController, type FormHost } from '../../src/forms/controller';
import { credentialForm } from '../../src/forms/definitions';
import { credentialHolding } from '../../src/import/storedToken';
import { isHerokuApiAccountId, sameAccountId } from '../../src/model/accountId';
import type { CredentialValues, ExtensionMessage, InitMessage } from '../../src/shared/protocol';
import { secretKey } from '../../src/store/keys';
import { seeded, token, tokenCredentialInput } from '../doubles/storeHarness';

describe('Account IDs: the same origin, and Heroku\'s own API', () => {
  it('compares scheme, host and port however each was written', () => {
    assert.ok(sameAccountId('api.heroku.com', 'HTTPS://API.Heroku.com:443/'));
    assert.ok(sameAccountId('http://localhost:5000', 'http://LOCALHOST:5000/'));
    assert.ok(!sameAccountId('api.heroku.com', 'api.heroku.com:8443'));
    assert.ok(!sameAccountId('http://127.0.0.1:5000', 'http://127.0.0.1:5001'));
    assert.ok(!sameAccountId('api.heroku.com', 'api.heroku.com.evil.example'));
    assert.ok(!sameAccountId('not an account id', 'not an account id'), 'nothing that does not parse is the same origin');
  });

  it('only https://api.heroku.com on its default port is where a Heroku CLI token belongs', () => {
    for (const accountId of ['api.heroku.com', 'https://API.heroku.com/', 'https://api.heroku.com:443']) assert.ok(isHerokuApiAccountId(accountId), accountId);
    for (const accountId of ['http://127.0.0.1:5000', 'api.heroku.com:8443', 'api.heroku.com.evil.example', 'heroku.com', 'localhost:5000', '']) {
      assert.ok(!isHerokuApiAccountId(accountId), accountId);
    }
  });
});

describe('Credentials are bound to the Account ID they were stored for', () => {
  it('a new credential is bound to its provider\'s Account ID; changing the Account ID keeps the binding', async () => {
    const { store, provider, credential } = await seeded();
    assert.equal(credential.boundAccountId, 'api.heroku.com');
    await store.updateProvider(provider.id, { name: provider.name, type: provider.type, accountId: 'https://other.example' });
    assert.equal(store.provider(provider.id)!.accountId, 'other.example');
    assert.equal(store.credential(credential.id)!.boundAccountId, 'api.heroku.com');
  });

  it('bindCredential rebinds and persists; the secret stays as it was', async () => {
    const harness = await seeded();
    const { store, secrets, memento, credential } = harness;
    const rebound = await store.bindCredential(credential.id, 'https://Other.example/');
    assert.equal(rebound.boundAccountId, 'other.example');
    const stored = memento.get<{ credentials: { id: string; boundAccountId: string }[] }>('providerDesk.data')!;
    assert.equal(stored.credentials.find((item) => item.id === credential.id)!.boundAccountId, 'other.example');
    assert.equal(secrets.values.get(secretKey(credential.id, credential.fields[0]!.id)), token);
    await assert.rejects(store.bindCredential(credential.id, 'http://other.example'), /Plain http/);
    assert.equal(store.credential(credential.id)!.boundAccountId, 'other.example');
  });

  it('an edit that keeps a stored secret keeps the binding; entering every secret again binds to the Account ID of now', async () => {
    const { store, provider, credential } = await seeded();
    await store.updateProvider(provider.id, { name: provider.name, type: provider.type, accountId: 'other.example' });
    const field = credential.fields[0]!;
    await store.updateCredential(credential.id, { name: 'Renamed', fields: [{ id: field.id, key: 'apitoken', type: 'String', sensitive: true }] });
    assert.equal(store.credential(credential.id)!.boundAccountId, 'api.heroku.com', 'renamed, secret kept');
    await store.rename('credential', credential.id, 'Renamed again');
    assert.equal(store.credential(credential.id)!.boundAccountId, 'api.heroku.com', 'rename');
    await store.updateCredential(credential.id, { name: 'Renamed', fields: [{ id: field.id, key: 'apitoken', type: 'String', sensitive: true, value: 'HRKU-new-token' }] });
    assert.equal(store.credential(credential.id)!.boundAccountId, 'other.example', 'the token entered anew');
  });
});

describe('One question for requests that arrive while it is open', () => {
  it('callers with the same key share the pending answer; once it settles, the next caller asks again', async () => {
    const shared = new SharedWhilePending<boolean>();
    const asked: string[] = [];
    let answer!: (value: boolean) => void;
    const ask = (key: string) => () => { asked.push(key); return new Promise<boolean>((resolve) => { answer = resolve; }); };
    const first = shared.run('credential host', ask('credential host'));
    const second = shared.run('credential host', ask('credential host'));
    const other = shared.run('credential other-host', async () => { asked.push('credential other-host'); return true; });
    answer(false);
    assert.deepEqual(await Promise.all([first, second, other]), [false, false, true]);
    assert.deepEqual(asked, ['credential host', 'credential other-host']);
    const third = shared.run('credential host', ask('credential host'));
    answer(true);
    assert.equal(await third, true);
    assert.equal(asked.length, 3);
  });
});

describe('Import from Heroku CLI: a token that is stored already', () => {
  it('is found among the provider\'s sensitive values, trimmed; other providers and plain values do not count', async () => {
    const { store, provider, credential } = await seeded();
    assert.equal((await credentialHolding(store, provider.id, token))?.id, credential.id);
    assert.equal((await credentialHolding(store, provider.id, `  ${token}\n`))?.id, credential.id);
    assert.equal(await credentialHolding(store, provider.id, 'HRKU-another-token'), undefined);
    const other = await store.createProvider({ name: 'Other', type: 'Other', accountId: 'other.example' });
    assert.equal(await credentialHolding(store, other.id, token), undefined);
    await store.createCredential(other.id, { name: 'plain', fields: [{ key: 'note', type: 'String', sensitive: false, value: token }] });
    assert.equal(await credentialHolding(store, other.id, token), undefined, 'a non-sensitive value is no stored token');
  });

  it('a credential whose secret went missing is skipped, not an error', async () => {
    const { store, secrets, provider, credential } = await seeded();
    secrets.values.delete(secretKey(credential.id, credential.fields[0]!.id));
    const second = await store.createCredential(provider.id, tokenCredentialInput(token, 'second'));
    assert.equal((await credentialHolding(store, provider.id, token))?.id, second.id);
  });
});

describe('Turning Sensitive off for a stored secret asks first', () => {
  class Host implements FormHost {
    posted: ExtensionMessage[] = [];
    closed = 0;
    notifications: string[] = [];
    logs: string[] = [];
    log = { info: (m: string) => { this.logs.push(m); }, warn: (m: string) => { this.logs.push(m); }, error: (m: string) => { this.logs.push(m); } };
    post(message: ExtensionMessage): PromiseLike<boolean> { this.posted.push(JSON.parse(JSON.stringify(message)) as ExtensionMessage); return Promise.resolve(true); }
    close(): void { this.closed++; }
    notify(message: string): void { this.notifications.push(message); }
    async reveal(): Promise<void> { /* nothing to show */ }
    executeCommand(): PromiseLike<unknown> { return Promise.resolve(); }
    describeError(): string { return 'unexpected'; }
  }

  async function editForm(answer: boolean) {
    const harness = await seeded();
    const questions: { message: string; detail: string; action: string }[] = [];
    const host = new Host();
    const form = credentialForm({ store: harness.store, confirm: async (message, detail, action) => { questions.push({ message, detail, action }); return answer; } },
      harness.provider.id, harness.credential.id);
    const controller = new FormController(form, host);
    await controller.handle({ type: 'ready' });
    const init = host.posted[0] as InitMessage;
    assert.ok(init.values.kind === 'credential');
    const [field] = init.values.fields;
    const plain: CredentialValues = { kind: 'credential', name: 'Heroku token', fields: [{ id: field!.id!, key: 'apitoken', type: 'String', sensitive: false }] };
    return { ...harness, host, controller, questions, plain, secret: secretKey(harness.credential.id, field!.id!) };
  }

  it('declined: nothing is written, the form stays open and says why', async () => {
    const { store, memento, secrets, host, controller, questions, plain, secret, credential } = await editForm(false);
    const before = { data: memento.serialize(), updates: memento.updates, storeCalls: secrets.storeCalls, secrets: [...secrets.values] };
    await controller.handle({ type: 'submit', values: plain });
    assert.equal(questions.length, 1);
    assert.match(questions[0]!.message, /Store apitoken of credential "Heroku token" unencrypted\?/);
    assert.match(questions[0]!.detail, /plain text/);
    assert.equal(questions[0]!.action, 'Store Unencrypted');
    assert.deepEqual({ data: memento.serialize(), updates: memento.updates, storeCalls: secrets.storeCalls, secrets: [...secrets.values] }, before);
    assert.equal(secrets.values.get(secret), token);
    assert.equal(store.credential(credential.id)!.fields[0]!.sensitive, true);
    assert.equal(host.closed, 0);
    assert.deepEqual(host.notifications, []);
    const reply = host.posted.at(-1) as { type: string; source: string; errors: unknown[]; message?: string };
    assert.deepEqual({ type: reply.type, source: reply.source, errors: reply.errors }, { type: 'errors', source: 'submit', errors: [] });
    assert.match(reply.message ?? '', /Not saved: apitoken would be stored unencrypted/);
    assert.ok(!JSON.stringify({ posted: host.posted, logs: host.logs, questions }).includes(token));

    // The form can be saved again after the user changes their mind.
    await controller.handle({ type: 'submit', values: { ...plain, fields: [{ ...plain.fields[0]!, sensitive: true }] } });
    assert.equal(host.closed, 1);
    assert.equal(questions.length, 1, 'keeping Sensitive on asks nothing');
  });

  it('agreed: the value moves into metadata, as before', async () => {
    const { store, secrets, host, controller, questions, plain, secret, credential } = await editForm(true);
    await controller.handle({ type: 'submit', values: plain });
    assert.equal(questions.length, 1);
    assert.equal(host.closed, 1);
    assert.deepEqual(store.credential(credential.id)!.fields.map(({ sensitive, value }) => ({ sensitive, value })), [{ sensitive: false, value: token }]);
    assert.equal(secrets.values.has(secret), false);
  });

  it('a new non-sensitive field, or a secret kept or replaced while still sensitive, asks nothing', async () => {
    const { host, controller, questions, plain } = await editForm(false);
    await controller.handle({ type: 'submit', values: { ...plain, fields: [
      { ...plain.fields[0]!, sensitive: true, value: 'HRKU-replaced' },
      { key: 'region', type: 'String', sensitive: false, value: 'eu' },
      // An id that is no field of this credential is a new field, not a stored secret.
      { id: 'not-a-field-of-it', key: 'team', type: 'String', sensitive: false, value: 'core' },
    ] } });
    assert.equal(questions.length, 0);
    assert.equal(host.closed, 1);
  });
});
