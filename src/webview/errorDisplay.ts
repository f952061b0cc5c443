// Puts the errors to show into the form: each problem's text (formatted with the templates the extension sent, so
// in the user's language) into its `data-error-for` slot, `invalid`/`aria-invalid` on the controls whose
// `data-path` has an error, and finds the control the first error belongs to.
import { formatProblem, type ProblemTemplates } from '../model/problems.js';
import type { FieldError } from '../shared/protocol.js';
import { errorSlot } from './formModel.js';

export interface FormLevelText {
  /** A problem that belongs to no single field (from the extension): shown above the form, before the rest. */
  message?: string;
  /** Shown above the form when fields have errors and nothing else is there (after a submit attempt). */
  fallback?: string;
}

export function showErrors(root: HTMLElement, shown: readonly FieldError[], templates: ProblemTemplates, formLevel: FormLevelText): void {
  const slots = new Map<string, HTMLElement>();
  for (const slot of root.querySelectorAll<HTMLElement>('[data-error-for]')) slots.set(slot.dataset.errorFor!, slot);
  const texts = new Map<string, string[]>();
  for (const error of shown) {
    const slot = errorSlot(error.field, new Set(slots.keys()));
    texts.set(slot, [...texts.get(slot) ?? [], formatProblem(error, templates)]);
  }
  if (formLevel.message) texts.set('form', [formLevel.message, ...texts.get('form') ?? []]);
  else if (formLevel.fallback && shown.length > 0 && !texts.has('form')) texts.set('form', [formLevel.fallback]);
  for (const [path, slot] of slots) {
    const text = (texts.get(path) ?? []).join(' ');
    if (slot.textContent !== text) slot.textContent = text;
    slot.hidden = text === '';
  }

  const invalid = new Set(shown.map((error) => error.field));
  for (const control of root.querySelectorAll<HTMLElement & { invalid?: boolean }>('[data-path]')) {
    const isInvalid = invalid.has(control.dataset.path!);
    if ('invalid' in control) control.invalid = isInvalid;
    control.toggleAttribute('aria-invalid', isInvalid);
  }
}

/** The control to focus for the first error: its own, a row's first control, Add Field or Add Credential. */
export function firstErrorControl(root: HTMLElement, shown: readonly FieldError[]): HTMLElement | undefined {
  const controls = [...root.querySelectorAll<HTMLElement>('[data-path]')];
  const target = controls.find((control) => shown.some((error) => error.field === control.dataset.path || error.field === rowPathOf(control.dataset.path!)));
  if (target) return target;
  if (shown.some((error) => error.field === 'fields')) return root.querySelector<HTMLElement>('#addField') ?? undefined;
  if (shown.some((error) => error.field === 'credentialId')) return root.querySelector<HTMLElement>('#addCredential') ?? undefined;
  return undefined;
}

/** `fields.2.key` → `fields.2`: a row-level error focuses the row's first control. */
function rowPathOf(path: string): string {
  const match = /^(fields\.\d+)\.key$/.exec(path);
  return match ? match[1]! : '';
}
