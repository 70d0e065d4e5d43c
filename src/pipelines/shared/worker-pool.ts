import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';
import { TalentError, type Fault } from '../../sdk/index.js';

/** A TalentError as it crosses a thread boundary. */
export interface WireError {
  name?: string;
  code: string;
  message: string;
  fault?: Fault;
  retryable?: boolean;
  hint?: string;
  file?: string;
}

export const toWireError = (err: unknown): WireError => {
  if (err instanceof TalentError) return { name: err.name, code: err.code, message: err.message, fault: err.fault, retryable: err.retryable, hint: err.hint, file: err.file };
  return { code: 'E_INTERNAL', message: err instanceof Error ? err.message : String(err), fault: 'internal', retryable: false };
};

export const fromWireError = (e: WireError): TalentError =>
  new TalentError(e.message, { code: e.code, fault: e.fault ?? 'internal', retryable: e.retryable ?? false, hint: e.hint, file: e.file });

/** Messages between the pool and its workers. */
export type ToWorker<I> = { id: number; input: I };
export type FromWorker<O> = { ready: true } | { fatal: WireError } | { id: number; ok: true; output: O } | { id: number; ok: false; error: WireError };

interface Task<I, O> {
  id: number;
  input: I;
  transfer?: Transferable[];
  attempts: number;
  resolve: (o: O) => void;
  reject: (e: TalentError) => void;
}

interface Slot<I, O> {
  worker: Worker;
  ready: Promise<void>;
  inFlight: Map<number, Task<I, O>>;
}

export interface WorkerPoolOptions {
  /** Threads. Each loads its own copy of whatever the worker module loads (e.g. the embedding model). */
  size: number;
  /** Tasks handed to one worker before it answers; > 1 lets a worker batch or overlap work. Default 1. */
  perWorker?: number;
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
}

/**
 * A fixed pool of worker threads running one module. Tasks queue in order and
 * go to the worker with the fewest in flight. A worker that dies is replaced;
 * its tasks are retried once on another worker, then fail with E_WORKER_CRASHED
 * (so one file that crashes its thread fails alone).
 */
export class WorkerPool<I, O> {
  private readonly slots: Array<Slot<I, O>> = [];
  private readonly queue: Array<Task<I, O>> = [];
  private nextId = 1;
  private closed = false;
  private fatal: TalentError | undefined;

  constructor(
    private readonly url: URL,
    private readonly options: WorkerPoolOptions,
  ) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves when every worker has started (loaded its module and answered `ready`). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  run(input: I, transfer?: Transferable[]): Promise<O> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new TalentError('The worker pool is closed', { code: 'E_INTERNAL' }));
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, transfer, attempts: 0, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new TalentError('The worker pool was closed', { code: 'E_ABORTED', fault: 'user' }));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot<I, O> {
    const worker = new Worker(this.url, { workerData: this.options.workerData, resourceLimits: this.options.resourceLimits });
    const slot: Slot<I, O> = { worker, inFlight: new Map(), ready: Promise.resolve() };
    slot.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromWorker<O>) => {
        if ('ready' in m) {
          resolve();
          return;
        }
        if ('fatal' in m) {
          // The worker cannot start (e.g. the model does not load): every task would fail the same way.
          this.fail(fromWireError(m.fatal));
          reject(this.fatal);
          return;
        }
        const task = slot.inFlight.get(m.id);
        if (!task) return;
        slot.inFlight.delete(m.id);
        if (m.ok) task.resolve(m.output);
        else task.reject(fromWireError(m.error));
        this.dispatch();
      });
      worker.on('error', (err) => this.crashed(slot, err));
      worker.on('exit', (code) => {
        if (!this.closed) this.crashed(slot, new Error(`exited with code ${code}`));
      });
    });
    slot.ready.catch(() => undefined);
    return slot;
  }

  private crashed(slot: Slot<I, O>, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    void slot.worker.terminate();
    const orphans = [...slot.inFlight.values()];
    slot.inFlight.clear();
    for (const t of orphans) {
      if (++t.attempts < 2) this.queue.unshift(t);
      else {
        t.reject(
          new TalentError(`A worker thread died while processing this item: ${err.message}`, {
            code: 'E_WORKER_CRASHED',
            hint: 'The file may be malformed in a way that crashes the extractor or exhausts a worker\'s memory; check it, or import it with --workers 0.',
          }),
        );
      }
    }
    if (this.fatal) return;
    this.slots[i] = this.spawn();
    this.dispatch();
  }

  private fail(err: TalentError): void {
    this.fatal = err;
    for (const t of this.queue.splice(0)) t.reject(err);
    for (const s of this.slots) {
      for (const t of s.inFlight.values()) t.reject(err);
      s.inFlight.clear();
    }
  }

  private dispatch(): void {
    const perWorker = Math.max(1, this.options.perWorker ?? 1);
    while (this.queue.length > 0) {
      let best: Slot<I, O> | undefined;
      for (const s of this.slots) if (s.inFlight.size < perWorker && (!best || s.inFlight.size < best.inFlight.size)) best = s;
      if (!best) return;
      const task = this.queue.shift()!;
      best.inFlight.set(task.id, task);
      best.worker.postMessage({ id: task.id, input: task.input } satisfies ToWorker<I>, task.transfer ?? []);
    }
  }
}
