import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandRun } from '../main.js';
import { withClient } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { say, type Io } from '../io.js';
import { printJson, printTable } from '../output.js';
import { EXPORT_FORMATS, formatRows, rowsForCandidate, rowsForJob, type ExportFormat, type MatchRow, type TalentClient } from '../../sdk/index.js';
import { TalentError } from '../../sdk/errors.js';
import { matchOptionsFrom } from './match-options.js';

const usage = (message: string, hint: string) => new TalentError(message, { code: 'E_USAGE', fault: 'user', hint });

function exportFormat(options: Record<string, unknown>): ExportFormat | undefined {
  if (options.output === undefined) {
    if (options.out !== undefined) throw usage('--out needs --output csv|json|ndjson', 'Example: talent match --all --output csv --out matches.csv');
    return undefined;
  }
  const f = String(options.output);
  if (!EXPORT_FORMATS.includes(f as ExportFormat)) throw usage(`--output must be one of ${EXPORT_FORMATS.join(', ')}, got "${f}"`, 'Example: --output csv');
  return f as ExportFormat;
}

/** Writes an export to --out (saying so on stderr) or to stdout. */
async function emit(io: Io, rows: MatchRow[], format: ExportFormat, out: unknown, json: boolean): Promise<void> {
  const body = formatRows(rows, format);
  if (out === undefined) {
    io.stdout.write(body);
    return;
  }
  const file = resolve(String(out));
  await writeFile(file, body);
  say(io, `wrote ${rows.length} rows to ${file}`);
  if (json) printJson(io, { file, format, rows: rows.length });
}

export const run: CommandRun = async ({ io, globals, json }, _args, options) => {
  const modes = (['job', 'candidate', 'all'] as const).filter((m) => options[m] !== undefined && options[m] !== false);
  if (modes.length !== 1) {
    throw usage(
      modes.length ? `Use one of --job, --candidate and --all, not ${modes.map((m) => `--${m}`).join(' and ')}` : 'Say what to match: --job <id>, --candidate <id> or --all',
      'Usage: talent match (--job <id> | --candidate <id> | --all) [--top N] [--weights k=v,…] [--min-score x] [--location place] [--min-years n] [--skills a,b] [--blind] [--notify] [--output csv|json|ndjson [--out file]]',
    );
  }
  const mode = modes[0]!;
  const matchOptions = matchOptionsFrom(options);
  const format = exportFormat(options);
  if (mode === 'candidate' && (matchOptions.filters?.minYears !== undefined || matchOptions.filters?.skills)) {
    throw usage('--min-years and --skills filter candidates; they do not apply to --candidate', 'Use --min-score or --location to filter the jobs for a candidate.');
  }
  if (mode === 'candidate' && options.notify) throw usage('--notify sends the top candidates for a job; use it with --job or --all', 'Example: talent match --job J-101 --notify');
  const save = !options.dryRun;

  return withClient(io, globals, async (talent) => {
    // stdout carries the result; a notification there too would corrupt --json and exports.
    if (options.notify && talent.config.notify.target === 'stdout' && (json || (format && options.out === undefined))) {
      throw usage('notify.target is stdout, which would mix notifications into the JSON or export on stdout', 'Set notify.target to stderr, file or webhook, or write the export with --out.');
    }
    const ctx: ModeContext = { io, json, options, matchOptions, format, save };
    return mode === 'candidate' ? matchCandidate(talent, ctx) : mode === 'job' ? matchJob(talent, ctx) : matchAll(talent, ctx);
  });
};

interface ModeContext {
  io: Io;
  json: boolean;
  options: Record<string, unknown>;
  matchOptions: ReturnType<typeof matchOptionsFrom>;
  format: ExportFormat | undefined;
  save: boolean;
}

async function matchCandidate(talent: TalentClient, { io, json, options, matchOptions, format }: ModeContext): Promise<ExitCode> {
  const result = await talent.match.jobsForCandidate(String(options.candidate), matchOptions);
  const rows = rowsForCandidate(result.candidate, result.matches);
  if (format) await emit(io, rows, format, options.out, json);
  else if (json) printJson(io, result);
  else {
    io.stdout.write(`${result.candidate.id}  ${result.candidate.name ?? ''}\n`);
    if (result.matches.length === 0) io.stdout.write('no jobs: ingest some first (`talent jobs ingest <file>`)\n');
    else printTable(io, ['rank', 'score', 'job', 'title', 'why'], result.matches.map((m) => [m.rank, m.score.toFixed(3), m.jobId, m.title, m.explanation.summary]));
  }
  return ExitCode.Ok;
}

async function matchJob(talent: TalentClient, { io, json, options, matchOptions, format, save }: ModeContext): Promise<ExitCode> {
  const result = await talent.match.candidatesForJob(String(options.job), { ...matchOptions, save });
  if (options.notify) await talent.notify(result);
  if (format) await emit(io, rowsForJob(result.job, result.matches), format, options.out, json);
  else if (json) printJson(io, { job: result.job, matches: result.matches, createdAt: result.createdAt });
  else {
    io.stdout.write(`${result.job.id}  ${result.job.title}\n`);
    if (result.matches.length === 0) io.stdout.write('no candidates: import some resumes first (`talent import <folder>`), or relax the filters\n');
    else printTable(io, ['rank', 'score', 'candidate', 'name', 'why'], result.matches.map((m) => [m.rank, m.score.toFixed(3), m.candidateId, m.name ?? '', m.explanation.summary]));
  }
  return ExitCode.Ok;
}

async function matchAll(talent: TalentClient, { io, json, options, matchOptions, format, save }: ModeContext): Promise<ExitCode> {
  // --all: every job in turn, each result stored (unless --dry-run) and, with --notify, sent.
  const rows: MatchRow[] = [];
  const results = [];
  for await (const result of talent.match.all({ ...matchOptions, save })) {
    if (options.notify) await talent.notify(result);
    rows.push(...rowsForJob(result.job, result.matches));
    results.push(result);
    say(io, `${result.job.id}: ${result.matches.length} matches${save ? ', stored' : ''}`);
  }
  if (format) await emit(io, rows, format, options.out, json);
  else if (json) printJson(io, { results: results.map((r) => ({ job: r.job, matches: r.matches, createdAt: r.createdAt })) });
  else if (results.length === 0) io.stdout.write('no jobs: ingest some first (`talent jobs ingest <file>`)\n');
  else printTable(io, ['job', 'rank', 'score', 'candidate', 'name', 'why'], rows.map((r) => [r.jobId, r.rank, r.score.toFixed(3), r.candidateId, r.name ?? '', r.summary]));
  return ExitCode.Ok;
}
