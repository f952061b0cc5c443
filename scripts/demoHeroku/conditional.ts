// Heroku's "Caching": every answer carries an ETag, and a GET whose If-None-Match names the current one gets 304 Not
// Modified with no body. The ETag is a digest of the body, so an unchanged page keeps its ETag whichever request made it.
import { createHash } from 'node:crypto';

export function etagOf(body: readonly Buffer[]): string {
  const hash = createHash('sha1');
  for (const chunk of body) hash.update(chunk);
  return `"${hash.digest('base64url')}"`;
}

/** If-None-Match's list (`"a", W/"b"`, or `*`) against the current ETag, compared weakly as RFC 9110 asks for GET. */
export function noneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return [header].flat().join(',').split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** Page ETags of one sorted list, by the items a page spans: a 1,000-app page is hashed once, not on every request. */
export class EtagMemo {
  private readonly etags = new Map<string, string>();

  get(span: string, body: readonly Buffer[]): string {
    let etag = this.etags.get(span);
    if (etag === undefined) {
      // Any Range a client sends makes a span: keep the memo bounded.
      if (this.etags.size >= 1000) this.etags.clear();
      etag = etagOf(body);
      this.etags.set(span, etag);
    }
    return etag;
  }
}
