import type { CommandRun } from '../../main.js';
import { withClient } from '../../context.js';
import { ExitCode } from '../../exit-codes.js';
import { printJson, printTable } from '../../output.js';
import { positiveInt } from '../options.js';

export const run: CommandRun = async ({ io, globals, json }, _args, options) => {
  const limit = positiveInt(options.limit ?? 100, '--limit');
  return withClient(io, globals, async (talent) => {
    const page = await talent.candidates.list({ limit });
    const rows = page.items.map((c) => ({
      id: c.id,
      name: c.profile.name ?? null,
      title: c.profile.experience[0]?.title ?? null,
      years: c.profile.totalYears,
      skills: c.profile.skills.length,
      source: c.source,
    }));
    if (json) printJson(io, { candidates: rows, ...(page.cursor ? { cursor: page.cursor } : {}) });
    else printTable(io, ['id', 'name', 'latest title', 'years', 'skills', 'source'], rows.map((r) => [r.id, r.name, r.title, r.years, r.skills, r.source]));
    return ExitCode.Ok;
  });
};
