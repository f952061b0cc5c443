// What activation does with stored data needs no zod (model/lazySchema.ts): checked in a fresh Node process, since
// the other unit tests load zod into this one.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

describe('The activation path without zod', () => {
  it('reads stored providers and the ticket history without loading zod; the first write loads it', () => {
    const fixture = path.join(__dirname, '..', 'fixtures', 'activationPath.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', fixture], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      providers: 1, invalid: 0, lastTicket: 'unauthorized', emptyHistory: null, zodAfterLoad: false, zodAfterWrite: true,
    });
  });
});
