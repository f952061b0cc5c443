// Credential field rules that do not depend on zod: value-against-type checks and the "sensitive?" suggestion.
import { fieldTypes, maxValueLength } from './constants';

export type FieldType = (typeof fieldTypes)[number];

const numberPattern = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * Checks a value against its field type. Returns a message, or undefined when the value fits. The message never
 * contains the value (it may be a secret).
 */
export function checkFieldValue(type: FieldType, value: string): string | undefined {
  if (value.length > maxValueLength) return `The value is too long (at most ${maxValueLength.toLocaleString('en-US')} characters).`;
  switch (type) {
    case 'String':
      return /[\r\n]/.test(value) ? 'A String value must be a single line. Use the type Multiline for several lines.' : undefined;
    case 'Number': {
      const trimmed = value.trim();
      return numberPattern.test(trimmed) && Number.isFinite(Number(trimmed)) ? undefined : 'Enter a number, for example 42 or 3.5.';
    }
    case 'Boolean':
      return value === 'true' || value === 'false' ? undefined : 'Enter true or false.';
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
