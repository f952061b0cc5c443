// Renders tickets as plain text for the "Provider Desk" output channel. Pure (no `vscode`): the current time is passed
// in, so the output is deterministic in tests; texts go through `@vscode/l10n` (English unless the extension configured
// a bundle, see heroku/messages.ts).
//
//   Ticket #12 · scope "Production" · provider "Heroku" · 2025-11-27T19:34:00.000Z
//
//   NAME       REGION  STACK      LAST UPDATED (UTC)
//   app-00001  us      heroku-22  2025-11-24 10:00  3 days ago
//
//   1 app
//
// Built with arrays and one join, so 20,000 rows take a few milliseconds.
import * as l10n from '@vscode/l10n';
import { toSingleLine } from '../model/markdown';

/** What an app row needs; `HerokuApp` fits. */
export interface TicketAppRow {
  readonly name: string;
  readonly region?: string | null;
  readonly stack?: string | null;
  /** ISO 8601. */
  readonly updatedAt?: string | null;
}

/** What a dyno row needs; `HerokuDyno` fits. */
export interface TicketDynoRow {
  readonly name: string;
  readonly type: string;
  readonly size?: string | null;
  readonly state: string;
  readonly command?: string | null;
  /** ISO 8601. */
  readonly updatedAt?: string | null;
}

/** What the account ticket shows; `HerokuAccount` fits. */
export interface TicketAccount {
  readonly email: string;
  readonly name?: string | null;
  readonly twoFactorAuthentication?: boolean | null;
  readonly verified?: boolean | null;
  /** ISO 8601. */
  readonly lastLogin?: string | null;
  /** ISO 8601. */
  readonly createdAt?: string | null;
}

/** What every ticket's heading shows, and its error if it failed. */
export interface TicketHeading {
  readonly number: number;
  readonly scopeName: string;
  readonly providerName: string;
  /** When the ticket ran; shown as ISO 8601 UTC. */
  readonly startedAt: Date | string | number;
  /** The user-facing error text of a failed or cancelled ticket; the ticket's data is ignored when set. */
  readonly error?: string;
}

export interface TicketRenderInput extends TicketHeading {
  /** The listed apps. */
  readonly apps?: readonly TicketAppRow[];
}

export interface DynoTicketRenderInput extends TicketHeading {
  readonly app: string;
  readonly dynos?: readonly TicketDynoRow[];
}

export interface AccountTicketRenderInput extends TicketHeading {
  readonly account?: TicketAccount;
}


const missing = '—';
const gap = '  ';
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const utcIso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;

function toMillis(value: Date | string | number): number {
  return value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
}

/** `1500` → `1,500`. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatAppCount(count: number): string {
  return count === 1 ? l10n.t('1 app') : l10n.t('{0} apps', formatCount(count));
}

export function formatDynoCount(count: number): string {
  return count === 1 ? l10n.t('1 dyno') : l10n.t('{0} dynos', formatCount(count));
}

/** `YYYY-MM-DD HH:MM` in UTC; undefined for a missing or unparseable time. */
export function formatUtcMinute(value: Date | string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = toMillis(value);
  if (!Number.isFinite(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

type AgeUnit = 'future' | 'now' | 'minute' | 'hour' | 'day' | 'month' | 'year';

// Whole sentences per unit and number, not "{0} {1} ago": languages inflect the unit and order the words differently.
const ageTexts: Record<AgeUnit, (count: number) => string> = {
  future: () => l10n.t('in the future'),
  now: () => l10n.t('just now'),
  minute: (count) => count === 1 ? l10n.t('1 minute ago') : l10n.t('{0} minutes ago', count),
  hour: (count) => count === 1 ? l10n.t('1 hour ago') : l10n.t('{0} hours ago', count),
  day: (count) => count === 1 ? l10n.t('1 day ago') : l10n.t('{0} days ago', count),
  month: (count) => count === 1 ? l10n.t('1 month ago') : l10n.t('{0} months ago', count),
  year: (count) => count === 1 ? l10n.t('1 year ago') : l10n.t('{0} years ago', count),
};

function ageOf(elapsed: number): [AgeUnit, number] {
  if (elapsed < -minute) return ['future', 0];
  if (elapsed < minute) return ['now', 0];
  if (elapsed < hour) return ['minute', Math.floor(elapsed / minute)];
  if (elapsed < day) return ['hour', Math.floor(elapsed / hour)];
  const days = Math.floor(elapsed / day);
  if (days < 30) return ['day', days];
  if (days < 365) return ['month', Math.floor(days / 30)];
  return ['year', Math.floor(days / 365)];
}


/** `just now`, `5 minutes ago`, `3 days ago`, `2 years ago` (whole units, rounded down; a month is 30 days). */
export function formatAge(thenMs: number, nowMs: number): string {
  const [unit, count] = ageOf(nowMs - thenMs);
  return ageTexts[unit](count);
}

/**
 * `2025-11-24 10:00  3 days ago` for ISO times, `—` for missing ones. Few distinct ages occur among many rows, so each
 * age is translated once.
 */
class TimeFormatter {
  private readonly ages = new Map<string, string>();

  constructor(private readonly nowMs: number) {}

  format(iso: string | null | undefined): string {
    const ms = iso ? Date.parse(iso) : NaN;
    if (!Number.isFinite(ms)) return missing;
    // Heroku sends UTC (`…Z`): slice it rather than format a Date, 20,000 times.
    const minuteText = utcIso.test(iso!) ? `${iso!.slice(0, 10)} ${iso!.slice(11, 16)}` : formatUtcMinute(ms)!;
    const [unit, units] = ageOf(this.nowMs - ms);
    const key = `${unit}${units}`;
    let age = this.ages.get(key);
    if (age === undefined) this.ages.set(key, age = ageTexts[unit](units));
    return `${minuteText}${gap}${age}`;
  }
}

/** A header line (if any), then one line per row: each column padded to its widest cell but the last, two spaces apart. */
function alignedLines(cellsByColumn: readonly (readonly string[])[], headers?: readonly string[]): string[] {
  // A line break in a name from the API must not start a row of its own (nor break the chat answer's excerpt).
  const columns = cellsByColumn.map((cells) => cells.map(toSingleLine));
  const widths = columns.map((cells, column) => {
    let width = headers?.[column]?.length ?? 0;
    for (const cell of cells) if (cell.length > width) width = cell.length;
    return width;
  });
  const last = columns.length - 1;
  const line = (cell: (column: number) => string): string => {
    let text = '';
    for (let column = 0; column < last; column++) text += cell(column).padEnd(widths[column]!) + gap;
    return text + cell(last);
  };
  const lines = headers ? [line((column) => headers[column]!)] : [];
  const count = columns[0]?.length ?? 0;
  for (let row = 0; row < count; row++) lines.push(line((column) => columns[column]![row]!));
  return lines;
}

function heading(ticket: TicketHeading): string[] {
  const started = toMillis(ticket.startedAt);
  const startedText = Number.isFinite(started) ? new Date(started).toISOString() : String(ticket.startedAt);
  return [l10n.t('Ticket #{0} · scope "{1}" · provider "{2}" · {3}', ticket.number, toSingleLine(ticket.scopeName), toSingleLine(ticket.providerName), startedText), ''];
}

/** Heading, optional subject line, body; ends with a blank line so that consecutive tickets stay apart in the channel. */
function ticketText(ticket: TicketHeading, subject: string | undefined, body: () => string[]): string {
  const lines = heading(ticket);
  if (subject !== undefined) lines.push(subject, '');
  lines.push(...(ticket.error !== undefined ? [ticket.error] : body()), '', '');
  return lines.join('\n');
}

function byName(a: TicketAppRow, b: TicketAppRow): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The apps ticket: NAME, REGION, STACK, LAST UPDATED, sorted by name. */
export function renderTicket(ticket: TicketRenderInput, now: Date | number): string {
  return ticketText(ticket, undefined, () => {
    const apps = ticket.apps ?? [];
    if (apps.length === 0) return [l10n.t('This account has no apps.')];
    const sorted = [...apps].sort(byName);
    const time = new TimeFormatter(toMillis(now));
    const count = sorted.length;
    const names = new Array<string>(count);
    const regions = new Array<string>(count);
    const stacks = new Array<string>(count);
    const updated = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      const app = sorted[i]!;
      names[i] = app.name;
      regions[i] = app.region || missing;
      stacks[i] = app.stack || missing;
      updated[i] = time.format(app.updatedAt);
    }
    const headers = [l10n.t('NAME'), l10n.t('REGION'), l10n.t('STACK'), l10n.t('LAST UPDATED (UTC)')];
    return [...alignedLines([names, regions, stacks, updated], headers), '', formatAppCount(count)];
  });
}

// Made on first use, as the store's (src/store/indexes.ts): not while the extension loads.
let dynoOrder: Intl.Collator | undefined;

/** `web.2` before `web.10`: the order the dynos ticket and the #herokuDynos tool list dynos in. */
export function compareDynoNames(a: { readonly name: string }, b: { readonly name: string }): number {
  return (dynoOrder ??= new Intl.Collator('en', { numeric: true })).compare(a.name, b.name);
}

/** The dynos ticket: NAME, STATE, SIZE, TYPE, UPDATED, COMMAND (last, as it is the longest), `web.2` before `web.10`. */
export function renderDynoTicket(ticket: DynoTicketRenderInput, now: Date | number): string {
  return ticketText(ticket, l10n.t('Dynos of app "{0}"', ticket.app), () => {
    const dynos = [...ticket.dynos ?? []].sort(compareDynoNames);
    if (dynos.length === 0) return [l10n.t('App "{0}" has no dynos. Scale a process type up to start one.', ticket.app)];
    const time = new TimeFormatter(toMillis(now));
    const headers = [l10n.t('NAME'), l10n.t('STATE'), l10n.t('SIZE'), l10n.t('TYPE'), l10n.t('UPDATED (UTC)'), l10n.t('COMMAND')];
    const columns = [
      dynos.map((dyno) => dyno.name),
      dynos.map((dyno) => dyno.state),
      dynos.map((dyno) => dyno.size || missing),
      dynos.map((dyno) => dyno.type),
      dynos.map((dyno) => time.format(dyno.updatedAt)),
      dynos.map((dyno) => dyno.command || missing),
    ];
    return [...alignedLines(columns, headers), '', formatDynoCount(dynos.length)];
  });
}

/** The account ticket: one labelled line per fact. */
export function renderAccountTicket(ticket: AccountTicketRenderInput, now: Date | number): string {
  return ticketText(ticket, l10n.t('Heroku account'), () => {
    const account = ticket.account!;
    const time = new TimeFormatter(toMillis(now));
    const yesNo = (value: boolean | null | undefined, yes: string, no: string): string => (value === true ? yes : value === false ? no : missing);
    const facts: [string, string][] = [
      [l10n.t('EMAIL'), account.email],
      [l10n.t('NAME'), account.name || missing],
      [l10n.t('TWO-FACTOR AUTHENTICATION'), yesNo(account.twoFactorAuthentication, l10n.t('on'), l10n.t('off'))],
      [l10n.t('VERIFIED'), yesNo(account.verified, l10n.t('yes'), l10n.t('no'))],
      [l10n.t('LAST LOGIN (UTC)'), time.format(account.lastLogin)],
      [l10n.t('CREATED (UTC)'), time.format(account.createdAt)],
    ];
    return alignedLines([facts.map(([label]) => label), facts.map(([, value]) => value)]);
  });
}
