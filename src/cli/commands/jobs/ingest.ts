import { resolve } from 'node:path';
import type { CommandRun } from '../../main.js';
import { withClient } from '../../context.js';
import { ExitCode } from '../../exit-codes.js';
import { printJson } from '../../output.js';

export const run: CommandRun = async ({ io, globals, json }, [file], options) =>
  withClient(io, globals, async (talent) => {
    const { ingestJobs } = await import('../../../pipelines/index.js');
    const report = await ingestJobs(talent, resolve(file!), { dryRun: Boolean(options.dryRun) });
    if (json) printJson(io, report);
    else {
      io.stdout.write(`${report.dryRun ? 'would ingest' : 'ingested'} ${report.ingested} jobs from ${file} (${report.format}), ${report.failed} invalid\n`);
      for (const e of report.errors) io.stdout.write(`  line ${e.line}${e.id ? ` (${e.id})` : ''}: ${e.message} [${e.code}]\n`);
    }
    if (report.failed === 0) return ExitCode.Ok;
    return report.ingested === 0 ? ExitCode.Error : ExitCode.Partial;
  });
