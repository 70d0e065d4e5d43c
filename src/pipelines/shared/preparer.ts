import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { TalentError, type PreparedCandidate, type ResumeInput, type TalentClient } from '../../sdk/index.js';
import type { PrepareResult, PrepareTask, PrepareWorkerData } from './prepare-worker.js';
import { WorkerPool } from './worker-pool.js';

/** Turns resume bytes into a prepared candidate: in this thread, or in worker threads. */
export interface Preparer {
  prepare(input: ResumeInput): Promise<PreparedCandidate>;
  close(): Promise<void>;
  /** Worker threads in use; 0 when preparing in this thread. */
  readonly workers: number;
  /** Files worth having in flight to keep every thread busy. */
  readonly parallelism: number;
}

/** Extracts and parses in this thread; embedding happens later, in batches, in `candidates.save`. */
export function inProcessPreparer(talent: TalentClient, concurrency: number): Preparer {
  return { prepare: (input) => talent.candidates.prepare(input), close: async () => undefined, workers: 0, parallelism: concurrency };
}

/** The default thread count: one per core the process may use. */
export const defaultWorkerCount = (): number => availableParallelism();

/**
 * The built worker module. tsup emits it as dist/pipelines/prepare-worker.js;
 * the code asking for it may sit in dist/pipelines/ or in a shared chunk in dist/.
 */
export function workerModuleUrl(): URL | undefined {
  for (const rel of ['./prepare-worker.js', './pipelines/prepare-worker.js', '../pipelines/prepare-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/**
 * Extracts, parses and embeds in `workers` threads, each with its own copy of
 * the model. Resolves once every thread has loaded it.
 */
export async function workerPreparer(talent: TalentClient, options: { workers: number; embedBatch: number; moduleUrl?: URL }): Promise<Preparer> {
  const url = options.moduleUrl ?? workerModuleUrl();
  if (!url) {
    throw new TalentError('The import worker module is missing (prepare-worker.js next to the built pipelines)', {
      code: 'E_WORKERS_UNAVAILABLE',
      hint: 'Build the package (`npm run build`), or import in one thread with workers: 0 (`--workers 0`).',
    });
  }
  const perWorker = options.embedBatch * 2;
  const pool = new WorkerPool<PrepareTask, PrepareResult>(url, {
    size: options.workers,
    perWorker,
    workerData: { config: talent.config, embedBatch: options.embedBatch } satisfies PrepareWorkerData,
    // Capped heaps make V8 collect the parsers' and tokenizer's garbage early instead of growing: with two
    // workers this cut the import's peak RSS from about 630 to 420 MiB at the same CPU time (see docs/benchmarks.md).
    // The live heap of a worker is about 40 MiB, so 96 MiB leaves room for large documents.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 96 },
  });
  try {
    await pool.ready();
  } catch (err) {
    await pool.close();
    throw err;
  }
  return {
    workers: pool.size,
    parallelism: pool.size * perWorker + options.embedBatch,
    close: () => pool.close(),
    prepare: async (input) => {
      const r = await pool.run({ bytes: input.bytes, source: input.source });
      return { candidate: r.candidate, bytes: input.bytes, warnings: r.warnings, vector: r.vector, embedder: r.embedder };
    },
  };
}
