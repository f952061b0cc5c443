// What the validators, the Account ID parser and the zod schemas report: a code with arguments, never an English
// sentence, so each side shows it in the user's language — the extension through problemTexts.ts (`@vscode/l10n`),
// the webview through the templates the extension sends with the form's strings. No `@vscode/l10n` here: the
// webview bundles this module. Arguments are names, keys, types and numbers, never a field value (it may be secret).
import type { z } from 'zod';

export const problemCodes = [
  'invalidInput',
  'invalidId',
  'nameRequired',
  'nameTooLong',
  'nameControlCharacters',
  'providerTypeInvalid',
  'fieldTypeInvalid',
  'keyRequired',
  'keyTooLong',
  'keyCharacters',
  'valueNotText',
  'valueTooLong',
  'valueRequired',
  'sensitiveNotBoolean',
  'sensitiveNotOnOff',
  'sensitiveValueInMetadata',
  'nonSensitiveValueRequired',
  'createdAtInvalid',
  'fieldsNotList',
  'fieldsRequired',
  'tooManyFields',
  'keyUsedTwice',
  'fieldIdUsedTwice',
  'keyTaken',
  'credentialRequired',
  'credentialMissing',
  'providerNameTaken',
  'credentialNameTaken',
  'scopeNameTaken',
  'stringMultiline',
  'numberInvalid',
  'booleanInvalid',
  'currentValueWrongType',
  'storedValueWrongType',
  'storedValueMissing',
  'accountIdRequired',
  'accountIdTooLong',
  'accountIdSpaces',
  'accountIdControlCharacters',
  'accountIdNonAscii',
  'accountIdScheme',
  'accountIdSchemeWithoutSlashes',
  'accountIdUserInfo',
  'accountIdPath',
  'accountIdQuery',
  'accountIdFragment',
  'hostRequired',
  'ipv6Unclosed',
  'ipv6TrailingText',
  'ipv6NeedsBrackets',
  'ipv6Invalid',
  'portMissing',
  'portInvalid',
  'httpNotLoopback',
  'hostTooLong',
  'hostTrailingDot',
  'ipv4Invalid',
  'hostEmptyLabel',
  'hostPunycode',
  'hostLabelTooLong',
  'hostCharacters',
] as const;

export type ProblemCode = (typeof problemCodes)[number];

/** A nested problem is the cause inside a wider one (`The current value does not fit the type {0}. {1}`). */
export type ProblemArgument = string | number | Problem;

export interface Problem {
  readonly code: ProblemCode;
  readonly args?: readonly ProblemArgument[];
}

/** A problem with one input, addressed by field path: `name`, `accountId`, `fields.2.key`, `credentialId`. */
export interface FieldError extends Problem {
  readonly field: string;
}

/** One text per code, with `{0}`-style placeholders for the arguments. */
export type ProblemTemplates = Readonly<Record<ProblemCode, string>>;

export function problem(code: ProblemCode, ...args: ProblemArgument[]): Problem {
  return args.length === 0 ? { code } : { code, args };
}

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && (problemCodes as readonly string[]).includes(value);
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; args?: unknown };
  return isProblemCode(candidate.code) && (candidate.args === undefined
    || (Array.isArray(candidate.args) && candidate.args.every((arg) => typeof arg === 'string' || typeof arg === 'number' || isProblem(arg))));
}

/**
 * The problem a zod issue stands for. The schemas name a code as their error (`{ error: 'nameRequired' }`) or attach
 * one with arguments to a custom issue (`params.problem`); zod's own issues (a number where an object belongs) are
 * `invalidInput`.
 */
export function problemOfIssue(issue: z.core.$ZodIssue | undefined): Problem {
  if (issue?.code === 'custom' && isProblem(issue.params?.problem)) return issue.params.problem;
  return { code: isProblemCode(issue?.message) ? issue.message : 'invalidInput' };
}

/** The text of a problem: its template with `{0}`, `{1}`… replaced by the arguments, nested problems formatted too. */
export function formatProblem(subject: Problem, templates: ProblemTemplates): string {
  return fillPlaceholders(templates[subject.code], ...(subject.args ?? []).map((arg) => (typeof arg === 'object' ? formatProblem(arg, templates) : arg)));
}

/** `{0}`-style placeholders, as in vscode.l10n.t; a placeholder without an argument stays as it is. */
export function fillPlaceholders(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));
}
