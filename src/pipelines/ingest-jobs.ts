import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { NotFoundError, ValidationError, toTalentError, type Job, type TalentClient } from '../sdk/index.js';

export interface JobLineError {
  /** 1-based line (JSONL, CSV) or item (JSON array) number. */
  line: number;
  id?: string;
  code: string;
  message: string;
  field?: string;
}

export interface IngestReport {
  file: string;
  format: 'jsonl' | 'json' | 'csv';
  ingested: number;
  failed: number;
  errors: JobLineError[];
  jobs: Array<Pick<Job, 'id' | 'title'>>;
  dryRun: boolean;
}

type Format = IngestReport['format'];

function formatOf(file: string, text: string): Format {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  const first = text.trimStart()[0];
  return first === '[' ? 'json' : first === '{' ? (text.trim().split('\n').length > 1 ? 'jsonl' : 'json') : 'csv';
}

/** Records of a jobs file with their line numbers; unparseable lines become errors, not exceptions. */
function readRecords(text: string, format: Format): { records: Array<{ line: number; raw: unknown }>; errors: JobLineError[] } {
  const records: Array<{ line: number; raw: unknown }> = [];
  const errors: JobLineError[] = [];
  if (format === 'jsonl') {
    text.split('\n').forEach((l, i) => {
      if (!l.trim()) return;
      try {
        records.push({ line: i + 1, raw: JSON.parse(l) });
      } catch (err) {
        errors.push({ line: i + 1, code: 'E_JOB_BAD_JSON', message: `not valid JSON: ${(err as Error).message}` });
      }
    });
  } else if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new ValidationError(`The jobs file is not valid JSON: ${(err as Error).message}`, { code: 'E_JOB_BAD_JSON', hint: 'Use a JSON array of jobs, or JSONL with one job per line.' });
    }
    const items = Array.isArray(parsed) ? parsed : [parsed];
    items.forEach((raw, i) => records.push({ line: i + 1, raw }));
  } else {
    const rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true, relax_column_count: false }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
    for (const { record, info } of rows) {
      const raw: Record<string, unknown> = { ...record };
      for (const k of Object.keys(raw)) if (raw[k] === '') delete raw[k];
      records.push({ line: info.lines, raw });
    }
  }
  return { records, errors };
}

/**
 * Ingests jobs from JSONL, a JSON array or CSV (columns id, title, description,
 * requiredSkills, niceToHaveSkills, minYears, location; skill lists separated by
 * commas or semicolons). Valid jobs are upserted by id; each invalid one is
 * reported with its line number and the rest still land.
 */
export async function ingestJobs(talent: TalentClient, file: string, options: { dryRun?: boolean; batchSize?: number } = {}): Promise<IngestReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new NotFoundError(`Cannot read jobs file ${file}`, { code: 'E_PATH_NOT_FOUND', file, hint: 'Check the path.' });
  }
  const format = formatOf(file, text);
  let read;
  try {
    read = readRecords(text, format);
  } catch (err) {
    throw toTalentError(err, { code: 'E_JOB_BAD_FILE', fault: 'user', file, hint: 'Check the file is JSONL, a JSON array, or CSV with a header row.' });
  }
  const { records, errors } = read;
  const valid: Array<{ line: number; job: Job }> = [];
  for (const { line, raw } of records) {
    try {
      valid.push({ line, job: talent.jobs.validate(raw) });
    } catch (err) {
      const te = toTalentError(err);
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
      errors.push({ line, ...(id ? { id } : {}), code: te.code, message: te.message.replace(/^Job #\d+( "[^"]*")?: /, ''), ...(te instanceof ValidationError && te.field ? { field: te.field } : {}) });
    }
  }
  // The last occurrence of an id wins, as in an upsert.
  const byId = new Map(valid.map((v) => [v.job.id, v]));
  const jobs = [...byId.values()].map((v) => v.job);
  if (!options.dryRun) {
    const size = options.batchSize ?? 64;
    for (let i = 0; i < jobs.length; i += size) await talent.jobs.upsert(jobs.slice(i, i + size));
  }
  errors.sort((a, b) => a.line - b.line);
  return { file, format, ingested: jobs.length, failed: errors.length, errors, jobs: jobs.map((j) => ({ id: j.id, title: j.title })), dryRun: Boolean(options.dryRun) };
}
