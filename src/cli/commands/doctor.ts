import type { CommandRun } from '../main.js';
import { resolveFromGlobals } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { paint, say } from '../io.js';
import { printJson, printTable } from '../output.js';

const MARK = { ok: ['ok', 32], warn: ['warn', 33], fail: ['FAIL', 31], skip: ['skip', 2] } as const;

/** Checks the configured backend; exit 0 when nothing failed, 4 for credentials, 1 otherwise. */
export const run: CommandRun = async ({ io, globals, json }) => {
  const resolved = await resolveFromGlobals(io, globals);
  const { diagnose } = await import('../../sdk/index.js');
  say(io, paint(io, 2, `talent doctor: checking the ${resolved.config.backend} backend…`));
  const result = await diagnose(resolved.config);
  if (json) printJson(io, result);
  else {
    printTable(
      io,
      ['check', 'status', 'detail'],
      result.checks.map((c) => [c.name, paint(io, MARK[c.status][1], MARK[c.status][0], io.stdout), c.detail]),
    );
    for (const c of result.checks.filter((x) => x.hint && (x.status === 'fail' || x.status === 'warn'))) io.stdout.write(`\n${c.name}: ${c.hint}${c.code ? ` [${c.code}]` : ''}\n`);
  }
  if (result.credentialsFailed) return ExitCode.Auth;
  return result.ok ? ExitCode.Ok : ExitCode.Error;
};
