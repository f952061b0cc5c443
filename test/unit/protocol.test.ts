import * as assert from 'node:assert/strict';
import {
  maxFields,
  maxShortText,
  maxValueText,
  messageKindOf,
  parseWebviewMessage,
  webviewMessageSchema,
  type WebviewMessage,
} from '../../src/shared/protocol';

const secret = 'HRKU-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

const validMessages: WebviewMessage[] = [
  { type: 'ready' },
  { type: 'cancel' },
  { type: 'addCredential' },
  { type: 'submit', values: { kind: 'provider', name: 'Heroku', type: 'Other', accountId: 'api.heroku.com' } },
  { type: 'submit', values: { kind: 'scope', name: 'prod', credentialId: '' } },
  {
    type: 'submit',
    values: {
      kind: 'credential',
      name: 'heroku',
      fields: [
        { key: 'apitoken', type: 'String', sensitive: true, value: secret },
        { id: '7d1f0a4e-1111-4222-8333-444455556666', key: 'kept', type: 'String', sensitive: true },
        { key: 'region', type: 'String', sensitive: false, value: '' },
      ],
    },
  },
  { type: 'validate', seq: 0, values: { kind: 'provider', name: '', type: 'Other', accountId: '' } },
  { type: 'validate', seq: 42, values: { kind: 'credential', name: 'x', fields: [] } },
];

function rejects(raw: unknown): string[] {
  const result = parseWebviewMessage(raw);
  assert.equal(result.ok, false, `expected ${JSON.stringify(raw)?.slice(0, 200)} to be rejected`);
  return result.ok ? [] : result.issues;
}

describe('protocol: webview → extension messages', () => {
  it('accepts every well-formed message unchanged', () => {
    for (const message of validMessages) {
      const result = parseWebviewMessage(message);
      assert.ok(result.ok, JSON.stringify(message));
      assert.deepEqual(result.message, message);
    }
  });

  it('accepts messages that went through JSON (as webview messages do)', () => {
    for (const message of validMessages) assert.ok(parseWebviewMessage(JSON.parse(JSON.stringify(message))).ok);
  });

  it('rejects unknown message kinds and non-objects', () => {
    rejects({ type: 'delete' });
    rejects({ type: 'init' }); // an extension → webview kind
    rejects({ type: 'READY' });
    rejects({});
    rejects(null);
    rejects(undefined);
    rejects('ready');
    rejects(42);
    rejects([{ type: 'ready' }]);
  });

  it('rejects wrong types', () => {
    rejects({ type: 1 });
    rejects({ type: 'submit', values: 'provider' });
    rejects({ type: 'submit', values: { kind: 'provider', name: 5, type: 'Other', accountId: 'a' } });
    rejects({ type: 'submit', values: { kind: 'credential', name: 'x', fields: {} } });
    rejects({ type: 'submit', values: { kind: 'credential', name: 'x', fields: [{ key: 'k', type: 'String', sensitive: 'yes', value: 'v' }] } });
    rejects({ type: 'submit', values: { kind: 'credential', name: 'x', fields: [{ key: 'k', type: 'String', sensitive: true, value: null }] } });
    rejects({ type: 'validate', seq: -1, values: { kind: 'scope', name: '', credentialId: '' } });
    rejects({ type: 'validate', seq: 1.5, values: { kind: 'scope', name: '', credentialId: '' } });
    rejects({ type: 'validate', seq: '1', values: { kind: 'scope', name: '', credentialId: '' } });
  });

  it('rejects missing fields', () => {
    rejects({ type: 'submit' });
    rejects({ type: 'submit', values: { kind: 'provider', name: 'Heroku', type: 'Other' } });
    rejects({ type: 'submit', values: { name: 'Heroku', type: 'Other', accountId: 'a' } });
    rejects({ type: 'submit', values: { kind: 'scope', name: 'prod' } });
    rejects({ type: 'submit', values: { kind: 'credential', name: 'x', fields: [{ key: 'k', type: 'String' }] } });
    rejects({ type: 'validate', values: { kind: 'scope', name: '', credentialId: '' } });
  });

  it('refuses huge strings (> 100 kB) anywhere, and more fields than the model allows', () => {
    const huge = 'x'.repeat(100 * 1024 + 1);
    rejects({ type: 'submit', values: { kind: 'provider', name: huge, type: 'Other', accountId: 'a' } });
    rejects({ type: 'submit', values: { kind: 'provider', name: 'n', type: huge, accountId: 'a' } });
    rejects({ type: 'submit', values: { kind: 'scope', name: 'n', credentialId: huge } });
    rejects({ type: 'submit', values: { kind: 'credential', name: 'n', fields: [{ key: 'k', type: 'String', sensitive: true, value: huge }] } });
    rejects({ type: 'submit', values: { kind: 'credential', name: 'n', fields: [{ id: huge, key: 'k', type: 'String', sensitive: true }] } });
    rejects({ type: huge });
    // The limits themselves: a value may be a whole PEM key, a name not a novel.
    assert.ok(parseWebviewMessage({ type: 'submit', values: { kind: 'credential', name: 'n', fields: [{ key: 'k', type: 'Multiline', sensitive: true, value: 'v'.repeat(maxValueText) }] } }).ok);
    rejects({ type: 'submit', values: { kind: 'credential', name: 'n', fields: [{ key: 'k', type: 'Multiline', sensitive: true, value: 'v'.repeat(maxValueText + 1) }] } });
    rejects({ type: 'submit', values: { kind: 'provider', name: 'n'.repeat(maxShortText + 1), type: 'Other', accountId: 'a' } });
    const field = { key: 'k', type: 'String', sensitive: false, value: '' };
    assert.ok(parseWebviewMessage({ type: 'submit', values: { kind: 'credential', name: 'n', fields: Array(maxFields).fill(field) } }).ok);
    rejects({ type: 'submit', values: { kind: 'credential', name: 'n', fields: Array(maxFields + 1).fill(field) } });
  });

  it('rejects extra keys, __proto__ and constructor keys at every level (nothing reaches the handler)', () => {
    rejects({ type: 'ready', extra: true });
    rejects({ type: 'cancel', values: {} });
    rejects({ type: 'submit', values: { kind: 'provider', name: 'n', type: 'Other', accountId: 'a', admin: true } });
    rejects({ type: 'submit', values: { kind: 'credential', name: 'n', fields: [{ key: 'k', type: 'String', sensitive: false, value: '', secretRef: 'x' }] } });
    // JSON.parse makes "__proto__" an own property, as a hostile page's message would have it.
    rejects(JSON.parse('{"type":"ready","__proto__":{"polluted":true}}'));
    rejects(JSON.parse('{"type":"submit","values":{"kind":"scope","name":"n","credentialId":"c","__proto__":{"isAdmin":true}}}'));
    rejects(JSON.parse('{"type":"submit","values":{"kind":"credential","name":"n","fields":[{"key":"k","type":"String","sensitive":false,"value":"","__proto__":{"sensitive":true}}]}}'));
    rejects({ type: 'ready', constructor: { prototype: { polluted: true } } });
    rejects(JSON.parse('{"type":"submit","values":{"kind":"provider","name":"n","type":"Other","accountId":"a","constructor":{"prototype":{"x":1}}}}'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
  });

  it('a parsed message is a fresh plain object, not the input', () => {
    const raw = { type: 'submit', values: { kind: 'scope', name: 'prod', credentialId: 'c' } };
    const result = parseWebviewMessage(raw);
    assert.ok(result.ok);
    assert.notEqual(result.message, raw);
    assert.equal(Object.getPrototypeOf(result.message), Object.prototype);
  });
});

describe('protocol: what a rejection may log', () => {
  it('reports the kind and issue paths only — never a value, even a secret in the wrong place', () => {
    const hostile = [
      { type: 'submit', values: { kind: 'credential', name: 'n', fields: [{ key: 'k', type: 'String', sensitive: 'on', value: secret }] } },
      { type: 'submit', values: { kind: 'provider', name: secret, type: 'Other', accountId: 5 } },
      { type: 'submit', values: { kind: 'provider', name: 'n', type: 'Other', accountId: 'a', [secret]: 1 } },
      { type: secret },
      { type: 'validate', seq: secret, values: { kind: secret } },
      JSON.parse(`{"type":"ready","__proto__":"${secret}"}`),
    ];
    for (const raw of hostile) {
      const result = parseWebviewMessage(raw);
      assert.equal(result.ok, false);
      if (result.ok) continue;
      const logged = `${result.kind}: ${result.issues.join(', ')}`;
      assert.ok(!logged.includes(secret), logged);
      assert.ok(!logged.includes('HRKU'), logged);
      assert.ok(result.issues.length > 0);
    }
  });

  it('names the issue path and code', () => {
    const result = parseWebviewMessage({ type: 'submit', values: { kind: 'credential', name: 'n', fields: [{ key: 'k', type: 'String', sensitive: 'on' }] } });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.kind, 'submit');
      assert.deepEqual(result.issues, ['invalid_type@values.fields.0.sensitive']);
    }
  });

  it('messageKindOf only returns the protocol\'s own kinds', () => {
    for (const kind of ['ready', 'submit', 'cancel', 'validate', 'addCredential']) assert.equal(messageKindOf({ type: kind }), kind);
    assert.equal(messageKindOf({ type: secret }), 'unknown');
    assert.equal(messageKindOf({ type: 'apitoken' }), 'unknown');
    assert.equal(messageKindOf({ type: 5 }), 'unknown');
    assert.equal(messageKindOf(Object.create({ type: 'ready' })), 'unknown');
    assert.equal(messageKindOf(null), 'unknown');
    assert.equal(messageKindOf('ready'), 'unknown');
  });

  it('the union schema is the one the parser uses', () => {
    assert.equal(webviewMessageSchema.safeParse({ type: 'ready' }).success, true);
    assert.equal(webviewMessageSchema.safeParse({ type: 'ready', x: 1 }).success, false);
  });
});
