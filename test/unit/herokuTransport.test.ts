// How a response body is read (src/heroku/transport.ts readText): whole and exact whatever the chunking, with or
// without a declared length, within its byte limit and the listing's budget.
import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readText, type FetchLikeResponse, type ReadLimits } from '../../src/heroku/transport';

function response(chunks: readonly string[], contentLength?: number): FetchLikeResponse {
  const buffers = chunks.map((chunk) => Buffer.from(chunk, 'utf8'));
  return {
    status: 200,
    headers: { get: (name) => (name.toLowerCase() === 'content-length' && contentLength !== undefined ? String(contentLength) : null) },
    body: Readable.from(buffers),
  };
}

/** `text` cut into chunks of `size` bytes, a multi-byte character split across two of them included. */
function chunked(text: string, size: number): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: string[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size).toString('latin1'));
  return chunks;
}

function latin1Response(chunks: readonly string[], contentLength?: number): FetchLikeResponse {
  return { ...response([], contentLength), body: Readable.from(chunks.map((chunk) => Buffer.from(chunk, 'latin1'))) };
}

const tooLarge = (): Error => new Error('too large');
const strict = (bytes: number) => ({ bytes, truncate: false as const, tooLarge });

describe('reading a response body', () => {
  const text = JSON.stringify([{ name: 'café-prod', region: 'eu' }, { name: 'über-api', region: 'us' }, { name: '日本-app', region: 'eu' }]);
  const length = Buffer.byteLength(text);

  it('gives the exact text for any chunking, with the length declared or not', async () => {
    for (const size of [1, 2, 3, 7, 64, length]) {
      assert.equal(await readText(latin1Response(chunked(text, size), length), strict(1024)), text, `declared, chunks of ${size}`);
      assert.equal(await readText(latin1Response(chunked(text, size)), strict(1024)), text, `undeclared, chunks of ${size}`);
    }
  });

  it('reads on past a declared length that is too short (a decompressed body) and stops at a shorter body', async () => {
    assert.equal(await readText(latin1Response(chunked(text, 5), 10), strict(1024)), text);
    assert.equal(await readText(latin1Response(chunked(text, 5), length + 50), strict(1024)), text);
  });

  it('fails past its limit, declared or found while reading, and accepts a body exactly at it', async () => {
    await assert.rejects(readText(latin1Response(chunked(text, 8), length), strict(length - 1)), /too large/);
    await assert.rejects(readText(latin1Response(chunked(text, 8)), strict(length - 1)), /too large/);
    await assert.rejects(readText(latin1Response(chunked(text, 8), 10), strict(length - 1)), /too large/);
    assert.equal(await readText(latin1Response(chunked(text, 8), length), strict(length)), text);
  });

  it('cuts an error body at its limit', async () => {
    const limits: ReadLimits = { bytes: 12, truncate: true };
    assert.equal(await readText(response(['{"id":"rate_limit",', '"message":"slow down"}']), limits), '{"id":"rate_');
    assert.equal(await readText(response(['{"id":"rate_limit",', '"message":"slow down"}'], 8), limits), '{"id":"rate_');
  });

  it('counts every byte against the listing budget', async () => {
    const budget = { left: length - 1, exceeded: () => new Error('budget') };
    await assert.rejects(readText(latin1Response(chunked(text, 16), length), { ...strict(1024), budget }), /budget/);
    const enough = { left: length, exceeded: () => new Error('budget') };
    assert.equal(await readText(latin1Response(chunked(text, 16), length), { ...strict(1024), budget: enough }), text);
    assert.equal(enough.left, 0);
  });
});
