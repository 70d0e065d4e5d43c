import type { CommandRun } from '../../main.js';
import { withClient } from '../../context.js';
import { ExitCode } from '../../exit-codes.js';
import { printJson, printTable } from '../../output.js';
import { positiveInt } from '../options.js';

export const run: CommandRun = async ({ io, globals, json }, _args, options) => {
  const limit = positiveInt(options.limit ?? 100, '--limit');
  return withClient(io, globals, async (talent) => {
    const page = await talent.jobs.list({ limit });
    if (json) printJson(io, { jobs: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) });
    else printTable(io, ['id', 'title', 'required skills', 'min years', 'location'], page.items.map((j) => [j.id, j.title, j.requiredSkills.join(', '), j.minYears, j.location]));
    return ExitCode.Ok;
  });
};
