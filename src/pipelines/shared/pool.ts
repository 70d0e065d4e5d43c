import { AbortError } from '../../sdk/index.js';

/**
 * Runs `fn` over an (async) iterable with at most `concurrency` calls in
 * flight, pulling items lazily so a huge folder is never held in memory.
 * Resolves when every started call has settled; `fn` handles its own errors.
 * On abort, calls in flight finish and no new one starts; then it throws AbortError.
 */
export async function forEachBounded<T>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  fn: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const iterator = Symbol.asyncIterator in items ? (items as AsyncIterable<T>)[Symbol.asyncIterator]() : toAsync(items as Iterable<T>);
  let done = false;
  const worker = async () => {
    for (;;) {
      if (signal?.aborted) throw new AbortError();
      if (done) return;
      const next = await iterator.next();
      if (next.done) {
        done = true;
        return;
      }
      await fn(next.value);
    }
  };
  // Let every started call settle before failing, so no call is still running when this returns.
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, concurrency) }, worker));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** Serialises async work: each call runs after the previous one settled. */
export function serial(): <R>(fn: () => Promise<R>) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return <R>(fn: () => Promise<R>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
