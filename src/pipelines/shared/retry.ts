import { AbortError, backoffDelayMs, shouldRetry } from '../../sdk/index.js';

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  signal?: AbortSignal;
  /** Called before each wait, e.g. to report the retry. */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  /** Injected in tests. Default: exponential backoff from 0.5 s to 8 s with full jitter. */
  delayMs?: (attempt: number) => number;
}

/** Runs `fn`, retrying transient failures only (`shouldRetry`), with exponential backoff and jitter. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof AbortError || attempt >= options.retries || !shouldRetry(err)) throw err;
      if (options.signal?.aborted) throw new AbortError();
      const delay = (options.delayMs ?? backoffDelayMs)(attempt);
      options.onRetry?.(err, attempt + 1, delay);
      await sleep(delay, options.signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(new AbortError());
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
