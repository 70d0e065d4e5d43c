import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/pipelines/shared/worker-pool.js';

const ECHO = pathToFileURL(join(import.meta.dirname, '..', 'fixtures', 'echo-worker.mjs'));
type Out = { echo: string; thread: number };
const pools: Array<WorkerPool<string, Out>> = [];
const make = (options: { size: number; perWorker?: number; workerData?: unknown }) => {
  const p = new WorkerPool<string, Out>(ECHO, options);
  pools.push(p);
  return p;
};
afterEach(async () => {
  while (pools.length) await pools.pop()!.close();
});

describe('WorkerPool', () => {
  it('runs tasks on every thread and returns each result to its caller', async () => {
    const pool = make({ size: 2, perWorker: 2 });
    await pool.ready();
    const inputs = Array.from({ length: 20 }, (_, i) => `item-${i}`);
    const outs = await Promise.all(inputs.map((i) => pool.run(i)));
    expect(outs.map((o) => o.echo)).toEqual(inputs);
    expect(new Set(outs.map((o) => o.thread)).size).toBe(2);
  });

  it('turns a task error into a TalentError with its code and hint, and keeps going', async () => {
    const pool = make({ size: 1 });
    await expect(pool.run('bad')).rejects.toMatchObject({ code: 'E_BAD', hint: 'fix it', retryable: false });
    await expect(pool.run('fine')).resolves.toMatchObject({ echo: 'fine' });
  });

  it('replaces a thread that dies: the item that killed it fails alone, the others complete', async () => {
    const pool = make({ size: 2, perWorker: 1 });
    await pool.ready();
    const results = await Promise.allSettled(['a', 'crash', 'b', 'c', 'd'].map((i) => pool.run(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'E_WORKER_CRASHED', hint: expect.any(String) });
    await expect(pool.run('after')).resolves.toMatchObject({ echo: 'after' });
  });

  it('fails every task with the startup error when a worker cannot start', async () => {
    const pool = make({ size: 2, workerData: { failInit: true } });
    await expect(pool.ready()).rejects.toMatchObject({ code: 'E_TEST_INIT', hint: 'reinstall' });
    await expect(pool.run('x')).rejects.toMatchObject({ code: 'E_TEST_INIT' });
  });
});
