// The form's state in the webview and the pure rules on it: sensitive defaulting, stored-secret handling, mapping to
// the protocol's values, which errors to show. No DOM here (unit-tested in plain Node); main.ts renders it.
import { suggestSensitive } from '../model/fields.js';
import type { CredentialFieldValues, FieldError, FormKind, FormValues, InitField, InitMessage } from '../shared/protocol.js';

export interface RowState {
  /** Client-side key: stable DOM ids for this row (`field-<rowKey>-key`). */
  rowKey: number;
  /** The stored field's id; absent for a row added in this form. */
  id?: string;
  key: string;
  type: string;
  sensitive: boolean;
  /** Set once the user flips the toggle: from then on the key no longer decides sensitivity. */
  sensitiveTouched: boolean;
  value: string;
  /** The store holds a secret for this field (never sent here). */
  hasStoredValue: boolean;
  /** The user chose "Replace": `value` replaces the stored secret. */
  replacing: boolean;
  /** The sensitive value is shown in clear text. */
  revealed: boolean;
}

export interface FormState {
  version: 1;
  formKey: string;
  kind: FormKind;
  name: string;
  type: string;
  accountId: string;
  credentialId: string;
  rows: RowState[];
  nextRowKey: number;
  /** Field paths the user has left at least once: their errors are shown while typing. */
  touched: string[];
  /** A submit was attempted: every error is shown. */
  submitted: boolean;
}

export const booleanValues = ['true', 'false'] as const;

export function stateFromInit(init: InitMessage): FormState {
  const state: FormState = {
    version: 1,
    formKey: init.formKey,
    kind: init.kind,
    name: init.values.name,
    type: init.values.kind === 'provider' ? init.values.type : '',
    accountId: init.values.kind === 'provider' ? init.values.accountId : '',
    credentialId: init.values.kind === 'scope' ? init.values.credentialId : '',
    rows: [],
    nextRowKey: 0,
    touched: [],
    submitted: false,
  };
  if (init.kind === 'provider' && !state.type) state.type = init.providerTypes[0] ?? '';
  if (init.values.kind === 'credential') {
    for (const field of init.values.fields) state.rows.push(rowFromInit(state, field));
    if (init.mode === 'create' && state.rows.length === 0) addRow(state, init.fieldTypes);
  }
  if (init.kind === 'scope') state.credentialId = reconcileCredential(state.credentialId, init);
  return state;
}

function rowFromInit(state: FormState, field: InitField): RowState {
  const hasStoredValue = field.sensitive && field.hasStoredValue === true;
  return {
    rowKey: state.nextRowKey++,
    ...(field.id !== undefined ? { id: field.id } : {}),
    key: field.key,
    type: field.type,
    sensitive: field.sensitive,
    // A stored field keeps the sensitivity it was saved with; only new rows follow the key.
    sensitiveTouched: field.id !== undefined,
    value: hasStoredValue ? '' : field.value ?? '',
    hasStoredValue,
    replacing: false,
    revealed: false,
  };
}

/**
 * Picks the form state to show after an `init`: the state saved with vscode.setState when the same form was hidden and
 * shown again (or re-initialised after a store change), reconciled with what the extension says now; otherwise a
 * fresh state from `init`. Anything that does not look like our own state is ignored.
 */
export function restoreState(saved: unknown, init: InitMessage): FormState {
  if (!isFormState(saved) || saved.formKey !== init.formKey || saved.kind !== init.kind) return stateFromInit(init);
  const state: FormState = { ...saved, rows: saved.rows.map((row) => ({ ...row })), touched: [...saved.touched] };
  if (init.values.kind === 'credential') {
    const stored = new Map(init.values.fields.filter((field) => field.id !== undefined).map((field) => [field.id!, field]));
    // Rows of fields deleted meanwhile go; a field whose secret appeared or vanished (edited in another window)
    // starts over from what is stored now.
    state.rows = state.rows.filter((row) => row.id === undefined || stored.has(row.id)).map((row) => {
      const field = row.id === undefined ? undefined : stored.get(row.id);
      if (!field || (field.sensitive && field.hasStoredValue === true) === row.hasStoredValue) return row;
      return { ...rowFromInit(state, field), rowKey: row.rowKey };
    });
  }
  if (init.kind === 'scope') state.credentialId = reconcileCredential(state.credentialId, init);
  return state;
}

/** The selected credential must be one of the options; with none selected, the first one is (like a native select). */
function reconcileCredential(credentialId: string, init: InitMessage): string {
  if (init.credentials.some((option) => option.id === credentialId)) return credentialId;
  return init.credentials[0]?.id ?? '';
}

function isFormState(value: unknown): value is FormState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<FormState>;
  return state.version === 1 && typeof state.formKey === 'string' && typeof state.kind === 'string'
    && typeof state.name === 'string' && typeof state.type === 'string' && typeof state.accountId === 'string'
    && typeof state.credentialId === 'string' && typeof state.nextRowKey === 'number' && typeof state.submitted === 'boolean'
    && Array.isArray(state.touched) && state.touched.every((path) => typeof path === 'string')
    && Array.isArray(state.rows) && state.rows.every(isRowState);
}

function isRowState(value: unknown): value is RowState {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Partial<RowState>;
  return typeof row.rowKey === 'number' && (row.id === undefined || typeof row.id === 'string')
    && typeof row.key === 'string' && typeof row.type === 'string' && typeof row.value === 'string'
    && typeof row.sensitive === 'boolean' && typeof row.sensitiveTouched === 'boolean'
    && typeof row.hasStoredValue === 'boolean' && typeof row.replacing === 'boolean' && typeof row.revealed === 'boolean';
}

export function addRow(state: FormState, fieldTypes: readonly string[]): RowState {
  const row: RowState = {
    rowKey: state.nextRowKey++,
    key: '',
    type: fieldTypes[0] ?? 'String',
    sensitive: false,
    sensitiveTouched: false,
    value: '',
    hasStoredValue: false,
    replacing: false,
    revealed: false,
  };
  state.rows.push(row);
  return row;
}

/** Removes a row; returns its former index (for focus), or -1. Touched paths of later rows shift with them. */
export function removeRow(state: FormState, rowKey: number): number {
  const index = state.rows.findIndex((row) => row.rowKey === rowKey);
  if (index < 0) return -1;
  state.rows.splice(index, 1);
  state.touched = state.touched.flatMap((path) => {
    const match = /^fields\.(\d+)(\..*)?$/.exec(path);
    if (!match) return [path];
    const at = Number(match[1]);
    if (at === index) return [];
    return [at > index ? `fields.${at - 1}${match[2] ?? ''}` : path];
  });
  return index;
}

/** A key such as `apitoken`, `client_secret` or `password` turns Sensitive on — until the user flips the toggle. */
export function setRowKey(row: RowState, key: string): void {
  row.key = key;
  if (!row.sensitiveTouched) row.sensitive = suggestSensitive(key);
}

/**
 * Flips Sensitive. A stored secret stays where it is until submit: left alone, it is kept (still sensitive) or moved
 * into metadata by the store (no longer sensitive) — the form never needs to see it.
 */
export function setRowSensitive(row: RowState, sensitive: boolean): void {
  row.sensitiveTouched = true;
  row.sensitive = sensitive;
  if (!sensitive) row.revealed = false;
}

export function setRowType(row: RowState, type: string): void {
  row.type = type;
  if (type === 'Boolean' && !(booleanValues as readonly string[]).includes(row.value) && !(row.hasStoredValue && !row.replacing)) {
    row.value = 'false';
  }
}

export function startReplacing(row: RowState): void {
  row.replacing = true;
  row.value = '';
}

export function keepStoredValue(row: RowState): void {
  if (!row.hasStoredValue) return;
  row.replacing = false;
  row.value = '';
  row.revealed = false;
}

/** Whether the row shows "Value stored" + Replace instead of a value input. */
export function showsStoredValue(row: RowState): boolean {
  return row.hasStoredValue && !row.replacing;
}

/**
 * Why the form warns next to a value with Sensitive off: `stored`, a stored secret would become plain text (saving
 * asks first); `key`, the key looks like a secret (token, secret, password, key…). Undefined: no warning.
 */
export function plainTextWarning(row: RowState): 'stored' | 'key' | undefined {
  if (row.sensitive) return undefined;
  if (row.hasStoredValue) return 'stored';
  return suggestSensitive(row.key) ? 'key' : undefined;
}

/** Whether the row's value control masks its text (password input / masked textarea). */
export function masksValue(row: RowState): boolean {
  return row.sensitive && !row.revealed && row.type !== 'Boolean';
}

/** The values to submit. A stored secret left alone is sent without `value`, so the store keeps it. */
export function toFormValues(state: FormState): FormValues {
  switch (state.kind) {
    case 'provider':
      return { kind: 'provider', name: state.name, type: state.type, accountId: state.accountId };
    case 'scope':
      return { kind: 'scope', name: state.name, credentialId: state.credentialId };
    case 'credential':
      return { kind: 'credential', name: state.name, fields: state.rows.map(toFieldValues) };
  }
}

function toFieldValues(row: RowState): CredentialFieldValues {
  return {
    ...(row.id !== undefined ? { id: row.id } : {}),
    key: row.key,
    type: row.type,
    sensitive: row.sensitive,
    ...(showsStoredValue(row) ? {} : { value: row.value }),
  };
}

/** The values for a live `validate` round trip: sensitive values stay in the webview until the real submit. */
export function withoutSensitiveValues(values: FormValues): FormValues {
  if (values.kind !== 'credential') return values;
  return {
    ...values,
    fields: values.fields.map((field) => {
      if (!field.sensitive) return field;
      const { value: _value, ...rest } = field;
      return rest;
    }),
  };
}

export function markTouched(state: FormState, path: string): void {
  if (!state.touched.includes(path)) state.touched.push(path);
}

/**
 * Errors to display: all of them after a submit attempt, otherwise only those of fields the user has left (and of a
 * whole row when any of its controls was left). One message per field, first wins.
 */
export function visibleErrors(state: FormState, errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    if (seen.has(error.field)) continue;
    if (!state.submitted && !isTouched(state, error.field)) continue;
    seen.add(error.field);
    result.push(error);
  }
  return result;
}

function isTouched(state: FormState, path: string): boolean {
  return state.touched.some((touched) => touched === path || touched.startsWith(`${path}.`) || path.startsWith(`${touched}.`));
}

/** Merges local errors with the extension's answer to `validate` (which may know a newer name list). */
export function mergeErrors(local: readonly FieldError[], remote: readonly FieldError[]): FieldError[] {
  const fields = new Set(local.map((error) => error.field));
  return [...local, ...remote.filter((error) => !fields.has(error.field))];
}

/**
 * Where an error is shown: its own `data-error-for` slot when the form has one for the path, otherwise the nearest
 * enclosing path that has one (`fields.2.id` → `fields.2`), else the form-level message.
 */
export function errorSlot(path: string, slots: ReadonlySet<string>): string {
  let candidate = path;
  for (;;) {
    if (slots.has(candidate)) return candidate;
    const dot = candidate.lastIndexOf('.');
    if (dot < 0) return 'form';
    candidate = candidate.slice(0, dot);
  }
}
