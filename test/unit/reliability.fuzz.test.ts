// Reliability: the form webviews' message handler (FormController over the real form definitions and the real
// ProviderStore) fed ≥10,000 generated messages from a seeded PRNG. A webview is untrusted input: whatever it posts,
// nothing crashes, nothing rejects unhandled, stored state changes only for a valid submit (each accounted for, then
// undone), everything else is answered (ready, validate, cancel) or rejected with a logged reason, no secret reaches
// a log line or a posted message, and no secret of another credential is ever copied or moved.
//
// Reproduce a run: RELIABILITY_SEED=<seed> npx mocha test/unit/reliability.fuzz.test.ts
import { strict as assert } from 'node:assert';
import { FormController, type FormDefinition, type FormHost } from '../../src/forms/controller';
import { credentialForm, providerForm, scopeForm, type DefinitionDeps } from '../../src/forms/definitions';
import { maxShortText, maxValueText, type ExtensionMessage } from '../../src/shared/protocol';
import { dataKey, revisionKey } from '../../src/store/keys';
import { ProviderStore } from '../../src/store/providerStore';
import type { Credential, Provider, Scope } from '../../src/model/schemas';
import { findCanaries, findInValue, describeHits, makeCanary, seededRandom, seedFrom, type Canary, type Random } from '../fixtures/canary';
import { InMemoryMemento } from '../doubles/memento';
import { InMemorySecretStorage } from '../doubles/secretStorage';
import { makeStore } from '../doubles/storeHarness';

const messageCount = 12_000;
const seed = seedFrom('RELIABILITY_SEED', 0x5eed_f022);

type Label =
  | 'random-json' | 'known-type-wrong-members' | 'missing-field' | 'wrong-type-leaf' | 'extra-key' | 'proto-key'
  | 'huge-string' | 'unknown-type' | 'other-kind-values' | 'foreign-credential-for-scope' | 'foreign-field-ids'
  | 'foreign-target-form' | 'invalid-seq' | 'ready' | 'cancel' | 'validate' | 'add-credential' | 'valid-submit' | 'mutated-valid';

/** Labels whose construction guarantees the message must be rejected (with a logged reason, nothing changed). */
const mustReject: ReadonlySet<Label> = new Set<Label>([
  'random-json', 'known-type-wrong-members', 'missing-field', 'extra-key', 'proto-key', 'huge-string', 'unknown-type',
  'other-kind-values', 'foreign-credential-for-scope', 'invalid-seq',
]);

type Outcome = 'saved' | 'init' | 'closed' | 'validate-reply' | 'command' | 'rejected';

interface World {
  memento: InMemoryMemento;
  secrets: InMemorySecretStorage;
  store: ReturnType<typeof makeStore>['store'];
  a: { provider: Provider; token: Credential; other: Credential; scope: Scope };
  b: { provider: Provider; token: Credential; scope: Scope };
  canaries: Canary[];
}

async function buildWorld(random: Random): Promise<World> {
  const { memento, secrets, store } = makeStore();
  const bytes = (): Buffer => random.bytes(16);
  const canaries = [makeCanary('a_token', bytes), makeCanary('a_password', bytes), makeCanary('b_token', bytes)];
  const [aToken, aPassword, bToken] = canaries as [Canary, Canary, Canary];
  await store.load();
  const providerA = await store.createProvider({ name: 'Heroku A', type: 'Heroku', accountId: 'api.heroku.com' });
  const providerB = await store.createProvider({ name: 'Heroku B', type: 'Other', accountId: 'http://127.0.0.1:5000' });
  const token = await store.createCredential(providerA.id, { name: 'token A', fields: [
    { key: 'apitoken', type: 'String', sensitive: true, value: aToken.value },
    { key: 'team', type: 'String', sensitive: false, value: 'core' },
    { key: 'password', type: 'String', sensitive: true, value: aPassword.value },
  ] });
  const other = await store.createCredential(providerA.id, { name: 'plain A', fields: [{ key: 'region', type: 'String', sensitive: false, value: 'eu' }] });
  const scope = await store.createScope(providerA.id, { name: 'prod A', credentialId: token.id });
  const tokenB = await store.createCredential(providerB.id, { name: 'token B', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: bToken.value }] });
  const scopeB = await store.createScope(providerB.id, { name: 'prod B', credentialId: tokenB.id });
  return { memento, secrets, store, a: { provider: providerA, token, other, scope }, b: { provider: providerB, token: tokenB, scope: scopeB }, canaries };
}

class RecordingHost implements FormHost {
  posted: ExtensionMessage[] = [];
  closed = 0;
  commands: unknown[][] = [];
  notifications: string[] = [];
  logs: { level: 'info' | 'warn' | 'error'; text: string }[] = [];
  log = {
    info: (text: string) => { this.logs.push({ level: 'info', text }); },
    warn: (text: string) => { this.logs.push({ level: 'warn', text }); },
    error: (text: string, error?: unknown) => { this.logs.push({ level: 'error', text: `${text} ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` }); },
  };
  post(message: ExtensionMessage): PromiseLike<boolean> { this.posted.push(message); return Promise.resolve(true); }
  close(): void { this.closed++; }
  notify(message: string): void { this.notifications.push(message); }
  async reveal(): Promise<void> { /* the tree is not part of this test */ }
  executeCommand(command: string, ...args: unknown[]): PromiseLike<unknown> { this.commands.push([command, ...args]); return Promise.resolve(); }
  describeError(error: unknown): string { return `Unexpected: ${error instanceof Error ? error.name : typeof error}`; }
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

const dangerousKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const messageTypes = ['ready', 'cancel', 'submit', 'validate', 'addCredential'];
const hugeLengths = [maxShortText + 1, maxValueText + 1, 1_000_000, 5_000_000];
const hugeStrings = new Map(hugeLengths.map((length) => [length, 'x'.repeat(length)]));

function randomString(random: Random, canaries: readonly Canary[]): string {
  switch (random.int(9)) {
    case 0: return '';
    case 1: return random.pick(canaries).value;
    case 2: return random.pick(messageTypes);
    case 3: return random.pick(dangerousKeys);
    case 4: return random.pick(['provider', 'credential', 'scope', 'Heroku', 'Other', 'String', 'Number', 'apitoken']);
    case 5: return random.pick(['\u0000', '\n', '\u202e', '😀', 'а', '../../etc/passwd', '<script>alert(1)</script>', '${7*7}', '%s%n']);
    case 6: return hugeStrings.get(random.pick(hugeLengths))!;
    default: return random.bytes(1 + random.int(12)).toString('base64');
  }
}

function randomJson(random: Random, canaries: readonly Canary[], depth = 0): unknown {
  const kind = random.int(depth >= 3 ? 6 : 10);
  switch (kind) {
    case 0: return null;
    case 1: return undefined;
    case 2: return random.chance(0.5);
    case 3: return random.pick([0, -1, 1.5, 2 ** 53, -(2 ** 60), Number.NaN, Infinity, -0]);
    case 4:
    case 5: return randomString(random, canaries);
    case 6: return Array.from({ length: random.int(4) }, () => randomJson(random, canaries, depth + 1));
    case 7: return random.pick([new Date(0), new Map([['type', 'ready']]), new Set(['ready']), /submit/, new Uint8Array(4)]);
    default: {
      const object: Record<string, unknown> = random.chance(0.2) ? Object.create(null) as Record<string, unknown> : {};
      for (let n = random.int(4); n > 0; n--) {
        const key = random.chance(0.3) ? random.pick(dangerousKeys) : random.chance(0.5) ? random.pick(['type', 'values', 'kind', 'seq', 'name']) : randomString(random, canaries).slice(0, 20);
        defineOwn(object, key, randomJson(random, canaries, depth + 1));
      }
      return object;
    }
  }
}

/** Sets an own property, `__proto__` included (as JSON.parse and structured clone would deliver it). */
function defineOwn(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every path (list of keys) to a node of a plain JSON-ish object. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const result: (string | number)[][] = [];
  if (Array.isArray(value)) value.forEach((item, index) => { result.push([...prefix, index], ...paths(item, [...prefix, index])); });
  else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) result.push([...prefix, key], ...paths((value as Record<string, unknown>)[key], [...prefix, key]));
  }
  return result;
}

function parentOf(root: unknown, path: readonly (string | number)[]): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  return node;
}

interface FormSlot {
  name: string;
  make(): FormDefinition;
}

interface Generated {
  label: Label;
  raw: unknown;
}

function generator(world: World, random: Random) {
  const { a, b, canaries } = world;
  const [aToken] = canaries as [Canary, Canary, Canary];
  const uniqueName = (): string => `fuzz ${random.bytes(4).toString('hex')}`;

  const validValues = (definition: FormDefinition): Record<string, unknown> => {
    switch (definition.kind) {
      case 'provider':
        return { kind: 'provider', name: uniqueName(), type: random.pick(['Heroku', 'Other']), accountId: random.pick(['api.heroku.com', 'https://api.heroku.com', 'http://127.0.0.1:4000']) };
      case 'credential': {
        const fields: Record<string, unknown>[] = [{ key: 'apitoken', type: 'String', sensitive: true, value: `new-${random.bytes(8).toString('hex')}` }];
        if (definition.mode === 'edit') {
          // Keep the stored token (no value): the store must keep exactly its own secret.
          fields[0] = { id: a.token.fields[0]!.id, key: 'apitoken', type: 'String', sensitive: true };
          if (random.chance(0.5)) fields.push({ id: a.token.fields[1]!.id, key: 'team', type: 'String', sensitive: false, value: 'platform' });
        }
        return { kind: 'credential', name: uniqueName(), fields };
      }
      case 'scope':
        return { kind: 'scope', name: uniqueName(), credentialId: random.pick([a.token.id, a.other.id]) };
    }
  };

  return (definition: FormDefinition): Generated => {
    const roll = random.int(100);
    const valid = (): Record<string, unknown> => ({ type: 'submit', values: validValues(definition) });
    if (roll < 6) return { label: 'valid-submit', raw: valid() };
    if (roll < 12) return { label: 'ready', raw: { type: 'ready' } };
    if (roll < 14) return { label: 'cancel', raw: { type: 'cancel' } };
    if (roll < 20) return { label: 'validate', raw: { type: 'validate', seq: random.int(1_000_000), values: validValues(definition) } };
    if (roll < 22) return { label: 'add-credential', raw: { type: 'addCredential' } };
    if (roll < 32) return { label: 'random-json', raw: random.chance(0.2) ? random.pick(['ready', 42, null, undefined, [], [{ type: 'ready' }], true]) : randomJson(random, canaries) };
    if (roll < 40) {
      const raw: Record<string, unknown> = { type: random.pick(messageTypes.filter((type) => type !== 'ready' && type !== 'cancel' && type !== 'addCredential')) };
      raw.values = random.pick([null, 42, 'provider', [], { kind: definition.kind }, { kind: 'nope' }, [validValues(definition)]]);
      if (raw.type === 'validate') raw.seq = random.pick([undefined, '1', null, 1]);
      return { label: 'known-type-wrong-members', raw };
    }
    if (roll < 48) {
      const raw = valid();
      const candidates = paths(raw).filter((path) => {
        // Dropping a credential field's `id` or `value`, or a whole field, can leave a valid message.
        const last = path[path.length - 1];
        return path[1] !== 'fields' && last !== 'id' && last !== 'value' && typeof last !== 'number';
      });
      const path = random.pick(candidates);
      delete parentOf(raw, path)[path[path.length - 1]!];
      return { label: 'missing-field', raw };
    }
    if (roll < 56) {
      const raw = valid();
      const path = random.pick(paths(raw));
      parentOf(raw, path)[path[path.length - 1]!] = randomJson(random, canaries, 2);
      return { label: 'mutated-valid', raw };
    }
    if (roll < 60) {
      const raw = valid();
      const targets = [raw, raw.values as Record<string, unknown>];
      const fields = (raw.values as { fields?: Record<string, unknown>[] }).fields;
      if (fields?.length) targets.push(fields[0]!);
      defineOwn(random.pick(targets), random.pick(['extra', 'isAdmin', 'id ', 'Type', 'VALUE', randomString(random, canaries).slice(0, 30) || 'x']), randomJson(random, canaries, 2));
      return { label: 'extra-key', raw };
    }
    if (roll < 66) {
      const raw = random.chance(0.5)
        ? JSON.parse(`{"type":"submit","values":${JSON.stringify(validValues(definition))},"__proto__":{"polluted":"${aToken.value}","values":{"kind":"provider"}}}`) as Record<string, unknown>
        : valid();
      const targets = [raw, raw.values as Record<string, unknown>];
      const fields = (raw.values as { fields?: Record<string, unknown>[] }).fields;
      if (fields?.length) targets.push(fields[0]!);
      defineOwn(random.pick(targets), random.pick(['__proto__', 'constructor', 'prototype']), random.pick([{ polluted: true }, { prototype: { polluted: true } }, 'x', null]));
      return { label: 'proto-key', raw };
    }
    if (roll < 72) {
      const raw = valid();
      const stringPaths = paths(raw).filter((path) => typeof parentOf(raw, path)[path[path.length - 1]!] === 'string'
        && path[path.length - 1] !== 'kind' && path[path.length - 1] !== 'type' && path[path.length - 1] !== 'sensitive');
      const path = random.pick(stringPaths);
      const last = path[path.length - 1]!;
      // `value` may be up to 64 KiB; every other string up to 4 KiB.
      const lengths = last === 'value' ? hugeLengths.slice(1) : hugeLengths;
      parentOf(raw, path)[last] = hugeStrings.get(random.pick(lengths))!;
      return { label: 'huge-string', raw };
    }
    if (roll < 78) {
      const type = random.pick(['deleteEverything', 'Submit', ' submit', 'submit ', 'SUBMIT', 'eval', 'init', 'saved', 'errors', aToken.value, '', '__proto__', 'constructor']);
      return { label: 'unknown-type', raw: { type, values: validValues(definition) } };
    }
    if (roll < 84) {
      const kinds = (['provider', 'credential', 'scope'] as const).filter((kind) => kind !== definition.kind);
      const other = { ...definition, kind: random.pick(kinds) } as FormDefinition;
      return { label: 'other-kind-values', raw: { type: random.pick(['submit', 'validate']), seq: 1, values: validValues(other) } };
    }
    if (roll < 90) {
      if (definition.kind === 'scope') {
        return { label: 'foreign-credential-for-scope', raw: { type: 'submit', values: { kind: 'scope', name: uniqueName(), credentialId: random.pick([b.token.id, b.scope.id, b.provider.id, a.scope.id, a.provider.id]) } } };
      }
      if (definition.kind === 'credential') {
        // Field ids of another provider's credential, its secret not sent: it must never be copied here.
        const foreignField = b.token.fields[0]!;
        return { label: 'foreign-field-ids', raw: { type: 'submit', values: { kind: 'credential', name: uniqueName(), fields: [
          { id: foreignField.id, key: 'apitoken', type: 'String', sensitive: random.chance(0.5) },
          ...(random.chance(0.5) ? [{ id: foreignField.id, key: 'stolen', type: 'String', sensitive: false }] : []),
        ] } } };
      }
      return { label: 'foreign-field-ids', raw: { type: 'submit', values: { kind: 'provider', name: b.provider.name, type: 'Other', accountId: b.provider.accountId } } };
    }
    if (roll < 94) {
      return { label: 'invalid-seq', raw: { type: 'validate', seq: random.pick([-1, 1.5, 2 ** 60, Number.NaN, '7', null]), values: validValues(definition) } };
    }
    return { label: 'foreign-target-form', raw: valid() };
  };
}

// ---------------------------------------------------------------------------------------------------------------

function stateOf(world: World): { memento: string; secrets: string } {
  const secrets = [...world.secrets.values.entries()].filter(([key]) => key !== revisionKey).sort(([x], [y]) => (x < y ? -1 : 1));
  return { memento: world.memento.serialize(), secrets: JSON.stringify(secrets) };
}

function sliceOfB(world: World): string {
  const { store, b } = world;
  return JSON.stringify([store.provider(b.provider.id), store.credentials(b.provider.id), store.scopes(b.provider.id),
    [...world.secrets.values.entries()].filter(([key]) => key.includes(b.token.id))]);
}

describe('Reliability: fuzzing the form message handler', function () {
  this.timeout(60_000);

  it(`survives ${messageCount.toLocaleString('en-US')} generated webview messages: no crash, state changed only by valid submits, every rejection logged`, async () => {
    const random = seededRandom(seed);
    const world = await buildWorld(random);
    const { a, b, canaries } = world;
    const deps: DefinitionDeps = { store: world.store, confirm: async () => true };
    const [, , bToken] = canaries as [Canary, Canary, Canary];

    const slots: FormSlot[] = [
      { name: 'provider/create', make: () => providerForm(deps) },
      { name: 'provider/edit A', make: () => providerForm(deps, a.provider.id) },
      { name: 'credential/create A', make: () => credentialForm(deps, a.provider.id) },
      { name: 'credential/edit A token', make: () => credentialForm(deps, a.provider.id, a.token.id) },
      { name: 'scope/create A', make: () => scopeForm(deps, a.provider.id) },
      { name: 'scope/edit A', make: () => scopeForm(deps, a.provider.id, a.scope.id) },
      // A form opened on provider A for B's credential / scope: its target does not exist under A.
      { name: 'credential/edit B under A', make: () => credentialForm(deps, a.provider.id, b.token.id) },
      { name: 'scope/edit B under A', make: () => scopeForm(deps, a.provider.id, b.scope.id) },
    ];
    const generate = generator(world, random);

    let unhandled = 0;
    const onUnhandled = (): void => { unhandled++; };
    process.on('unhandledRejection', onUnhandled);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();

    const labels = new Map<Label, number>();
    const outcomes = new Map<Outcome, number>();
    const problems: string[] = [];
    let stateChanges = 0;
    let restores = 0;
    const bBefore = sliceOfB(world);
    const cleanState = stateOf(world);

    try {
      for (let n = 0; n < messageCount; n++) {
        const slot = slots[n % slots.length]!;
        const definition = slot.make();
        const host = new RecordingHost();
        const controller = new FormController(definition, host);
        // Half the messages reach a form whose webview already said `ready` (the usual state).
        const exists = definition.exists();
        if (exists && random.chance(0.5)) {
          await controller.handle({ type: 'ready' });
          host.posted.length = 0;
          if (host.closed > 0) {
            // The form's target does not exist: it closed, and ignores anything further.
            outcomes.set('closed', (outcomes.get('closed') ?? 0) + 1);
            continue;
          }
        }
        const generated = generate(definition);
        const { raw } = generated;
        // Random JSON can, rarely, happen to be a well-formed message: judged like any mutated message then.
        const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
        const label: Label = generated.label === 'random-json' && typeof type === 'string'
          && ['ready', 'cancel', 'addCredential'].includes(type) ? 'mutated-valid' : generated.label;
        labels.set(label, (labels.get(label) ?? 0) + 1);
        const before = stateOf(world);
        const predictedValid = isValidSubmit(raw, definition);

        let threw: unknown;
        try {
          await controller.handle(raw);
        } catch (error) {
          threw = error;
        }
        const after = stateOf(world);
        const changed = before.memento !== after.memento || before.secrets !== after.secrets;
        const outcome: Outcome = host.posted.some((message) => message.type === 'saved') ? 'saved'
          : host.posted.some((message) => message.type === 'init') ? 'init'
            : host.posted.some((message) => message.type === 'errors' && message.source === 'validate') ? 'validate-reply'
              : host.commands.length > 0 ? 'command'
                : host.closed > 0 ? 'closed' : 'rejected';
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        const where = `#${n} ${slot.name} ${label}`;
        const fail = (problem: string): void => { if (problems.length < 20) problems.push(`${where}: ${problem}`); };

        if (threw !== undefined) fail(`handle() threw ${threw instanceof Error ? threw.stack : String(threw)}`);
        for (const line of host.logs) if (line.level === 'error') fail(`error logged: ${line.text.slice(0, 300)}`);
        const leaks = [...findCanaries(host.logs.map((line) => line.text).join('\n'), canaries, 'log'), ...findInValue(host.posted, canaries, 'posted')];
        if (leaks.length > 0) fail(`canary leaked:\n${describeHits(leaks)}`);

        if (outcome === 'saved') {
          if (!predictedValid) fail('saved a message that is not a valid submit');
          if (!changed) fail('saved without changing the stored state');
          stateChanges++;
          // No secret appears that the message did not carry, and none of another credential is touched.
          const message = JSON.stringify(raw);
          const oldSecrets = new Map(JSON.parse(before.secrets) as [string, string][]);
          for (const [key, value] of JSON.parse(after.secrets) as [string, string][]) {
            if (oldSecrets.get(key) !== value && !message.includes(JSON.stringify(value).slice(1, -1))) fail(`secret ${key} holds a value the message did not carry`);
          }
          // A secret reaches metadata only when the message itself carried it (typed into a name, say), or when
          // the message turned a field of the edited credential non-sensitive; never another credential's.
          for (const canary of canaries) {
            if (findCanaries(after.memento, [canary], 'memento').length === 0 || message.includes(canary.value)) continue;
            if (canary === bToken) fail('another provider\'s secret reached metadata');
            else if (!message.includes('"sensitive":false')) fail(`the secret ${canary.label} reached metadata`);
          }
        } else if (changed) {
          fail(`stored state changed on outcome ${outcome}`);
        }
        if (mustReject.has(label) && outcome !== 'rejected') fail(`expected a rejection, got ${outcome}`);
        if (outcome === 'rejected') {
          const reason = host.logs.find((line) => /rejected|refused|ignored/.test(line.text));
          if (!reason) fail(`rejected without a logged reason (logs: ${JSON.stringify(host.logs).slice(0, 200)})`);
          if (host.posted.some((message) => message.type === 'errors' && message.source === 'submit' && message.errors.length === 0 && !message.message)) fail('empty error reply');
        }
        if (!exists) {
          // A form whose target is gone (or belongs to another provider) saves nothing and offers nothing.
          if (outcome === 'saved' || outcome === 'init') fail(`a form without a target answered with ${outcome}`);
        } else if (label === 'valid-submit' && outcome !== 'saved') fail(`a valid submit was not saved (${JSON.stringify(host.posted).slice(0, 300)})`);
        if (label === 'ready' && outcome !== (exists ? 'init' : 'closed')) fail(`ready was answered with ${outcome}`);
        if (label === 'cancel' && outcome !== 'closed') fail(`cancel was answered with ${outcome}`);
        if (label === 'validate' && outcome !== 'validate-reply') fail(`validate was answered with ${outcome}`);
        if (label === 'add-credential' && outcome !== (definition.kind === 'scope' ? 'command' : 'rejected')) fail(`addCredential was answered with ${outcome}`);
        if (sliceOfB(world) !== bBefore) fail('another provider\'s data changed');

        if (changed) {
          // Undo the accounted-for change, so every message meets the same stored state.
          // A store keeps what it wrote when storage goes back to an older copy (it joins it back in, see merge.ts):
          // the next message meets a new store on the restored storage, as a newly opened window would.
          restore(world, cleanState);
          world.store.dispose();
          world.store = new ProviderStore(world.memento, world.secrets);
          await world.store.load();
          deps.store = world.store;
          restores++;
          if (stateOf(world).memento !== cleanState.memento) fail('restoring the stored state failed');
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }

    const audit = await world.store.auditSecrets();
    console.log(`      seed ${seed} (0x${seed.toString(16)}): ${messageCount} messages; `
      + `by label ${JSON.stringify(Object.fromEntries([...labels].sort()))}; by outcome ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}; `
      + `${stateChanges} state changes (all valid submits, each undone), ${restores} restores, ${unhandled} unhandled rejections, `
      + `${problems.length} problems`);
    assert.deepEqual(problems, [], `seed ${seed}`);
    assert.equal(unhandled, 0, 'unhandled rejections');
    assert.equal(Object.getOwnPropertyNames(Object.prototype).sort().join(), prototypeKeys, 'Object.prototype was polluted');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
    assert.deepEqual(audit, { orphaned: [], missing: [] });
    assert.equal(stateOf(world).secrets, cleanState.secrets);
    const total = [...labels.values()].reduce((sum, count) => sum + count, 0);
    assert.ok(total >= 10_000, `only ${total} messages reached a form`);
    assert.ok((labels.get('valid-submit') ?? 0) > 100 && stateChanges >= (labels.get('valid-submit') ?? 0), 'valid submits were not exercised');
  });
});

/** Independent of the controller: a submit whose values are of the form's kind and pass the form's own validation. */
function isValidSubmit(raw: unknown, definition: FormDefinition): boolean {
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'submit') return false;
  // No text in a valid message is longer than the protocol's limit for values (checked first: it is cheap).
  if (paths(raw).some((path) => { const leaf = parentOf(raw, path)[path[path.length - 1]!]; return typeof leaf === 'string' && leaf.length > maxValueText; })) return false;
  const keys = Object.getOwnPropertyNames(raw);
  if (keys.some((key) => key !== 'type' && key !== 'values')) return false;
  const values = (raw as { values?: unknown }).values;
  if (typeof values !== 'object' || values === null || (values as { kind?: unknown }).kind !== definition.kind) return false;
  try {
    return definition.exists() && definition.validate(values as Parameters<FormDefinition['validate']>[0], false).length === 0;
  } catch {
    return false;
  }
}

function restore(world: World, state: { memento: string; secrets: string }): void {
  const memento = JSON.parse(state.memento) as Record<string, unknown>;
  world.memento.set(dataKey, memento[dataKey]);
  for (const key of world.memento.keys()) if (!(key in memento)) void world.memento.update(key, undefined);
  const revision = world.secrets.values.get(revisionKey);
  world.secrets.values.clear();
  for (const [key, value] of JSON.parse(state.secrets) as [string, string][]) world.secrets.values.set(key, value);
  if (revision !== undefined) world.secrets.values.set(revisionKey, revision);
}
