import * as assert from 'node:assert/strict';
import { errorsFromStoreError, FormController, type FormDefinition, type FormHost, type SaveOutcome } from '../../src/forms/controller';
import type { ExtensionMessage, FieldError, FormValues, InitMessage } from '../../src/shared/protocol';
import { NameTakenError, NotFoundError, SecretStorageUnavailableError, ValidationError } from '../../src/store/errors';

const secret = 'HRKU-0123456789abcdef-SECRET';

class FakeHost implements FormHost {
  posted: ExtensionMessage[] = [];
  closed = 0;
  notifications: string[] = [];
  revealed: unknown[] = [];
  commands: unknown[][] = [];
  /** What executeCommand resolves with (a command's return value). */
  commandResult: unknown = undefined;
  logs: string[] = [];
  log = {
    info: (message: string) => { this.logs.push(`info ${message}`); },
    warn: (message: string) => { this.logs.push(`warn ${message}`); },
    error: (message: string, error?: unknown) => { this.logs.push(`error ${message} ${error instanceof Error ? error.message : ''}`); },
  };
  post(message: ExtensionMessage): PromiseLike<boolean> { this.posted.push(message); return Promise.resolve(true); }
  close(): void { this.closed++; }
  notify(message: string): void { this.notifications.push(message); }
  async reveal(target: unknown): Promise<void> { this.revealed.push(target); }
  executeCommand(command: string, ...args: unknown[]): PromiseLike<unknown> { this.commands.push([command, ...args]); return Promise.resolve(this.commandResult); }
  describeError(error: unknown): string { return `Unexpected: ${error instanceof Error ? error.name : 'error'}`; }
}

interface FakeDefinitionOptions {
  kind?: FormDefinition['kind'];
  errors?: FieldError[];
  save?: (values: FormValues) => Promise<SaveOutcome>;
  exists?: () => boolean;
}

function fakeDefinition(options: FakeDefinitionOptions = {}): FormDefinition & { saves: FormValues[]; validations: [FormValues, boolean][] } {
  const kind = options.kind ?? 'provider';
  const saves: FormValues[] = [];
  const validations: [FormValues, boolean][] = [];
  return {
    kind,
    mode: 'create',
    key: `${kind}:new`,
    saves,
    validations,
    ...(kind === 'scope' ? { addCredentialProviderId: 'p1' } : {}),
    ...(kind === 'credential' ? { herokuImportProviderId: 'p1' } : {}),
    exists: options.exists ?? (() => true),
    title: () => 'Add Provider',
    init: () => ({ type: 'init', formKey: `${kind}:new`, kind, mode: 'create', title: 'Add Provider' } as unknown as InitMessage),
    validate: (values, live) => { validations.push([values, live]); return options.errors ?? []; },
    save: async (values) => {
      saves.push(values);
      return options.save ? options.save(values) : { reveal: { providerId: 'p1' }, notification: 'Provider "Heroku" created.' };
    },
  };
}

const providerSubmit = { type: 'submit', values: { kind: 'provider', name: 'Heroku', type: 'Other', accountId: 'api.heroku.com' } };
const credentialSubmit = {
  type: 'submit',
  values: { kind: 'credential', name: 'heroku', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: secret }] },
};

describe('FormController: handshake and routing', () => {
  it('posts init when opened, before any ready, and again on every ready (webview reloads); a store change waits for ready', async () => {
    const host = new FakeHost();
    const controller = new FormController(fakeDefinition(), host);
    await controller.refresh();
    assert.equal(host.posted.length, 0, 'not opened yet, no page to send to');
    await controller.open();
    assert.deepEqual(host.posted.map((m) => m.type), ['init']);
    await controller.refresh();
    assert.equal(host.posted.length, 1, 'a page that has not said ready gets no refresh: its ready will fetch it');
    await controller.handle({ type: 'ready' });
    await controller.handle({ type: 'ready' });
    assert.deepEqual(host.posted.map((m) => m.type), ['init', 'init', 'init']);
  });

  it('opening a form whose object is gone closes it and sends nothing', async () => {
    const host = new FakeHost();
    const controller = new FormController(fakeDefinition({ exists: () => false }), host);
    await controller.open();
    assert.deepEqual([host.posted.length, host.closed], [0, 1]);
  });

  it('re-sends init after a store change only while the webview is there', async () => {
    const host = new FakeHost();
    const controller = new FormController(fakeDefinition(), host);
    await controller.handle({ type: 'ready' });
    await controller.refresh();
    assert.equal(host.posted.length, 2);
    controller.webviewHidden();
    await controller.refresh();
    assert.equal(host.posted.length, 2);
  });

  it('closes (once) when its object is deleted', async () => {
    const host = new FakeHost();
    let exists = true;
    const controller = new FormController(fakeDefinition({ exists: () => exists }), host);
    await controller.handle({ type: 'ready' });
    exists = false;
    await controller.refresh();
    await controller.refresh();
    assert.equal(host.closed, 1);
    await controller.handle({ type: 'ready' });
    assert.equal(host.posted.length, 1, 'nothing is handled after close');
  });

  it('cancel closes the panel', async () => {
    const host = new FakeHost();
    await new FormController(fakeDefinition(), host).handle({ type: 'cancel' });
    assert.equal(host.closed, 1);
  });

  it('rejects malformed and unknown messages with no side effect, logging only kind and issue paths', async () => {
    const host = new FakeHost();
    const definition = fakeDefinition({ kind: 'credential' });
    const controller = new FormController(definition, host);
    const hostile: unknown[] = [
      { type: 'deleteEverything' },
      { type: 'submit', values: { kind: 'credential', name: 'x', fields: [{ key: 'apitoken', type: 'String', sensitive: 'yes', value: secret }] } },
      { type: 'submit', values: { kind: 'credential', name: 'x', fields: [], extra: secret } },
      JSON.parse(`{"type":"submit","values":{"kind":"credential","name":"x","fields":[]},"__proto__":{"v":"${secret}"}}`),
      { type: secret },
      null,
      'ready',
    ];
    for (const raw of hostile) await controller.handle(raw);
    assert.deepEqual(host.posted, []);
    assert.deepEqual(definition.saves, []);
    assert.deepEqual(definition.validations, []);
    assert.equal(host.closed, 0);
    assert.equal(host.logs.length, hostile.length);
    for (const line of host.logs) {
      assert.match(line, /^warn credential form \(create\): rejected malformed message of kind "[^"]*": /);
      assert.ok(!line.includes(secret), line);
    }
    assert.match(host.logs[1]!, /invalid_type@values\.fields\.0\.sensitive/);
  });

  it('rejects values of another form kind', async () => {
    const host = new FakeHost();
    const definition = fakeDefinition({ kind: 'scope' });
    await new FormController(definition, host).handle(providerSubmit);
    assert.deepEqual(definition.saves, []);
    assert.match(host.logs[0]!, /^warn .*carrying provider values/);
  });

  it('addCredential runs the command for the scope form only', async () => {
    const host = new FakeHost();
    await new FormController(fakeDefinition({ kind: 'scope' }), host).handle({ type: 'addCredential' });
    assert.deepEqual(host.commands, [['providerDesk.addCredential', 'p1']]);
    const other = new FakeHost();
    await new FormController(fakeDefinition({ kind: 'provider' }), other).handle({ type: 'addCredential' });
    assert.deepEqual(other.commands, []);
    assert.match(other.logs[0]!, /^warn /);
  });

  it('importHerokuCli runs the import command with the form\'s name, and closes only once a credential was saved', async () => {
    const failed = new FakeHost();
    const form = new FormController(fakeDefinition({ kind: 'credential' }), failed);
    await form.handle({ type: 'importHerokuCli', name: '  cli-token ' });
    assert.deepEqual(failed.commands, [['providerDesk.importHerokuToken', 'p1', { name: 'cli-token' }]]);
    assert.equal(failed.closed, 0, 'a failed import (the command showed why) keeps the form open');

    const imported = new FakeHost();
    imported.commandResult = 'c-new';
    await new FormController(fakeDefinition({ kind: 'credential' }), imported).handle({ type: 'importHerokuCli', name: '' });
    assert.deepEqual(imported.commands, [['providerDesk.importHerokuToken', 'p1', { name: '' }]]);
    assert.equal(imported.closed, 1);

    const other = new FakeHost();
    await new FormController(fakeDefinition({ kind: 'scope' }), other).handle({ type: 'importHerokuCli', name: 'x' });
    assert.deepEqual(other.commands, []);
    assert.match(other.logs[0]!, /^warn .*importHerokuCli/);
    await new FormController(fakeDefinition({ kind: 'credential' }), other).handle({ type: 'importHerokuCli', name: 42 });
    assert.deepEqual(other.commands, [], 'a malformed import message is dropped');
  });

  it('answers validate with the errors of a live check, echoing seq', async () => {
    const host = new FakeHost();
    const definition = fakeDefinition({ errors: [{ field: 'name', code: 'providerNameTaken', args: ['Heroku'] }] });
    await new FormController(definition, host).handle({ type: 'validate', seq: 7, values: providerSubmit.values });
    assert.deepEqual(host.posted, [{ type: 'errors', source: 'validate', seq: 7, errors: [{ field: 'name', code: 'providerNameTaken', args: ['Heroku'] }] }]);
    assert.equal(definition.validations[0]![1], true, 'live');
    assert.deepEqual(definition.saves, []);
  });
});

describe('FormController: submit', () => {
  it('an invalid submit posts the errors and changes nothing', async () => {
    const host = new FakeHost();
    const definition = fakeDefinition({ errors: [{ field: 'accountId', code: 'portInvalid' }] });
    await new FormController(definition, host).handle(providerSubmit);
    assert.deepEqual(definition.saves, []);
    assert.deepEqual(host.posted, [{ type: 'errors', source: 'submit', errors: [{ field: 'accountId', code: 'portInvalid' }] }]);
    assert.equal(definition.validations[0]![1], false, 'not live: the real check');
    assert.equal(host.closed, 0);
  });

  it('a valid submit saves, posts saved, closes, notifies and reveals', async () => {
    const host = new FakeHost();
    const definition = fakeDefinition();
    await new FormController(definition, host).handle(providerSubmit);
    assert.deepEqual(definition.saves, [providerSubmit.values]);
    assert.deepEqual(host.posted, [{ type: 'saved' }]);
    assert.equal(host.closed, 1);
    assert.deepEqual(host.notifications, ['Provider "Heroku" created.']);
    assert.deepEqual(host.revealed, [{ providerId: 'p1' }]);
  });

  it('ignores a second submit while the first is saving (no duplicate objects)', async () => {
    const host = new FakeHost();
    let finish!: () => void;
    const definition = fakeDefinition({
      save: () => new Promise((resolve) => { finish = () => resolve({ reveal: { providerId: 'p1' }, notification: 'ok' }); }),
    });
    const controller = new FormController(definition, host);
    const first = controller.handle(providerSubmit);
    await controller.handle(providerSubmit);
    finish();
    await first;
    assert.equal(definition.saves.length, 1);
  });

  it('maps the store\'s ValidationError / NameTakenError to field errors and lets the user retry', async () => {
    const host = new FakeHost();
    let calls = 0;
    const definition = fakeDefinition({
      save: async () => {
        calls++;
        if (calls === 1) throw new NameTakenError('provider', 'Heroku', [{ field: 'name', code: 'providerNameTaken', args: ['Heroku'] }]);
        return { reveal: { providerId: 'p1' }, notification: 'ok' };
      },
    });
    const controller = new FormController(definition, host);
    await controller.handle(providerSubmit);
    assert.deepEqual(host.posted, [{ type: 'errors', source: 'submit', errors: [{ field: 'name', code: 'providerNameTaken', args: ['Heroku'] }] }]);
    assert.equal(host.closed, 0);
    await controller.handle(providerSubmit);
    assert.equal(host.closed, 1);
  });

  it('shows the store\'s user-facing errors above the form', async () => {
    const host = new FakeHost();
    const definition = fakeDefinition({ save: async () => { throw new SecretStorageUnavailableError('save the credential "x"'); } });
    await new FormController(definition, host).handle(providerSubmit);
    const message = host.posted[0];
    assert.equal(message?.type, 'errors');
    assert.match((message as { message: string }).message, /^Secret storage is unavailable/);
  });

  it('logs an unexpected error and shows a generic message, never the submitted secret', async () => {
    const host = new FakeHost();
    const definition = fakeDefinition({ kind: 'credential', save: async () => { throw new TypeError('boom'); } });
    await new FormController(definition, host).handle(credentialSubmit);
    assert.deepEqual(host.posted, [{ type: 'errors', source: 'submit', errors: [], message: 'Unexpected: TypeError' }]);
    assert.ok(host.logs.some((line) => line.startsWith('error credential form (create): saving failed boom')));
    assert.ok(host.logs.every((line) => !line.includes(secret)));
    assert.equal(host.closed, 0);
  });

  it('a failing reveal after a save is only logged', async () => {
    const host = new FakeHost();
    host.reveal = async () => { throw new Error('view hidden'); };
    await new FormController(fakeDefinition(), host).handle(providerSubmit);
    assert.equal(host.closed, 1);
    assert.ok(host.logs.some((line) => line.startsWith('warn ') && line.includes('view hidden')));
  });
});

describe('errorsFromStoreError', () => {
  it('uses the field errors of a ValidationError', () => {
    const error = new ValidationError('credential', [{ field: 'fields.1.key', code: 'keyTaken', args: ['token', 1] }]);
    assert.deepEqual(errorsFromStoreError(error), { errors: [{ field: 'fields.1.key', code: 'keyTaken', args: ['token', 1] }] });
  });

  it('turns other store errors into a form-level message', () => {
    const error = new NotFoundError('provider', 'p1');
    assert.deepEqual(errorsFromStoreError(error), { errors: [], message: error.message });
  });

  it('leaves unknown errors to the caller', () => {
    assert.equal(errorsFromStoreError(new Error('x')), undefined);
    assert.equal(errorsFromStoreError('x'), undefined);
    assert.equal(errorsFromStoreError(null), undefined);
    assert.equal(errorsFromStoreError({ errors: [{ field: 1 }] }), undefined);
  });

  it('tells store errors apart by class, not by a look-alike name or shape', () => {
    const namedLikeOne = Object.assign(new Error('looks like a store error'), { name: 'NotFoundError' });
    assert.equal(errorsFromStoreError(namedLikeOne), undefined);
    assert.equal(errorsFromStoreError({ name: 'ValidationError', message: 'x', errors: [{ field: 'name', message: 'y' }] }), undefined);
  });
});
