// Shared by the Heroku client's unit tests: the HerokuApiError a call ends with, and a fake Heroku API per suite.
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { HerokuApiError } from '../../src/heroku';
import { startFakeHeroku, type FakeHeroku } from '../../scripts/demoHeroku';

export async function caught(promise: Promise<unknown>): Promise<HerokuApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HerokuApiError, `expected a HerokuApiError, got ${inspect(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

/** Starts a fake Heroku API for the enclosing describe block, handed to `started`, and resets it before each test. */
export function useFakeHeroku(options: { apps: number; token: string }, started: (fake: FakeHeroku) => void): void {
  let fake: FakeHeroku | undefined;
  before(async () => {
    fake = await startFakeHeroku(options);
    started(fake);
  });
  after(async () => fake?.close());
  beforeEach(() => {
    fake!.reset();
    fake!.setApps(options.apps);
  });
}
