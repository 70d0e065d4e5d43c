import type { CommandRun } from '../../main.js';
import { withClient } from '../../context.js';
import { ExitCode } from '../../exit-codes.js';
import { printJson } from '../../output.js';

export const run: CommandRun = async ({ io, globals, json }, [id]) =>
  withClient(io, globals, async (talent) => {
    const job = await talent.jobs.get(id!);
    if (json) printJson(io, job);
    else {
      const out = (l: string) => io.stdout.write(`${l}\n`);
      out(`${job.id}  ${job.title}${job.location ? ` — ${job.location}` : ''}`);
      out(`required: ${job.requiredSkills.join(', ') || '(none)'}`);
      out(`nice to have: ${job.niceToHaveSkills.join(', ') || '(none)'}`);
      out(`minimum years: ${job.minYears}`);
      if (job.description) out(`\n${job.description}`);
    }
    return ExitCode.Ok;
  });
