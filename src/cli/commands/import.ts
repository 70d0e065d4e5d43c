import { resolve } from 'node:path';
import type { CommandRun } from '../main.js';
import { withClient } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { paint, progress, say } from '../io.js';
import { printJson } from '../output.js';
import { positiveInt } from './options.js';

export const run: CommandRun = async ({ io, globals, json }, [path], options) => {
  const root = resolve(path!);
  const concurrency = options.concurrency === undefined ? undefined : positiveInt(options.concurrency, '--concurrency');
  return withClient(io, globals, async (talent) => {
    const { importResumes } = await import('../../pipelines/index.js');
    const bar = await progress(io, `importing from ${path}…`);
    let report;
    try {
      report = await importResumes(talent, root, {
        concurrency,
        force: Boolean(options.force),
        dryRun: Boolean(options.dryRun),
        onEvent: (e) => {
          if (e.type !== 'file') return;
          bar.update(`${e.processed} files processed (last: ${e.outcome.file}, ${e.outcome.status})`);
        },
      });
    } finally {
      bar.stop();
    }
    const { counts } = report;
    if (json) printJson(io, report);
    else {
      const verb = report.dryRun ? 'would import' : 'imported';
      io.stdout.write(
        `${verb} ${counts.imported}, skipped ${counts.skipped} (already imported), duplicates ${counts.duplicate}, failed ${counts.failed} — ${counts.total} files in ${(report.durationMs / 1000).toFixed(1)} s\n`,
      );
      for (const d of report.duplicates) io.stdout.write(`  duplicate ${d.file} (same content as ${d.duplicateOf})\n`);
      for (const f of report.failures) {
        io.stdout.write(`  ${paint(io, 31, 'failed', io.stdout)} ${f.file}: ${f.error?.message} [${f.error?.code}]\n`);
        if (f.error?.hint) io.stdout.write(`         fix: ${f.error.hint}\n`);
      }
      if (counts.failed) say(io, 'Failed files are retried on the next run of the same import.');
    }
    if (counts.failed === 0) return ExitCode.Ok;
    return counts.failed === counts.total ? ExitCode.Error : ExitCode.Partial;
  });
};
