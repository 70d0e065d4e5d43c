import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import {
  AbortError,
  backoffDelayMs,
  sha256,
  shouldRetry,
  toTalentError,
  type PreparedCandidate,
  type TalentClient,
  type TalentError,
} from '../sdk/index.js';
import type { JournalEntry } from '../sdk/index.js';
import { forEachBounded, serial } from './shared/pool.js';
import { walkFiles } from './shared/walk.js';

export type FileStatus = 'imported' | 'skipped' | 'duplicate' | 'failed';

export interface FileOutcome {
  file: string;
  status: FileStatus;
  candidateId?: string;
  /** For duplicates: the file imported first with the same content. */
  duplicateOf?: string;
  error?: { code: string; message: string; hint?: string; retryable: boolean };
}

export type ImportEvent = { type: 'file'; outcome: FileOutcome; processed: number } | { type: 'batch'; size: number };

export interface ImportOptions {
  /** Files extracted and parsed at once. Default: the config's import.concurrency. */
  concurrency?: number;
  /** Resumes embedded and written together. Default: the config's import.embedBatchSize. */
  batchSize?: number;
  /** Re-import files the journal marks as done. */
  force?: boolean;
  /** Walk and read but write nothing; report what would happen. */
  dryRun?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: ImportEvent) => void;
  /** Retries of a transient failure before it counts as failed. Default 3. */
  retries?: number;
}

export interface ImportReport {
  root: string;
  dryRun: boolean;
  counts: Record<FileStatus, number> & { total: number };
  failures: FileOutcome[];
  duplicates: FileOutcome[];
  durationMs: number;
  /** Files imported per second. */
  throughput: number;
}

/**
 * Imports every file under `root`: walk lazily, extract and parse in a bounded
 * pool, embed and write in batches. Each file's outcome is journalled by
 * content hash, so a re-run skips what is done and retries what failed; one
 * bad file fails alone.
 */
export async function importResumes(talent: TalentClient, root: string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const concurrency = options.concurrency ?? talent.config.import.concurrency;
  const batchSize = options.batchSize ?? talent.config.import.embedBatchSize;
  const retries = options.retries ?? 3;
  const outcomes: FileOutcome[] = [];
  const counts = { imported: 0, skipped: 0, duplicate: 0, failed: 0, total: 0 };
  const seen = new Map<string, string>(); // content hash -> first file in this run
  let pending: Array<{ prepared: PreparedCandidate; file: string }> = [];
  const flushSerially = serial();

  const record = (outcome: FileOutcome) => {
    counts[outcome.status]++;
    counts.total++;
    if (outcome.status === 'failed' || outcome.status === 'duplicate') outcomes.push(outcome);
    options.onEvent?.({ type: 'file', outcome, processed: counts.total });
  };
  const display = (file: string) => (root === file ? file : relative(process.cwd(), file) || file);

  const journalFailure = async (file: string, hash: string, err: TalentError) => {
    if (!options.dryRun) {
      await talent.journal.putJournalEntries([
        { contentHash: hash, source: file, status: 'failed', errorCode: err.code, errorMessage: err.message, retryable: err.retryable, updatedAt: new Date().toISOString() },
      ]);
    }
  };

  const flush = () =>
    flushSerially(async () => {
      const batch = pending;
      pending = [];
      if (batch.length === 0) return;
      options.onEvent?.({ type: 'batch', size: batch.length });
      try {
        await withRetry(() => talent.candidates.save(batch.map((b) => b.prepared)), retries, options.signal);
        await talent.journal.putJournalEntries(
          batch.map((b) => ({ contentHash: b.prepared.candidate.contentHash, source: b.file, status: 'done', candidateId: b.prepared.candidate.id, updatedAt: new Date().toISOString() }) satisfies JournalEntry),
        );
        for (const b of batch) record({ file: display(b.file), status: 'imported', candidateId: b.prepared.candidate.id });
      } catch (e) {
        if (e instanceof AbortError) throw e;
        // A batch failed as a whole: save one by one so one bad resume fails alone.
        for (const b of batch) {
          try {
            await talent.candidates.save([b.prepared]);
            await talent.journal.putJournalEntries([
              { contentHash: b.prepared.candidate.contentHash, source: b.file, status: 'done', candidateId: b.prepared.candidate.id, updatedAt: new Date().toISOString() },
            ]);
            record({ file: display(b.file), status: 'imported', candidateId: b.prepared.candidate.id });
          } catch (err) {
            const te = toTalentError(err, { file: b.file });
            await journalFailure(b.file, b.prepared.candidate.contentHash, te);
            record({ file: display(b.file), status: 'failed', error: errorSummary(te) });
          }
        }
      }
    });

  await forEachBounded(
    walkFiles(root),
    concurrency,
    async (file) => {
      let hash = '';
      try {
        const bytes = new Uint8Array(await readFile(file));
        hash = sha256(bytes);
        const firstInRun = seen.get(hash);
        if (firstInRun !== undefined) {
          record({ file: display(file), status: 'duplicate', duplicateOf: display(firstInRun) });
          return;
        }
        seen.set(hash, file);
        const previous = (await talent.journal.getJournalEntries([hash])).get(hash);
        if (previous?.status === 'done' && !options.force) {
          if (previous.source !== file) record({ file: display(file), status: 'duplicate', duplicateOf: display(previous.source), candidateId: previous.candidateId });
          else record({ file: display(file), status: 'skipped', candidateId: previous.candidateId });
          return;
        }
        const prepared = await talent.candidates.prepare({ bytes, source: file });
        if (options.dryRun) {
          record({ file: display(file), status: 'imported', candidateId: prepared.candidate.id });
          return;
        }
        pending.push({ prepared, file });
        if (pending.length >= batchSize) await flush();
      } catch (err) {
        if (err instanceof AbortError) throw err;
        const te = toTalentError(err, { file, code: 'E_IMPORT_FAILED' });
        if (hash) await journalFailure(file, hash, te);
        record({ file: display(file), status: 'failed', error: errorSummary(te) });
      }
    },
    options.signal,
  );
  await flush();

  const durationMs = Math.round(performance.now() - started);
  return {
    root,
    dryRun: Boolean(options.dryRun),
    counts,
    failures: outcomes.filter((o) => o.status === 'failed'),
    duplicates: outcomes.filter((o) => o.status === 'duplicate'),
    durationMs,
    throughput: durationMs > 0 ? Math.round((counts.imported / (durationMs / 1000)) * 10) / 10 : 0,
  };
}

function errorSummary(e: TalentError): NonNullable<FileOutcome['error']> {
  return { code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}), retryable: e.retryable };
}

async function withRetry<T>(fn: () => Promise<T>, retries: number, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= retries || !shouldRetry(err)) throw err;
      if (signal?.aborted) throw new AbortError();
      await new Promise((r) => setTimeout(r, backoffDelayMs(attempt)));
    }
  }
}
