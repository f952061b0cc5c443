// Builders for the form's labelled controls and error slots. Ids, `data-path` (the model's field path, which the
// error display marks invalid) and `data-error-for` (where an error's text goes) are the UI tests' contract.
import { h } from './dom.js';

type Textfield = HTMLElementTagNameMap['vscode-textfield'];
type SingleSelect = HTMLElementTagNameMap['vscode-single-select'];

/** What a control reports: every edit, and the user leaving a control after changing it (`touched`). */
export interface ControlEvents {
  changed(): void;
  touched(path: string): void;
}

export function errorSlot(path: string): HTMLElement {
  return h('div', { class: 'error-text', 'data-error-for': path, 'aria-live': 'polite', hidden: true });
}

export function labelledField(id: string, label: string, control: HTMLElement, errorPath: string, ...extra: HTMLElement[]): HTMLElement {
  return h('div', { class: 'field' },
    h('vscode-label', { for: id }, label),
    control,
    ...extra,
    errorSlot(errorPath),
  );
}

export function textfield(events: ControlEvents, id: string, path: string, value: string, maxLength: number, onInput: (value: string) => void): Textfield {
  const field = h('vscode-textfield', { id, 'data-path': path, maxlength: maxLength, autocomplete: 'off' });
  field.value = value;
  field.addEventListener('input', () => {
    onInput(field.value);
    events.changed();
  });
  field.addEventListener('change', () => events.touched(path));
  return field;
}

export function select(
  events: ControlEvents,
  id: string,
  path: string,
  options: { value: string; label: string }[],
  value: string,
  onChange: (value: string) => void,
): SingleSelect {
  const control = h('vscode-single-select', { id, 'data-path': path },
    ...options.map((option) => h('vscode-option', { value: option.value, selected: option.value === value }, option.label)));
  control.addEventListener('change', () => {
    onChange(control.value);
    events.changed();
    events.touched(path);
  });
  return control;
}
