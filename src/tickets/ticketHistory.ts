// Tickets already run, kept in globalState: what was asked and how it ended. No secrets, no app data.
import type { z } from 'zod';
import { lazySchema } from '../model/lazySchema';
import { isPlainObject } from '../model/objects';
import type { KeyValueStore } from '../store/ports';

export const ticketKinds = ['apps', 'dynos', 'account'] as const;
export type TicketKind = (typeof ticketKinds)[number];

const ticketRecordSchema = lazySchema((z) => z.object({
  number: z.number().int().positive(),
  kind: z.enum(ticketKinds),
  scopeId: z.string(),
  scopeName: z.string(),
  providerName: z.string(),
  startedAt: z.string(),
  outcome: z.enum(['succeeded', 'failed', 'cancelled']),
  appCount: z.number().int().nonnegative().optional(),
  /** The app whose dynos a `dynos` ticket listed. */
  app: z.string().optional(),
  dynoCount: z.number().int().nonnegative().optional(),
  errorKind: z.string().optional(),
}));
export type TicketRecord = z.infer<typeof ticketRecordSchema>;

export const historySchema = lazySchema((z) => z.object({ nextNumber: z.number().int().positive(), tickets: z.array(ticketRecordSchema) }));
type History = z.infer<typeof historySchema>;

const outcomes: readonly unknown[] = ['succeeded', 'failed', 'cancelled'];
const recordKeys = ['number', 'kind', 'scopeId', 'scopeName', 'providerName', 'startedAt', 'outcome', 'appCount', 'app', 'dynoCount', 'errorKind'];
const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isOptional = (value: unknown, check: (value: unknown) => boolean): boolean => value === undefined || check(value);
const isText = (value: unknown): boolean => typeof value === 'string';

function isRecord(value: unknown): value is TicketRecord {
  return isPlainObject(value) && Object.keys(value).every((key) => recordKeys.includes(key) && value[key] !== undefined)
    && isCount(value.number) && (value.number as number) > 0 && ticketKinds.includes(value.kind as TicketKind)
    && isText(value.scopeId) && isText(value.scopeName) && isText(value.providerName) && isText(value.startedAt)
    && outcomes.includes(value.outcome) && isOptional(value.appCount, isCount) && isOptional(value.app, isText)
    && isOptional(value.dynoCount, isCount) && isOptional(value.errorKind, isText);
}

/**
 * The history in the form this extension writes it, checked without zod: the status bar reads it at activation.
 * Anything else goes to historySchema, the definition (test/unit/ticketHistory.test.ts checks that both agree).
 */
export function isWrittenHistory(value: unknown): value is History {
  return isPlainObject(value) && Object.keys(value).length === 2 && isCount(value.nextNumber) && (value.nextNumber as number) > 0
    && Array.isArray(value.tickets) && value.tickets.every(isRecord);
}

const historyKey = 'providerDesk.ticketHistory';
const keptTickets = 100;

export class TicketHistory {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly state: KeyValueStore) {}

  /**
   * One read-modify-write at a time, each awaited: VS Code applies a globalState update in memory, then replaces the
   * whole in-memory state with what it persisted, dropping an update made in between (microsoft/vscode#137132).
   * Concurrent tickets lost their records that way.
   */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private read(): History {
    const stored = this.state.get(historyKey);
    if (isWrittenHistory(stored)) return { nextNumber: stored.nextNumber, tickets: stored.tickets.map((ticket) => ({ ...ticket })) };
    const parsed = stored === undefined ? undefined : historySchema.safeParse(stored);
    return parsed?.success ? parsed.data : { nextNumber: 1, tickets: [] };
  }

  /** Newest first. */
  list(): readonly TicketRecord[] {
    return this.read().tickets;
  }

  reserveNumber(): Promise<number> {
    return this.serial(async () => {
      const history = this.read();
      await this.state.update(historyKey, { ...history, nextNumber: history.nextNumber + 1 });
      return history.nextNumber;
    });
  }

  record(ticket: TicketRecord): Promise<void> {
    return this.serial(async () => {
      const history = this.read();
      const tickets = [ticket, ...history.tickets.filter((existing) => existing.number !== ticket.number)].slice(0, keptTickets);
      await this.state.update(historyKey, { ...history, tickets });
    });
  }

  /** The outcome of the newest ticket on a scope, e.g. to warn that its token was rejected. */
  lastFor(scopeId: string): TicketRecord | undefined {
    return this.read().tickets.find((ticket) => ticket.scopeId === scopeId);
  }
}
