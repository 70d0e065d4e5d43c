/**
 * The CLI: a thin shell over the SDK and pipelines. Commands are declared as
 * data and their modules imported only when run, so `talent --help` loads
 * commander and nothing else.
 */
import { Command, CommanderError, Option } from 'commander';
import { ExitCode } from './exit-codes.js';
import { defaultIo, type Io } from './io.js';
import { printError } from './output.js';
import type { GlobalOptions } from './context.js';

export interface CommandContext {
  io: Io;
  globals: GlobalOptions;
  json: boolean;
}

/** A command's implementation: gets its arguments and options, returns an exit code. */
export type CommandRun = (ctx: CommandContext, args: string[], options: Record<string, unknown>) => Promise<ExitCode>;

interface CommandSpec {
  path: string[];
  args?: string;
  description: string;
  options?: Array<Option | [flags: string, description: string, defaultValue?: string]>;
  /** Adds `--json` (one JSON document on stdout; errors as `{"error": …}`). */
  json?: boolean;
  load: () => Promise<{ run: CommandRun }>;
}

const COMMANDS: CommandSpec[] = [
  {
    path: ['init'],
    description: 'Write a config file for this project (asks on a terminal; --yes takes the defaults)',
    options: [
      ['-y, --yes', 'take the defaults without asking'],
      ['--force', 'overwrite an existing config file'],
      ['--dry-run', 'print the config that would be written, write nothing'],
    ],
    json: true,
    load: () => import('./commands/init.js'),
  },
  {
    path: ['import'],
    args: '<path>',
    description: 'Import every resume (PDF, DOCX, text) under a folder, a glob ("cvs/**/*.pdf"), or one file',
    options: [
      ['-c, --concurrency <n>', 'files read and prepared at once'],
      ['-w, --workers <n>', 'worker threads that extract, parse and embed (default: one per core; 0 = none)'],
      ['--batch-size <n>', 'resumes embedded and written per transaction'],
      new Option('--include <glob>', 'only files matching (repeatable; a pattern without / matches file names)').argParser(collect).default([]),
      new Option('--exclude <glob>', 'skip files matching (repeatable)').argParser(collect).default([]),
      ['--force', 're-import files already imported'],
      ['--dry-run', 'read and parse, write nothing; report what would be imported'],
      ['--ndjson', 'stream progress events as JSON lines on stdout, ending with the report'],
    ],
    json: true,
    load: () => import('./commands/import.js'),
  },
  {
    path: ['seed'],
    description: 'Write deterministic synthetic resumes and jobs (same seed, same bytes), optionally importing them',
    options: [
      ['--resumes <n>', 'how many resumes', '100'],
      ['--jobs <n>', 'how many jobs', '20'],
      ['--seed <s>', 'seed (any string)', '1'],
      ['--formats <list>', 'resume formats to mix: pdf, docx, txt', 'pdf,docx'],
      ['--out <dir>', 'output folder (empty, or an earlier seed output)', 'talent-seed'],
      ['--import', 'then import the resumes and ingest the jobs into the configured backend'],
    ],
    json: true,
    load: () => import('./commands/seed.js'),
  },
  {
    path: ['parse'],
    args: '<file>',
    description: 'Print the parsed profile of one resume without storing it',
    options: [['--text', 'print the text extracted from the file, as the parser reads it, instead of the profile (with --json: both)']],
    json: true,
    load: () => import('./commands/parse.js'),
  },
  {
    path: ['jobs', 'ingest'],
    args: '<file>',
    description: 'Add or update jobs from JSONL, a JSON array or CSV (upsert by id)',
    options: [['--dry-run', 'validate only; write nothing']],
    json: true,
    load: () => import('./commands/jobs/ingest.js'),
  },
  { path: ['jobs', 'list'], description: 'List jobs', options: [['--limit <n>', 'at most this many', '100']], json: true, load: () => import('./commands/jobs/list.js') },
  { path: ['jobs', 'show'], args: '<id>', description: 'Show one job', json: true, load: () => import('./commands/jobs/show.js') },
  {
    path: ['candidates', 'list'],
    description: 'List imported candidates',
    options: [['--limit <n>', 'at most this many', '100']],
    json: true,
    load: () => import('./commands/candidates/list.js'),
  },
  { path: ['candidates', 'show'], args: '<id>', description: 'Show one candidate and the parsed profile', json: true, load: () => import('./commands/candidates/show.js') },
  {
    path: ['match'],
    description: 'Rank candidates for a job (--job), jobs for a candidate (--candidate) or every job (--all), with explained scores in [0, 1]',
    options: [
      ['--job <id>', 'the job to rank candidates for'],
      ['--candidate <id>', 'the candidate to rank jobs for'],
      ['--all', 'rank candidates for every job, store each result'],
      ['--top <n>', 'how many matches (per job with --all)', '10'],
      ['--weights <list>', 'override score weights, e.g. requiredSkills=0.5,semantic=0.3'],
      ['--min-score <x>', 'only matches scoring at least x (0 to 1)'],
      ['--location <place>', 'only candidates living there ("Seattle, WA", "WA"); with --candidate, jobs there or remote'],
      ['--min-years <n>', 'only candidates with at least n years of experience'],
      ['--skills <list>', 'must-have skills: candidates lacking any are not ranked (e.g. Go,Kubernetes)'],
      ['--blind', 'blind mode: no location fit; names, sources and evidence redacted'],
      ['--notify', 'send the top matches through the configured notifier'],
      ['--output <format>', 'export rows as csv, json or ndjson (stdout, or --out)'],
      ['--out <file>', 'write the --output export to this file'],
      ['--dry-run', 'rank but do not store the results'],
    ],
    json: true,
    load: () => import('./commands/match.js'),
  },
  {
    path: ['report'],
    description: 'Write a self-contained HTML report of the ranked candidates for a job, with score bars and evidence',
    options: [
      new Option('--job <id>', 'the job to report on').makeOptionMandatory(),
      ['--html <file>', 'where to write the HTML (default: stdout)'],
      ['--top <n>', 'how many candidates', '10'],
      ['--weights <list>', 'override score weights, e.g. requiredSkills=0.5,semantic=0.3'],
      ['--min-score <x>', 'only matches scoring at least x (0 to 1)'],
      ['--location <place>', 'only candidates living there'],
      ['--min-years <n>', 'only candidates with at least n years of experience'],
      ['--skills <list>', 'must-have skills'],
      ['--blind', 'blind mode: names, sources and evidence redacted'],
    ],
    json: true,
    load: () => import('./commands/report.js'),
  },
  { path: ['config', 'show'], description: 'Print every resolved setting and the layer it came from', json: true, load: () => import('./commands/config/show.js') },
  {
    path: ['deploy'],
    description: 'Create or update the AWS stack for an environment (change set, confirmation, events) and write its outputs into the config',
    options: [
      ['--env <name>', 'environment: part of the stack and resource names', 'dev'],
      ['-y, --yes', 'apply without asking (required when not on a terminal)'],
      ['--dry-run', 'create the change set, print it, delete it; change nothing'],
      ['--print-template', 'print the bundled CloudFormation template and exit (no AWS calls)'],
      new Option('--principal <arn>', 'IAM role or user allowed to use the search index (repeatable; default: the deploying identity)').argParser(collect),
      new Option('--parameter <key=value>', 'set a template parameter, e.g. SearchEngine=domain or AlarmEmail=ops@example.com (repeatable)').argParser(collect),
    ],
    json: true,
    load: () => import('./commands/deploy.js'),
  },
  {
    path: ['destroy'],
    description: "Delete an environment's AWS stack and its data (asks first; refuses a non-empty bucket without --force)",
    options: [
      ['--env <name>', 'environment to delete', 'dev'],
      ['-y, --yes', 'delete without asking (required when not on a terminal)'],
      ['--force', 'empty the resume bucket (every object version) before deleting'],
      ['--dry-run', 'show what would be deleted; delete nothing'],
    ],
    json: true,
    load: () => import('./commands/destroy.js'),
  },
  {
    path: ['doctor'],
    description: 'Check that the backend works (credentials, region, resources; or data dir, database, model) and say how to fix what does not',
    json: true,
    load: () => import('./commands/doctor.js'),
  },
];

/** Collects a repeatable option's values. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function buildProgram(io: Io, onExit: (code: ExitCode) => void): Command {
  const program = new Command('talent')
    .description('Resumes in, ranked and explained job matches out. Local (offline) by default.')
    .version(VERSION, '-V, --version')
    .option('--data-dir <dir>', 'where the local backend keeps its data (env TALENT_DATA_DIR)')
    .option('--config <file>', 'config file to use instead of searching for one (env TALENT_CONFIG)')
    .addOption(new Option('--backend <name>', 'backend to use (env TALENT_BACKEND)').choices(['local', 'aws']))
    .option('--profile <name>', 'aws backend: AWS shared-config profile (env TALENT_AWS_PROFILE, else AWS_PROFILE)')
    .option('--region <region>', 'aws backend: AWS region (env TALENT_AWS_REGION, else AWS_REGION)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  const groups = new Map<string, Command>();
  for (const spec of COMMANDS) {
    let parent = program;
    for (const name of spec.path.slice(0, -1)) {
      let group = groups.get(name);
      if (!group) {
        group = program.command(name).description(`${name} commands`).exitOverride();
        group.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
        groups.set(name, group);
      }
      parent = group;
    }
    const cmd = parent.command(spec.path[spec.path.length - 1]! + (spec.args ? ` ${spec.args}` : '')).description(spec.description).exitOverride();
    cmd.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    cmd.showHelpAfterError('(run with --help for usage)');
    for (const o of spec.options ?? []) {
      if (o instanceof Option) cmd.addOption(o);
      else cmd.option(o[0], o[1], o[2]);
    }
    if (spec.json) cmd.option('--json', 'print one JSON document on stdout (errors as {"error": …})');
    cmd.action(async (...actionArgs: unknown[]) => {
      const command = actionArgs[actionArgs.length - 1] as Command;
      const options = command.opts();
      const args = command.args.slice(0, command.registeredArguments.length);
      const json = Boolean(options.json);
      const ctx: CommandContext = { io, globals: program.opts<GlobalOptions>(), json };
      try {
        const { run } = await spec.load();
        onExit(await run(ctx, args, options));
      } catch (err) {
        onExit(printError(io, err, json));
      }
    });
  }
  return program;
}

declare const __TALENT_VERSION__: string | undefined;
const VERSION = typeof __TALENT_VERSION__ === 'string' ? __TALENT_VERSION__ : '0.0.0-dev';

export async function main(argv: string[], io: Io = defaultIo()): Promise<ExitCode> {
  let code: ExitCode = ExitCode.Ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    return printError(io, err, argv.includes('--json'));
  }
  return code;
}

// Run when executed (bin/talent.js imports this module); not when imported by tests.
if (process.env.TALENT_CLI_NO_AUTORUN !== '1') {
  // `talent … | head`: the reader has all it wants once it closes the pipe; stop quietly, as Unix tools do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(ExitCode.Ok);
    throw err;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`talent: unexpected failure: ${(err as Error)?.stack ?? err}\n`);
      process.exitCode = ExitCode.Error;
    },
  );
}
