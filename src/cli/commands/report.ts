import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandRun } from '../main.js';
import { withClient } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { say } from '../io.js';
import { printJson } from '../output.js';
import { renderMatchReport } from '../../sdk/index.js';
import { matchOptionsFrom } from './match-options.js';

/** `talent report --job <id> [--html file]`: ranks (without storing) and writes the HTML report. */
export const run: CommandRun = async ({ io, globals, json }, _args, options) => {
  const matchOptions = matchOptionsFrom(options);
  return withClient(io, globals, async (talent) => {
    const result = await talent.match.candidatesForJob(String(options.job), { ...matchOptions, save: false });
    const html = renderMatchReport(result);
    if (options.html === undefined || options.html === '-') {
      io.stdout.write(html);
      return ExitCode.Ok;
    }
    const file = resolve(String(options.html));
    await writeFile(file, html);
    say(io, `wrote the report for ${result.job.id} (${result.matches.length} candidates) to ${file}`);
    if (json) printJson(io, { file, job: result.job.id, candidates: result.matches.length });
    else io.stdout.write(`${file}\n`);
    return ExitCode.Ok;
  });
};
