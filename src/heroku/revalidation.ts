// Pages of a listing remembered for revalidation. Heroku sends an ETag with every response, and answers the same GET
// with `If-None-Match: <that ETag>` by 304 Not Modified and no body while the resource is unchanged (the Platform API
// reference, "Caching"; Heroku's heroku-client cached pages the same way). Listing an unchanged account again (a
// second ticket, the app pick after a ticket) then costs one round trip per page: no body to download, parse or check.
//
// In memory only, never on disk, and only list pages (no secrets: config var values never reach one). An entry answers
// only the same API origin, token (held as its SHA-256), path and Range, so a page fetched with one token is never shown
// for another. Bounded by items; the least recently used go first.
import { createHash } from 'node:crypto';

export interface RememberedPage {
  etag: string;
  status: number;
  nextRange: string | null;
  /** The validated page, frozen: every listing that reuses it shares it. */
  items: readonly unknown[];
}

export class PageMemory {
  private readonly pages = new Map<string, RememberedPage>();
  private itemsHeld = 0;

  /** `maxItems`: items in all pages together (default 10 pages of 1,000 apps, a few MB of heap). */
  constructor(private readonly maxItems = 10_000) {}

  /** What identifies one page request for one token; the token itself is not in it. */
  static key(origin: string, token: string, path: string, range: string | undefined): string {
    const tokenDigest = createHash('sha256').update(token).digest('base64');
    return JSON.stringify([origin, tokenDigest, path, range ?? null]);
  }

  recall(key: string): RememberedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  /**
   * Keeps a validated page for the next request of `key` when the response allows it: an ETag, and no
   * `Cache-Control: no-store`. A response without them forgets what was kept.
   */
  remember(key: string, etag: string | null, cacheControl: string | null, page: Omit<RememberedPage, 'etag'>): void {
    this.forget(key);
    if (!etag || /(?:^|,)\s*no-store\s*(?:,|$)/i.test(cacheControl ?? '') || page.items.length > this.maxItems) return;
    for (const item of page.items) Object.freeze(item);
    this.pages.set(key, { ...page, etag, items: Object.freeze(page.items) });
    this.itemsHeld += page.items.length;
    for (const [oldest, { items }] of this.pages) {
      if (this.itemsHeld <= this.maxItems) break;
      this.pages.delete(oldest);
      this.itemsHeld -= items.length;
    }
  }

  private forget(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.itemsHeld -= page.items.length;
  }
}
