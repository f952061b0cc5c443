// Renders a ticket as plain text for the "Provider Desk" output channel. Pure (no `vscode`): the current time is passed
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

/** What a table row needs; `HerokuApp` fits. */
export interface TicketAppRow {
  readonly name: string;
  readonly region?: string | null;
  readonly stack?: string | null;
  /** ISO 8601. */
  readonly updatedAt?: string | null;
}

export interface TicketRenderInput {
  readonly number: number;
  readonly scopeName: string;
  readonly providerName: string;
  /** When the ticket ran; shown as ISO 8601 UTC. */
  readonly startedAt: Date | string | number;
  /** The listed apps; ignored when `error` is set. */
  readonly apps?: readonly TicketAppRow[];
  /** The user-facing error text of a failed or cancelled ticket. */
  readonly error?: string;
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

function byName(a: TicketAppRow, b: TicketAppRow): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The ticket's text, ending with a blank line so that consecutive tickets stay apart in the channel. */
export function renderTicket(ticket: TicketRenderInput, now: Date | number): string {
  const started = toMillis(ticket.startedAt);
  const startedText = Number.isFinite(started) ? new Date(started).toISOString() : String(ticket.startedAt);
  const lines: string[] = [
    l10n.t('Ticket #{0} · scope "{1}" · provider "{2}" · {3}', ticket.number, ticket.scopeName, ticket.providerName, startedText),
    '',
  ];

  if (ticket.error !== undefined) {
    lines.push(ticket.error, '', '');
    return lines.join('\n');
  }
  const apps = ticket.apps ?? [];
  if (apps.length === 0) {
    lines.push(l10n.t('This account has no apps.'), '', '');
    return lines.join('\n');
  }

  const nowMs = toMillis(now);
  const sorted = [...apps].sort(byName);
  const count = sorted.length;
  const names = new Array<string>(count);
  const regions = new Array<string>(count);
  const stacks = new Array<string>(count);
  const updated = new Array<string>(count);
  const headers = [l10n.t('NAME'), l10n.t('REGION'), l10n.t('STACK'), l10n.t('LAST UPDATED (UTC)')];
  const ages = new Map<string, string>();
  let nameWidth = headers[0].length;
  let regionWidth = headers[1].length;
  let stackWidth = headers[2].length;
  for (let i = 0; i < count; i++) {
    const app = sorted[i];
    const name = app.name;
    const region = app.region || missing;
    const stack = app.stack || missing;
    const iso = app.updatedAt;
    const ms = iso ? Date.parse(iso) : NaN;
    names[i] = name;
    regions[i] = region;
    stacks[i] = stack;
    // Heroku sends UTC (`…Z`): slice it rather than format a Date, 20,000 times.
    const minuteText = !Number.isFinite(ms) ? undefined : utcIso.test(iso!) ? `${iso!.slice(0, 10)} ${iso!.slice(11, 16)}` : formatUtcMinute(ms);
    if (minuteText === undefined) {
      updated[i] = missing;
    } else {
      // Few distinct ages among many apps: translate each once.
      const [unit, units] = ageOf(nowMs - ms);
      const key = `${unit}${units}`;
      let age = ages.get(key);
      if (age === undefined) ages.set(key, age = ageTexts[unit](units));
      updated[i] = `${minuteText}${gap}${age}`;
    }
    if (name.length > nameWidth) nameWidth = name.length;
    if (region.length > regionWidth) regionWidth = region.length;
    if (stack.length > stackWidth) stackWidth = stack.length;
  }

  lines.push(`${headers[0].padEnd(nameWidth)}${gap}${headers[1].padEnd(regionWidth)}${gap}${headers[2].padEnd(stackWidth)}${gap}${headers[3]}`);
  for (let i = 0; i < count; i++) {
    lines.push(`${names[i].padEnd(nameWidth)}${gap}${regions[i].padEnd(regionWidth)}${gap}${stacks[i].padEnd(stackWidth)}${gap}${updated[i]}`);
  }
  lines.push('', formatAppCount(count), '', '');
  return lines.join('\n');
}
