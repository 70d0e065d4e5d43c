import type { CommandRun } from '../../main.js';
import { resolveFromGlobals } from '../../context.js';
import { ExitCode } from '../../exit-codes.js';
import { printJson, printTable } from '../../output.js';

const SECRET = /(secret|password|token|credential|key)$/i;

function leaves(obj: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [[prefix, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

export const run: CommandRun = async ({ io, globals, json }) => {
  const resolved = await resolveFromGlobals(io, globals);
  const rows = leaves(resolved.config).map(([path, value]) => {
    const from = resolved.provenance[path] ?? { layer: 'default' as const };
    return { key: path, value: SECRET.test(path) && value ? '****' : value, layer: from.layer, ...(from.file ? { file: from.file } : {}) };
  });
  if (json) printJson(io, { settings: rows, files: resolved.files });
  else printTable(io, ['key', 'value', 'from'], rows.map((r) => [r.key, JSON.stringify(r.value), r.file ? `${r.layer} (${r.file})` : r.layer]));
  return ExitCode.Ok;
};
