import { ExitCode } from './exit-codes.js';
import { paint, type Io } from './io.js';

/** JSON on stdout: pretty on a terminal, compact in a pipe. Always exactly one document. */
export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, io.stdout.isTTY ? 2 : undefined)}\n`);
}

/** A plain table for people: columns padded, no borders. */
export function printTable(io: Io, headers: string[], rows: Array<Array<string | number | null | undefined>>): void {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((r) => r[i]!.length))));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  io.stdout.write(`${paint(io, 1, fmt(headers), io.stdout)}\n`);
  for (const r of cells) io.stdout.write(`${fmt(r)}\n`);
}

interface ErrorLike {
  code?: string;
  message: string;
  hint?: string;
  file?: string;
  fault?: string;
  name?: string;
}

/** Maps an error to its exit code: credentials 4, usage 2, everything else 1. */
export function exitCodeFor(err: ErrorLike): ExitCode {
  if (err.name === 'AuthError' || err.code === 'E_AUTH') return ExitCode.Auth;
  if (err.code === 'E_USAGE' || err.code === 'E_CANCELLED') return ExitCode.Usage;
  return ExitCode.Error;
}

/** Reports an error: `{"error": {...}}` on stdout under --json, a readable message on stderr otherwise. */
export function printError(io: Io, err: unknown, json: boolean): ExitCode {
  const e: ErrorLike = err instanceof Error ? (err as ErrorLike) : { message: String(err) };
  const code = e.code ?? 'E_INTERNAL';
  if (json) {
    printJson(io, { error: { code, message: e.message, ...(e.hint ? { hint: e.hint } : {}), ...(e.file ? { file: e.file } : {}) } });
  } else {
    io.stderr.write(`${paint(io, 31, 'error')} ${e.message} (${code})\n`);
    if (e.hint) io.stderr.write(`${paint(io, 2, 'hint')}  ${e.hint}\n`);
    if (!e.code && err instanceof Error && io.env.TALENT_DEBUG) io.stderr.write(`${err.stack}\n`);
  }
  return exitCodeFor(e);
}
