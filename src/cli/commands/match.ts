import type { CommandRun } from '../main.js';
import { withClient } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, printTable } from '../output.js';
import { positiveInt } from './options.js';

export const run: CommandRun = async ({ io, globals, json }, _args, options) => {
  const top = positiveInt(options.top ?? 10, '--top');
  return withClient(io, globals, async (talent) => {
    const result = await talent.match.candidatesForJob(String(options.job), { top });
    if (options.notify) await talent.notify(result);
    if (json) {
      printJson(io, { job: result.job, matches: result.matches, createdAt: result.createdAt });
      return ExitCode.Ok;
    }
    io.stdout.write(`${result.job.id}  ${result.job.title}\n`);
    if (result.matches.length === 0) {
      io.stdout.write('no candidates: import some resumes first (`talent import <folder>`)\n');
      return ExitCode.Ok;
    }
    printTable(
      io,
      ['rank', 'score', 'candidate', 'name', 'why'],
      result.matches.map((m) => [m.rank, m.score.toFixed(3), m.candidateId, m.name ?? '', m.explanation.summary]),
    );
    return ExitCode.Ok;
  });
};
