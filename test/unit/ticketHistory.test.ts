// The ticket history's cheap check (read at activation for the status bar, without zod) against historySchema, the
// definition: on a generated corpus, every history the check accepts is accepted by the schema with the same output.
import * as assert from 'node:assert/strict';
import { historySchema, isWrittenHistory, TicketHistory } from '../../src/tickets/ticketHistory';
import { InMemoryMemento } from '../doubles/memento';
import { seededRandom, seedFrom, type Random } from '../fixtures/canary';

const seed = seedFrom('TICKET_HISTORY_SEED', 0x5eed_71c4);
const odd: readonly unknown[] = [undefined, null, 0, -1, 1.5, 2 ** 53, NaN, '', 'x', true, [], {}, 'apps', 'dynos', 'failed', 'unknown'];

function record(random: Random, number: number): Record<string, unknown> {
  return {
    number, kind: random.pick(['apps', 'dynos', 'account']), scopeId: `scope-${random.int(5)}`, scopeName: 'Production', providerName: 'Heroku',
    startedAt: new Date(random.int(2 ** 41)).toISOString(), outcome: random.pick(['succeeded', 'failed', 'cancelled']),
    ...(random.chance(0.5) ? { appCount: random.int(30_000) } : {}), ...(random.chance(0.3) ? { app: 'app-00001', dynoCount: random.int(9) } : {}),
    ...(random.chance(0.3) ? { errorKind: random.pick(['unauthorized', 'network']) } : {}),
  };
}

function mutate(random: Random, value: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...value };
  const keys = Object.keys(copy);
  if (random.chance(0.3)) delete copy[random.pick(keys)];
  else copy[random.chance(0.2) ? 'extra' : random.pick(keys)] = random.pick(odd);
  return copy;
}

describe(`Ticket history: the cheap check agrees with historySchema (seed ${seed})`, () => {
  it('on 3,000 generated histories', () => {
    const random = seededRandom(seed);
    let accepted = 0;
    for (let i = 0; i < 3_000; i++) {
      const tickets: unknown[] = Array.from({ length: random.int(6) }, (_, index) => record(random, index + 1));
      if (tickets.length > 0 && random.chance(0.4)) tickets[random.int(tickets.length)] = mutate(random, tickets[0] as Record<string, unknown>);
      let history: unknown = { nextNumber: tickets.length + 1, tickets };
      if (random.chance(0.2)) history = mutate(random, history as Record<string, unknown>);
      const parsed = historySchema.safeParse(history);
      if (isWrittenHistory(history)) {
        accepted++;
        assert.ok(parsed.success, `accepted by the cheap check only: ${JSON.stringify(history)}`);
        assert.deepEqual(parsed.data, history);
      }
    }
    assert.ok(accepted > 500, `only ${accepted} accepted`);
  });

  it('reads what it wrote, and anything else through the schema', async () => {
    const state = new InMemoryMemento();
    const history = new TicketHistory(state);
    const number = await history.reserveNumber();
    await history.record({ number, kind: 'apps', scopeId: 's', scopeName: 'Production', providerName: 'Heroku', startedAt: 'now', outcome: 'failed', errorKind: 'unauthorized' });
    assert.equal(history.lastFor('s')?.errorKind, 'unauthorized');
    await state.update('providerDesk.ticketHistory', { nextNumber: 3, tickets: [{ ...history.list()[0], extra: 'dropped' }] });
    assert.equal(Object.keys(history.lastFor('s') ?? {}).includes('extra'), false);
    await state.update('providerDesk.ticketHistory', { nextNumber: 'x', tickets: [] });
    assert.deepEqual(history.list(), []);
  });
});
