import type { FormKind, FormMode, FormStrings } from '../shared/protocol';

/** `vscode.l10n.t` in the extension; a plain `{0}` formatter in unit tests. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** Every text the form webview shows, localised on the extension side. */
export function formStrings(t: Translate, kind: FormKind, mode: FormMode): FormStrings {
  return {
    name: t('Name'),
    type: t('Type'),
    accountId: t('Account ID'),
    accountIdHint: t('The API host of the account, e.g. api.heroku.com for Heroku.'),
    credential: t('Credential'),
    noCredentials: t('This provider has no credentials yet. A scope needs one.'),
    addCredential: t('Add Credential'),
    importHerokuCli: t('Import from Heroku CLI'),
    importHerokuCliHint: t('Reads the token of `heroku login` (~/.netrc) or HEROKU_API_KEY, checks it with Heroku, and saves it as a sensitive apitoken field.'),
    fields: t('Credential Fields'),
    fieldKey: t('Key'),
    fieldType: t('Type'),
    fieldSensitive: t('Sensitive'),
    fieldValue: t('Value'),
    fieldRow: t('Field {0}'),
    addField: t('Add Field'),
    removeField: t('Remove field {0}'),
    valueStored: t('Value stored'),
    replaceValue: t('Replace'),
    keepValue: t('Keep stored value'),
    showValue: t('Show value'),
    noFields: t('No fields yet: add one with "Add Field".'),
    submit: submitLabel(t, kind, mode),
    cancel: t('Cancel'),
    saving: t('Saving…'),
    saved: t('Saved.'),
    invalidForm: t('Fix the highlighted fields, then try again.'),
  };
}

export function submitLabel(t: Translate, kind: FormKind, mode: FormMode): string {
  if (mode === 'edit') return t('Save');
  return kind === 'provider' ? t('Create Provider') : t('Create');
}

/** Panel titles; UI tests find the webview by these. */
export function formTitle(t: Translate, kind: FormKind, mode: FormMode, subject: string): string {
  switch (kind) {
    case 'provider': return mode === 'create' ? t('Add Provider') : t('Edit Provider: {0}', subject);
    case 'credential': return mode === 'create' ? t('Add Credential: {0}', subject) : t('Edit Credential: {0}', subject);
    case 'scope': return mode === 'create' ? t('Add Scope: {0}', subject) : t('Edit Scope: {0}', subject);
  }
}

/** The information notification after a successful submit. */
export function savedNotification(t: Translate, kind: FormKind, mode: FormMode, name: string): string {
  switch (kind) {
    case 'provider': return mode === 'create' ? t('Provider "{0}" created.', name) : t('Provider "{0}" saved.', name);
    case 'credential': return mode === 'create' ? t('Credential "{0}" created.', name) : t('Credential "{0}" saved.', name);
    case 'scope': return mode === 'create' ? t('Scope "{0}" created.', name) : t('Scope "{0}" saved.', name);
  }
}
