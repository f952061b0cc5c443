// Lists through Heroku's Range pagination (`Range: name ..; max=1000`, then each `Next-Range` while 206), starting
// the next page as soon as the current page's headers arrive, before its body is read and validated.
//
// A listing is bounded whatever the server sends: a cap on items, bytes and pages, an overall deadline, and a
// Next-Range must move forward. It must start strictly after the last item received (`name ]app-00200..` after
// app-00200), keep the field and the ascending order, and not be a range requested before in any spelling (other
// spacing, another max). Whatever ends a listing aborts its requests, the prefetched page included.
import type { z } from 'zod';
import type { HerokuApiError } from './errors';
import { herokuMessages as m } from './messages';
import type { Requester, ResponseHead } from './request';
import type { ByteBudget } from './transport';

export interface ListLimits {
  /** Items in the whole listing (default 100,000; Heroku accounts have at most a few thousand apps). */
  maxItems: number;
  /** Bytes of all page bodies together (default 256 MiB; 1,000 apps are about 1.5 MB). */
  maxBytes: number;
  /** Pages (default 5,000). */
  maxPages: number;
  /** The whole listing, retries included (default 10 minutes). */
  deadlineMs: number;
}

export const defaultListLimits: Readonly<ListLimits> = { maxItems: 100_000, maxBytes: 256 * 1024 * 1024, maxPages: 5_000, deadlineMs: 10 * 60_000 };

export interface ListProgress {
  /** Pages received so far, this one included. */
  pages: number;
  /** Items received so far, this page included. */
  total: number;
}

export interface ListOptions<T> {
  signal?: AbortSignal;
  /** Called once per page, in order, with that page's items. */
  onPage?: (items: readonly T[], progress: ListProgress) => void;
}

export interface Listing<T> {
  path: string;
  /** The field the list is sorted and paged by (`name`, `id`). */
  field: string;
  /** As in Exchange: the page's schema when it is needed, and a check without zod first. */
  schema: () => z.ZodType<T[]>;
  quick?: (json: unknown) => T[] | undefined;
  /** The item's value of `field`. */
  keyOf: (item: T) => string;
  pageSize: number;
  notFound?: () => HerokuApiError;
}

interface PageRange {
  field: string;
  start: string | undefined;
  startExclusive: boolean;
  end: string | undefined;
  endExclusive: boolean;
  descending: boolean;
}

/** `<field> [[|]]<start>..[<end>[[|]]][; max=<n>[, order=asc|desc]]`, the syntax of Heroku's Range headers. */
export function parseRange(header: string): PageRange | undefined {
  if (header.length > 1024 || !/^[\x20-\x7e]+$/.test(header)) return undefined;
  const match = /^\s*([A-Za-z_][\w.]*)\s+([^;]*?)\s*(?:;\s*(.*))?$/.exec(header);
  const dots = match?.[2]!.indexOf('..') ?? -1;
  if (!match || dots < 0) return undefined;
  const [, field, bounds, params = ''] = match;
  let start = bounds!.slice(0, dots).trim();
  let end = bounds!.slice(dots + 2).trim();
  const startExclusive = start.startsWith(']');
  if (startExclusive || start.startsWith('[')) start = start.slice(1);
  const endExclusive = end.endsWith('[');
  if (endExclusive || end.endsWith(']')) end = end.slice(0, -1);
  if (/\s/.test(start + end)) return undefined;
  let descending = false;
  for (const part of params.split(/[;,]/).map((item) => item.trim()).filter(Boolean)) {
    const [key, value] = part.split('=').map((item) => item.trim());
    if (key === 'order' && (value === 'asc' || value === 'desc')) descending = value === 'desc';
    else if (key !== 'max' || !/^\d+$/.test(value ?? '')) return undefined;
  }
  return { field: field!, start: start || undefined, startExclusive, end: end || undefined, endExclusive, descending };
}

/** The same range however it is spelled: spacing and `max` do not make it another one. */
function rangeKey(range: PageRange): string {
  return JSON.stringify([range.field, range.start ?? null, range.startExclusive, range.end ?? null, range.endExclusive, range.descending]);
}

/** True when `next` starts strictly after `lastKey`, the last item received so far (none yet: any bounded start). */
function movesForward(next: PageRange, field: string, lastKey: string | undefined): boolean {
  if (next.field !== field || next.descending || next.start === undefined) return false;
  if (lastKey === undefined) return true;
  return next.start > lastKey || (next.start === lastKey && next.startExclusive);
}

/** Every page of a listing, in order, within the limits. */
export async function listAll<T>(requester: Requester, listing: Listing<T>, options: ListOptions<T>, limits: ListLimits): Promise<T[]> {
  const { host } = requester;
  const caller = options.signal;
  if (caller?.aborted) throw requester.cancelled();
  // One controller for every page request of this listing: aborting it (caller cancelled, a page failed, a limit
  // was hit) also stops the prefetched next page.
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  caller?.addEventListener('abort', onAbort, { once: true });
  let deadlinePassed = false;
  const deadline = setTimeout(() => {
    deadlinePassed = true;
    controller.abort();
  }, limits.deadlineMs);
  const tooLarge = (message: string): HerokuApiError => requester.error(message, { kind: 'listing_too_large' });
  const budget: ByteBudget = { left: limits.maxBytes, exceeded: () => tooLarge(m.listingTooManyBytes(host, Math.round(limits.maxBytes / 1024 / 1024 * 10) / 10)) };
  const notForward = (range: string, lastKey: string | undefined, status: number): HerokuApiError =>
    requester.error(m.paginationBackwards(host, range.slice(0, 120), lastKey ?? ''), { kind: 'bad_response', status });

  const start = (range: string): { head: Promise<ResponseHead>; items: Promise<T[]> } => {
    let resolveHead!: (head: ResponseHead) => void;
    let rejectHead!: (error: unknown) => void;
    const head = new Promise<ResponseHead>((resolve, reject) => {
      resolveHead = resolve;
      rejectHead = reject;
    });
    const items = requester.exchange({
      path: listing.path, range, signal: controller.signal, onHead: resolveHead, schema: listing.schema, quick: listing.quick, notFound: listing.notFound, budget, revalidate: true,
    });
    items.catch(rejectHead);
    // A prefetched page may be abandoned (an earlier page failed, or the caller cancelled): never unhandled.
    head.catch(() => undefined);
    items.catch(() => undefined);
    return { head, items };
  };

  const results: T[] = [];
  const requested = new Set<string>();
  let lastKey: string | undefined;
  try {
    const first = `${listing.field} ..; max=${listing.pageSize}`;
    requested.add(rangeKey(parseRange(first)!));
    let page = start(first);
    for (let pages = 1; ; pages++) {
      const head = await page.head;
      let next: { page: typeof page; range: string; parsed: PageRange } | undefined;
      if (head.status === 206 && head.nextRange) {
        const range = head.nextRange;
        const parsed = parseRange(range);
        if (!parsed) throw requester.error(m.paginationUnreadable(host, range.slice(0, 120)), { kind: 'bad_response', status: head.status });
        if (requested.has(rangeKey(parsed))) throw requester.error(m.paginationLoop(host), { kind: 'bad_response', status: head.status });
        if (!movesForward(parsed, listing.field, lastKey)) throw notForward(range, lastKey, head.status);
        if (pages >= limits.maxPages) throw tooLarge(m.listingTooManyPages(host, limits.maxPages));
        requested.add(rangeKey(parsed));
        next = { page: start(range), range, parsed };
      }
      const items = await page.items;
      if (results.length + items.length > limits.maxItems) throw tooLarge(m.listingTooManyItems(host, limits.maxItems));
      for (const item of items) results.push(item);
      if (items.length > 0) lastKey = listing.keyOf(items[items.length - 1]!);
      // The headers only showed that the next range is new; now that this page's items are in, it must start after them.
      if (next && !movesForward(next.parsed, listing.field, lastKey)) throw notForward(next.range, lastKey, head.status);
      options.onPage?.(items, { pages, total: results.length });
      if (caller?.aborted) throw requester.cancelled();
      if (!next) return results;
      page = next.page;
    }
  } catch (error) {
    controller.abort();
    if (caller?.aborted) throw requester.cancelled();
    if (deadlinePassed) throw requester.error(m.listingDeadline(host, Math.round(limits.deadlineMs / 100) / 10), { kind: 'listing_deadline' });
    throw error;
  } finally {
    clearTimeout(deadline);
    caller?.removeEventListener('abort', onAbort);
  }
}
