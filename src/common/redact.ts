// Pure redaction used by every log line and every message shown to the user: known secret values are replaced,
// and token-shaped text is masked even when it was never registered (an upstream error may echo a header).
const tokenPatterns: readonly RegExp[] = [
  /(authorization\s*[:=]\s*)(?:bearer|basic)?\s*[^\s"',;]+/gi,
  /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\bHRKU-[A-Za-z0-9_-]{8,}/g,
];

export const redactedMarker = '«redacted»';

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Values shorter than 4 characters would mask ordinary words, so they are not tracked. */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) {
      if (result.includes(secret)) result = result.split(secret).join(redactedMarker);
    }
    for (const pattern of tokenPatterns) {
      result = result.replace(pattern, (_match, prefix: string) =>
        /^(bearer|basic)$/i.test(prefix) ? `${prefix} ${redactedMarker}` : `${prefix}${redactedMarker}`);
    }
    return result;
  }
}
