import { strict as assert } from 'node:assert';
import { checkFieldValue, suggestSensitive, type FieldType } from '../../src/model/fields';
import {
  credentialFieldSchema,
  credentialSchema,
  keySchema,
  nameSchema,
  providerSchema,
  scopeSchema,
} from '../../src/model/schemas';
import { problemOfIssue } from '../../src/model/problems';
import { problemText } from '../../src/model/problemTexts';
import { findNameClash, validateCredentialInput, validateProviderInput, validateScopeInput, type FieldError } from '../../src/model/validation';

/** The text of a failed parse's first issue, as the user reads it. */
function issueText(result: { error?: { issues: Parameters<typeof problemOfIssue>[0][] } }): string {
  return problemText(problemOfIssue(result.error!.issues[0]));
}

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function errorsOf(result: { ok: true } | { ok: false; errors: FieldError[] }): Record<string, string> {
  assert.ok(!result.ok, 'expected validation to fail');
  return Object.fromEntries(result.errors.map((error) => [error.field, problemText(error)]));
}

describe('names', () => {
  it('are trimmed and 1–100 characters', () => {
    assert.equal(nameSchema.parse('  Heroku prod  '), 'Heroku prod');
    assert.equal(nameSchema.parse('x'.repeat(100)), 'x'.repeat(100));
    assert.match(issueText(nameSchema.safeParse('x'.repeat(101))), /at most 100 characters/);
    assert.match(issueText(nameSchema.safeParse('   ')), /Enter a name/);
    assert.match(issueText(nameSchema.safeParse('')), /Enter a name/);
    assert.match(issueText(nameSchema.safeParse('two\nlines')), /line breaks/);
    assert.ok(!nameSchema.safeParse(42).success);
  });

  it('must be unique within their parent, ignoring case and surrounding spaces', () => {
    const siblings = [{ id: id(1), name: 'Heroku' }, { id: id(2), name: 'Staging' }];
    assert.deepEqual(findNameClash(' heroku ', siblings), siblings[0]);
    assert.equal(findNameClash('heroku', siblings, id(1)), undefined, 'its own name is no clash');
    assert.equal(findNameClash('Production', siblings), undefined);
    assert.deepEqual(findNameClash('STAGING', ['staging']), 'staging');
  });
});

describe('keys', () => {
  it('are trimmed, 1–64 characters of [A-Za-z0-9_.-]', () => {
    assert.equal(keySchema.parse(' apitoken '), 'apitoken');
    assert.equal(keySchema.parse('API_key.v2-x'), 'API_key.v2-x');
    assert.ok(keySchema.safeParse('k'.repeat(64)).success);
    assert.match(issueText(keySchema.safeParse('k'.repeat(65))), /at most 64/);
    assert.match(issueText(keySchema.safeParse('')), /Enter a key/);
    for (const bad of ['api token', 'tök', 'a/b', 'a:b', 'key!']) assert.match(issueText(keySchema.safeParse(bad)), /only letters, digits/, bad);
  });

  it('suggestSensitive flags secret-looking keys', () => {
    for (const key of ['apitoken', 'token', 'api_key', 'apiKey', 'API-KEY', 'key', 'secret', 'client_secret', 'password', 'db.passwd', 'access_token', 'privateKey']) {
      assert.ok(suggestSensitive(key), key);
    }
    for (const key of ['username', 'region', 'email', 'app', 'keyboard_layout', 'team', '']) {
      assert.ok(!suggestSensitive(key), key);
    }
  });
});

describe('field values', () => {
  it('are checked against their type, without repeating the value', () => {
    assert.equal(checkFieldValue('String', 'abc'), undefined);
    const valueProblem = (type: FieldType, value: string): string | undefined => {
      const found = checkFieldValue(type, value);
      return found && problemText(found);
    };
    assert.match(valueProblem('String', 'a\nb')!, /single line/);
    assert.equal(checkFieldValue('Multiline', 'a\nb'), undefined);
    for (const good of ['42', '-3.5', ' 7 ', '1e3', '.5']) assert.equal(checkFieldValue('Number', good), undefined, good);
    for (const bad of ['', 'abc', '0x10', 'Infinity', '1,5', 'secret-123']) {
      const message = valueProblem('Number', bad);
      assert.match(message ?? '', /Enter a number/, bad);
      if (bad) assert.ok(!message!.includes(bad));
    }
    assert.equal(checkFieldValue('Boolean', 'true'), undefined);
    assert.equal(checkFieldValue('Boolean', 'false'), undefined);
    for (const bad of ['yes', 'True', '1', '']) assert.match(valueProblem('Boolean', bad) ?? '', /true or false/, bad);
    assert.match(valueProblem('Multiline', 'x'.repeat(64 * 1024 + 1)) ?? '', /too long/);
  });
});

describe('stored schemas', () => {
  const provider = { id: id(1), name: 'Heroku', type: 'Heroku', accountId: 'https://api.heroku.com/', createdAt: '2024-05-01T10:00:00.000Z' };

  it('provider: normalises the Account ID and checks every property', () => {
    assert.deepEqual(providerSchema.parse(provider), { ...provider, accountId: 'api.heroku.com' });
    assert.ok(!providerSchema.safeParse({ ...provider, id: 'not-a-uuid' }).success);
    assert.ok(!providerSchema.safeParse({ ...provider, type: 'AWS' }).success);
    assert.ok(!providerSchema.safeParse({ ...provider, accountId: 'http://api.heroku.com' }).success);
    assert.ok(!providerSchema.safeParse({ ...provider, createdAt: 'yesterday' }).success);
  });

  it('credential field: a sensitive field never carries a value; a non-sensitive one must fit its type', () => {
    assert.ok(credentialFieldSchema.safeParse({ id: id(3), key: 'apitoken', type: 'String', sensitive: true }).success);
    const leaked = credentialFieldSchema.safeParse({ id: id(3), key: 'apitoken', type: 'String', sensitive: true, value: 'x' });
    assert.match(issueText(leaked), /sensitive value must not be kept in metadata/);
    assert.ok(credentialFieldSchema.safeParse({ id: id(3), key: 'port', type: 'Number', sensitive: false, value: '42' }).success);
    assert.ok(!credentialFieldSchema.safeParse({ id: id(3), key: 'port', type: 'Number', sensitive: false, value: 'x' }).success);
    assert.ok(!credentialFieldSchema.safeParse({ id: id(3), key: 'port', type: 'Number', sensitive: false }).success);
  });

  it('credential: keys unique (case-insensitive), field ids unique', () => {
    const field = (n: number, key: string) => ({ id: id(n), key, type: 'String', sensitive: false, value: '' });
    const credential = { id: id(2), providerId: id(1), name: 'c', boundAccountId: 'api.heroku.com' };
    assert.ok(credentialSchema.safeParse({ ...credential, fields: [field(3, 'a'), field(4, 'b')] }).success);
    const dupKey = credentialSchema.safeParse({ ...credential, fields: [field(3, 'a'), field(4, 'A')] });
    assert.deepEqual(dupKey.error!.issues[0]!.path, ['fields', 1, 'key']);
    const dupId = credentialSchema.safeParse({ ...credential, fields: [field(3, 'a'), field(3, 'b')] });
    assert.deepEqual(dupId.error!.issues[0]!.path, ['fields', 1, 'id']);
  });

  it('credential: bound to the Account ID its secrets were stored for, in normalised form', () => {
    const credential = { id: id(2), providerId: id(1), name: 'c', fields: [] };
    assert.equal(credentialSchema.parse({ ...credential, boundAccountId: 'HTTPS://API.heroku.com:443/' }).boundAccountId, 'api.heroku.com');
    assert.deepEqual(credentialSchema.safeParse(credential).error!.issues[0]!.path, ['boundAccountId']);
    assert.ok(!credentialSchema.safeParse({ ...credential, boundAccountId: 'http://example.com' }).success);
  });

  it('scope: name and ids', () => {
    assert.ok(scopeSchema.safeParse({ id: id(5), providerId: id(1), name: 'prod', credentialId: id(2) }).success);
    assert.ok(!scopeSchema.safeParse({ id: id(5), providerId: id(1), name: 'prod' }).success);
  });
});

describe('validateProviderInput', () => {
  it('returns the normalised draft, with Heroku as the default type for api.heroku.com', () => {
    assert.deepEqual(validateProviderInput({ name: ' Heroku ', accountId: 'https://api.heroku.com/' }, []),
      { ok: true, value: { name: 'Heroku', type: 'Heroku', accountId: 'api.heroku.com' } });
    assert.deepEqual(validateProviderInput({ name: 'Mock', accountId: 'http://127.0.0.1:5000', kind: 'provider' }, []),
      { ok: true, value: { name: 'Mock', type: 'Other', accountId: 'http://127.0.0.1:5000' } });
    assert.deepEqual(validateProviderInput({ name: 'Mock', type: 'Heroku', accountId: 'localhost:5000' }, []),
      { ok: true, value: { name: 'Mock', type: 'Heroku', accountId: 'localhost:5000' } });
  });

  it('addresses every problem by field', () => {
    assert.deepEqual(errorsOf(validateProviderInput({ name: '', type: 'AWS', accountId: 'http://example.com' }, [])), {
      name: 'Enter a name.',
      type: 'Choose a provider type: Heroku or Other.',
      accountId: 'Plain http:// is only allowed for a loopback host (localhost, 127.0.0.1, [::1]). Use https://.',
    });
    assert.deepEqual(Object.keys(errorsOf(validateProviderInput({ name: 'x' }, []))), ['accountId']);
    assert.deepEqual(Object.keys(errorsOf(validateProviderInput(null, []))), ['']);
  });

  it('reports a taken name (but not the edited provider\'s own name), alongside other errors', () => {
    const existing = [{ id: id(1), name: 'Heroku' }];
    assert.deepEqual(errorsOf(validateProviderInput({ name: 'heroku', accountId: 'bad_host' }, existing)), {
      name: 'A provider named "heroku" already exists.',
      accountId: 'The host name is not valid: use letters, digits, hyphens (not at the start or end of a part) and dots, for example api.heroku.com or https://api.heroku.com.',
    });
    assert.ok(validateProviderInput({ name: 'HEROKU', accountId: 'api.heroku.com' }, existing, { selfId: id(1) }).ok);
  });
});

describe('validateCredentialInput', () => {
  it('fills in defaults: type String, Sensitive suggested from the key', () => {
    assert.deepEqual(validateCredentialInput({ name: ' Token ', fields: [{ key: ' apitoken ', value: 'abc' }, { key: 'user', value: 'me' }] }, []), {
      ok: true,
      value: { name: 'Token', fields: [
        { key: 'apitoken', type: 'String', sensitive: true, value: 'abc' },
        { key: 'user', type: 'String', sensitive: false, value: 'me' },
      ] },
    });
  });

  it('addresses key, type and value errors by field path', () => {
    const errors = errorsOf(validateCredentialInput({ name: 'c', fields: [
      { key: 'apitoken', type: 'String', sensitive: true, value: 'tok' },
      { key: 'APITOKEN', type: 'String', sensitive: false, value: '' },
      { key: 'bad key', type: 'String', sensitive: false, value: '' },
      { key: 'port', type: 'Number', sensitive: false, value: 'eighty' },
      { key: 'flag', type: 'Weird', sensitive: false, value: '' },
      { key: 'pin', type: 'String', sensitive: true, value: '' },
    ] }, []));
    assert.deepEqual(errors, {
      'fields.1.key': 'The key "APITOKEN" is already used by field 1 of this credential.',
      'fields.2.key': 'A key can contain only letters, digits, "_", "." and "-".',
      'fields.3.value': 'Enter a number, for example 42 or 3.5.',
      'fields.4.type': 'Choose a field type: String, Number, Boolean, Multiline.',
      'fields.5.value': 'Enter a value.',
    });
  });

  it('needs at least one field, a name not taken, and values for new sensitive fields', () => {
    assert.deepEqual(errorsOf(validateCredentialInput({ name: 'Token', fields: [] }, [{ id: id(9), name: 'token' }])), {
      fields: 'Add at least one field.',
      name: 'This provider already has a credential named "Token".',
    });
    assert.deepEqual(errorsOf(validateCredentialInput({ name: 'c', fields: [{ key: 'apitoken', sensitive: true }] }, [])), { 'fields.0.value': 'Enter a value.' });
    // A live check whose sensitive values were left out on purpose.
    assert.ok(validateCredentialInput({ name: 'c', fields: [{ key: 'apitoken', sensitive: true }] }, [], { requireSensitiveValues: false }).ok);
  });

  it('editing: an undefined value keeps the stored one; unknown ids make new fields', () => {
    const current = { id: id(2), fields: [
      { id: id(3), key: 'apitoken', type: 'String' as const, sensitive: true },
      { id: id(4), key: 'user', type: 'String' as const, sensitive: false, value: 'me' },
    ] };
    const result = validateCredentialInput({ name: 'c', fields: [
      { id: id(3), key: 'token', type: 'String', sensitive: true },
      { id: id(4), key: 'user', type: 'String', sensitive: false },
      { id: id(99), key: 'extra', type: 'String', sensitive: false, value: 'x' },
    ] }, [{ id: id(2), name: 'c' }], { current });
    assert.deepEqual(result, { ok: true, value: { name: 'c', fields: [
      { id: id(3), key: 'token', type: 'String', sensitive: true },
      { id: id(4), key: 'user', type: 'String', sensitive: false, value: 'me' },
      { key: 'extra', type: 'String', sensitive: false, value: 'x' },
    ] } });
  });

  it('editing: a kept value must fit a changed type; a kept empty value cannot become a secret', () => {
    const current = { fields: [{ id: id(4), sensitive: false, value: 'me' }, { id: id(5), sensitive: false, value: '' }] };
    assert.deepEqual(errorsOf(validateCredentialInput({ name: 'c', fields: [
      { id: id(4), key: 'user', type: 'Number', sensitive: false },
      { id: id(5), key: 'pin', type: 'String', sensitive: true },
    ] }, [], { current })), {
      'fields.0.value': 'The current value does not fit the type Number. Enter a number, for example 42 or 3.5.',
      'fields.1.value': 'Enter a value.',
    });
  });

  it('never repeats a value in a message', () => {
    const secret = 'HRKU-supersecret\nvalue';
    const result = validateCredentialInput({ name: 'c', fields: [{ key: 'apitoken', type: 'String', sensitive: true, value: secret }] }, []);
    assert.ok(!JSON.stringify(result).includes('supersecret'));
  });
});

describe('validateScopeInput', () => {
  it('needs a unique name and one of the provider\'s credentials', () => {
    assert.deepEqual(validateScopeInput({ name: ' prod ', credentialId: id(2) }, [], [id(2)]), { ok: true, value: { name: 'prod', credentialId: id(2) } });
    assert.deepEqual(errorsOf(validateScopeInput({ name: 'Prod', credentialId: id(3) }, [{ id: id(5), name: 'prod' }], [{ id: id(2) }])), {
      name: 'This provider already has a scope named "Prod".',
      credentialId: 'Choose one of this provider\'s credentials; the selected credential does not exist (any more).',
    });
    assert.deepEqual(errorsOf(validateScopeInput({ name: 'prod', credentialId: '' }, [], [id(2)])), { credentialId: 'Choose a credential for this scope.' });
    assert.ok(validateScopeInput({ name: 'prod', credentialId: id(2) }, [{ id: id(5), name: 'prod' }], [id(2)], { selfId: id(5) }).ok);
  });
});

describe('validateCredentialInput: left-out settings of an edited field', () => {
  it('keep the stored Sensitive and type instead of guessing them from the key', () => {
    const current = { fields: [
      { id: id(3), sensitive: true, type: 'String' as const },
      { id: id(4), sensitive: false, type: 'Number' as const, value: '42' },
    ] };
    assert.deepEqual(validateCredentialInput({ name: 'c', fields: [{ id: id(3), key: 'region' }, { id: id(4), key: 'api_key' }] }, [], { current }), {
      ok: true,
      value: { name: 'c', fields: [
        { id: id(3), key: 'region', type: 'String', sensitive: true },
        { id: id(4), key: 'api_key', type: 'Number', sensitive: false, value: '42' },
      ] },
    });
  });
});
