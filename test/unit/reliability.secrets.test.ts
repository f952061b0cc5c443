// Reliability: secrets never leak, at the unit level (the integration suite test/integration/security.test.ts does the
// same in the real extension host, against every sink there). Canary secrets go through every form on the real store
// (init, live checks, invalid and valid submits, store refusals), every field check, the store's errors, the webview
// HTML, the redactor the log channel uses, and ticket rendering; none may come out anywhere.
import { strict as assert } from 'node:assert';
import { FormController, type FormDefinition, type FormHost } from '../../src/forms/controller';
import { credentialForm, providerForm, scopeForm, type DefinitionDeps } from '../../src/forms/definitions';
import { renderFormHtml } from '../../src/forms/html';
import { createHerokuClient } from '../../src/heroku';
import { Redactor, redactedMarker, redactSecrets } from '../../src/model/redact';
import type { ExtensionMessage } from '../../src/shared/protocol';
import { MissingSecretError, SecretStorageUnavailableError } from '../../src/store/errors';
import { secretKey } from '../../src/store/keys';
import { renderTicket } from '../../src/tickets/render';
import { describeHits, findCanaries, findInValue, makeCanary, type Canary, type CanaryHit } from '../fixtures/canary';
import { InMemorySecretStorage } from '../doubles/secretStorage';
import { makeStore } from '../doubles/storeHarness';

const token = makeCanary('token');
const password = makeCanary('password');
const typed = makeCanary('typed');
const canaries: Canary[] = [token, password, typed];

class Host implements FormHost {
  posted: ExtensionMessage[] = [];
  logs: string[] = [];
  notifications: string[] = [];
  log = {
    info: (line: string) => { this.logs.push(line); },
    warn: (line: string) => { this.logs.push(line); },
    error: (line: string, error?: unknown) => { this.logs.push(`${line} ${error instanceof Error ? `${error.message}\n${error.stack}` : String(error)}`); },
  };
  post(message: ExtensionMessage): PromiseLike<boolean> { this.posted.push(message); return Promise.resolve(true); }
  close(): void { /* nothing */ }
  notify(message: string): void { this.notifications.push(message); }
  async reveal(): Promise<void> { /* nothing */ }
  executeCommand(): PromiseLike<unknown> { return Promise.resolve(); }
  describeError(error: unknown): string { return error instanceof Error ? error.message : String(error); }
}

describe('Reliability: secrets never leak (unit level)', () => {
  it('forms on the real store: init, live checks, invalid and valid submits, store refusals — no canary in any message, log or HTML', async () => {
    const secrets = new InMemorySecretStorage();
    const { store, memento } = makeStore({ secrets });
    await store.load();
    const provider = await store.createProvider({ name: 'Heroku', type: 'Heroku', accountId: 'api.heroku.com' });
    const credential = await store.createCredential(provider.id, { name: 'token', fields: [
      { key: 'apitoken', type: 'String', sensitive: true, value: token.value },
      { key: 'password', type: 'Multiline', sensitive: true, value: `${password.value}\nline two` },
      { key: 'team', type: 'String', sensitive: false, value: 'core' },
    ] });
    const scope = await store.createScope(provider.id, { name: 'Production', credentialId: credential.id });
    const deps: DefinitionDeps = { store, confirm: async () => true };
    const [tokenField, passwordField, teamField] = credential.fields as [typeof credential.fields[number], typeof credential.fields[number], typeof credential.fields[number]];
    const kept = [
      { id: tokenField.id, key: 'apitoken', type: 'String', sensitive: true },
      { id: passwordField.id, key: 'password', type: 'Multiline', sensitive: true },
      { id: teamField.id, key: 'team', type: 'String', sensitive: false, value: 'core' },
    ];

    const sessions: [string, () => FormDefinition, unknown[]][] = [
      ['credential edit', () => credentialForm(deps, provider.id, credential.id), [
        { type: 'validate', seq: 1, values: { kind: 'credential', name: 'token', fields: kept } },
        // Values that fail their checks, each carrying a canary: the errors name the field, never the value.
        { type: 'submit', values: { kind: 'credential', name: 'token', fields: [...kept,
          { key: 'port', type: 'Number', sensitive: true, value: typed.value },
          { key: 'flag', type: 'Boolean', sensitive: false, value: typed.value },
          { key: 'line', type: 'String', sensitive: true, value: `${typed.value}\n${typed.value}` },
          { key: 'bad key', type: 'String', sensitive: true, value: typed.value },
          { key: 'apitoken', type: 'String', sensitive: true, value: typed.value },
        ] } },
        { type: 'submit', values: { kind: 'credential', name: typed.value.repeat(3), fields: kept } },
        // The form turns a sensitive value non-sensitive: the store reads the secret to move it, and must not echo
        // it when the type does not fit.
        { type: 'submit', values: { kind: 'credential', name: 'token', fields: [kept[0], { ...kept[1], type: 'Number', sensitive: false }, kept[2]] } },
        { type: 'ready' },
      ]],
      ['credential create', () => credentialForm(deps, provider.id), [
        { type: 'submit', values: { kind: 'credential', name: 'token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: typed.value }] } },
        { type: 'validate', seq: 2, values: { kind: 'credential', name: 'second', fields: [{ key: 'apitoken', type: 'String', sensitive: true }] } },
        { type: 'ready' },
      ]],
      ['provider edit', () => providerForm(deps, provider.id), [
        { type: 'submit', values: { kind: 'provider', name: 'Heroku', type: 'Heroku', accountId: `https://${typed.value}@api.heroku.com` } },
        { type: 'submit', values: { kind: 'provider', name: 'Heroku', type: 'Heroku', accountId: `https://api.heroku.com/?token=${typed.value}` } },
        { type: 'ready' },
      ]],
      ['scope edit', () => scopeForm(deps, provider.id, scope.id), [
        { type: 'submit', values: { kind: 'scope', name: 'Production', credentialId: typed.value } },
        { type: 'ready' },
      ]],
    ];

    const hits: CanaryHit[] = [];
    const before = JSON.stringify([...secrets.values.entries()].filter(([key]) => key.startsWith('providerDesk.secret/')));
    for (const [name, make, messages] of sessions) {
      const definition = make();
      const host = new Host();
      const controller = new FormController(definition, host);
      for (const message of messages) await controller.handle(message);
      assert.ok(host.posted.length >= messages.length - 1, `${name}: few replies`);
      hits.push(...findInValue(host.posted, canaries, `${name}: posted`), ...findCanaries(host.logs.join('\n'), canaries, `${name}: log`));
      const html = renderFormHtml({ cspSource: 'vscode-resource:', nonce: 'bm9uY2U=', scriptUri: 's', styleUri: 'c', codiconUri: 'i', title: definition.title(), language: 'en' });
      hits.push(...findCanaries(html, canaries, `${name}: html`));
    }
    assert.equal(hits.length, 0, describeHits(hits));
    assert.equal(JSON.stringify([...secrets.values.entries()].filter(([key]) => key.startsWith('providerDesk.secret/'))), before, 'a refused submit changed a secret');
    assert.deepEqual(findCanaries(memento.serialize(), canaries, 'globalState'), []);
  });

  it('the store\'s errors name fields and actions, never values, even when the keyring echoes them', async () => {
    const secrets = new InMemorySecretStorage();
    const { store } = makeStore({ secrets });
    await store.load();
    const provider = await store.createProvider({ name: 'Heroku', type: 'Heroku', accountId: 'api.heroku.com' });
    const credential = await store.createCredential(provider.id, { name: 'token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: token.value }] });
    const errors: unknown[] = [];
    const collect = async (promise: Promise<unknown>): Promise<void> => { await promise.then(() => assert.fail('expected a rejection'), (error: unknown) => { errors.push(error); }); };
    secrets.failStore = true; // "Cannot create an item in a locked collection (key …, value <the secret>)"
    await collect(store.createCredential(provider.id, { name: 'other', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: typed.value }] }));
    await collect(store.updateCredential(credential.id, { name: 'token', fields: [{ id: credential.fields[0]!.id, key: 'apitoken', type: 'String', sensitive: true, value: password.value }] }));
    secrets.failStore = false;
    secrets.values.delete(secretKey(credential.id, credential.fields[0]!.id));
    await collect(store.readFieldValues(credential.id));
    await collect(store.createCredential(provider.id, { name: 'token', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: typed.value }] }));
    await collect(store.createCredential(provider.id, { name: 'n', fields: [{ key: 'x', type: 'Number', sensitive: true, value: typed.value }] }));
    assert.ok(errors[0] instanceof SecretStorageUnavailableError && errors[1] instanceof SecretStorageUnavailableError && errors[2] instanceof MissingSecretError);
    assert.equal(findInValue(errors, canaries, 'errors').length, 0, describeHits(findInValue(errors, canaries, 'errors')));
  });

  it('the log channel\'s redactor masks a known token and any Authorization echo; ticket text carries only the redacted error', () => {
    const redactor = new Redactor();
    redactor.add(token.value);
    const upstream = [
      `GET /apps failed: ${token.value}`,
      `(received Authorization: Bearer ${token.value})`,
      `authorization=${password.value}`,
      `Authorization: Basic ${Buffer.from(`:${password.value}`).toString('base64')}`,
      `{"message":"bad token","header":"Bearer ${password.value}"}`,
    ];
    const redacted = upstream.map((line) => redactor.redact(line));
    assert.deepEqual(findInValue(redacted, canaries, 'redacted'), [], redacted.join('\n'));
    assert.ok(redacted.every((line) => line.includes(redactedMarker)), redacted.join('\n'));
    // The same redactor, as the client uses it, covers the encodings an upstream may echo.
    const encoded = redactSecrets(`${encodeURIComponent(token.value)} ${Buffer.from(token.value).toString('base64')} ${Buffer.from(`:${token.value}`).toString('base64')}`, [token.value]);
    assert.deepEqual(findCanaries(encoded, [token], 'client redaction'), []);
    const text = renderTicket({ number: 7, scopeName: 'Production', providerName: 'Heroku', startedAt: 0, error: redactor.redact(`Heroku said: Bearer ${token.value}`) }, 0);
    assert.deepEqual(findCanaries(text, canaries, 'ticket'), []);
  });

  it('a token that cannot be a token (spaces, line breaks) is refused without repeating it', () => {
    for (const bad of [`${token.value} ${token.value}`, `${token.value}\n${token.value}`, `\u00e9${token.value}`]) {
      assert.throws(() => createHerokuClient({ baseUrl: 'https://api.heroku.com', token: bad, userAgent: 'x', redact: redactSecrets }), (error: Error) => {
        assert.match(error.message, /API token (contains spaces|is empty)/);
        assert.deepEqual(findCanaries(`${error.message}\n${error.stack}`, [token], 'error'), []);
        return true;
      });
    }
  });
});
