// The fetch the client uses and how it reads bodies: bounded, chunk by chunk, from a Node Readable (node-fetch) or a
// WHATWG ReadableStream (the global fetch).
//
// node-fetch v3 is ESM-only. This package compiles as CommonJS with `module: Node16`, where tsc rejects a static
// `import fetch from 'node-fetch'` (TS1479) although Node 20.19+ (require(esm)) and esbuild would cope; a dynamic
// import() type-checks, runs under tsx/mocha, and esbuild bundles it into dist/heroku.js all the same.
import * as http from 'node:http';
import * as https from 'node:https';

/** The part of a fetch Response the client uses; node-fetch v3 and the global fetch both fit. */
export interface FetchLikeResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  /** A Node Readable (node-fetch) or a WHATWG ReadableStream (global fetch). */
  readonly body: unknown;
}

export interface FetchLikeInit {
  method: 'GET';
  headers: Record<string, string>;
  redirect: 'manual';
  signal: AbortSignal;
  /** node-fetch's connection pool for the URL (the global fetch ignores it). */
  agent: (url: URL) => http.Agent;
}

export type FetchLike = (url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>;

/** Bytes a whole listing may still read, shared by its concurrent page reads. */
export interface ByteBudget {
  left: number;
  exceeded(): Error;
}

// One keep-alive pool per process, shared by every client: tickets, Verify Connection and the app pick reuse their
// TCP (and TLS) connections. Node 20's global agent and node-fetch 3.3 already reuse connections, but Node's default
// changed in 19 and node-fetch's across versions: the explicit pool keeps reuse independent of both. Idle sockets
// close after 4 s, before a Node server's default 5-s keep-alive timeout can close one under a request. In the
// extension host, VS Code's proxy support routes proxied requests through its own agents; direct ones reach this pool
// (localhost) or Node's keep-alive global agent.
const agentOptions: http.AgentOptions = { keepAlive: true, scheduling: 'lifo', timeout: 4_000 };
let agents: { http: http.Agent; https: https.Agent } | undefined;

export function keepAliveAgent(url: URL): http.Agent {
  agents ??= { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  return url.protocol === 'https:' ? agents.https : agents.http;
}

let nodeFetch: Promise<FetchLike> | undefined;

export function loadNodeFetch(): Promise<FetchLike> {
  nodeFetch ??= import('node-fetch').then((module) => module.default as unknown as FetchLike);
  return nodeFetch;
}

async function* chunksOf(body: unknown): AsyncGenerator<Uint8Array> {
  if (body === null || body === undefined) return;
  if (typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    }
    return;
  }
  const reader = (body as { getReader?: () => { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } }).getReader?.();
  if (!reader) return;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/** Past `bytes`, an error body is cut off; any other body fails with `tooLarge()`. */
export type ReadLimits =
  | { bytes: number; truncate: true }
  | {
    bytes: number;
    truncate: false;
    tooLarge(): Error;
    /** Also counts every chunk against the listing's budget. */
    budget?: ByteBudget;
  };

/** The body as UTF-8 text, within the limits. */
export async function readText(response: FetchLikeResponse, limits: ReadLimits): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (!limits.truncate && Number.isFinite(declared) && declared > limits.bytes) {
    await discard(response);
    throw limits.tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunksOf(response.body)) {
    if (!limits.truncate && limits.budget) {
      limits.budget.left -= chunk.byteLength;
      if (limits.budget.left < 0) throw limits.budget.exceeded();
    }
    size += chunk.byteLength;
    if (size > limits.bytes) {
      if (!limits.truncate) throw limits.tooLarge();
      chunks.push(chunk.subarray(0, chunk.byteLength - (size - limits.bytes)));
      break;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function discard(response: FetchLikeResponse): Promise<void> {
  const body = response.body as { destroy?: () => void; cancel?: () => Promise<void> } | null;
  try {
    if (typeof body?.destroy === 'function') body.destroy();
    else if (typeof body?.cancel === 'function') await body.cancel();
  } catch {
    // nothing to clean up
  }
}

/** Resolves after `turns` turns of the event loop. */
export function yieldTurns(turns: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number): void => {
      if (left <= 0) resolve(); else setImmediate(step, left - 1);
    };
    step(turns);
  });
}
