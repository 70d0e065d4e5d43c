import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImportEvent, ImportOptions, ImportReport } from '../../pipelines/index.js';
import { TalentError } from '../../sdk/errors.js';
import type { CommandRun } from '../main.js';
import { withClient } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { countProgress, paint, say, type Io } from '../io.js';
import { printJson } from '../output.js';
import { positiveInt } from './options.js';

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

/** `--workers`: a whole number ≥ 0. */
function workerCount(v: unknown): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new TalentError(`--workers must be a whole number ≥ 0, got "${String(v)}"`, { code: 'E_USAGE', fault: 'user', hint: 'Example: --workers 2 (0 = no worker threads)' });
  return n;
}

export const run: CommandRun = async ({ io, globals, json }, [path], options) => {
  const ndjson = Boolean(options.ndjson);
  if (ndjson && json) throw new TalentError('--json and --ndjson cannot be combined', { code: 'E_USAGE', fault: 'user', hint: 'Use --ndjson for an event stream ending with the report, or --json for the report alone.' });
  const concurrency = options.concurrency === undefined ? undefined : positiveInt(options.concurrency, '--concurrency');
  const workersFlag = options.workers === undefined ? undefined : workerCount(options.workers);
  const batchSize = options.batchSize === undefined ? undefined : positiveInt(options.batchSize, '--batch-size');
  const include = list(options.include);
  // A path that does not exist but looks like a glob ("resumes/**/*.pdf") is a folder plus a pattern.
  let root = resolve(path!);
  if (!existsSync(root)) {
    const { splitGlob } = await import('../../pipelines/shared/walk.js');
    const split = splitGlob(path!);
    if (split.pattern) {
      root = resolve(split.root);
      include.push(split.pattern);
    }
  }

  return withClient(io, globals, async (talent) => {
    const { importResumes, defaultWorkerCount } = await import('../../pipelines/index.js');
    // Worker threads pay off for the local backend's CPU-bound extraction and embedding; remote backends are I/O-bound.
    const workers = workersFlag ?? talent.config.import.workers ?? (talent.backend === 'local' ? defaultWorkerCount() : 0);
    const bar = await countProgress(io, options.dryRun ? 'checking' : 'importing');
    const abort = new AbortController();
    const onSigint = () => {
      say(io, 'Stopping: finishing the files in progress (press Ctrl-C again to quit at once)…');
      abort.abort();
      process.once('SIGINT', () => process.exit(130));
    };
    process.once('SIGINT', onSigint);
    const events = ndjson ? (e: unknown) => io.stdout.write(`${JSON.stringify(e)}\n`) : undefined;
    const importOptions: ImportOptions = {
      concurrency,
      workers,
      batchSize,
      include,
      exclude: list(options.exclude),
      force: Boolean(options.force),
      dryRun: Boolean(options.dryRun),
      countTotal: true,
      signal: abort.signal,
      onEvent: (e: ImportEvent) => {
        events?.(e);
        if (e.type === 'total') bar.setTotal(e.files);
        else if (e.type === 'file') bar.update(e.processed, e.counts.failed ? `${e.counts.failed} failed` : undefined);
      },
    };
    let report: ImportReport;
    try {
      report = await importResumes(talent, root, importOptions);
    } finally {
      bar.stop();
      process.removeListener('SIGINT', onSigint);
    }
    if (ndjson) events!({ type: 'report', report });
    else if (json) printJson(io, report);
    else printSummary(io, report);
    if (report.counts.failed === 0) return ExitCode.Ok;
    return report.counts.failed === report.counts.total ? ExitCode.Error : ExitCode.Partial;
  });
};

function printSummary(io: Io, report: ImportReport): void {
  const { counts } = report;
  const verb = report.dryRun ? 'would import' : 'imported';
  const rate = report.dryRun ? '' : `, ${report.throughput} resumes/s`;
  io.stdout.write(
    `${verb} ${counts.imported}, skipped ${counts.skipped} (already imported), duplicates ${counts.duplicate}, failed ${counts.failed} — ${counts.total} files in ${(report.durationMs / 1000).toFixed(1)} s${rate}\n`,
  );
  for (const d of report.duplicates) io.stdout.write(`  duplicate ${d.file} (same content as ${d.duplicateOf})\n`);
  for (const f of report.failures) {
    io.stdout.write(`  ${paint(io, 31, 'failed', io.stdout)} ${f.file}: ${f.error?.message} [${f.error?.code}]\n`);
    if (f.error?.hint) io.stdout.write(`         fix: ${f.error.hint}\n`);
  }
  if (counts.failed) say(io, 'Failed files are retried on the next run of the same import.');
}
