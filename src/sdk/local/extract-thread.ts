/**
 * Runs document decoding in a long-lived worker thread with a heap limit, one
 * file at a time, so that a file that runs too long or allocates too much is
 * really stopped (the thread is terminated, or V8 stops it at its heap limit)
 * and fails alone with a named error; the next file gets a fresh thread.
 * pdf.js and mammoth load once per thread, not per file.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExtractionError, TalentError } from '../errors.js';
import type { ExtractedText } from '../ports/index.js';
import type { DecodeOptions } from './extract/decode.js';
import { timeoutError } from './extract/ocr.js';
import { fromWire, type ExtractReply, type ExtractRequest } from './extract-wire.js';

export interface ExtractionThreadOptions {
  decode: DecodeOptions;
  /** Time limit for one file, counted from the moment its decoding starts (not while it waits its turn). */
  timeoutMs: number;
  /** The thread's V8 heap limit (old generation), in MiB. */
  memoryMb: number;
  /** The worker module to run (default: `extractWorkerModule()`); tests point it at faulty workers. */
  module?: { url: URL; entry?: string };
}

interface Job {
  id: number;
  bytes: Uint8Array;
  file?: string;
  resolve: (r: ExtractedText) => void;
  reject: (e: TalentError) => void;
  timer?: ReturnType<typeof setTimeout>;
}

interface Thread {
  worker: Worker;
  ready: boolean;
}

/** The worker module, and how to start it: the built .js file, or the .ts source through tsx. */
export function extractWorkerModule(): { url: URL; entry?: string } | undefined {
  if (import.meta.url.endsWith('.ts')) {
    return { url: new URL('./extract-worker-dev.mjs', import.meta.url), entry: new URL('./extract-worker.ts', import.meta.url).href };
  }
  // tsup emits dist/sdk/extract-worker.js; this code may sit in dist/sdk/, in a shared chunk in dist/, or in dist/<other entry>/.
  for (const rel of ['./extract-worker.js', './sdk/extract-worker.js', '../sdk/extract-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return { url };
  }
  return undefined;
}

export class ExtractionThread {
  private thread: Thread | undefined;
  private current: Job | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly options: ExtractionThreadOptions) {}

  /** Decodes one document in the thread. Files queue and are decoded in the order they came. */
  run(bytes: Uint8Array, file: string | undefined): Promise<ExtractedText> {
    return new Promise<ExtractedText>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, bytes, file, resolve, reject });
      this.pump();
    });
  }

  /** Stops the thread; files still waiting fail with E_ABORTED. A later `run` starts a new thread. */
  async close(): Promise<void> {
    const stopped = new TalentError('The text extractor was closed', { code: 'E_ABORTED', fault: 'user' });
    for (const job of this.queue.splice(0)) job.reject(stopped);
    const job = this.current;
    this.current = undefined;
    if (job) this.settle(job, stopped);
    const t = this.thread;
    this.thread = undefined;
    if (t) await t.worker.terminate();
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      // An idle thread must not keep the process alive (e.g. `talent parse` exits when done).
      this.thread?.worker.unref();
      return;
    }
    let t = this.thread;
    if (!t) {
      try {
        t = this.spawn();
      } catch (err) {
        job.reject(unavailable(err));
        this.pump();
        return;
      }
    }
    this.current = job;
    t.worker.ref();
    if (t.ready) this.start(t, job);
  }

  /** Hands the job to a started thread; its time limit runs from here. */
  private start(t: Thread, job: Job): void {
    job.timer = setTimeout(() => this.stop(t, job, timeoutError(job.file)), this.options.timeoutMs);
    t.worker.postMessage({ id: job.id, bytes: job.bytes, file: job.file } satisfies ExtractRequest);
  }

  private spawn(): Thread {
    const module = this.options.module ?? extractWorkerModule();
    if (!module) throw new Error('extract-worker.js is missing next to the built SDK');
    const worker = new Worker(module.url, {
      workerData: { decode: this.options.decode, entry: module.entry },
      // A small young generation keeps the thread's garbage from piling up between collections: importing
      // 200 seeded resumes with two workers peaked at 490–516 MiB with it and 548–568 MiB without, at the
      // same CPU time (GNU time, `talent import <folder> --json`, 2026-11-25).
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: 4 },
      // No `stdout: true`: piped worker stdio would keep the process alive even when the thread is unref'd.
    });
    const t: Thread = { worker, ready: false };
    this.thread = t;
    worker.on('message', (m: ExtractReply) => {
      if (this.thread !== t) return;
      if ('ready' in m) {
        t.ready = true;
        if (this.current) this.start(t, this.current);
        return;
      }
      const job = this.current;
      if (!job || job.id !== m.id) return;
      this.current = undefined;
      if (m.ok) {
        clearTimeout(job.timer);
        job.resolve(m.result);
      } else this.settle(job, fromWire(m.error));
      this.pump();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const job = this.current;
      const error =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? memoryError(job?.file, this.options.memoryMb)
          : t.ready
            ? crashError(job?.file, err.message)
            : unavailable(err);
      this.stop(t, job, error);
    });
    worker.on('exit', (code) => {
      const why = `the thread exited with code ${code}`;
      this.stop(t, this.current, t.ready ? crashError(this.current?.file, why) : unavailable(new Error(why)));
    });
    return t;
  }

  /** Ends thread `t` (if still the live one) and fails `job` (if still the current one), then goes on with the queue. */
  private stop(t: Thread, job: Job | undefined, error: TalentError): void {
    if (this.thread !== t) return;
    this.thread = undefined;
    void t.worker.terminate();
    if (job && this.current === job) {
      this.current = undefined;
      this.settle(job, error);
    }
    this.pump();
  }

  private settle(job: Job, error: TalentError): void {
    clearTimeout(job.timer);
    job.reject(error);
  }
}

function memoryError(file: string | undefined, memoryMb: number): ExtractionError {
  return new ExtractionError(`${file ?? 'document'}: reading it needed more than the ${memoryMb} MiB memory limit for one file, so it was stopped`, {
    code: 'E_EXTRACT_MEMORY',
    file,
    hint: 'The document is far larger or more complex than a resume (hundreds of pages, huge tables, or a damaged file). Export a smaller file, or raise parsing.extractMemoryMb.',
  });
}

function crashError(file: string | undefined, why: string): ExtractionError {
  return new ExtractionError(`${file ?? 'document'}: the extraction thread stopped while reading it (${why})`, {
    code: 'E_EXTRACT_CRASHED',
    file,
    hint: 'The file is probably malformed in a way that crashes the decoder: re-export it (PDF or DOCX) and import it again.',
  });
}

function unavailable(err: unknown): TalentError {
  return new TalentError(`The text extraction thread could not start: ${err instanceof Error ? err.message : String(err)}`, {
    code: 'E_EXTRACT_UNAVAILABLE',
    hint: 'Reinstall or rebuild talent (`npm ci && npm run build`): its extract-worker.js module is missing or cannot load.',
  });
}
