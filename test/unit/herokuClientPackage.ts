// Heroku's own npm `heroku-client`, the client nobody here wrote that the fake Heroku API is checked against. It ships
// no type declarations; the surface the tests use is typed here.
import * as assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';

export interface HerokuClientRequestOptions {
  headers?: Record<string, string>;
  partial?: boolean;
}

export interface HerokuClient {
  get<T>(path: string, options?: HerokuClientRequestOptions): Promise<T>;
}

export interface HerokuClientOptions {
  token: string;
  host: string;
  partial?: boolean;
  headers?: Record<string, string>;
  middleware?: (response: IncomingMessage, next: () => void) => void;
}

/** What heroku-client rejects with for a non-2xx response. */
export interface HerokuClientError extends Error {
  statusCode: number;
  body: { id?: string; message?: string } | string;
}

export const Heroku = createRequire(__filename)('heroku-client') as new (options: HerokuClientOptions) => HerokuClient;

export async function rejection(promise: Promise<unknown>): Promise<HerokuClientError> {
  try {
    await promise;
  } catch (error) {
    return error as HerokuClientError;
  }
  assert.fail('expected the request to fail');
}
