import { join, resolve } from 'node:path';
import type { CommandRun } from '../main.js';
import { withClient } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { countProgress, say } from '../io.js';
import { printJson } from '../output.js';
import { TalentError } from '../../sdk/errors.js';

/** A whole number ≥ 0 for a flag, or a usage error naming it. */
function count(value: unknown, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new TalentError(`${flag} must be a whole number ≥ 0, got "${String(value)}"`, { code: 'E_USAGE', fault: 'user', hint: `Example: ${flag} 100` });
  return n;
}

/** Writes synthetic resumes and jobs; with --import, imports them into the configured backend too. */
export const run: CommandRun = async ({ io, globals, json }, _args, options) => {
  const { seedData, importResumes, ingestJobs, defaultWorkerCount } = await import('../../pipelines/index.js');
  const resumes = count(options.resumes, '--resumes');
  const jobs = count(options.jobs, '--jobs');
  const out = resolve(String(options.out));
  const bar = await countProgress(io, 'rendering');
  bar.setTotal(resumes);
  let report;
  try {
    report = await seedData({ resumes, jobs, seed: String(options.seed), formats: String(options.formats).split(',').map((f) => f.trim().toLowerCase()).filter(Boolean), out, onProgress: (n) => bar.update(n) });
  } finally {
    bar.stop();
  }
  const byFormat = Object.entries(report.byFormat).map(([f, n]) => `${n} ${f}`).join(', ');
  if (!options.import) {
    if (json) printJson(io, report);
    else io.stdout.write(`wrote ${report.resumes} resumes (${byFormat || 'none'}) to ${report.resumesDir} and ${report.jobs} jobs to ${report.jobsFile} in ${(report.durationMs / 1000).toFixed(1)} s\ndigest ${report.digest}\n`);
    return ExitCode.Ok;
  }
  return withClient(io, globals, async (talent) => {
    say(io, `wrote ${report.resumes} resumes and ${report.jobs} jobs to ${out}; importing…`);
    const progress = await countProgress(io, 'importing');
    progress.setTotal(report.resumes);
    let imported;
    try {
      imported = await importResumes(talent, join(out, 'resumes'), {
        workers: talent.config.import.workers ?? (talent.backend === 'local' ? defaultWorkerCount() : 0),
        onEvent: (e) => e.type === 'file' && progress.update(e.processed),
      });
    } finally {
      progress.stop();
    }
    const ingested = await ingestJobs(talent, report.jobsFile);
    if (json) printJson(io, { seed: report, import: imported, jobs: ingested });
    else {
      io.stdout.write(`seeded ${report.resumes} resumes (${byFormat || 'none'}) and ${report.jobs} jobs from seed "${report.seed}" into ${talent.location}\n`);
      io.stdout.write(`imported ${imported.counts.imported}, skipped ${imported.counts.skipped}, duplicates ${imported.counts.duplicate}, failed ${imported.counts.failed}; jobs ingested ${ingested.ingested}, invalid ${ingested.failed}\n`);
    }
    return imported.counts.failed || ingested.failed ? ExitCode.Partial : ExitCode.Ok;
  });
};
