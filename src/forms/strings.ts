// No `vscode` import (the form definitions run in unit tests): texts go through `@vscode/l10n`, which the extension
// configures with its loaded bundle on activation (see heroku/messages.ts).
import * as l10n from '@vscode/l10n';
import { problemTemplates } from '../model/problemTexts';
import type { FormKind, FormMode, FormStrings } from '../shared/protocol';

/** Every text the form webview shows, localised on the extension side: the field error texts too. */
export function formStrings(kind: FormKind, mode: FormMode): FormStrings {
  return {
    name: l10n.t('Name'),
    type: l10n.t('Type'),
    accountId: l10n.t('Account ID'),
    accountIdHint: l10n.t('The API host of the account, e.g. api.heroku.com for Heroku.'),
    credential: l10n.t('Credential'),
    noCredentials: l10n.t('This provider has no credentials yet. A scope needs one.'),
    addCredential: l10n.t('Add Credential'),
    importHerokuCli: l10n.t('Import from Heroku CLI'),
    importHerokuCliHint: l10n.t('Reads the token of `heroku login` (~/.netrc) or HEROKU_API_KEY, checks it with Heroku, and saves it as a sensitive apitoken field.'),
    plainTextWarning: l10n.t('This key looks like a secret. With Sensitive off, its value is stored unencrypted and shown in this form.'),
    storedPlainTextWarning: l10n.t('With Sensitive off, the stored secret is saved unencrypted and shown in this form. Saving asks you to confirm.'),
    fields: l10n.t('Credential Fields'),
    fieldKey: l10n.t('Key'),
    fieldType: l10n.t('Type'),
    fieldSensitive: l10n.t('Sensitive'),
    fieldValue: l10n.t('Value'),
    fieldRow: l10n.t('Field {0}'),
    addField: l10n.t('Add Field'),
    removeField: l10n.t('Remove field {0}'),
    valueStored: l10n.t('Value stored'),
    replaceValue: l10n.t('Replace'),
    keepValue: l10n.t('Keep stored value'),
    showValue: l10n.t('Show value'),
    noFields: l10n.t('No fields yet: add one with "Add Field".'),
    submit: submitLabel(kind, mode),
    cancel: l10n.t('Cancel'),
    saving: l10n.t('Saving…'),
    saved: l10n.t('Saved.'),
    invalidForm: l10n.t('Fix the highlighted fields, then try again.'),
    problems: problemTemplates(),
  };
}

export function submitLabel(kind: FormKind, mode: FormMode): string {
  if (mode === 'edit') return l10n.t('Save');
  return kind === 'provider' ? l10n.t('Create Provider') : l10n.t('Create');
}

/** Panel titles; UI tests find the webview by these. */
export function formTitle(kind: FormKind, mode: FormMode, subject: string): string {
  switch (kind) {
    case 'provider': return mode === 'create' ? l10n.t('Add Provider') : l10n.t('Edit Provider: {0}', subject);
    case 'credential': return mode === 'create' ? l10n.t('Add Credential: {0}', subject) : l10n.t('Edit Credential: {0}', subject);
    case 'scope': return mode === 'create' ? l10n.t('Add Scope: {0}', subject) : l10n.t('Edit Scope: {0}', subject);
  }
}

/** The information notification after a successful submit. */
export function savedNotification(kind: FormKind, mode: FormMode, name: string): string {
  switch (kind) {
    case 'provider': return mode === 'create' ? l10n.t('Provider "{0}" created.', name) : l10n.t('Provider "{0}" saved.', name);
    case 'credential': return mode === 'create' ? l10n.t('Credential "{0}" created.', name) : l10n.t('Credential "{0}" saved.', name);
    case 'scope': return mode === 'create' ? l10n.t('Scope "{0}" created.', name) : l10n.t('Scope "{0}" saved.', name);
  }
}

/** The import button's hint when the provider is not Heroku's API: the token would go to `accountId`. */
export function foreignImportHint(accountId: string): string {
  return l10n.t('Reads the token of `heroku login` (~/.netrc) or HEROKU_API_KEY. {0} is not Heroku\'s API: you are asked before the token is sent there to check it.', accountId);
}

/** The modal before stored secrets become plain text (Sensitive turned off). */
export function plainTextConfirmation(credentialName: string, keys: readonly string[]): { message: string; detail: string; action: string } {
  return {
    message: l10n.t('Store {0} of credential "{1}" unencrypted?', keys.join(', '), credentialName),
    detail: l10n.t('With Sensitive off, the value leaves the system\'s secret storage: it is stored as plain text in VS Code\'s extension state, where anyone who can read your VS Code profile can read it, and this form shows it.'),
    action: l10n.t('Store Unencrypted'),
  };
}

/** Above the form when the user declined that modal. */
export function plainTextDeclined(keys: readonly string[]): string {
  return l10n.t('Not saved: {0} would be stored unencrypted. Turn Sensitive back on, or save again and confirm.', keys.join(', '));
}
