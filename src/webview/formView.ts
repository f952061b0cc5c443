// Renders a form (provider, credential or scope) with vscode-elements and keeps FormState in step with it.
// Every text goes through textContent/attributes (never innerHTML). Stable ids and classes are part of the UI tests'
// contract: #name #type #accountId #credential #addField #submit #cancel #addCredential #importHerokuCli, [data-field-row] rows with
// .field-key .field-type .field-sensitive .field-value .remove-field .replace-value .reveal-value .plain-text-warning, and error texts
// in [data-error-for="<field path>"] ("form" for the form-level message).
import { maxAccountIdLength, maxKeyLength, maxNameLength, maxValueLength } from '../model/constants.js';
import { validateFormValues, type FormValidationContext } from '../forms/formValidation.js';
import { maxFields } from '../shared/protocol.js';
import type { ErrorsMessage, FieldError, FormStrings, FormValues, InitMessage, WebviewMessage } from '../shared/protocol.js';
import { format, h } from './dom.js';
import {
  addRow,
  booleanValues,
  keepStoredValue,
  markTouched,
  masksValue,
  mergeErrors,
  removeRow,
  restoreState,
  setRowKey,
  setRowSensitive,
  setRowType,
  showsStoredValue,
  startReplacing,
  toFormValues,
  visibleErrors,
  plainTextWarning,
  withoutSensitiveValues,
  errorSlot,
  type FormState,
  type RowState,
} from './formModel.js';

export interface FormViewHost {
  post(message: WebviewMessage): void;
  saveState(state: FormState): void;
}

type Textfield = HTMLElementTagNameMap['vscode-textfield'];
type Textarea = HTMLElementTagNameMap['vscode-textarea'];
type SingleSelect = HTMLElementTagNameMap['vscode-single-select'];
type Checkbox = HTMLElementTagNameMap['vscode-checkbox'];
type ToolbarButton = HTMLElementTagNameMap['vscode-toolbar-button'];
type Button = HTMLElementTagNameMap['vscode-button'];

const liveValidationDelay = 250;

export class FormView {
  private init?: InitMessage;
  private state?: FormState;
  /** Errors the extension reported, valid while the (secret-free) values they were computed for are unchanged. */
  private serverErrors?: { snapshot: string; errors: FieldError[] };
  private formMessage?: string;
  private busy = false;
  private validateSeq = 0;
  private validateSnapshot = '';
  private validateTimer?: ReturnType<typeof setTimeout>;
  private focusedOnce = false;
  /** A mouse button / touch is down: layout changes wait until it is released (see refreshSoon). */
  private pointerDown = false;
  private refreshPending = false;

  constructor(private readonly root: HTMLElement, private readonly host: FormViewHost) {
    document.addEventListener('pointerdown', () => { this.pointerDown = true; }, true);
    document.addEventListener('pointerup', () => this.pointerReleased(), true);
    document.addEventListener('pointercancel', () => this.pointerReleased(), true);
  }

  private get strings(): FormStrings { return this.init!.strings; }

  // -------------------------------------------------------------------------------------------------------------
  // Messages from the extension

  /** First `init`, or a later one after the store changed or the webview reloaded: keep what the user typed. */
  async applyInit(init: InitMessage, savedState: unknown): Promise<void> {
    const previous = this.state?.formKey === init.formKey ? this.state : savedState;
    this.init = init;
    this.state = restoreState(previous, init);
    this.busy = false;
    document.title = init.title;
    const focusedId = this.focusedOnce ? (document.activeElement as HTMLElement | null)?.id : undefined;
    this.render();
    this.persist();
    this.refreshErrors();
    await this.settle();
    if (!this.focusedOnce) {
      this.focusedOnce = true;
      this.focusFirst();
    } else if (focusedId) {
      document.getElementById(focusedId)?.focus();
    }
  }

  applyErrors(message: ErrorsMessage): void {
    if (!this.state) return;
    if (message.source === 'validate') {
      if (message.seq !== this.validateSeq) return; // an answer to older values
      this.serverErrors = { snapshot: this.validateSnapshot, errors: message.errors };
      this.refreshSoon();
      return;
    }
    this.busy = false;
    this.state.submitted = true;
    this.serverErrors = { snapshot: this.snapshot(), errors: message.errors };
    this.formMessage = message.message;
    this.updateBusy();
    this.persist();
    this.refreshErrors();
    this.focusFirstError();
  }

  applySaved(): void {
    this.busy = true;
    this.updateBusy(this.strings.saved);
  }

  // -------------------------------------------------------------------------------------------------------------
  // User actions

  submit(): void {
    if (!this.state || !this.init || this.busy) return;
    this.state.submitted = true;
    this.formMessage = undefined;
    this.persist();
    const values = toFormValues(this.state);
    if (this.localErrors(values).length > 0) {
      this.refreshErrors();
      this.focusFirstError();
      return;
    }
    this.busy = true;
    this.updateBusy(this.strings.saving);
    this.host.post({ type: 'submit', values });
  }

  cancel(): void {
    this.host.post({ type: 'cancel' });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Rendering

  private render(): void {
    const init = this.init!;
    const strings = this.strings;
    const main = h('div', { class: `form form-${init.kind}` },
      h('h1', { id: 'title' }, init.title),
      h('div', { id: 'formMessage', class: 'form-message', 'data-error-for': 'form', role: 'alert', hidden: true }),
      h('div', { class: 'fields' }, ...this.renderFields()),
      h('div', { class: 'actions' },
        h('vscode-button', { id: 'submit' }, strings.submit),
        h('vscode-button', { id: 'cancel', secondary: true }, strings.cancel),
        h('span', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' }),
      ),
    );
    this.root.replaceChildren(main);
    this.root.removeAttribute('aria-busy');
    this.root.setAttribute('aria-labelledby', 'title');
    main.querySelector('#submit')!.addEventListener('click', () => this.submit());
    main.querySelector('#cancel')!.addEventListener('click', () => this.cancel());
    this.updateBusy();
  }

  private renderFields(): HTMLElement[] {
    const init = this.init!;
    const state = this.state!;
    const strings = this.strings;
    const nameField = this.textfield('name', 'name', state.name, maxNameLength, (value) => { state.name = value; });
    const fields = [this.field('name', strings.name, nameField, 'name')];

    if (init.kind === 'provider') {
      const typeSelect = this.select('type', 'type', init.providerTypes.map((type) => ({ value: type, label: type })), state.type,
        (value) => { state.type = value; });
      fields.push(this.field('type', strings.type, typeSelect, 'type'));
      const accountId = this.textfield('accountId', 'accountId', state.accountId, maxAccountIdLength, (value) => { state.accountId = value; });
      accountId.setAttribute('placeholder', 'api.heroku.com');
      fields.push(this.field('accountId', strings.accountId, accountId, 'accountId',
        h('vscode-form-helper', { id: 'accountIdHint', class: 'hint' }, strings.accountIdHint)));
    } else if (init.kind === 'credential') {
      fields.push(this.renderCredentialFields());
    } else {
      fields.push(this.renderCredentialChoice());
    }
    return fields;
  }

  private field(id: string, label: string, control: HTMLElement, errorPath: string, ...extra: HTMLElement[]): HTMLElement {
    return h('div', { class: 'field' },
      h('vscode-label', { for: id }, label),
      control,
      ...extra,
      this.errorSlot(errorPath),
    );
  }

  private errorSlot(path: string): HTMLElement {
    return h('div', { class: 'error-text', 'data-error-for': path, 'aria-live': 'polite', hidden: true });
  }

  private textfield(id: string, path: string, value: string, maxLength: number, onInput: (value: string) => void): Textfield {
    const field = h('vscode-textfield', { id, 'data-path': path, maxlength: maxLength, autocomplete: 'off' });
    field.value = value;
    field.addEventListener('input', () => {
      onInput(field.value);
      this.changed();
    });
    field.addEventListener('change', () => this.touched(path));
    return field;
  }

  private select(id: string, path: string, options: { value: string; label: string }[], value: string, onChange: (value: string) => void): SingleSelect {
    const select = h('vscode-single-select', { id, 'data-path': path },
      ...options.map((option) => h('vscode-option', { value: option.value, selected: option.value === value }, option.label)));
    select.addEventListener('change', () => {
      onChange(select.value);
      this.changed();
      this.touched(path);
    });
    return select;
  }

  // --- credential form -------------------------------------------------------------------------------------------

  private renderCredentialFields(): HTMLElement {
    const strings = this.strings;
    const state = this.state!;
    const addField = h('vscode-button', { id: 'addField', secondary: true, icon: 'add' }, strings.addField);
    addField.addEventListener('click', () => {
      if (state.rows.length >= maxFields) return;
      const row = addRow(state, this.init!.fieldTypes);
      this.rerenderRows();
      this.changed();
      void this.focusLater(`field-${row.rowKey}-key`);
    });
    const actions = h('div', { class: 'row-actions' }, addField);
    if (this.init!.offerHerokuImport) {
      const importToken = h('vscode-button', { id: 'importHerokuCli', secondary: true, icon: 'cloud-download', 'aria-describedby': 'importHerokuCliHint' },
        strings.importHerokuCli);
      importToken.addEventListener('click', () => this.host.post({ type: 'importHerokuCli', name: state.name }));
      actions.append(importToken, h('vscode-form-helper', { id: 'importHerokuCliHint', class: 'hint' }, strings.importHerokuCliHint));
    }
    return h('section', { class: 'credential-fields', 'aria-labelledby': 'fieldsHeading' },
      h('h2', { id: 'fieldsHeading' }, strings.fields),
      h('div', { id: 'fieldRows', class: 'field-rows' }, ...this.renderRows()),
      this.errorSlot('fields'),
      actions,
    );
  }

  private renderRows(): HTMLElement[] {
    const state = this.state!;
    if (state.rows.length === 0) return [h('p', { class: 'empty' }, this.strings.noFields)];
    return state.rows.map((row, index) => this.renderRow(row, index));
  }

  private rerenderRows(): void {
    this.root.querySelector('#fieldRows')?.replaceChildren(...this.renderRows());
    const addField = this.root.querySelector<Button>('#addField');
    if (addField) addField.disabled = this.state!.rows.length >= maxFields;
    this.refreshErrors();
  }

  private renderRow(row: RowState, index: number): HTMLElement {
    const strings = this.strings;
    const state = this.state!;
    const path = `fields.${index}`;
    const id = (part: string): string => `field-${row.rowKey}-${part}`;

    const key = h('vscode-textfield', { id: id('key'), class: 'field-key', 'data-path': `${path}.key`, maxlength: maxKeyLength, autocomplete: 'off' });
    key.value = row.key;
    key.addEventListener('input', () => {
      const wasSensitive = row.sensitive;
      const warned = plainTextWarning(row);
      setRowKey(row, key.value);
      if (row.sensitive !== wasSensitive) {
        const toggle = this.root.querySelector<Checkbox>(`#${id('sensitive')}`);
        if (toggle) toggle.checked = row.sensitive;
      }
      if (row.sensitive !== wasSensitive || plainTextWarning(row) !== warned) this.rerenderValue(row);
      this.changed();
    });
    key.addEventListener('change', () => this.touched(`${path}.key`));

    const type = h('vscode-single-select', { id: id('type'), class: 'field-type', 'data-path': `${path}.type` },
      ...this.init!.fieldTypes.map((fieldType) => h('vscode-option', { value: fieldType, selected: fieldType === row.type }, fieldType)));
    type.addEventListener('change', () => {
      setRowType(row, type.value);
      this.rerenderValue(row);
      this.changed();
      this.touched(`${path}.type`);
    });

    const sensitive = h('vscode-checkbox', { id: id('sensitive'), class: 'field-sensitive', toggle: true, label: strings.fieldSensitive, 'data-path': `${path}.sensitive` });
    sensitive.checked = row.sensitive;
    sensitive.addEventListener('change', () => {
      setRowSensitive(row, sensitive.checked);
      this.rerenderValue(row);
      this.changed();
      this.touched(`${path}.sensitive`);
    });

    const remove = h('vscode-toolbar-button', { id: id('remove'), class: 'remove-field', icon: 'trash', label: format(strings.removeField, index + 1) });
    remove.addEventListener('click', () => {
      const at = removeRow(state, row.rowKey);
      this.serverErrors = undefined; // its paths no longer match the rows
      this.rerenderRows();
      this.changed();
      const next = state.rows[Math.min(at, state.rows.length - 1)];
      void this.focusLater(next ? `field-${next.rowKey}-key` : 'addField');
    });

    return h('div', { class: 'field-row', 'data-field-row': true, 'data-row-key': row.rowKey, role: 'group', 'aria-label': format(strings.fieldRow, index + 1) },
      h('div', { class: 'cell cell-key' }, h('vscode-label', { for: id('key') }, strings.fieldKey), key),
      h('div', { class: 'cell cell-type' }, h('vscode-label', { for: id('type') }, strings.fieldType), type),
      h('div', { class: 'cell cell-sensitive' }, sensitive),
      this.renderValueCell(row, index),
      h('div', { class: 'cell cell-remove' }, remove),
      h('div', { class: 'row-errors' },
        this.errorSlot(path),
        this.errorSlot(`${path}.key`),
        this.errorSlot(`${path}.type`),
        this.errorSlot(`${path}.sensitive`),
        this.errorSlot(`${path}.value`),
      ),
    );
  }

  private rerenderValue(row: RowState): void {
    const index = this.state!.rows.indexOf(row);
    const cell = this.root.querySelector(`#field-${row.rowKey}-valueCell`);
    if (index < 0 || !cell) return;
    cell.replaceWith(this.renderValueCell(row, index));
    this.refreshErrors();
  }

  private renderValueCell(row: RowState, index: number): HTMLElement {
    const strings = this.strings;
    const path = `fields.${index}.value`;
    const valueId = `field-${row.rowKey}-value`;
    const cell = h('div', { class: 'cell cell-value', id: `field-${row.rowKey}-valueCell` });
    const warningKind = plainTextWarning(row);
    const warning = warningKind && h('div', { id: `field-${row.rowKey}-plainText`, class: 'plain-text-warning', role: 'note' },
      warningKind === 'stored' ? strings.storedPlainTextWarning : strings.plainTextWarning);

    if (showsStoredValue(row)) {
      const storedId = `field-${row.rowKey}-stored`;
      const replace = h('vscode-button', { id: `field-${row.rowKey}-replace`, class: 'replace-value', secondary: true, 'data-path': path, 'aria-describedby': storedId },
        strings.replaceValue);
      replace.addEventListener('click', () => {
        startReplacing(row);
        this.rerenderValue(row);
        this.changed();
        void this.focusLater(valueId);
      });
      cell.append(
        h('vscode-label', { for: replace.id }, strings.fieldValue),
        h('div', { class: 'value-line' },
          h('span', { id: storedId, class: 'stored-value' }, h('vscode-icon', { name: 'lock' }), strings.valueStored),
          replace),
      );
      if (warning) cell.append(warning);
      return cell;
    }

    let control: Textfield | Textarea | SingleSelect;
    if (row.type === 'Boolean') {
      control = h('vscode-single-select', { id: valueId, class: 'field-value', 'data-path': path },
        ...booleanValues.map((value) => h('vscode-option', { value, selected: value === row.value }, value)));
      const select = control;
      select.addEventListener('change', () => {
        row.value = select.value;
        this.changed();
        this.touched(path);
      });
    } else if (row.type === 'Multiline') {
      const textarea = h('vscode-textarea', { id: valueId, class: 'field-value', 'data-path': path, rows: 4, resize: 'vertical', maxlength: maxValueLength, autocomplete: 'off' });
      textarea.spellcheck = false;
      textarea.monospace = true;
      textarea.value = row.value;
      textarea.classList.toggle('masked', masksValue(row));
      textarea.addEventListener('input', () => { row.value = textarea.value; this.changed(); });
      textarea.addEventListener('change', () => this.touched(path));
      control = textarea;
    } else {
      const textfield = h('vscode-textfield', { id: valueId, class: 'field-value', 'data-path': path, maxlength: maxValueLength, autocomplete: 'off' });
      textfield.type = masksValue(row) ? 'password' : 'text';
      textfield.value = row.value;
      textfield.addEventListener('input', () => { row.value = textfield.value; this.changed(); });
      textfield.addEventListener('change', () => this.touched(path));
      control = textfield;
    }

    const line = h('div', { class: 'value-line' }, control);
    if (row.sensitive && row.type !== 'Boolean') line.append(this.revealButton(row, control as Textfield | Textarea));
    if (warning) control.setAttribute('aria-describedby', warning.id);
    if (row.hasStoredValue) {
      const keep = h('vscode-toolbar-button', { id: `field-${row.rowKey}-keep`, class: 'keep-value', icon: 'discard', label: strings.keepValue });
      keep.addEventListener('click', () => {
        keepStoredValue(row);
        this.rerenderValue(row);
        this.changed();
        void this.focusLater(`field-${row.rowKey}-replace`);
      });
      line.append(keep);
    }
    cell.append(h('vscode-label', { for: valueId }, strings.fieldValue), line);
    if (warning) cell.append(warning);
    return cell;
  }

  /** The eye button: a switch named "Show value", on while the value is shown in clear text. */
  private revealButton(row: RowState, control: Textfield | Textarea): ToolbarButton {
    const reveal = h('vscode-toolbar-button', {
      id: `field-${row.rowKey}-reveal`, class: 'reveal-value', toggleable: true, icon: row.revealed ? 'eye-closed' : 'eye', label: this.strings.showValue,
    });
    reveal.checked = row.revealed;
    reveal.addEventListener('change', () => {
      row.revealed = reveal.checked;
      reveal.icon = row.revealed ? 'eye-closed' : 'eye';
      if (control.tagName === 'VSCODE-TEXTAREA') control.classList.toggle('masked', masksValue(row));
      else (control as Textfield).type = masksValue(row) ? 'password' : 'text';
      this.persist();
    });
    return reveal;
  }

  // --- scope form ------------------------------------------------------------------------------------------------

  private renderCredentialChoice(): HTMLElement {
    const init = this.init!;
    const state = this.state!;
    const strings = this.strings;
    if (init.credentials.length === 0) {
      const add = h('vscode-button', { id: 'addCredential', secondary: true, icon: 'add', 'aria-describedby': 'noCredentials' }, strings.addCredential);
      add.addEventListener('click', () => this.host.post({ type: 'addCredential' }));
      return h('div', { class: 'field' },
        h('vscode-label', { for: 'addCredential' }, strings.credential),
        h('p', { id: 'noCredentials', class: 'empty' }, strings.noCredentials),
        h('div', { class: 'row-actions' }, add),
        this.errorSlot('credentialId'),
      );
    }
    const select = this.select('credential', 'credentialId', init.credentials.map((credential) => ({ value: credential.id, label: credential.name })),
      state.credentialId, (value) => { state.credentialId = value; });
    return this.field('credential', strings.credential, select, 'credentialId');
  }

  // -------------------------------------------------------------------------------------------------------------
  // Errors

  private localErrors(values: FormValues): FieldError[] {
    const init = this.init!;
    const context: FormValidationContext = { siblings: init.validation.siblingNames, credentialIds: init.validation.credentialIds };
    if (init.mode === 'edit' && init.values.kind === 'credential') {
      context.currentFields = init.values.fields.filter((field) => field.id !== undefined).map((field) => ({
        id: field.id!,
        sensitive: field.sensitive,
        ...(field.value !== undefined ? { value: field.value } : {}),
      }));
    }
    return validateFormValues(values, context);
  }

  private refreshErrors(): void {
    const state = this.state;
    if (!state || !this.init) return;
    const values = toFormValues(state);
    const remote = this.serverErrors?.snapshot === this.snapshot() ? this.serverErrors.errors : [];
    const shown = visibleErrors(state, mergeErrors(this.localErrors(values), remote));

    const slots = new Map<string, HTMLElement>();
    for (const slot of this.root.querySelectorAll<HTMLElement>('[data-error-for]')) slots.set(slot.dataset.errorFor!, slot);
    const texts = new Map<string, string[]>();
    for (const error of shown) {
      const slot = errorSlot(error.field, new Set(slots.keys()));
      texts.set(slot, [...texts.get(slot) ?? [], error.message]);
    }
    if (this.formMessage) texts.set('form', [this.formMessage, ...texts.get('form') ?? []]);
    else if (state.submitted && shown.length > 0 && !texts.has('form')) texts.set('form', [this.strings.invalidForm]);
    for (const [path, slot] of slots) {
      const text = (texts.get(path) ?? []).join(' ');
      if (slot.textContent !== text) slot.textContent = text;
      slot.hidden = text === '';
    }

    const invalid = new Set(shown.map((error) => error.field));
    for (const control of this.root.querySelectorAll<HTMLElement & { invalid?: boolean }>('[data-path]')) {
      const isInvalid = invalid.has(control.dataset.path!);
      if ('invalid' in control) control.invalid = isInvalid;
      control.toggleAttribute('aria-invalid', isInvalid);
    }
  }

  private focusFirstError(): void {
    const state = this.state;
    if (!state) return;
    const shown = visibleErrors(state, mergeErrors(this.localErrors(toFormValues(state)),
      this.serverErrors?.snapshot === this.snapshot() ? this.serverErrors.errors : []));
    const controls = [...this.root.querySelectorAll<HTMLElement>('[data-path]')];
    const target = controls.find((control) => shown.some((error) => error.field === control.dataset.path || error.field === rowPathOf(control.dataset.path!)));
    if (target) target.focus();
    else if (shown.some((error) => error.field === 'fields')) this.root.querySelector<HTMLElement>('#addField')?.focus();
    else if (shown.some((error) => error.field === 'credentialId')) this.root.querySelector<HTMLElement>('#addCredential')?.focus();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Plumbing

  /** After every edit: save the state (hidden panels reload) and re-check. */
  private changed(): void {
    this.persist();
    this.refreshErrors();
  }

  /** The user left a field after changing it: show its errors from now on and ask the extension too. */
  private touched(path: string): void {
    if (!this.state) return;
    markTouched(this.state, path);
    this.persist();
    this.refreshSoon();
    this.scheduleLiveValidation();
  }

  /**
   * Shows errors now — unless a pointer is down. Pressing the mouse on "Create" blurs the field being edited, and an
   * error text appearing then would move the button away before the button is released: the click would be lost.
   */
  private refreshSoon(): void {
    if (this.pointerDown) this.refreshPending = true;
    else this.refreshErrors();
  }

  private pointerReleased(): void {
    this.pointerDown = false;
    if (!this.refreshPending) return;
    this.refreshPending = false;
    // After the click that belongs to this release has been dispatched.
    setTimeout(() => this.refreshErrors(), 0);
  }

  private scheduleLiveValidation(): void {
    if (this.validateTimer !== undefined) clearTimeout(this.validateTimer);
    this.validateTimer = setTimeout(() => {
      this.validateTimer = undefined;
      if (!this.state || this.busy) return;
      this.validateSeq += 1;
      this.validateSnapshot = this.snapshot();
      this.host.post({ type: 'validate', seq: this.validateSeq, values: withoutSensitiveValues(toFormValues(this.state)) });
    }, liveValidationDelay);
  }

  /** The values without secrets, as text: server errors hold only while it is unchanged. */
  private snapshot(): string {
    return this.state ? JSON.stringify(withoutSensitiveValues(toFormValues(this.state))) : '';
  }

  private persist(): void {
    if (this.state) this.host.saveState(this.state);
  }

  private updateBusy(status = ''): void {
    const submit = this.root.querySelector<Button>('#submit');
    if (submit) submit.disabled = this.busy;
    const statusElement = this.root.querySelector('#status');
    if (statusElement) statusElement.textContent = status;
    this.root.querySelector('.form')?.setAttribute('aria-busy', String(this.busy));
  }

  /** Waits until every rendered component has rendered its shadow DOM, so focus() reaches the inner control. */
  private async settle(): Promise<void> {
    const pending = [...this.root.querySelectorAll('*')]
      .map((element) => (element as Partial<{ updateComplete: Promise<boolean> }>).updateComplete)
      .filter((promise): promise is Promise<boolean> => promise instanceof Promise);
    await Promise.all(pending);
  }

  private async focusLater(id: string): Promise<void> {
    await this.settle();
    document.getElementById(id)?.focus();
  }

  private focusFirst(): void {
    const first = this.root.querySelector<HTMLElement>('#name');
    first?.focus();
  }
}

/** `fields.2.key` → `fields.2`: a row-level error focuses the row's first control. */
function rowPathOf(path: string): string {
  const match = /^(fields\.\d+)\.key$/.exec(path);
  return match ? match[1]! : '';
}
