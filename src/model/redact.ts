// The one redactor of Provider Desk: every log line, every error message, every text shown in a notification, a
// webview, a chat answer or a language model tool result goes through `redactSecrets` (or a `Redactor`, which keeps
// the secrets it was given). It lives in model/ because store/ and common/ may import model/; heroku/ imports
// nothing of ours, so the Heroku client receives `redactSecrets` as an option (see HerokuClientOptions.redact).
// Pure: no `vscode`, no Node built-ins (TextEncoder and btoa exist in Node and browsers alike).
//
// A known secret is found, after trimming it, as:
//   - the literal text (case-insensitively when it is made of hex digits, like a UUID: hex is the same value in
//     either case);
//   - URL-encoded, in any mix of encoded and plain characters, upper- or lower-case escapes, `+` for a space;
//   - JSON-escaped (`\"`, `\\`, `\u…`);
//   - hex of its UTF-8 bytes, either case;
//   - base64 and base64url of any text that contains it, such as Basic auth's `login:token`: the secret's bytes
//     may start at any of three byte offsets in a 3-byte group, so each offset has its own run of characters that
//     depend on the secret alone; when one is found, the whole base64 run around it is redacted.
// Short secrets: the literal, URL-encoded and JSON forms are matched at any length, even one character. A one-letter
// secret therefore blanks out that letter everywhere it appears; an unreadable message is better than a leaked
// secret. The hex and base64 forms need 4 characters or more: a shorter secret has no base64 characters of its own.
// Text that looks like a credential is masked even when no secret was registered: the value after `Bearer` or
// `Basic` (8+ characters with a digit), after `Authorization:` / `authorization=`, and after `HRKU-`.

export const redactedMarker = '«redacted»';

const minEncodedLength = 4;

interface Span {
  start: number;
  end: number;
}

const base64Alphabet = /[A-Za-z0-9+/=_-]/;
const hexSecret = /^[0-9a-f]+(?:-[0-9a-f]+)*$/i;

const credentialPatterns: readonly RegExp[] = [
  // Group 1 is kept, group 2 is redacted.
  // A credential, not a word: a digit, a symbol of base64 / token alphabets, or a capital after a small letter.
  // Case matters in the value, so the scheme's spellings are listed instead of the `i` flag.
  /(\b(?:[Bb]earer|BEARER|[Bb]asic|BASIC)\s+)((?=[A-Za-z0-9._~+/=-]*?(?:\d|[+/=_~]|[a-z][A-Za-z0-9._~+/=-]*[A-Z]))[A-Za-z0-9._~+/=-]{8,})/g,
  /(\bauthorization\s*[:=]\s*(?:(?:bearer|basic)\s+)?)([^\s"',;)]+)/gi,
  /(\bHRKU-)([A-Za-z0-9_-]{4,})/g,
];

/** `text` with every registered secret, in every form above, and every credential-shaped value replaced. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  const spans: Span[] = [];
  for (const raw of secrets) {
    const secret = raw?.trim();
    if (!secret) continue;
    const ignoreCase = hexSecret.test(secret);
    findLiteral(text, secret, ignoreCase, spans);
    for (let escaped = jsonEscape(secret), depth = 0; escaped !== secret && depth < 2; escaped = jsonEscape(escaped), depth++) {
      findLiteral(text, escaped, false, spans);
    }
    findPercentEncoded(text, secret, ignoreCase, false, spans);
    if (text.includes('+')) findPercentEncoded(text, secret, ignoreCase, true, spans);
    if (secret.length >= minEncodedLength) {
      findLiteral(text, hexOf(utf8(secret)), true, spans);
      findBase64(text, secret, spans);
    }
  }
  for (const pattern of credentialPatterns) {
    for (const match of text.matchAll(pattern)) {
      const start = (match.index ?? 0) + match[1]!.length;
      spans.push({ start, end: start + match[2]!.length });
    }
  }
  return replaceSpans(text, spans);
}

/** Keeps the secrets it was given and redacts them (and credential-shaped text) from any text. */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    const trimmed = secret?.trim();
    if (trimmed) this.secrets.add(trimmed);
  }

  redact(text: string): string {
    return redactSecrets(text, this.secrets);
  }
}

function findLiteral(text: string, form: string, ignoreCase: boolean, spans: Span[]): void {
  if (ignoreCase) {
    // Only hex forms are matched ignoring case; a RegExp keeps the offsets of the original text.
    for (const match of text.matchAll(new RegExp(form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'))) {
      spans.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
    }
    return;
  }
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) spans.push({ start: at, end: at + form.length });
}

/** Decodes every `%XX` (and `+` as a space, in form encoding) with a map back to the text, and looks for the
 * secret's bytes. */
function findPercentEncoded(text: string, secret: string, ignoreCase: boolean, plusIsSpace: boolean, spans: Span[]): void {
  if (!/%[0-9a-f]{2}/i.test(text) && !(plusIsSpace && secret.includes(' '))) return;
  const bytes: number[] = [];
  const origins: number[] = [];
  const ends: number[] = [];
  for (let index = 0; index < text.length;) {
    if (text[index] === '%' && /^%[0-9a-f]{2}$/i.test(text.slice(index, index + 3))) {
      bytes.push(Number.parseInt(text.slice(index + 1, index + 3), 16));
      origins.push(index);
      ends.push(index + 3);
      index += 3;
      continue;
    }
    const codePoint = text.codePointAt(index)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const char = plusIsSpace && text[index] === '+' ? ' ' : String.fromCodePoint(codePoint);
    for (const byte of utf8(char)) {
      bytes.push(byte);
      origins.push(index);
      ends.push(index + width);
    }
    index += width;
  }
  const needle = utf8(ignoreCase ? secret.toLowerCase() : secret);
  const haystack = ignoreCase ? bytes.map((byte) => (byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte)) : bytes;
  for (let at = 0; at + needle.length <= haystack.length; at++) {
    let matches = true;
    for (let offset = 0; offset < needle.length && matches; offset++) matches = haystack[at + offset] === needle[offset];
    if (matches) spans.push({ start: origins[at]!, end: ends[at + needle.length - 1]! });
  }
}

/** The base64 (and base64url) characters that depend on the secret alone, for each of the three byte offsets. */
function base64Cores(secret: string): string[] {
  const secretBytes = utf8(secret);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + secretBytes.length);
    padded.set(secretBytes, offset);
    const encoded = base64Of(padded);
    const first = Math.ceil((8 * offset) / 6);
    const last = Math.floor((8 * (offset + secretBytes.length)) / 6);
    const core = encoded.slice(first, last);
    if (core.length >= minEncodedLength) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...new Set(cores)];
}

function findBase64(text: string, secret: string, spans: Span[]): void {
  for (const core of base64Cores(secret)) {
    for (let at = text.indexOf(core); at >= 0; at = text.indexOf(core, at + 1)) {
      let start = at;
      let end = at + core.length;
      while (start > 0 && base64Alphabet.test(text[start - 1]!)) start--;
      while (end < text.length && base64Alphabet.test(text[end]!)) end++;
      spans.push({ start, end });
    }
  }
}

function replaceSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  let result = '';
  let position = 0;
  for (const span of spans) {
    if (span.end <= position) continue;
    if (span.start >= position) {
      result += text.slice(position, span.start) + redactedMarker;
    }
    position = span.end;
  }
  return result + text.slice(position);
}

function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
