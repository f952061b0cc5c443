// The text of every problem code, through `@vscode/l10n` (no `vscode` import: the store and unit tests run in plain
// Node; the extension configures `@vscode/l10n` with its loaded bundle on activation, see heroku/messages.ts). The
// extension side uses problemText; the forms send problemTemplates() to the webview, which has no l10n of its own.
// Limits are filled in here: they are constants, not arguments of a problem.
import * as l10n from '@vscode/l10n';
import { fieldTypes, maxFieldsPerCredential, maxHostLength, maxKeyLength, maxNameLength, maxValueLength, providerTypes } from './constants';
import { formatProblem, type Problem, type ProblemTemplates } from './problems';

export function problemTemplates(): ProblemTemplates {
  return {
    invalidInput: l10n.t('This value is not valid.'),
    invalidId: l10n.t('Not a valid id.'),
    nameRequired: l10n.t('Enter a name.'),
    nameTooLong: l10n.t('A name can have at most {0} characters.', maxNameLength),
    nameControlCharacters: l10n.t('A name must not contain line breaks or control characters.'),
    providerTypeInvalid: l10n.t('Choose a provider type: {0} or {1}.', ...providerTypes),
    fieldTypeInvalid: l10n.t('Choose a field type: {0}.', fieldTypes.join(', ')),
    keyRequired: l10n.t('Enter a key.'),
    keyTooLong: l10n.t('A key can have at most {0} characters.', maxKeyLength),
    keyCharacters: l10n.t('A key can contain only letters, digits, "_", "." and "-".'),
    valueNotText: l10n.t('A value must be text.'),
    valueTooLong: l10n.t('The value is too long (at most {0} characters).', maxValueLength.toLocaleString('en-US')),
    valueRequired: l10n.t('Enter a value.'),
    sensitiveNotBoolean: l10n.t('Sensitive must be true or false.'),
    sensitiveNotOnOff: l10n.t('Sensitive must be on or off.'),
    sensitiveValueInMetadata: l10n.t('A sensitive value must not be kept in metadata.'),
    nonSensitiveValueRequired: l10n.t('A non-sensitive field needs a value.'),
    createdAtInvalid: l10n.t('Not a valid creation time.'),
    fieldsNotList: l10n.t('Fields must be a list.'),
    fieldsRequired: l10n.t('Add at least one field.'),
    tooManyFields: l10n.t('A credential can have at most {0} fields.', maxFieldsPerCredential),
    keyUsedTwice: l10n.t('The key "{0}" is used twice in this credential.'),
    fieldIdUsedTwice: l10n.t('Two fields have the same id.'),
    keyTaken: l10n.t('The key "{0}" is already used by field {1} of this credential.'),
    credentialRequired: l10n.t('Choose a credential for this scope.'),
    credentialMissing: l10n.t('Choose one of this provider\'s credentials; the selected credential does not exist (any more).'),
    providerNameTaken: l10n.t('A provider named "{0}" already exists.'),
    credentialNameTaken: l10n.t('This provider already has a credential named "{0}".'),
    scopeNameTaken: l10n.t('This provider already has a scope named "{0}".'),
    stringMultiline: l10n.t('A String value must be a single line. Use the type Multiline for several lines.'),
    numberInvalid: l10n.t('Enter a number, for example 42 or 3.5.'),
    booleanInvalid: l10n.t('Enter true or false.'),
    currentValueWrongType: l10n.t('The current value does not fit the type {0}. {1}'),
    storedValueWrongType: l10n.t('The stored value does not fit the type {0}. Enter a new value.'),
    storedValueMissing: l10n.t('The stored value is missing from secret storage. Enter a value.'),
    accountIdRequired: l10n.t('Enter an Account ID: a host name, for example api.heroku.com or https://api.heroku.com.'),
    accountIdTooLong: l10n.t('The Account ID is too long. Enter only the host name, for example api.heroku.com or https://api.heroku.com.'),
    accountIdSpaces: l10n.t('The Account ID must not contain spaces.'),
    accountIdControlCharacters: l10n.t('The Account ID must not contain control characters.'),
    accountIdNonAscii: l10n.t('The Account ID contains non-ASCII characters, such as a look-alike letter (a Cyrillic "а" instead of a Latin "a"). Type the host name in plain ASCII letters.'),
    accountIdScheme: l10n.t('Only https:// Account IDs are supported (http:// only for a loopback host such as localhost or 127.0.0.1).'),
    accountIdSchemeWithoutSlashes: l10n.t('Write the Account ID as a host name or as https://host, for example api.heroku.com or https://api.heroku.com.'),
    accountIdUserInfo: l10n.t('Remove the user name and password (user:pass@) from the Account ID. Tokens belong in a credential, not in the Account ID.'),
    accountIdPath: l10n.t('The Account ID must not contain a path. Enter only the host (and port), for example api.heroku.com or https://api.heroku.com.'),
    accountIdQuery: l10n.t('The Account ID must not contain a query (?…). Enter only the host (and port).'),
    accountIdFragment: l10n.t('The Account ID must not contain a fragment (#…). Enter only the host (and port).'),
    hostRequired: l10n.t('Enter a host name, for example api.heroku.com or https://api.heroku.com.'),
    ipv6Unclosed: l10n.t('The IPv6 address is missing its closing "]".'),
    ipv6TrailingText: l10n.t('Only a port (":" and a number) may follow an IPv6 address.'),
    ipv6NeedsBrackets: l10n.t('Write an IPv6 address in brackets, for example http://[::1]:8080.'),
    ipv6Invalid: l10n.t('The IPv6 address is not valid.'),
    portMissing: l10n.t('Enter a port number after ":", or remove the ":".'),
    portInvalid: l10n.t('The port must be a number from 1 to 65535.'),
    httpNotLoopback: l10n.t('Plain http:// is only allowed for a loopback host (localhost, 127.0.0.1, [::1]). Use https://.'),
    hostTooLong: l10n.t('The host name is too long (more than {0} characters).', maxHostLength),
    hostTrailingDot: l10n.t('The host name must not end with a dot.'),
    ipv4Invalid: l10n.t('The IPv4 address is not valid: use four numbers from 0 to 255, such as 127.0.0.1.'),
    hostEmptyLabel: l10n.t('The host name is not valid: it has an empty part between dots, for example api.heroku.com or https://api.heroku.com.'),
    hostPunycode: l10n.t('Internationalised (IDN, punycode "xn--") host names are not accepted, because they can imitate other hosts. Use the plain ASCII host name.'),
    hostLabelTooLong: l10n.t('The host name is not valid: each part between dots can have at most 63 characters.'),
    hostCharacters: l10n.t('The host name is not valid: use letters, digits, hyphens (not at the start or end of a part) and dots, for example api.heroku.com or https://api.heroku.com.'),
  };
}

/** A problem as text in the extension's language. */
export function problemText(subject: Problem): string {
  return formatProblem(subject, problemTemplates());
}
