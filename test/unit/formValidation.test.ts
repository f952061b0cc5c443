import * as assert from 'node:assert/strict';
import { FormController, type FormHost } from '../../src/forms/controller';
import { credentialForm, formKey, providerForm, scopeForm, type DefinitionDeps } from '../../src/forms/definitions';
import { toCredentialInput, validateFormValues } from '../../src/shared/formValidation';
import type { CredentialValues, ExtensionMessage, FieldError, InitMessage } from '../../src/shared/protocol';
import { secretKey } from '../../src/store/keys';
import { makeStore, seeded, token } from '../doubles/storeHarness';

function fields(errors: FieldError[]): string[] {
  return errors.map((error) => error.field);
}

describe('form values → store input', () => {
  it('keeps an id and omits `value` when the stored secret is kept', () => {
    const values: CredentialValues = {
      kind: 'credential',
      name: 'heroku',
      fields: [
        { id: 'f1', key: 'apitoken', type: 'String', sensitive: true },
        { key: 'region', type: 'String', sensitive: false, value: 'eu' },
      ],
    };
    const input = toCredentialInput(values);
    assert.deepEqual(input, {
      name: 'heroku',
      fields: [
        { id: 'f1', key: 'apitoken', type: 'String', sensitive: true },
        { key: 'region', type: 'String', sensitive: false, value: 'eu' },
      ],
    });
    assert.ok(!('value' in input.fields[0]!));
    assert.ok(!('kind' in input));
  });
});

describe('validateFormValues (the same code in the webview and the extension)', () => {
  it('provider: empty name, duplicate name (any case), bad Account ID', () => {
    const errors = validateFormValues({ kind: 'provider', name: '  ', type: 'Other', accountId: 'https://api.heroku.com/apps' }, { siblings: ['Heroku'] });
    assert.deepEqual(fields(errors), ['name', 'accountId']);
    const duplicate = validateFormValues({ kind: 'provider', name: 'HEROKU', type: 'Other', accountId: 'api.heroku.com' }, { siblings: ['Heroku'] });
    assert.deepEqual(duplicate, [{ field: 'name', code: 'providerNameTaken', args: ['HEROKU'] }]);
    assert.deepEqual(validateFormValues({ kind: 'provider', name: 'Heroku', type: 'Other', accountId: 'api.heroku.com' }, { siblings: [] }), []);
  });

  it('provider: its own name is no clash when editing', () => {
    const siblings = [{ id: 'p1', name: 'Heroku' }];
    assert.deepEqual(validateFormValues({ kind: 'provider', name: 'Heroku', type: 'Other', accountId: 'api.heroku.com' }, { siblings, selfId: 'p1' }), []);
  });

  it('credential: duplicate key in one credential, missing sensitive value, bad key', () => {
    const errors = validateFormValues({
      kind: 'credential',
      name: 'heroku',
      fields: [
        { key: 'apitoken', type: 'String', sensitive: true, value: '' },
        { key: 'APITOKEN', type: 'String', sensitive: false, value: 'x' },
        { key: 'bad key', type: 'String', sensitive: false, value: 'x' },
        { key: 'n', type: 'Number', sensitive: false, value: 'abc' },
      ],
    }, { siblings: [] });
    assert.deepEqual(fields(errors).sort(), ['fields.0.value', 'fields.1.key', 'fields.2.key', 'fields.3.value']);
  });

  it('credential: a live check without sensitive values does not ask for them', () => {
    const values: CredentialValues = { kind: 'credential', name: 'heroku', fields: [{ key: 'apitoken', type: 'String', sensitive: true }] };
    assert.deepEqual(fields(validateFormValues(values, { siblings: [] })), ['fields.0.value']);
    assert.deepEqual(validateFormValues(values, { siblings: [], requireSensitiveValues: false }), []);
  });

  it('credential: a stored secret left alone is valid when editing', () => {
    const values: CredentialValues = { kind: 'credential', name: 'heroku', fields: [{ id: 'f1', key: 'apitoken', type: 'String', sensitive: true }] };
    assert.deepEqual(validateFormValues(values, { siblings: [], selfId: 'c1', currentFields: [{ id: 'f1', sensitive: true }] }), []);
  });

  it('credential: needs at least one field', () => {
    assert.deepEqual(fields(validateFormValues({ kind: 'credential', name: 'x', fields: [] }, { siblings: [] })), ['fields']);
  });

  it('scope: missing credential, unknown credential, duplicate name', () => {
    assert.deepEqual(fields(validateFormValues({ kind: 'scope', name: 'prod', credentialId: '' }, { siblings: [], credentialIds: [] })), ['credentialId']);
    assert.deepEqual(fields(validateFormValues({ kind: 'scope', name: 'prod', credentialId: 'gone' }, { siblings: [], credentialIds: ['c1'] })), ['credentialId']);
    assert.deepEqual(fields(validateFormValues({ kind: 'scope', name: 'Prod', credentialId: 'c1' }, { siblings: ['prod'], credentialIds: ['c1'] })), ['name']);
  });
});

describe('form definitions on the real store', () => {
  function deps(store: DefinitionDeps['store']): DefinitionDeps {
    return { store, confirm: async () => true };
  }

  it('titles the panels as the UI tests expect', async () => {
    const { store, provider, credential, scope } = await seeded();
    assert.equal(providerForm(deps(store)).title(), 'Add Provider');
    assert.equal(providerForm(deps(store), provider.id).title(), 'Edit Provider: Heroku');
    assert.equal(credentialForm(deps(store), provider.id).title(), 'Add Credential: Heroku');
    assert.equal(credentialForm(deps(store), provider.id, credential.id).title(), 'Edit Credential: Heroku token');
    assert.equal(scopeForm(deps(store), provider.id).title(), 'Add Scope: Heroku');
    assert.equal(scopeForm(deps(store), provider.id, scope.id).title(), 'Edit Scope: Production');
  });

  it('one key per kind and target', () => {
    const keys = [formKey('provider', undefined, undefined), formKey('provider', undefined, 'p1'), formKey('credential', 'p1', undefined),
      formKey('credential', 'p1', 'c1'), formKey('scope', 'p1', undefined), formKey('scope', 'p1', 's1'), formKey('credential', 'p2', undefined)];
    assert.equal(new Set(keys).size, keys.length);
  });

  it('the edit init of a credential carries no secret, only hasStoredValue', async () => {
    const { store, provider, credential } = await seeded();
    const init = credentialForm(deps(store), provider.id, credential.id).init();
    assert.ok(!JSON.stringify(init).includes(token));
    assert.deepEqual(init.values, {
      kind: 'credential',
      name: 'Heroku token',
      fields: [{ id: credential.fields[0]!.id, key: 'apitoken', type: 'String', sensitive: true, hasStoredValue: true }],
    });
    assert.equal(init.mode, 'edit');
    assert.equal(init.strings.submit, 'Save');
  });

  it('init lists the provider types, field types, sibling names without the edited object, and scope credentials', async () => {
    const { store, provider, credential, scope } = await seeded();
    await store.createProvider({ name: 'Other cloud', type: 'Other', accountId: 'example.com' });
    const edit = providerForm(deps(store), provider.id).init();
    assert.deepEqual(edit.validation.siblingNames, ['Other cloud']);
    assert.deepEqual(edit.values, { kind: 'provider', name: 'Heroku', type: 'Heroku', accountId: 'api.heroku.com' });
    assert.deepEqual(edit.providerTypes, ['Heroku', 'Other']);
    assert.deepEqual(edit.fieldTypes, ['String', 'Number', 'Boolean', 'Multiline']);
    const create = providerForm(deps(store)).init();
    assert.deepEqual(create.values, { kind: 'provider', name: '', type: 'Other', accountId: '' });
    assert.equal(create.strings.submit, 'Create Provider');
    const scopeInit = scopeForm(deps(store), provider.id).init();
    assert.deepEqual(scopeInit.credentials, [{ id: credential.id, name: 'Heroku token' }]);
    assert.deepEqual(scopeInit.validation, { siblingNames: ['Production'], credentialIds: [credential.id] });
    assert.equal(scopeForm(deps(store), provider.id, scope.id).init().validation.siblingNames.length, 0);
  });

  it('a form whose object was deleted no longer exists', async () => {
    const { store, provider, credential } = await seeded();
    const form = credentialForm(deps(store), provider.id, credential.id);
    assert.equal(form.exists(), true);
    await store.deleteCredential(credential.id, { deleteScopes: true });
    assert.equal(form.exists(), false);
    assert.equal(credentialForm(deps(store), 'no-such-provider').exists(), false);
  });
});

describe('submit flow end to end (controller + definitions + store)', () => {
  class Host implements FormHost {
    posted: ExtensionMessage[] = [];
    closed = 0;
    notifications: string[] = [];
    revealed: unknown[] = [];
    logs: string[] = [];
    log = {
      info: (m: string) => { this.logs.push(m); },
      warn: (m: string) => { this.logs.push(m); },
      error: (m: string) => { this.logs.push(m); },
    };
    post(message: ExtensionMessage): PromiseLike<boolean> { this.posted.push(JSON.parse(JSON.stringify(message)) as ExtensionMessage); return Promise.resolve(true); }
    close(): void { this.closed++; }
    notify(message: string): void { this.notifications.push(message); }
    async reveal(target: unknown): Promise<void> { this.revealed.push(target); }
    executeCommand(): PromiseLike<unknown> { return Promise.resolve(); }
    describeError(): string { return 'unexpected'; }
  }

  it('creates a provider: closes, notifies, reveals', async () => {
    const harness = makeStore();
    await harness.store.load();
    const host = new Host();
    const controller = new FormController(providerForm({ store: harness.store, confirm: async () => true }), host);
    await controller.handle({ type: 'ready' });
    await controller.handle({ type: 'submit', values: { kind: 'provider', name: 'Heroku', type: 'Other', accountId: 'api.heroku.com' } });
    const [provider] = harness.store.providers();
    assert.equal(provider?.name, 'Heroku');
    assert.deepEqual(host.posted.map((m) => m.type), ['init', 'saved']);
    assert.equal(host.closed, 1);
    assert.deepEqual(host.notifications, ['Provider "Heroku" created.']);
    assert.deepEqual(host.revealed, [{ providerId: provider!.id }]);
  });

  it('creates a credential: the secret goes to secret storage, never into a message or a log', async () => {
    const harness = makeStore();
    await harness.store.load();
    const provider = await harness.store.createProvider({ name: 'Heroku', type: 'Other', accountId: 'api.heroku.com' });
    const host = new Host();
    const controller = new FormController(credentialForm({ store: harness.store, confirm: async () => true }, provider.id), host);
    await controller.handle({ type: 'ready' });
    await controller.handle({ type: 'validate', seq: 1, values: { kind: 'credential', name: 'heroku', fields: [{ key: 'apitoken', type: 'String', sensitive: true }] } });
    await controller.handle({
      type: 'submit',
      // An id smuggled into a new credential must not point the store at another credential's field.
      values: { kind: 'credential', name: 'heroku', fields: [{ id: 'someone-elses-field', key: 'apitoken', type: 'String', sensitive: true, value: token }] },
    });
    const [credential] = harness.store.credentials(provider.id);
    assert.ok(credential);
    assert.equal(harness.secrets.values.get(secretKey(credential.id, credential.fields[0]!.id)), token);
    assert.notEqual(credential.fields[0]!.id, 'someone-elses-field');
    assert.deepEqual(host.posted.map((m) => m.type), ['init', 'errors', 'saved']);
    assert.deepEqual((host.posted[1] as { errors: unknown[] }).errors, [], 'live check: a left-out sensitive value is no error');
    assert.ok(!JSON.stringify(host.posted).includes(token));
    assert.ok(!host.logs.join('\n').includes(token));
    assert.deepEqual(host.notifications, ['Credential "heroku" created.']);
    assert.deepEqual(host.revealed, [{ providerId: provider.id, credentialId: credential.id }]);
  });

  it('editing without touching a stored secret keeps it', async () => {
    const harness = await seeded();
    const { store, secrets, provider, credential } = harness;
    const host = new Host();
    const controller = new FormController(credentialForm({ store, confirm: async () => true }, provider.id, credential.id), host);
    await controller.handle({ type: 'ready' });
    const init = host.posted[0] as InitMessage;
    assert.ok(init.values.kind === 'credential');
    const fieldsFromInit = init.values.fields.map(({ hasStoredValue: _stored, ...field }) => field);
    await controller.handle({
      type: 'submit',
      values: { kind: 'credential', name: 'Renamed', fields: [...fieldsFromInit, { key: 'region', type: 'String', sensitive: false, value: 'eu' }] },
    });
    const updated = store.credential(credential.id)!;
    assert.equal(updated.name, 'Renamed');
    assert.equal(secrets.values.get(secretKey(credential.id, credential.fields[0]!.id)), token);
    assert.deepEqual(updated.fields.map((field) => field.key), ['apitoken', 'region']);
    assert.deepEqual(host.notifications, ['Credential "Renamed" saved.']);
  });

  it('an invalid submit changes nothing in storage', async () => {
    const harness = await seeded();
    const { store, memento, secrets, provider } = harness;
    const updates = memento.updates;
    const storeCalls = secrets.storeCalls;
    const host = new Host();
    const controller = new FormController(credentialForm({ store, confirm: async () => true }, provider.id), host);
    await controller.handle({
      type: 'submit',
      values: {
        kind: 'credential',
        name: 'heroku token', // taken (case-insensitive)
        fields: [
          { key: 'apitoken', type: 'String', sensitive: true, value: token },
          { key: 'ApiToken', type: 'String', sensitive: true, value: token },
        ],
      },
    });
    assert.equal(memento.updates, updates);
    assert.equal(secrets.storeCalls, storeCalls);
    assert.equal(store.credentials(provider.id).length, 1);
    const reply = host.posted[0] as { type: string; errors: FieldError[] };
    assert.equal(reply.type, 'errors');
    assert.deepEqual(fields(reply.errors), ['name', 'fields.1.key']);
    assert.ok(!JSON.stringify(host.posted).includes(token));
    assert.equal(host.closed, 0);
  });

  it('creates a scope with the chosen credential; a credential of another provider is refused', async () => {
    const harness = await seeded();
    const { store, provider, credential } = harness;
    const other = await store.createProvider({ name: 'Other', type: 'Other', accountId: 'example.com' });
    const foreign = await store.createCredential(other.id, { name: 'foreign', fields: [{ key: 'k', type: 'String', sensitive: false, value: 'v' }] });
    const host = new Host();
    const controller = new FormController(scopeForm({ store, confirm: async () => true }, provider.id), host);
    await controller.handle({ type: 'submit', values: { kind: 'scope', name: 'Staging', credentialId: foreign.id } });
    assert.deepEqual(fields((host.posted[0] as { errors: FieldError[] }).errors), ['credentialId']);
    await controller.handle({ type: 'submit', values: { kind: 'scope', name: 'Staging', credentialId: credential.id } });
    const staging = store.scopes(provider.id).find((scope) => scope.name === 'Staging');
    assert.equal(staging?.credentialId, credential.id);
    assert.deepEqual(host.revealed, [{ providerId: provider.id, scopeId: staging!.id }]);
  });
});
