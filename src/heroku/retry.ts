// How long to wait before trying a request again: what the server asked for (Retry-After), else exponential backoff
// with jitter, always within the request's attempts and total time.

export interface RetryOptions {
  /** Attempts per request, the first included (default 5). */
  maxAttempts: number;
  /** No retry is started once this much time has passed since the first attempt of a request (default 30 s). */
  maxTotalMs: number;
  /** First backoff delay; doubles per attempt, with jitter (default 500 ms). */
  baseDelayMs: number;
  /** Longest backoff delay (Retry-After may ask for more, within maxTotalMs) (default 8 s). */
  maxDelayMs: number;
}

export const defaultRetry: Readonly<RetryOptions> = { maxAttempts: 5, maxTotalMs: 30_000, baseDelayMs: 500, maxDelayMs: 8_000 };

/** Retry-After in milliseconds (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The wait before attempt `attempt + 1`: half the exponential delay plus up to the other half at random. */
export function backoffMs(retry: RetryOptions, attempt: number, random: () => number): number {
  const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Resolves after `ms`, or rejects with `cancelled()` as soon as the signal aborts. */
export function delay(ms: number, signal: AbortSignal | undefined, cancelled: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
