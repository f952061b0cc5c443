// The credential form's field rows: key, type, Sensitive toggle, value (or "Value stored" with Replace) and remove,
// plus the Add Field and Import from Heroku CLI buttons. The rows' state lives in FormState (formModel.ts); this
// renders it and turns the user's edits into changes of it.
import { maxFieldsPerCredential, maxKeyLength, maxValueLength } from '../model/constants.js';
import { fillPlaceholders } from '../model/problems.js';
import type { InitMessage, WebviewMessage } from '../shared/protocol.js';
import { errorSlot, type ControlEvents } from './controls.js';
import { h } from './dom.js';
import {
  addRow,
  booleanValues,
  keepStoredValue,
  masksValue,
  plainTextWarning,
  removeRow,
  setRowKey,
  setRowSensitive,
  setRowType,
  showsStoredValue,
  startReplacing,
  type FormState,
  type RowState,
} from './formModel.js';

type Textfield = HTMLElementTagNameMap['vscode-textfield'];
type Textarea = HTMLElementTagNameMap['vscode-textarea'];
type SingleSelect = HTMLElementTagNameMap['vscode-single-select'];
type Checkbox = HTMLElementTagNameMap['vscode-checkbox'];
type ToolbarButton = HTMLElementTagNameMap['vscode-toolbar-button'];
type Button = HTMLElementTagNameMap['vscode-button'];

/** The form around the rows (FormView). */
export interface RowsForm extends ControlEvents {
  readonly root: HTMLElement;
  init(): InitMessage;
  state(): FormState;
  refreshErrors(): void;
  /** Rows were removed: errors the extension reported no longer match the rows' paths. */
  rowsMoved(): void;
  focusLater(id: string): Promise<void>;
  persist(): void;
  post(message: WebviewMessage): void;
}

export class CredentialRows {
  constructor(private readonly form: RowsForm) {}

  /** The "Credential Fields" section: the rows, their error slot and the Add Field / Import buttons. */
  render(): HTMLElement {
    const strings = this.form.init().strings;
    const state = this.form.state();
    const addField = h('vscode-button', { id: 'addField', secondary: true, icon: 'add' }, strings.addField);
    addField.addEventListener('click', () => {
      if (state.rows.length >= maxFieldsPerCredential) return;
      const row = addRow(state, this.form.init().fieldTypes);
      this.rerenderRows();
      this.form.changed();
      void this.form.focusLater(`field-${row.rowKey}-key`);
    });
    const actions = h('div', { class: 'row-actions' }, addField);
    if (this.form.init().offerHerokuImport) {
      const importToken = h('vscode-button', { id: 'importHerokuCli', secondary: true, icon: 'cloud-download', 'aria-describedby': 'importHerokuCliHint' },
        strings.importHerokuCli);
      importToken.addEventListener('click', () => this.form.post({ type: 'importHerokuCli', name: state.name }));
      actions.append(importToken, h('vscode-form-helper', { id: 'importHerokuCliHint', class: 'hint' }, strings.importHerokuCliHint));
    }
    return h('section', { class: 'credential-fields', 'aria-labelledby': 'fieldsHeading' },
      h('h2', { id: 'fieldsHeading' }, strings.fields),
      h('div', { id: 'fieldRows', class: 'field-rows' }, ...this.renderRows()),
      errorSlot('fields'),
      actions,
    );
  }

  private renderRows(): HTMLElement[] {
    const state = this.form.state();
    if (state.rows.length === 0) return [h('p', { class: 'empty' }, this.form.init().strings.noFields)];
    return state.rows.map((row, index) => this.renderRow(row, index));
  }

  private rerenderRows(): void {
    this.form.root.querySelector('#fieldRows')?.replaceChildren(...this.renderRows());
    const addField = this.form.root.querySelector<Button>('#addField');
    if (addField) addField.disabled = this.form.state().rows.length >= maxFieldsPerCredential;
    this.form.refreshErrors();
  }

  private renderRow(row: RowState, index: number): HTMLElement {
    const strings = this.form.init().strings;
    const state = this.form.state();
    const path = `fields.${index}`;
    const id = (part: string): string => `field-${row.rowKey}-${part}`;

    const key = h('vscode-textfield', { id: id('key'), class: 'field-key', 'data-path': `${path}.key`, maxlength: maxKeyLength, autocomplete: 'off' });
    key.value = row.key;
    key.addEventListener('input', () => {
      const wasSensitive = row.sensitive;
      const warned = plainTextWarning(row);
      setRowKey(row, key.value);
      if (row.sensitive !== wasSensitive) {
        const toggle = this.form.root.querySelector<Checkbox>(`#${id('sensitive')}`);
        if (toggle) toggle.checked = row.sensitive;
      }
      if (row.sensitive !== wasSensitive || plainTextWarning(row) !== warned) this.rerenderValue(row);
      this.form.changed();
    });
    key.addEventListener('change', () => this.form.touched(`${path}.key`));

    const type = h('vscode-single-select', { id: id('type'), class: 'field-type', 'data-path': `${path}.type` },
      ...this.form.init().fieldTypes.map((fieldType) => h('vscode-option', { value: fieldType, selected: fieldType === row.type }, fieldType)));
    type.addEventListener('change', () => {
      setRowType(row, type.value);
      this.rerenderValue(row);
      this.form.changed();
      this.form.touched(`${path}.type`);
    });

    const sensitive = h('vscode-checkbox', { id: id('sensitive'), class: 'field-sensitive', toggle: true, label: strings.fieldSensitive, 'data-path': `${path}.sensitive` });
    sensitive.checked = row.sensitive;
    sensitive.addEventListener('change', () => {
      setRowSensitive(row, sensitive.checked);
      this.rerenderValue(row);
      this.form.changed();
      this.form.touched(`${path}.sensitive`);
    });

    const remove = h('vscode-toolbar-button', { id: id('remove'), class: 'remove-field', icon: 'trash', label: fillPlaceholders(strings.removeField, index + 1) });
    remove.addEventListener('click', () => {
      const at = removeRow(state, row.rowKey);
      this.form.rowsMoved();
      this.rerenderRows();
      this.form.changed();
      const next = state.rows[Math.min(at, state.rows.length - 1)];
      void this.form.focusLater(next ? `field-${next.rowKey}-key` : 'addField');
    });

    return h('div', { class: 'field-row', 'data-field-row': true, 'data-row-key': row.rowKey, role: 'group', 'aria-label': fillPlaceholders(strings.fieldRow, index + 1) },
      h('div', { class: 'cell cell-key' }, h('vscode-label', { for: id('key') }, strings.fieldKey), key),
      h('div', { class: 'cell cell-type' }, h('vscode-label', { for: id('type') }, strings.fieldType), type),
      h('div', { class: 'cell cell-sensitive' }, sensitive),
      this.renderValueCell(row, index),
      h('div', { class: 'cell cell-remove' }, remove),
      h('div', { class: 'row-errors' },
        errorSlot(path),
        errorSlot(`${path}.key`),
        errorSlot(`${path}.type`),
        errorSlot(`${path}.sensitive`),
        errorSlot(`${path}.value`),
      ),
    );
  }

  private rerenderValue(row: RowState): void {
    const index = this.form.state().rows.indexOf(row);
    const cell = this.form.root.querySelector(`#field-${row.rowKey}-valueCell`);
    if (index < 0 || !cell) return;
    cell.replaceWith(this.renderValueCell(row, index));
    this.form.refreshErrors();
  }

  private renderValueCell(row: RowState, index: number): HTMLElement {
    const strings = this.form.init().strings;
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
        this.form.changed();
        void this.form.focusLater(valueId);
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
        this.form.changed();
        this.form.touched(path);
      });
    } else if (row.type === 'Multiline') {
      const textarea = h('vscode-textarea', { id: valueId, class: 'field-value', 'data-path': path, rows: 4, resize: 'vertical', maxlength: maxValueLength, autocomplete: 'off' });
      textarea.spellcheck = false;
      textarea.monospace = true;
      textarea.value = row.value;
      textarea.classList.toggle('masked', masksValue(row));
      textarea.addEventListener('input', () => { row.value = textarea.value; this.form.changed(); });
      textarea.addEventListener('change', () => this.form.touched(path));
      control = textarea;
    } else {
      const textfield = h('vscode-textfield', { id: valueId, class: 'field-value', 'data-path': path, maxlength: maxValueLength, autocomplete: 'off' });
      textfield.type = masksValue(row) ? 'password' : 'text';
      textfield.value = row.value;
      textfield.addEventListener('input', () => { row.value = textfield.value; this.form.changed(); });
      textfield.addEventListener('change', () => this.form.touched(path));
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
        this.form.changed();
        void this.form.focusLater(`field-${row.rowKey}-replace`);
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
      id: `field-${row.rowKey}-reveal`, class: 'reveal-value', toggleable: true, icon: row.revealed ? 'eye-closed' : 'eye', label: this.form.init().strings.showValue,
    });
    reveal.checked = row.revealed;
    reveal.addEventListener('change', () => {
      row.revealed = reveal.checked;
      reveal.icon = row.revealed ? 'eye-closed' : 'eye';
      if (control.tagName === 'VSCODE-TEXTAREA') control.classList.toggle('masked', masksValue(row));
      else (control as Textfield).type = masksValue(row) ? 'password' : 'text';
      this.form.persist();
    });
    return reveal;
  }
}
