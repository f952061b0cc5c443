// Tickets already run, kept in globalState: what was asked and how it ended. No secrets, no app data.
import { z } from 'zod';
import type { KeyValueStore } from '../store/ports';

export const ticketKinds = ['apps', 'dynos', 'account'] as const;
export type TicketKind = (typeof ticketKinds)[number];

const ticketRecordSchema = z.object({
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
});
export type TicketRecord = z.infer<typeof ticketRecordSchema>;

const historySchema = z.object({ nextNumber: z.number().int().positive(), tickets: z.array(ticketRecordSchema) });
type History = z.infer<typeof historySchema>;

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
    const parsed = historySchema.safeParse(this.state.get(historyKey));
    return parsed.success ? parsed.data : { nextNumber: 1, tickets: [] };
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
