// Limits and enumerations shared by the schemas, the validators and the store. No `vscode`, no Node built-ins:
// the model may be bundled into a webview as well as the extension host.

/** Provider types offered in the form. Heroku is also recognised by its Account ID (see accountId.ts). */
export const providerTypes = ['Heroku', 'Other'] as const;

/** Credential field types. Every value is a string on disk (metadata) or in SecretStorage. */
export const fieldTypes = ['String', 'Number', 'Boolean', 'Multiline'] as const;

/** Names of providers, credentials and scopes: trimmed, 1..maxNameLength characters, unique within the parent. */
export const maxNameLength = 100;
/** Credential field keys: trimmed, 1..maxKeyLength characters of `[A-Za-z0-9_.-]`, unique within the credential. */
export const maxKeyLength = 64;
export const keyPattern = /^[A-Za-z0-9_.-]+$/;
/** C0 control characters and DEL: refused in names and Account IDs (line breaks included). */
// eslint-disable-next-line no-control-regex
export const controlCharacters = /[\u0000-\u001f\u007f]/;
/** Longest field value (a PEM key or a JSON service account fits easily); matches the webview protocol limit. */
export const maxValueLength = 64 * 1024;
/** Most fields in one credential; matches the webview protocol limit. */
export const maxFieldsPerCredential = 50;
/** Longest host name (RFC 1035 presentation form without the trailing dot). */
export const maxHostLength = 253;
/** Longest Account ID as typed, before any parsing. */
export const maxAccountIdLength = 2048;
/** The credential field that holds the Heroku API token (any case). */
export const tokenFieldKey = 'apitoken';
