import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { NotFoundError, TalentError, ValidationError, toTalentError, type Job, type TalentClient } from '../sdk/index.js';

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
  /** Distinct job ids written (a later line with the same id updates the job). */
  ingested: number;
  failed: number;
  errors: JobLineError[];
  /** The ingested jobs, up to the first 1,000 (the rest are counted in `ingested`). */
  jobs: Array<Pick<Job, 'id' | 'title'>>;
  dryRun: boolean;
}

export interface IngestOptions {
  dryRun?: boolean;
  /** Jobs validated, embedded and written together. Default 64. */
  batchSize?: number;
  /** Called after each written batch with the lines read so far. */
  onProgress?: (progress: { lines: number; ingested: number; failed: number }) => void;
}

type Format = IngestReport['format'];
const LISTED_JOBS = 1000;

/** The format from the extension, else from the first non-blank characters. */
async function formatOf(file: string): Promise<Format> {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  const fh = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    if (head.startsWith('[')) return 'json';
    if (head.startsWith('{')) return head.split('\n').filter((l) => l.trim()).length > 1 ? 'jsonl' : 'json';
    return 'csv';
  } finally {
    await fh.close();
  }
}

/** Records of a jobs file with their line numbers, streamed; unparseable lines become errors, not exceptions. */
async function* readRecords(file: string, format: Format): AsyncGenerator<{ line: number; raw?: unknown; error?: JobLineError }> {
  if (format === 'jsonl') {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let n = 0;
    for await (const l of lines) {
      n++;
      const text = n === 1 ? l.replace(/^\uFEFF/, '') : l;
      if (!text.trim()) continue;
      try {
        yield { line: n, raw: JSON.parse(text) };
      } catch (err) {
        yield { line: n, error: { line: n, code: 'E_JOB_BAD_JSON', message: `not valid JSON: ${(err as Error).message}` } };
      }
    }
  } else if (format === 'json') {
    // A JSON array cannot be parsed piecewise without a streaming parser; JSONL is the format for large files.
    let parsed: unknown;
    try {
      parsed = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new ValidationError(`The jobs file is not valid JSON: ${(err as Error).message}`, { code: 'E_JOB_BAD_JSON', file, hint: 'Use a JSON array of jobs, or JSONL with one job per line.' });
    }
    const items = Array.isArray(parsed) ? parsed : [parsed];
    for (let i = 0; i < items.length; i++) yield { line: i + 1, raw: items[i] };
  } else {
    const { parse } = await import('csv-parse');
    const parser = createReadStream(file).pipe(parse({ columns: true, skip_empty_lines: true, trim: true, bom: true, info: true, relax_column_count: false }));
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const raw: Record<string, unknown> = { ...record };
      for (const k of Object.keys(raw)) if (raw[k] === '') delete raw[k];
      yield { line: info.lines, raw };
    }
  }
}

/**
 * Ingests jobs from JSONL (streamed line by line, any size), a JSON array or
 * CSV (columns id, title, description, requiredSkills, niceToHaveSkills,
 * minYears, location; skill lists separated by commas or semicolons). Valid
 * jobs are upserted by id in batches; each invalid one is reported with its
 * line number and the rest still land.
 */
export async function ingestJobs(talent: TalentClient, file: string, options: IngestOptions = {}): Promise<IngestReport> {
  let format: Format;
  try {
    format = await formatOf(file);
  } catch {
    throw new NotFoundError(`Cannot read jobs file ${file}`, { code: 'E_PATH_NOT_FOUND', file, hint: 'Check the path.' });
  }
  const size = options.batchSize ?? 64;
  const errors: JobLineError[] = [];
  const ids = new Set<string>();
  const listed: IngestReport['jobs'] = [];
  let batch = new Map<string, Job>();
  let lines = 0;

  const write = async () => {
    if (batch.size === 0) return;
    const jobs = [...batch.values()];
    batch = new Map();
    if (!options.dryRun) await talent.jobs.upsert(jobs);
    options.onProgress?.({ lines, ingested: ids.size, failed: errors.length });
  };

  try {
    for await (const { line, raw, error } of readRecords(file, format)) {
      lines = line;
      if (error) {
        errors.push(error);
        continue;
      }
      try {
        const job = talent.jobs.validate(raw);
        // The last occurrence of an id wins, as in an upsert.
        batch.delete(job.id);
        batch.set(job.id, job);
        if (!ids.has(job.id)) {
          ids.add(job.id);
          if (listed.length < LISTED_JOBS) listed.push({ id: job.id, title: job.title });
        }
      } catch (err) {
        const te = toTalentError(err);
        const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
        errors.push({ line, ...(id ? { id } : {}), code: te.code, message: te.message.replace(/^Job #\d+( "[^"]*")?: /, ''), ...(te instanceof ValidationError && te.field ? { field: te.field } : {}) });
      }
      if (batch.size >= size) await write();
    }
    await write();
  } catch (err) {
    if (err instanceof TalentError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`Cannot read jobs file ${file}`, { code: 'E_PATH_NOT_FOUND', file, hint: 'Check the path.' });
    throw toTalentError(err, { code: 'E_JOB_BAD_FILE', fault: 'user', file, hint: 'Check the file is JSONL, a JSON array, or CSV with a header row.' });
  }
  errors.sort((a, b) => a.line - b.line);
  return { file, format, ingested: ids.size, failed: errors.length, errors, jobs: listed, dryRun: Boolean(options.dryRun) };
}
