// Heroku's Range pagination over sorted, pre-serialised collections.
import { EtagMemo } from './conditional';
import type { NextRangeSkew } from './types';

const maxPageSize = 1000;
const defaultPageSize = 200;

/** A list sorted by one field: its keys, and every element's JSON joined by commas into one buffer, so that an
 * ascending page is a zero-copy slice (`starts[i]` is where element i begins; element i ends at `starts[i + 1] - 1`). */
interface SortedList {
  readonly keys: readonly string[];
  readonly compare: (a: string, b: string) => number;
  readonly joined: Buffer;
  readonly starts: Uint32Array;
  readonly etags: EtagMemo;
}

export interface Collection {
  readonly fields: ReadonlyMap<string, SortedList>;
  readonly defaultField: string;
}

export interface CollectionOptions {
  /** Fields whose values are numbers (a release's `version`): ordered and compared as numbers, not as text. */
  numeric?: readonly string[];
  /** The field a request without Range is sorted by (default `id`, else the first field). */
  defaultField?: string;
}

export function collection(items: readonly { key: Record<string, string>; json: string }[], fields: readonly string[], options: CollectionOptions = {}): Collection {
  const map = new Map<string, SortedList>();
  for (const field of fields) {
    const compare = options.numeric?.includes(field) ? compareNumbers : compareText;
    const sorted = [...items].sort((a, b) => compare(a.key[field], b.key[field]));
    const starts = new Uint32Array(sorted.length + 1);
    let offset = 0;
    sorted.forEach((item, index) => {
      starts[index] = offset;
      offset += Buffer.byteLength(item.json) + 1;
    });
    starts[sorted.length] = offset;
    map.set(field, { keys: sorted.map((item) => item.key[field]), compare, joined: Buffer.from(sorted.map((item) => item.json).join(',')), starts, etags: new EtagMemo() });
  }
  return { fields: map, defaultField: options.defaultField ?? (fields.includes('id') ? 'id' : fields[0]) };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumbers(a: string, b: string): number {
  return Number(a) - Number(b);
}

interface ParsedRange {
  field: string;
  start: string | undefined;
  startExclusive: boolean;
  end: string | undefined;
  endExclusive: boolean;
  max: number;
  desc: boolean;
}

/** `<field> [[|]]<start>]..[<end>[[|]]][; max=<n>[, order=asc|desc]]`; undefined when it is not one. */
export function parseRange(header: string): ParsedRange | undefined {
  const match = /^\s*([A-Za-z_][\w.]*)\s+([^;]*?)\s*(?:;\s*(.*))?$/.exec(header);
  if (!match) return undefined;
  const [, field, bounds, params = ''] = match;
  const dots = bounds.indexOf('..');
  if (dots < 0) return undefined;
  let start = bounds.slice(0, dots).trim();
  let end = bounds.slice(dots + 2).trim();
  let startExclusive = false;
  let endExclusive = false;
  if (start.startsWith(']')) { startExclusive = true; start = start.slice(1); } else if (start.startsWith('[')) start = start.slice(1);
  if (end.endsWith('[')) { endExclusive = true; end = end.slice(0, -1); } else if (end.endsWith(']')) end = end.slice(0, -1);
  if (/\s/.test(start) || /\s/.test(end)) return undefined;
  let max = defaultPageSize;
  let desc = false;
  for (const part of params.split(/[;,]/)) {
    const item = part.trim();
    if (!item) continue;
    const [key, value, extra] = item.split('=').map((s) => s.trim());
    if (extra !== undefined || value === undefined) return undefined;
    if (key === 'max') {
      if (!/^\d+$/.test(value)) return undefined;
      max = Number(value);
      if (max < 1 || max > maxPageSize) return undefined;
    } else if (key === 'order') {
      if (value !== 'asc' && value !== 'desc') return undefined;
      desc = value === 'desc';
    } else {
      return undefined;
    }
  }
  return { field, start: start || undefined, startExclusive, end: end || undefined, endExclusive, max, desc };
}

/** The first index whose key is not before `value` (`strict`: not before or equal to it). */
function bound(list: SortedList, value: string, strict: boolean): number {
  const { keys, compare } = list;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compare(keys[mid], value);
    if (order < 0 || (strict && order === 0)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

const lowerBound = (list: SortedList, value: string): number => bound(list, value, false);
const upperBound = (list: SortedList, value: string): number => bound(list, value, true);

export interface Page {
  status: number;
  /** The body, as chunks written in order. */
  body: Buffer[];
  headers: Record<string, string>;
  /** Set by paginate for a list page; other answers get theirs from their body (conditional.ts). */
  etag?: string;
}

const openBracket = Buffer.from('[');
const closeBracket = Buffer.from(']');
const comma = Buffer.from(',');

export function textOf(page: Page): string {
  return Buffer.concat(page.body).toString('utf8');
}

export function paginate(items: Collection, range: ParsedRange): Page {
  const list = items.fields.get(range.field)!;
  const { keys, joined, starts } = list;
  const element = (index: number): Buffer => joined.subarray(starts[index], starts[index + 1] - 1);
  const body: Buffer[] = [openBracket];
  let count = 0;
  let first: string | undefined;
  let last: string | undefined;
  let more: boolean;
  let span: string;
  if (!range.desc) {
    const index = range.start === undefined ? 0 : range.startExclusive ? upperBound(list, range.start) : lowerBound(list, range.start);
    const stop = range.end === undefined ? keys.length : range.endExclusive ? lowerBound(list, range.end) : upperBound(list, range.end);
    const until = Math.min(stop, index + range.max);
    span = `${index}..${until}`;
    if (index < until) {
      first = keys[index];
      last = keys[until - 1];
      count = until - index;
      body.push(joined.subarray(starts[index], starts[until] - 1));
    }
    more = until < stop;
  } else {
    let index = range.start === undefined ? keys.length - 1 : range.startExclusive ? lowerBound(list, range.start) - 1 : upperBound(list, range.start) - 1;
    const stop = range.end === undefined ? -1 : range.endExclusive ? upperBound(list, range.end) - 1 : lowerBound(list, range.end) - 1;
    const until = Math.max(stop, index - range.max);
    span = `${index}..${until} desc`;
    if (index > until) {
      first = keys[index];
      last = keys[until + 1];
    }
    for (; index > until; index--) {
      if (count++ > 0) body.push(comma);
      body.push(element(index));
    }
    more = until > stop;
  }
  const params = `max=${range.max}${range.desc ? ', order=desc' : ''}`;
  const headers: Record<string, string> = { 'Accept-Ranges': [...items.fields.keys()].join(', ') };
  if (first !== undefined) headers['Content-Range'] = `${range.field} ${first}..${last}; ${params}`;
  if (more) {
    const endPart = range.end === undefined ? '' : `${range.end}${range.endExclusive ? '[' : ''}`;
    headers['Next-Range'] = `${range.field} ]${last}..${endPart}; ${params}`;
  }
  body.push(closeBracket);
  const chunks = count ? body : [Buffer.from('[]')];
  return { status: more ? 206 : 200, body: chunks, headers, etag: list.etags.get(span, chunks) };
}

/** A Next-Range that does not move forward, from the request's Range and the page's Content-Range. */
export function skewedNextRange(skew: NextRangeSkew, requested: string | undefined, headers: Record<string, string>): string {
  const [, field = 'id', first = '', last = '', max = '200'] = /^(\S+) (.*?)\.\.(.*?); max=(\d+)/.exec(headers['Content-Range'] ?? '') ?? [];
  const range = requested ?? `${field} ..`;
  switch (skew) {
    case 'repeat': return range;
    case 'respaced': {
      const parsed = parseRange(range)!;
      const start = `${parsed.startExclusive ? ']' : ''}${parsed.start ?? ''}`;
      const end = `${parsed.end ?? ''}${parsed.endExclusive ? '[' : ''}`;
      return `${parsed.field}   ${start} .. ${end} ;max=${parsed.max === 1 ? 2 : parsed.max - 1}`;
    }
    case 'restart': return `${field} ..; max=${max}`;
    case 'backwards': return `${field} ${first}..; max=${max}`;
    case 'inclusiveLast': return `${field} ${last}..; max=${max}`;
    case 'otherField': return `${field === 'id' ? 'name' : 'id'} ]${last}..; max=${max}`;
    case 'descending': return `${field} ]${last}..; max=${max}, order=desc`;
    case 'garbage': return 'next page please';
  }
}
