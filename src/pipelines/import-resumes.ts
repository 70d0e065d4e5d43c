import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { AbortError, sha256, toTalentError, type PreparedCandidate, type TalentClient, type TalentError } from '../sdk/index.js';
import { forEachBounded, serial } from './shared/pool.js';
import { inProcessPreparer, workerPreparer, type Preparer } from './shared/preparer.js';
import { withRetry } from './shared/retry.js';
import { walkFiles, type WalkFilter } from './shared/walk.js';

export type FileStatus = 'imported' | 'skipped' | 'duplicate' | 'failed';

export interface FileOutcome {
  file: string;
  status: FileStatus;
  candidateId?: string;
  /** For duplicates: the file imported first with the same content. */
  duplicateOf?: string;
  error?: { code: string; message: string; hint?: string; retryable: boolean };
}

export type ImportCounts = Record<FileStatus, number> & { total: number };

/** Typed progress events, in order: one `start`, then `file`/`batch`/`retry` events (and `total` once known). */
export type ImportEvent =
  | { type: 'start'; root: string; workers: number; concurrency: number; dryRun: boolean }
  | { type: 'total'; files: number }
  | { type: 'file'; outcome: FileOutcome; processed: number; counts: ImportCounts }
  | { type: 'batch'; size: number; durationMs: number }
  | { type: 'retry'; file?: string; attempt: number; delayMs: number; code: string };

export interface ImportOptions {
  /** Files read, hashed and prepared at once. Default: the config's import.concurrency, raised to keep every worker thread busy. */
  concurrency?: number;
  /** Resumes embedded and written together, in one transaction on the local backend. Default: the config's import.embedBatchSize. */
  batchSize?: number;
  /**
   * Worker threads that extract, parse and embed (each loads the model once).
   * Default 0: everything in this thread. The CLI uses one per core on the local backend.
   */
  workers?: number;
  /** Globs over paths relative to `root` (a pattern without `/` matches file names at any depth). */
  include?: string[];
  exclude?: string[];
  /** Re-import files the journal marks as done. */
  force?: boolean;
  /** Walk, read and parse but write nothing; report what would happen. */
  dryRun?: boolean;
  /** Count the files first (in parallel) and emit a `total` event, for progress bars with an ETA. */
  countTotal?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: ImportEvent) => void;
  /** Retries of a transient failure (`shouldRetry`) before it counts as failed. Default 3. */
  retries?: number;
  /** Backoff before retry `attempt` (1-based). Default: 0.5 s doubling to 8 s, with jitter. */
  retryDelayMs?: (attempt: number) => number;
}

export interface ImportReport {
  root: string;
  dryRun: boolean;
  counts: ImportCounts;
  failures: FileOutcome[];
  duplicates: FileOutcome[];
  durationMs: number;
  /** Files imported per second. */
  throughput: number;
  workers: number;
}

/**
 * Imports every file under `root` as a stream: walk lazily, prepare (extract,
 * parse, and with worker threads embed) in a bounded pool, then embed what is
 * left and write in batches — on the local backend each batch's records, index
 * rows and journal entries in one transaction. Each file is journalled by
 * content hash, so a re-run (after a crash, too) skips what is done and retries
 * what failed, and identical files are imported once. One bad file fails alone.
 */
export async function importResumes(talent: TalentClient, root: string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const runStartedAt = new Date().toISOString();
  const batchSize = options.batchSize ?? talent.config.import.embedBatchSize;
  const retry = { retries: options.retries ?? 3, signal: options.signal, ...(options.retryDelayMs ? { delayMs: (a: number) => options.retryDelayMs!(a + 1) } : {}) };
  const filter: WalkFilter = { include: options.include, exclude: options.exclude };
  const counts: ImportCounts = { imported: 0, skipped: 0, duplicate: 0, failed: 0, total: 0 };
  const failures: FileOutcome[] = [];
  const duplicates: FileOutcome[] = [];
  // Files between their journal check and their commit, by content hash: the only per-file state kept, so memory stays flat.
  const inFlight = new Map<string, string>();
  let pending: Array<{ prepared: PreparedCandidate; file: string }> = [];
  const flushSerially = serial();
  const emit = options.onEvent ?? (() => undefined);
  const display = (file: string) => (root === file ? file : relative(process.cwd(), file) || file);

  const record = (outcome: FileOutcome) => {
    counts[outcome.status]++;
    counts.total++;
    if (outcome.status === 'failed') failures.push(outcome);
    if (outcome.status === 'duplicate') duplicates.push(outcome);
    emit({ type: 'file', outcome, processed: counts.total, counts: { ...counts } });
  };
  const onRetry = (file?: string) => (err: unknown, attempt: number, delayMs: number) =>
    emit({ type: 'retry', ...(file ? { file: display(file) } : {}), attempt, delayMs, code: toTalentError(err).code });

  const fail = async (file: string, hash: string, err: TalentError) => {
    inFlight.delete(hash);
    if (hash && !options.dryRun) {
      await talent.journal.putJournalEntries([
        { contentHash: hash, source: file, status: 'failed', errorCode: err.code, errorMessage: err.message, retryable: err.retryable, updatedAt: new Date().toISOString() },
      ]);
    }
    record({ file: display(file), status: 'failed', error: errorSummary(err) });
  };

  const commit = async (batch: typeof pending) => {
    await withRetry(() => talent.candidates.save(batch.map((b) => b.prepared), { journal: true }), { ...retry, onRetry: onRetry() });
    for (const b of batch) {
      inFlight.delete(b.prepared.candidate.contentHash);
      record({ file: display(b.file), status: 'imported', candidateId: b.prepared.candidate.id });
    }
  };

  const flush = () =>
    flushSerially(async () => {
      const batch = pending;
      pending = [];
      if (batch.length === 0) return;
      const t0 = performance.now();
      try {
        await commit(batch);
      } catch (e) {
        if (e instanceof AbortError) throw e;
        // The batch failed as a whole: save one by one so one bad resume fails alone.
        for (const b of batch) {
          try {
            await commit([b]);
          } catch (err) {
            if (err instanceof AbortError) throw err;
            await fail(b.file, b.prepared.candidate.contentHash, toTalentError(err, { file: b.file }));
          }
        }
      }
      emit({ type: 'batch', size: batch.length, durationMs: Math.round(performance.now() - t0) });
    });

  const concurrencyOption = options.concurrency ?? talent.config.import.concurrency;
  const workers = options.dryRun ? 0 : (options.workers ?? 0);
  // Workers embed in batches of 4: larger batches save little CPU (the model's cost is nearly per text) but
  // grow each worker's WebAssembly memory, which never shrinks.
  const preparer: Preparer = workers > 0 ? await workerPreparer(talent, { workers, embedBatch: Math.min(4, batchSize) }) : inProcessPreparer(talent, concurrencyOption);
  const concurrency = Math.max(concurrencyOption, preparer.parallelism);
  emit({ type: 'start', root, workers: preparer.workers, concurrency, dryRun: Boolean(options.dryRun) });
  if (options.countTotal) void countFiles(root, filter).then((files) => emit({ type: 'total', files }), () => undefined);

  let stopped: unknown;
  try {
    await forEachBounded(
      walkFiles(root, filter),
      concurrency,
      async (file) => {
        let hash = '';
        try {
          const bytes = new Uint8Array(await readFile(file));
          hash = sha256(bytes);
          const first = inFlight.get(hash);
          if (first !== undefined) {
            record({ file: display(file), status: 'duplicate', duplicateOf: display(first) });
            return;
          }
          const previous = (await talent.journal.getJournalEntries([hash])).get(hash);
          // Done before this run: skip (or re-import with --force); done during this run: a duplicate even with --force.
          if (previous?.status === 'done' && (!options.force || previous.updatedAt >= runStartedAt)) {
            if (previous.source !== file) record({ file: display(file), status: 'duplicate', duplicateOf: display(previous.source), candidateId: previous.candidateId });
            else record({ file: display(file), status: 'skipped', candidateId: previous.candidateId });
            return;
          }
          if (inFlight.has(hash)) {
            record({ file: display(file), status: 'duplicate', duplicateOf: display(inFlight.get(hash)!) });
            return;
          }
          inFlight.set(hash, file);
          const prepared = await withRetry(() => preparer.prepare({ bytes, source: file }), { ...retry, onRetry: onRetry(file) });
          if (options.dryRun) {
            inFlight.delete(hash);
            record({ file: display(file), status: 'imported', candidateId: prepared.candidate.id });
            return;
          }
          pending.push({ prepared, file });
          if (pending.length >= batchSize) await flush();
        } catch (err) {
          if (err instanceof AbortError) throw err;
          await fail(file, hash, toTalentError(err, { file, code: 'E_IMPORT_FAILED' }));
        }
      },
      options.signal,
    );
  } catch (err) {
    stopped = err;
  } finally {
    // Whatever was prepared is still written, also when the run was aborted.
    try {
      await flush();
    } finally {
      await preparer.close();
    }
  }
  if (stopped) throw stopped;
  // After a bulk load the keyword index is merged (faster matching); timed as part of the import.
  if (counts.imported > 0 && !options.dryRun) await talent.candidates.compactIndex();

  const durationMs = Math.round(performance.now() - started);
  return {
    root,
    dryRun: Boolean(options.dryRun),
    counts,
    failures,
    duplicates,
    durationMs,
    throughput: durationMs > 0 ? Math.round((counts.imported / (durationMs / 1000)) * 10) / 10 : 0,
    workers: preparer.workers,
  };
}

async function countFiles(root: string, filter: WalkFilter): Promise<number> {
  let n = 0;
  for await (const _ of walkFiles(root, filter)) n++;
  return n;
}

function errorSummary(e: TalentError): NonNullable<FileOutcome['error']> {
  return { code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}), retryable: e.retryable };
}
