// The cheap checks of stored metadata (model/storedMetadata.ts, used at activation instead of loading zod) against
// the zod schemas that define the data: on a generated corpus of valid, odd and broken items, every item a cheap
// check accepts is accepted by its schema with the same output, and the parse functions answer exactly as the schemas.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { credentialSchema, providerSchema, scopeSchema } from '../../src/model/schemas';
import {
  isCanonicalCredential, isCanonicalProvider, isCanonicalScope, parseStoredCredential, parseStoredProvider, parseStoredScope,
} from '../../src/model/storedMetadata';
import { seededRandom, seedFrom, type Random } from '../fixtures/canary';

const seed = seedFrom('STORED_METADATA_SEED', 0x5eed_3e7a);
const itemsPerKind = 3_000;

const odd: readonly unknown[] = [
  undefined, null, 0, -1, 1.5, NaN, true, false, [], {}, '', ' ', 'x', 'x'.repeat(101), 'x'.repeat(64), 'x'.repeat(65), ' padded ', 'tab\there',
  'line\nbreak', 'del\u007f', 'Ünïcödé', 'Heroku', 'Other', 'heroku', 'String', 'Number', 'Boolean', 'Multiline', 'string',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', randomUUID().toUpperCase(), `${randomUUID()} `,
  '123e4567-e89b-02d3-a456-426614174000', '123e4567-e89b-42d3-c456-426614174000', 'not-a-uuid',
  'api.heroku.com', 'API.Heroku.com', 'https://api.heroku.com', 'http://127.0.0.1:5000', 'http://127.0.0.1:5000/', 'ftp://x', 'a b',
  '2024-05-01T10:20:30.123Z', '2024-05-01T10:20:30Z', '2024-02-30T00:00:00.000Z', '2024-13-01T00:00:00.000Z', '2024-05-01T24:00:00.000Z',
  '2024-05-01T10:20:30.123+02:00', '+010000-01-01T00:00:00.000Z', '2024-05-01', '0000-01-01T00:00:00.000Z',
  '42', ' 42 ', '1e3', 'true', 'TRUE', 'multi\nline', 'apitoken', 'api token', 'APITOKEN',
];

const accountIds = ['api.heroku.com', 'http://127.0.0.1:5000', 'https://heroku.example.com:8443', 'API.HEROKU.COM', 'https://api.heroku.com/'];
const names = ['Production', 'a', 'x'.repeat(100), 'Staging EU', 'Zürich', ' spaced ', 'tab\tname'];

function oddValue(random: Random): unknown {
  return random.chance(0.1) ? Object.create(null) : random.pick(odd);
}

/** Replaces, removes or adds one property (sometimes two) of a copy of `item`. */
function mutate(random: Random, item: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...item };
  for (let round = random.chance(0.3) ? 2 : 1; round > 0; round--) {
    const keys = Object.keys(copy);
    const choice = random.int(4);
    if (choice === 0 && keys.length > 0) delete copy[random.pick(keys)];
    else if (choice === 1) copy[random.pick(['extra', 'value', 'credentials', '__proto__'])] = oddValue(random);
    else if (keys.length > 0) copy[random.pick(keys)] = oddValue(random);
  }
  return copy;
}

function provider(random: Random): Record<string, unknown> {
  return { id: randomUUID(), name: random.pick(names), type: random.pick(['Heroku', 'Other']), accountId: random.pick(accountIds),
    createdAt: new Date(random.int(2 ** 41)).toISOString() };
}

function field(random: Random, index: number): Record<string, unknown> {
  const type = random.pick(['String', 'Number', 'Boolean', 'Multiline']);
  const sensitive = random.chance(0.4);
  const values: Record<string, string[]> = { String: ['us', 'a\nb', ''], Number: ['42', ' 7 ', 'x'], Boolean: ['true', 'false', 'yes'], Multiline: ['a\nb', ''] };
  return { id: randomUUID(), key: random.chance(0.1) ? random.pick(['apitoken', 'APITOKEN', ' key ', 'bad key']) : `key_${index}`, type, sensitive,
    ...(sensitive && !random.chance(0.05) ? {} : { value: random.pick(values[type]!) }) };
}

function credential(random: Random): Record<string, unknown> {
  const fields = Array.from({ length: random.chance(0.02) ? 51 : random.int(4) }, (_, index) => field(random, index));
  if (fields.length > 1 && random.chance(0.1)) fields[1] = { ...fields[1], id: fields[0]!.id };
  if (random.chance(0.3) && fields.length > 0) fields[random.int(fields.length)] = mutate(random, fields[random.int(fields.length)]!);
  return { id: randomUUID(), providerId: randomUUID(), name: random.pick(names), boundAccountId: random.pick(accountIds), fields };
}

function scope(random: Random): Record<string, unknown> {
  return { id: randomUUID(), providerId: randomUUID(), name: random.pick(names), credentialId: randomUUID() };
}

interface Kind {
  name: string;
  make: (random: Random) => Record<string, unknown>;
  isCanonical: (item: unknown) => boolean;
  parse: (item: unknown) => { success: boolean; data?: unknown; error?: { issues: unknown } };
  schema: { safeParse: (item: unknown) => { success: boolean; data?: unknown; error?: { issues: unknown } } };
}

const kinds: Kind[] = [
  { name: 'provider', make: provider, isCanonical: isCanonicalProvider, parse: parseStoredProvider, schema: providerSchema },
  { name: 'credential', make: credential, isCanonical: isCanonicalCredential, parse: parseStoredCredential, schema: credentialSchema },
  { name: 'scope', make: scope, isCanonical: isCanonicalScope, parse: parseStoredScope, schema: scopeSchema },
];

describe(`Stored metadata: cheap checks agree with the zod schemas (seed ${seed})`, () => {
  for (const kind of kinds) {
    it(`${kind.name}s: ${itemsPerKind} generated items, the canonical ones taken as the schema outputs them`, () => {
      const random = seededRandom(seed);
      let canonical = 0;
      let valid = 0;
      for (let i = 0; i < itemsPerKind; i++) {
        const base = kind.make(random);
        const item = random.chance(0.5) ? base : random.chance(0.1) ? oddValue(random) : mutate(random, base);
        const expected = kind.schema.safeParse(item);
        const got = kind.parse(item);
        const where = `${kind.name} ${JSON.stringify(item)}`;
        assert.equal(got.success, expected.success, where);
        if (expected.success) valid++;
        assert.deepEqual(got.success ? got.data : got.error?.issues, expected.success ? expected.data : expected.error?.issues, where);
        if (kind.isCanonical(item)) {
          canonical++;
          assert.ok(expected.success, `accepted by the cheap check only: ${where}`);
          assert.deepEqual(expected.data, item, `the schema changes it: ${where}`);
        }
      }
      // The corpus exercises both paths: enough canonical items, and valid items the cheap check leaves to zod.
      assert.ok(canonical > itemsPerKind / 20, `only ${canonical} canonical`);
      assert.ok(valid > canonical, `${valid} valid, ${canonical} canonical`);
    });
  }

  it('takes a provider\'s createdAt exactly when the schema does: calendar days, leap years, the end of each unit', () => {
    const times = [
      '2024-02-29T00:00:00.000Z', '2023-02-29T00:00:00.000Z', '1900-02-29T00:00:00.000Z', '2000-02-29T12:00:00.000Z', '2100-02-29T00:00:00.000Z',
      '2024-04-30T23:59:59.999Z', '2024-04-31T00:00:00.000Z', '2024-12-31T23:59:59.999Z', '2024-00-10T00:00:00.000Z', '2024-05-00T00:00:00.000Z',
      '2024-05-01T23:60:00.000Z', '2024-05-01T10:20:60.000Z', '2024-05-01T24:00:00.000Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z',
      '0004-02-29T00:00:00.000Z', '2024-05-01T10:20:30.123z', '2024-05-01 10:20:30.123Z', '２０24-05-01T10:20:30.123Z',
    ];
    for (const createdAt of times) {
      const item = { id: randomUUID(), name: 'Heroku', type: 'Heroku', accountId: 'api.heroku.com', createdAt };
      assert.equal(isCanonicalProvider(item), providerSchema.safeParse(item).success, createdAt);
    }
  });

  it('hands out copies: nothing the store keeps aliases the stored objects', () => {
    const stored = { id: randomUUID(), providerId: randomUUID(), name: 'Deploy', boundAccountId: 'api.heroku.com',
      fields: [{ id: randomUUID(), key: 'region', type: 'String', sensitive: false, value: 'us' }] };
    const parsed = parseStoredCredential(stored);
    assert.ok(parsed.success && isCanonicalCredential(stored));
    assert.notEqual(parsed.data, stored);
    assert.notEqual(parsed.data.fields[0], (stored.fields as unknown[])[0]);
  });
});
