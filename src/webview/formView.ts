// Renders a form (provider, credential or scope) with vscode-elements and keeps FormState in step with it; the
// credential rows are credentialRows.ts, the error display errorDisplay.ts, the control builders controls.ts.
// Every text goes through textContent/attributes (never innerHTML). Stable ids and classes are part of the UI tests'
// contract: #name #type #accountId #credential #addField #submit #cancel #addCredential #importHerokuCli, [data-field-row] rows with
// .field-key .field-type .field-sensitive .field-value .remove-field .replace-value .reveal-value .plain-text-warning, and error texts
// in [data-error-for="<field path>"] ("form" for the form-level message).
import { maxAccountIdLength, maxNameLength } from '../model/constants.js';
import type { FormValidationContext, validateFormValues } from '../shared/formValidation.js';
import type { ErrorsMessage, FieldError, FormStrings, FormValues, InitMessage, WebviewMessage } from '../shared/protocol.js';
import { labelledField, select, textfield, errorSlot, type ControlEvents } from './controls.js';
import { CredentialRows } from './credentialRows.js';
import { h } from './dom.js';
import { firstErrorControl, showErrors } from './errorDisplay.js';
import { markTouched, mergeErrors, restoreState, toFormValues, visibleErrors, withoutSensitiveValues, type FormState } from './formModel.js';

export interface FormViewHost {
  post(message: WebviewMessage): void;
  saveState(state: FormState): void;
}

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
  /** The form's own checks, once loaded (see validation.ts). */
  private validate?: typeof validateFormValues;
  /** A mouse button / touch is down: layout changes wait until it is released (see refreshSoon). */
  private pointerDown = false;
  private refreshPending = false;
  private readonly events: ControlEvents = { changed: () => this.changed(), touched: (path) => this.touched(path) };
  private readonly rows: CredentialRows;

  constructor(private readonly root: HTMLElement, private readonly host: FormViewHost) {
    this.rows = new CredentialRows({
      ...this.events,
      root,
      init: () => this.init!,
      state: () => this.state!,
      refreshErrors: () => this.refreshErrors(),
      rowsMoved: () => { this.serverErrors = undefined; },
      focusLater: (id) => this.focusLater(id),
      persist: () => this.persist(),
      post: (message) => host.post(message),
    });
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
    await this.loadValidation();
  }

  private async loadValidation(): Promise<void> {
    if (this.validate) return;
    this.validate = (await import('./validation.js')).validateFormValues;
    this.refreshErrors();
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
    const nameField = textfield(this.events, 'name', 'name', state.name, maxNameLength, (value) => { state.name = value; });
    const fields = [labelledField('name', strings.name, nameField, 'name')];

    if (init.kind === 'provider') {
      const typeSelect = select(this.events, 'type', 'type', init.providerTypes.map((type) => ({ value: type, label: type })), state.type,
        (value) => { state.type = value; });
      fields.push(labelledField('type', strings.type, typeSelect, 'type'));
      const accountId = textfield(this.events, 'accountId', 'accountId', state.accountId, maxAccountIdLength, (value) => { state.accountId = value; });
      accountId.setAttribute('placeholder', 'api.heroku.com');
      fields.push(labelledField('accountId', strings.accountId, accountId, 'accountId',
        h('vscode-form-helper', { id: 'accountIdHint', class: 'hint' }, strings.accountIdHint)));
    } else if (init.kind === 'credential') {
      fields.push(this.rows.render());
    } else {
      fields.push(this.renderCredentialChoice());
    }
    return fields;
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
        errorSlot('credentialId'),
      );
    }
    const credentialSelect = select(this.events, 'credential', 'credentialId',
      init.credentials.map((credential) => ({ value: credential.id, label: credential.name })), state.credentialId, (value) => { state.credentialId = value; });
    return labelledField('credential', strings.credential, credentialSelect, 'credentialId');
  }

  // -------------------------------------------------------------------------------------------------------------
  // Errors

  private localErrors(values: FormValues): FieldError[] {
    if (!this.validate) return [];
    const init = this.init!;
    const context: FormValidationContext = { siblings: init.validation.siblingNames, credentialIds: init.validation.credentialIds };
    if (init.mode === 'edit' && init.values.kind === 'credential') {
      context.currentFields = init.values.fields.filter((field) => field.id !== undefined).map((field) => ({
        id: field.id!,
        sensitive: field.sensitive,
        ...(field.value !== undefined ? { value: field.value } : {}),
      }));
    }
    return this.validate(values, context);
  }

  private shownErrors(): FieldError[] {
    const state = this.state!;
    const remote = this.serverErrors?.snapshot === this.snapshot() ? this.serverErrors.errors : [];
    return visibleErrors(state, mergeErrors(this.localErrors(toFormValues(state)), remote));
  }

  private refreshErrors(): void {
    if (!this.state || !this.init) return;
    showErrors(this.root, this.shownErrors(), this.strings.problems, {
      ...(this.formMessage ? { message: this.formMessage } : {}),
      ...(this.state.submitted ? { fallback: this.strings.invalidForm } : {}),
    });
  }

  private focusFirstError(): void {
    if (this.state) firstErrorControl(this.root, this.shownErrors())?.focus();
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

