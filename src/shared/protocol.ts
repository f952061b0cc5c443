// The one message protocol between the form webviews (src/webview) and the extension (src/forms). Both sides import
// these types; the extension additionally validates every inbound message with the zod schemas below, because a
// webview is untrusted input (a compromised or reloaded page can post anything).
//
// No `vscode` import and nothing DOM-specific: this module is bundled into both the extension and the webview.
import type { z } from 'zod';
import { maxFieldsPerCredential, maxValueLength } from '../model/constants';
import { lazySchema } from '../model/lazySchema';
import type { FieldError, ProblemTemplates } from '../model/problems';

export type { FieldError } from '../model/problems';

/**
 * Longest name, key, id or option value accepted from a webview. Deliberately looser than the model's rules (names
 * up to 100, keys up to 64 characters), so an over-long name reaches the validators and gets a message next to the
 * field, while anything absurd is refused at the door.
 */
export const maxShortText = 4_096;
/** Longest credential field value accepted from a webview: the model's limit (a PEM key or JSON fits easily). */
export const maxValueText = maxValueLength;
/** Most credential fields in one submission: the model's limit. */
export const maxFields = maxFieldsPerCredential;

export type FormKind = 'provider' | 'credential' | 'scope';
export type FormMode = 'create' | 'edit';

// ---------------------------------------------------------------------------------------------------------------
// Form values (what the webview submits)

const shortText = lazySchema((z) => z.string().max(maxShortText));

export const providerValuesSchema = lazySchema((z) => z.strictObject({
  kind: z.literal('provider'),
  name: shortText,
  type: shortText,
  accountId: shortText,
}));

export const credentialFieldValuesSchema = lazySchema((z) => z.strictObject({
  /** Present for a field that already exists in the store; absent for a new row. */
  id: shortText.optional(),
  key: shortText,
  type: shortText,
  sensitive: z.boolean(),
  /** Absent for a stored sensitive value the user did not replace: the store keeps the secret it has. */
  value: z.string().max(maxValueText).optional(),
}));

export const credentialValuesSchema = lazySchema((z) => z.strictObject({
  kind: z.literal('credential'),
  name: shortText,
  fields: z.array(credentialFieldValuesSchema).max(maxFields),
}));

export const scopeValuesSchema = lazySchema((z) => z.strictObject({
  kind: z.literal('scope'),
  name: shortText,
  /** Empty when no credential is selected (the validators report it). */
  credentialId: shortText,
}));

export const formValuesSchema = lazySchema((z) => z.discriminatedUnion('kind', [providerValuesSchema, credentialValuesSchema, scopeValuesSchema]));

export type ProviderValues = z.infer<typeof providerValuesSchema>;
export type CredentialFieldValues = z.infer<typeof credentialFieldValuesSchema>;
export type CredentialValues = z.infer<typeof credentialValuesSchema>;
export type ScopeValues = z.infer<typeof scopeValuesSchema>;
export type FormValues = z.infer<typeof formValuesSchema>;

// ---------------------------------------------------------------------------------------------------------------
// webview → extension

export const readyMessageSchema = lazySchema((z) => z.strictObject({ type: z.literal('ready') }));
export const cancelMessageSchema = lazySchema((z) => z.strictObject({ type: z.literal('cancel') }));
export const submitMessageSchema = lazySchema((z) => z.strictObject({ type: z.literal('submit'), values: formValuesSchema }));
/**
 * A live check while the user types (e.g. a name another window just took). The webview leaves sensitive values out:
 * they are not needed to check names and keys. `seq` comes back on the reply so stale replies can be dropped.
 */
export const validateMessageSchema = lazySchema((z) => z.strictObject({
  type: z.literal('validate'),
  seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  values: formValuesSchema,
}));
/** From the scope form when its provider has no credential yet: open the credential form. */
export const addCredentialMessageSchema = lazySchema((z) => z.strictObject({ type: z.literal('addCredential') }));

/**
 * From a new credential's form: import the Heroku CLI's token instead of pasting it, as a credential named `name`
 * (the form's Name; empty for the default name). The token is read, verified and stored by the extension.
 */
export const importHerokuCliMessageSchema = lazySchema((z) => z.strictObject({ type: z.literal('importHerokuCli'), name: shortText }));

export const webviewMessageSchema = lazySchema((z) => z.discriminatedUnion('type', [
  readyMessageSchema,
  cancelMessageSchema,
  submitMessageSchema,
  validateMessageSchema,
  addCredentialMessageSchema,
  importHerokuCliMessageSchema,
]));

export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type WebviewMessageType = WebviewMessage['type'];

// ---------------------------------------------------------------------------------------------------------------
// extension → webview (trusted direction: typed, not parsed)

/** A credential field as the form starts with it. A stored sensitive value is never sent: only `hasStoredValue`. */
export interface InitField {
  id?: string;
  key: string;
  type: string;
  sensitive: boolean;
  /** Only for non-sensitive fields. */
  value?: string;
  /** A sensitive field whose secret is in SecretStorage: the form shows "Value stored" and a Replace button. */
  hasStoredValue?: boolean;
}

export type InitValues =
  | ProviderValues
  | { kind: 'credential'; name: string; fields: InitField[] }
  | ScopeValues;

export interface CredentialOption {
  id: string;
  name: string;
}

/** What the local (webview) validation needs to give the same answers as the extension. */
export interface ValidationContext {
  /** Names the form's name must not repeat: other providers, or the provider's other credentials / scopes. */
  siblingNames: string[];
  /** Scope form: ids of the credentials it may use. */
  credentialIds: string[];
}

/** Every user-visible text of the form, localised by the extension (forms/strings.ts) so the webview needs no l10n. */
export interface FormStrings {
  name: string;
  type: string;
  accountId: string;
  accountIdHint: string;
  credential: string;
  noCredentials: string;
  addCredential: string;
  importHerokuCli: string;
  importHerokuCliHint: string;
  /** Next to a value whose key looks like a secret while Sensitive is off. */
  plainTextWarning: string;
  /** Next to a stored secret whose Sensitive toggle was turned off. */
  storedPlainTextWarning: string;
  fields: string;
  fieldKey: string;
  fieldType: string;
  fieldSensitive: string;
  fieldValue: string;
  fieldRow: string;
  addField: string;
  removeField: string;
  valueStored: string;
  replaceValue: string;
  keepValue: string;
  showValue: string;
  noFields: string;
  submit: string;
  cancel: string;
  saving: string;
  saved: string;
  invalidForm: string;
  /** The text of every field error code, in the user's language: the webview formats the model's problems with it. */
  problems: ProblemTemplates;
}

export interface InitMessage {
  type: 'init';
  /** Identifies the form's target (kind + object); webview state saved under another key is not restored. */
  formKey: string;
  kind: FormKind;
  mode: FormMode;
  title: string;
  values: InitValues;
  providerTypes: string[];
  fieldTypes: string[];
  /** Scope form: the provider's credentials (may be empty: the form then offers "Add Credential"). */
  credentials: CredentialOption[];
  /** New credential form: offer "Import from Heroku CLI". */
  offerHerokuImport: boolean;
  validation: ValidationContext;
  strings: FormStrings;
}

export interface ErrorsMessage {
  type: 'errors';
  errors: FieldError[];
  /** A problem that belongs to no single field (storage failed, the object was deleted meanwhile). */
  message?: string;
  /** Which request this answers: a `submit`, or the `validate` with this `seq`. */
  source: 'submit' | 'validate';
  seq?: number;
}

export interface SavedMessage {
  type: 'saved';
}

export type ExtensionMessage = InitMessage | ErrorsMessage | SavedMessage;

// ---------------------------------------------------------------------------------------------------------------
// Helpers

export type ParseResult = { ok: true; message: WebviewMessage } | { ok: false; kind: string; issues: string[] };

/**
 * Validates an inbound message. On failure returns only what is safe to log: the message kind (when it is a short
 * protocol kind) and each zod issue as `code@path` — never a value, since a message may carry a secret.
 */
export function parseWebviewMessage(raw: unknown): ParseResult {
  const result = webviewMessageSchema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  return {
    ok: false,
    kind: messageKindOf(raw),
    issues: result.error.issues.slice(0, 10).map((issue) => `${issue.code}@${issue.path.map(String).map(safePathSegment).join('.') || '(root)'}`),
  };
}

/**
 * Loads zod and builds the message schemas ahead of the first message: a form does it while its webview loads, so
 * the webview's `ready` is not what pays for it.
 */
export function prepareMessageSchemas(): void {
  webviewMessageSchema.safeParse({ type: 'ready' });
}

let knownMessageTypes: readonly string[] | undefined;

/**
 * The `type` of a message when it is one of the protocol's kinds; `unknown` otherwise — an unexpected kind is not
 * echoed, since it could be anything, a secret pasted into the wrong place included.
 */
export function messageKindOf(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null || !Object.prototype.hasOwnProperty.call(raw, 'type')) return 'unknown';
  const type = (raw as { type: unknown }).type;
  knownMessageTypes ??= webviewMessageSchema.options.map((option) => option.shape.type.value);
  return typeof type === 'string' && knownMessageTypes.includes(type) ? type : 'unknown';
}

/** Path segments are schema keys and array indexes; an unrecognised key (which a page chose) is not echoed. */
function safePathSegment(segment: string): string {
  return /^(\d{1,4}|[A-Za-z]{1,20})$/.test(segment) ? segment : '?';
}
