// The webview's pure form logic (src/webview/formModel.ts): no DOM needed.
import * as assert from 'node:assert/strict';
import type { FieldError, InitMessage } from '../../src/shared/protocol';
// src/webview is an ES module package (src/webview/package.json), so it is loaded with import().
type FormModel = typeof import('../../src/webview/formModel.js', { with: { 'resolution-mode': 'import' } });
let model: FormModel;
before(async () => {
  model = await import('../../src/webview/formModel.js');
});


const fieldTypes = ['String', 'Number', 'Boolean', 'Multiline'];

function init(overrides: Partial<InitMessage>): InitMessage {
  return {
    type: 'init',
    formKey: 'provider:new',
    kind: 'provider',
    mode: 'create',
    title: 'Add Provider',
    values: { kind: 'provider', name: '', type: 'Other', accountId: '' },
    providerTypes: ['Heroku', 'Other'],
    fieldTypes,
    credentials: [],
    offerHerokuImport: false,
    validation: { siblingNames: [], credentialIds: [] },
    strings: {} as InitMessage['strings'],
    ...overrides,
  };
}

const newCredential = init({ formKey: 'credential:new:p1', kind: 'credential', title: 'Add Credential: Heroku', values: { kind: 'credential', name: '', fields: [] } });
const editCredential = init({
  formKey: 'credential:c1',
  kind: 'credential',
  mode: 'edit',
  title: 'Edit Credential: heroku',
  values: {
    kind: 'credential',
    name: 'heroku',
    fields: [
      { id: 'f1', key: 'apitoken', type: 'String', sensitive: true, hasStoredValue: true },
      { id: 'f2', key: 'region', type: 'String', sensitive: false, value: 'eu' },
    ],
  },
});

describe('webview form model: credential rows', () => {
  it('a new credential form starts with one empty row', () => {
    const state = model.stateFromInit(newCredential);
    assert.equal(state.rows.length, 1);
    assert.deepEqual(model.toFormValues(state), { kind: 'credential', name: '', fields: [{ key: '', type: 'String', sensitive: false, value: '' }] });
  });

  it('a key like token / secret / password / apikey turns Sensitive on — until the user flips the toggle', () => {
    const state = model.stateFromInit(newCredential);
    const row = state.rows[0]!;
    for (const key of ['apitoken', 'client_secret', 'PASSWORD', 'api-key', 'apikey']) {
      model.setRowKey(row, key);
      assert.equal(row.sensitive, true, key);
    }
    model.setRowKey(row, 'region');
    assert.equal(row.sensitive, false);
    model.setRowKey(row, 'apitoken');
    model.setRowSensitive(row, false);
    model.setRowKey(row, 'apitoken2');
    assert.equal(row.sensitive, false, 'the user said no');
    model.setRowSensitive(row, true);
    model.setRowKey(row, 'region');
    assert.equal(row.sensitive, true, 'the user said yes');
  });

  it('stored fields keep their sensitivity when their key is edited', () => {
    const state = model.stateFromInit(editCredential);
    model.setRowKey(state.rows[1]!, 'region_token');
    assert.equal(state.rows[1]!.sensitive, false);
  });

  it('a sensitive value is masked until revealed; Boolean values never are', () => {
    const row = model.addRow(model.stateFromInit(newCredential), fieldTypes);
    model.setRowKey(row, 'apitoken');
    assert.equal(model.masksValue(row), true);
    row.revealed = true;
    assert.equal(model.masksValue(row), false);
    row.revealed = false;
    model.setRowType(row, 'Boolean');
    assert.equal(model.masksValue(row), false);
    assert.equal(row.value, 'false', 'a Boolean starts as false');
  });

  it('an edit form shows "Value stored" for a stored secret and sends it without value (keep)', () => {
    const state = model.stateFromInit(editCredential);
    const [stored, plain] = state.rows;
    assert.equal(model.showsStoredValue(stored!), true);
    assert.equal(stored!.value, '');
    assert.equal(model.showsStoredValue(plain!), false);
    assert.equal(plain!.value, 'eu');
    assert.deepEqual(model.toFormValues(state), {
      kind: 'credential',
      name: 'heroku',
      fields: [
        { id: 'f1', key: 'apitoken', type: 'String', sensitive: true },
        { id: 'f2', key: 'region', type: 'String', sensitive: false, value: 'eu' },
      ],
    });
  });

  it('Replace sends the new value; "Keep stored value" goes back to keeping it', () => {
    const state = model.stateFromInit(editCredential);
    const row = state.rows[0]!;
    model.startReplacing(row);
    row.value = 'NEW-TOKEN';
    const values = model.toFormValues(state);
    assert.ok(values.kind === 'credential');
    assert.equal(values.fields[0]!.value, 'NEW-TOKEN');
    model.keepStoredValue(row);
    const kept = model.toFormValues(state);
    assert.ok(kept.kind === 'credential');
    assert.ok(!('value' in kept.fields[0]!));
  });

  it('turning Sensitive off on a stored secret still sends no value (the store moves the secret into metadata)', () => {
    const state = model.stateFromInit(editCredential);
    model.setRowSensitive(state.rows[0]!, false);
    const values = model.toFormValues(state);
    assert.ok(values.kind === 'credential');
    assert.deepEqual(values.fields[0], { id: 'f1', key: 'apitoken', type: 'String', sensitive: false });
  });

  it('live validation never carries a sensitive value', () => {
    const state = model.stateFromInit(newCredential);
    model.setRowKey(state.rows[0]!, 'apitoken');
    state.rows[0]!.value = 'HRKU-secret';
    const region = model.addRow(state, fieldTypes);
    model.setRowKey(region, 'region');
    region.value = 'eu';
    const live = model.withoutSensitiveValues(model.toFormValues(state));
    assert.ok(!JSON.stringify(live).includes('HRKU-secret'));
    assert.ok(live.kind === 'credential');
    assert.equal(live.fields[1]!.value, 'eu');
    assert.ok(!('value' in live.fields[0]!));
  });

  it('removing a row shifts the touched paths of the rows after it', () => {
    const state = model.stateFromInit(newCredential);
    const second = model.addRow(state, fieldTypes);
    model.addRow(state, fieldTypes);
    model.markTouched(state, 'name');
    model.markTouched(state, 'fields.0.key');
    model.markTouched(state, 'fields.1.key');
    model.markTouched(state, 'fields.2.value');
    assert.equal(model.removeRow(state, second.rowKey), 1);
    assert.deepEqual(state.touched, ['name', 'fields.0.key', 'fields.1.value']);
    assert.equal(model.removeRow(state, 999), -1);
  });
});

describe('webview form model: restoring state', () => {
  it('restores what the user typed when the same form is shown again', () => {
    const state = model.stateFromInit(newCredential);
    state.name = 'typed';
    model.setRowKey(state.rows[0]!, 'apitoken');
    const saved = JSON.parse(JSON.stringify(state)) as unknown;
    const restored = model.restoreState(saved, newCredential);
    assert.equal(restored.name, 'typed');
    assert.equal(restored.rows[0]!.key, 'apitoken');
  });

  it('ignores state of another form or of an unknown shape', () => {
    const state = model.stateFromInit(newCredential);
    state.name = 'typed';
    assert.equal(model.restoreState(state, init({})).name, '');
    assert.equal(model.restoreState({ version: 1, formKey: 'credential:new:p1' }, newCredential).name, '');
    assert.equal(model.restoreState('junk', newCredential).rows.length, 1);
    assert.equal(model.restoreState(null, newCredential).rows.length, 1);
  });

  it('drops rows of fields deleted meanwhile and follows a secret that appeared', () => {
    const state = model.stateFromInit(editCredential);
    state.rows[1]!.value = 'us';
    const changed = init({
      ...editCredential,
      values: { kind: 'credential', name: 'heroku', fields: [{ id: 'f2', key: 'region', type: 'String', sensitive: true, hasStoredValue: true }] },
    });
    const restored = model.restoreState(JSON.parse(JSON.stringify(state)), changed);
    assert.equal(restored.rows.length, 1);
    assert.equal(restored.rows[0]!.hasStoredValue, true);
    assert.equal(restored.rows[0]!.value, '');
  });

  it('scope form: keeps a still-offered credential, otherwise picks the first one', () => {
    const scopeInit = init({
      formKey: 'scope:new:p1',
      kind: 'scope',
      values: { kind: 'scope', name: '', credentialId: '' },
      credentials: [{ id: 'c1', name: 'one' }, { id: 'c2', name: 'two' }],
      validation: { siblingNames: [], credentialIds: ['c1', 'c2'] },
    });
    const state = model.stateFromInit(scopeInit);
    assert.equal(state.credentialId, 'c1');
    state.credentialId = 'c2';
    assert.equal(model.restoreState(JSON.parse(JSON.stringify(state)), scopeInit).credentialId, 'c2');
    assert.equal(model.restoreState(JSON.parse(JSON.stringify(state)), { ...scopeInit, credentials: [{ id: 'c1', name: 'one' }] }).credentialId, 'c1');
    assert.equal(model.stateFromInit({ ...scopeInit, credentials: [] }).credentialId, '');
  });
});

describe('webview form model: which errors show where', () => {
  const errors: FieldError[] = [
    { field: 'name', code: 'nameRequired' },
    { field: 'fields.0.key', code: 'keyRequired' },
    { field: 'fields.0.value', code: 'valueRequired' },
  ];

  it('shows only errors of fields the user left, and all after a submit attempt', () => {
    const state = model.stateFromInit(newCredential);
    assert.deepEqual(model.visibleErrors(state, errors), []);
    model.markTouched(state, 'fields.0.key');
    assert.deepEqual(model.visibleErrors(state, errors).map((e) => e.field), ['fields.0.key']);
    state.submitted = true;
    assert.deepEqual(model.visibleErrors(state, errors).map((e) => e.field), ['name', 'fields.0.key', 'fields.0.value']);
  });

  it('one message per field; local first, then what only the extension knows', () => {
    const merged = model.mergeErrors([{ field: 'name', code: 'nameRequired' }], [{ field: 'name', code: 'nameTooLong' }, { field: 'accountId', code: 'portInvalid' }]);
    assert.deepEqual(merged, [{ field: 'name', code: 'nameRequired' }, { field: 'accountId', code: 'portInvalid' }]);
  });

  it('an error without its own slot goes to the nearest enclosing one, else to the form', () => {
    const slots = new Set(['name', 'fields', 'fields.0', 'fields.0.key', 'form']);
    assert.equal(model.errorSlot('fields.0.key', slots), 'fields.0.key');
    assert.equal(model.errorSlot('fields.0.id', slots), 'fields.0');
    assert.equal(model.errorSlot('fields.7.key', slots), 'fields');
    assert.equal(model.errorSlot('type', slots), 'form');
  });
});

describe('The form warns next to a value stored as plain text', () => {
  const row = (patch: Partial<Parameters<FormModel['plainTextWarning']>[0]>) => ({
    rowKey: 0, key: 'apitoken', type: 'String', sensitive: true, sensitiveTouched: true, value: '', hasStoredValue: false, replacing: false, revealed: false, ...patch,
  });

  it('a stored secret with Sensitive off, or a secret-looking key with Sensitive off', () => {
    assert.equal(model.plainTextWarning(row({ sensitive: false, hasStoredValue: true, key: 'region' })), 'stored');
    for (const key of ['apitoken', 'client_secret', 'password', 'api-key', 'TOKEN']) assert.equal(model.plainTextWarning(row({ sensitive: false, key })), 'key', key);
    assert.equal(model.plainTextWarning(row({ sensitive: false, key: 'region' })), undefined);
    assert.equal(model.plainTextWarning(row({ sensitive: true })), undefined);
    assert.equal(model.plainTextWarning(row({ sensitive: true, hasStoredValue: true })), undefined);
  });
});
