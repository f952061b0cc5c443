// Shared by the Heroku client's unit tests: the HerokuApiError a call ends with.
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { HerokuApiError } from '../../src/heroku';

export async function caught(promise: Promise<unknown>): Promise<HerokuApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HerokuApiError, `expected a HerokuApiError, got ${inspect(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}
