// Credential field rules that do not depend on zod: value-against-type checks and the "sensitive?" suggestion.
import { fieldTypes, maxValueLength } from './constants';
import { problem, type Problem } from './problems';

export type FieldType = (typeof fieldTypes)[number];

const numberPattern = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * Checks a value against its field type. Returns the problem, or undefined when the value fits. The problem never
 * carries the value (it may be a secret).
 */
export function checkFieldValue(type: FieldType, value: string): Problem | undefined {
  if (value.length > maxValueLength) return problem('valueTooLong');
  switch (type) {
    case 'String':
      return /[\r\n]/.test(value) ? problem('stringMultiline') : undefined;
    case 'Number': {
      const trimmed = value.trim();
      return numberPattern.test(trimmed) && Number.isFinite(Number(trimmed)) ? undefined : problem('numberInvalid');
    }
    case 'Boolean':
      return value === 'true' || value === 'false' ? undefined : problem('booleanInvalid');
    case 'Multiline':
      return undefined;
  }
}

/** The form of a value as stored: Number values are trimmed; everything else is kept exactly as entered. */
export function normaliseFieldValue(type: FieldType, value: string): string {
  return type === 'Number' ? value.trim() : value;
}

const sensitiveWords = /(token|secret|passw|passwd|pwd|apikey|accesskey|privatekey|credential|cookie|session|bearer)/;

/**
 * Whether a key looks like it holds a secret (`apitoken`, `api_key`, `password`, `client-secret`, `key`, …), so the
 * form can switch Sensitive on by default. Case, `_`, `.` and `-` are ignored.
 */
export function suggestSensitive(key: string): boolean {
  const compact = key.trim().toLowerCase().replace(/[_.-]/g, '');
  if (compact === '') return false;
  return sensitiveWords.test(compact) || compact.endsWith('key') || /^(pat|pin|auth|otp|totp)$/.test(compact);
}
