// The one redactor (src/model/redact.ts): every form a secret takes when it travels, short secrets, and a matrix of
// secrets × encodings × surrounding text checked by an independent leak search (decoding, not pattern matching).
import * as assert from 'node:assert/strict';
import { createHerokuClient, HerokuApiError, type FetchLike } from '../../src/heroku';
import { Redactor, redactedMarker, redactSecrets } from '../../src/model/redact';
import { startFakeHeroku } from '../../scripts/demoHeroku';

const token = 'tok_3f9a8b7c6d5e4f3a2b1c0d9e';
const uuid = '01234567-89ab-cdef-0123-456789abcdef';
const special = 'p@ss/wörd+x?&=%"\\ end';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const b64url = (text: string): string => Buffer.from(text).toString('base64url');

/** The text between markers, so that removing a marker cannot join two harmless halves into a hit. */
function pieces(text: string): string[] {
  return text.split(redactedMarker);
}

function percentDecoded(text: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const escape = /^%[0-9a-f]{2}$/i.test(text.slice(index, index + 3));
    if (escape) {
      bytes.push(Number.parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(text[index] === '+' ? ' ' : text[index]!));
    }
  }
  return Buffer.from(bytes);
}

/** Every way the secret could still be read out of `text`; empty when it cannot. */
function leaks(text: string, secret: string): string[] {
  const found: string[] = [];
  const bytes = Buffer.from(secret);
  const hex = /^[0-9a-f-]+$/i.test(secret);
  for (const piece of pieces(text)) {
    if ((hex ? piece.toLowerCase() : piece).includes(hex ? secret.toLowerCase() : secret)) found.push(`literal in ${JSON.stringify(piece)}`);
    if (secret.length >= 12) {
      for (let start = 0; start + 8 <= secret.length; start++) {
        if (piece.includes(secret.slice(start, start + 8))) found.push(`piece ${start} in ${JSON.stringify(piece)}`);
      }
    }
    if (percentDecoded(piece).includes(bytes)) found.push(`url-decoded in ${JSON.stringify(piece)}`);
    if (JSON.stringify(secret).slice(1, -1) !== secret && piece.includes(JSON.stringify(secret).slice(1, -1))) found.push('json');
    if (secret.length < 4) continue;
    for (const run of piece.match(/[0-9a-f]{8,}/gi) ?? []) {
      for (const offset of [0, 1]) {
        if (Buffer.from(run.slice(offset).toLowerCase(), 'hex').includes(bytes)) found.push(`hex in ${run}`);
      }
    }
    for (const run of piece.match(/[A-Za-z0-9+/_-]{4,}={0,2}/g) ?? []) {
      for (let offset = 0; offset < 4; offset++) {
        const decoded = Buffer.from(run.slice(offset).replace(/-/g, '+').replace(/_/g, '/'), 'base64');
        if (decoded.includes(bytes)) found.push(`base64 at ${offset} in ${run}`);
      }
    }
  }
  return found;
}

describe('the one redactor', () => {
  it('matches the trimmed secret: a token stored with spaces or a line break around it', () => {
    for (const registered of [` ${token}`, `${token}\n`, `\t${token}  `]) {
      const text = `Heroku said: token ${token} is invalid`;
      assert.equal(redactSecrets(text, [registered]), `Heroku said: token ${redactedMarker} is invalid`, JSON.stringify(registered));
      const redactor = new Redactor();
      redactor.add(registered);
      assert.equal(redactor.redact(text), `Heroku said: token ${redactedMarker} is invalid`);
    }
  });

  it('matches hex and UUID tokens in either case', () => {
    const hex = '3f9a8b7c6d5e4f3a2b1c0d9e3f9a8b7c';
    assert.equal(redactSecrets(`id ${uuid.toUpperCase()} end`, [uuid]), `id ${redactedMarker} end`);
    assert.equal(redactSecrets(`id ${uuid} end`, [uuid.toUpperCase()]), `id ${redactedMarker} end`);
    assert.equal(redactSecrets(`key=${hex.toUpperCase()};`, [hex]), `key=${redactedMarker};`);
    assert.equal(redactSecrets('Mixed 3F9A8b7C6D5E4F3A2B1C0D9E3f9a8b7c.', [hex]), `Mixed ${redactedMarker}.`);
  });

  it('does not ignore case for other tokens: their case is part of the value', () => {
    assert.equal(redactSecrets(`a ${token.toUpperCase()} b`, [token]), `a ${token.toUpperCase()} b`);
  });

  it('matches URL-encoded forms: encodeURIComponent, lower-case escapes, partly encoded, form-encoded', () => {
    const forms = [
      encodeURIComponent(special),
      encodeURIComponent(special).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
      encodeURI(special),
      new URLSearchParams({ q: special }).toString().slice(2),
      [...Buffer.from(special)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''),
    ];
    for (const form of forms) {
      const redacted = redactSecrets(`GET /x?token=${form}&page=2`, [special]);
      assert.equal(redacted, `GET /x?token=${redactedMarker}&page=2`, form);
    }
  });

  it('matches base64 and base64url of the token and of login:token at every alignment, and removes the whole run', () => {
    for (const login of ['', 'a', 'ab', 'abc', 'dev@example.com', 'heroku']) {
      for (const encode of [b64, b64url]) {
        const encoded = encode(`${login}:${token}`);
        assert.equal(redactSecrets(`{"auth":"${encoded}"}`, [token]), `{"auth":"${redactedMarker}"}`, `${login}: ${encoded}`);
      }
    }
    assert.equal(redactSecrets(`x ${b64(token)} y`, [token]), `x ${redactedMarker} y`);
    assert.equal(redactSecrets(`x ${b64(token).replace(/=+$/, '')} y`, [token]), `x ${redactedMarker} y`);
    assert.equal(redactSecrets(`sent Authorization: Basic ${b64(`:${uuid}`)}`, [uuid]), `sent Authorization: Basic ${redactedMarker}`);
  });

  it('matches the hex of the token\'s bytes and its JSON-escaped form', () => {
    const hex = Buffer.from(token).toString('hex');
    assert.equal(redactSecrets(`bytes ${hex} / ${hex.toUpperCase()}`, [token]), `bytes ${redactedMarker} / ${redactedMarker}`);
    const json = JSON.stringify({ message: `bad ${special}` });
    assert.ok(!JSON.parse(redactSecrets(json, [special])).message.includes(special));
    assert.equal(redactSecrets(json, [special]), JSON.stringify({ message: `bad ${redactedMarker}` }));
  });

  it('matches short secrets exactly, down to one character, without breaking its own marker', () => {
    assert.equal(redactSecrets('pin 42, again 42', ['42']), `pin ${redactedMarker}, again ${redactedMarker}`);
    assert.equal(redactSecrets('use k9Q now', ['k9Q']), `use ${redactedMarker} now`);
    // "a" also occurs in the marker («redacted»): every replacement is made in one pass over the original text.
    const redacted = redactSecrets('a cat', ['a']);
    assert.equal(redacted, `${redactedMarker} c${redactedMarker}t`);
    assert.deepEqual(leaks(redacted, 'a'), []);
    assert.equal(redactSecrets('x%61y', ['a']), `x${redactedMarker}y`, 'URL-encoded short secret');
  });

  it('ignores empty and blank secrets', () => {
    assert.equal(redactSecrets('nothing to hide', ['', '   ', undefined]), 'nothing to hide');
  });

  it('masks credential-shaped text nobody registered', () => {
    const text = 'Authorization: Bearer xyz123456789, authorization=abc, Basic dXNlcjpwYXNzMTIz, HRKU-abcdefgh123';
    assert.equal(redactSecrets(text, []),
      `Authorization: Bearer ${redactedMarker}, authorization=${redactedMarker}, Basic ${redactedMarker}, HRKU-${redactedMarker}`);
    assert.equal(redactSecrets('Basic dynos and bearer tokens are described in the docs', []),
      'Basic dynos and bearer tokens are described in the docs', 'prose stays readable');
  });

  it('a Redactor redacts every secret it was given, in every form', () => {
    const redactor = new Redactor();
    redactor.add(token);
    redactor.add(uuid.toUpperCase());
    redactor.add(undefined);
    const text = `${token} ${uuid} ${encodeURIComponent(token)} ${b64(`me:${token}`)}`;
    assert.equal(redactor.redact(text), [redactedMarker, redactedMarker, redactedMarker, redactedMarker].join(' '));
  });

  it('a matrix of secrets × encodings × surrounding text: no form can be read back', () => {
    const secrets = [token, uuid, '3F9A8B7C6D5E4F3A2B1C0D9E', 'HRKU-AAbbCCddEE-ffGG_hh1234', special, 'pdcanary_token_00ff11ee22dd33cc44bb55aa66997788', 'ü€😀x', 'k9Q', '7', 'a'];
    const encodings: [string, (secret: string) => string][] = [
      ['raw', (secret) => secret],
      ['lower', (secret) => secret.toLowerCase()],
      ['upper', (secret) => secret.toUpperCase()],
      ['url', (secret) => encodeURIComponent(secret)],
      ['url lower-case', (secret) => encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())],
      ['url every byte', (secret) => [...Buffer.from(secret)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')],
      ['form', (secret) => new URLSearchParams({ q: secret }).toString().slice(2)],
      ['json', (secret) => JSON.stringify(secret).slice(1, -1)],
      ['hex', (secret) => Buffer.from(secret).toString('hex')],
      ['HEX', (secret) => Buffer.from(secret).toString('hex').toUpperCase()],
      ...['', 'a', 'ab', 'abc', 'dev@example.com'].flatMap((login): [string, (secret: string) => string][] => [
        [`base64 ${login}:`, (secret) => b64(login ? `${login}:${secret}` : secret)],
        [`base64url ${login}:`, (secret) => b64url(login ? `${login}:${secret}` : secret)],
        [`base64 ${login}: unpadded`, (secret) => b64(`${login}:${secret}`).replace(/=+$/, '')],
      ]),
      ['base64 with trailing text', (secret) => b64(`${secret}\n{"more":true}`)],
    ];
    const contexts: [string, (form: string) => string][] = [
      ['sentence', (form) => `Heroku rejected ${form} just now.`],
      ['json', (form) => JSON.stringify({ id: 'bad_request', message: `invalid ${form}` })],
      ['url', (form) => `https://api.example.test/x?token=${form}&page=2`],
      ['glued', (form) => `id=${form}`],
    ];
    let tried = 0;
    const failures: string[] = [];
    for (const secret of secrets) {
      const caseMatters = !/^[0-9a-f-]+$/i.test(secret);
      for (const [encodingName, encode] of encodings) {
        // Another case of a token whose case matters is another value, not a form of it.
        if (caseMatters && (encodingName === 'lower' || encodingName === 'upper')) continue;
        const form = encode(secret);
        for (const [contextName, wrap] of contexts) {
          tried++;
          const found = leaks(redactSecrets(wrap(form), [secret]), secret);
          if (found.length > 0) failures.push(`${JSON.stringify(secret)} ${encodingName} in ${contextName}: ${found.join('; ')}`);
        }
      }
    }
    console.log(`      redaction matrix: ${tried} forms tried, ${failures.length} leaks`);
    assert.deepEqual(failures, []);
  });
});

describe('the Heroku client\'s errors go through the one redactor', () => {
  it('redacts the token from HerokuApiError.id and requestId, not only from the message', async () => {
    const hexToken = '3f9a8b7c6d5e4f3a2b1c0d9e3f9a8b7c';
    const fake = await startFakeHeroku({ token: hexToken });
    try {
      fake.setFault({ type: 'status', status: 422, id: `invalid_${hexToken}`, message: `rejected ${b64(`me:${hexToken}`)}` });
      let real: FetchLike | undefined;
      // A server (or a proxy) that echoes the token, upper-cased, in Request-Id.
      const echoingRequestId: FetchLike = async (url, init) => {
        real ??= (await import('node-fetch')).default as unknown as FetchLike;
        const response = await real(url, init);
        return { status: response.status, body: response.body,
          headers: { get: (name) => (name.toLowerCase() === 'request-id' ? `req-${hexToken.toUpperCase()}` : response.headers.get(name)) } };
      };
      const client = createHerokuClient({ baseUrl: fake.url, token: hexToken, userAgent: 'ProviderDesk/redact', redact: redactSecrets, fetchImpl: echoingRequestId });
      const error = await client.getAccount().then(() => assert.fail('expected a failure'), (failure: unknown) => failure);
      assert.ok(error instanceof HerokuApiError);
      assert.equal(error.id, `invalid_${redactedMarker}`);
      assert.equal(error.herokuMessage, `rejected ${redactedMarker}`);
      assert.equal(error.requestId, `req-${redactedMarker}`);
      assert.deepEqual(leaks(JSON.stringify(error) + String(error.stack), hexToken), []);
    } finally {
      await fake.close();
    }
  });
});
