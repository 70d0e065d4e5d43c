import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AbortError, ValidationError } from '../../sdk/index.js';
import { generateJob, generateResume } from './generate.js';
import { derive } from './prng.js';
import { renderResume, type SeedFormat } from './render.js';

export type { SeedFormat } from './render.js';
export { generateJob, generateResume } from './generate.js';
export type { SeedJob, SeedResume } from './generate.js';

/** Bump when generation or rendering changes, so cached seed folders are regenerated. */
export const SEED_GENERATOR_VERSION = 1;
export const SEED_FORMATS: readonly SeedFormat[] = ['pdf', 'docx', 'txt'];

export interface SeedOptions {
  resumes: number;
  jobs: number;
  /** Same seed, same bytes. */
  seed: string | number;
  /** Formats to mix, chosen per resume by the seeded generator. Default pdf and docx. */
  formats?: readonly string[];
  /** Output folder: `resumes/` and `jobs.jsonl` go there, with `manifest.json`. */
  out: string;
  signal?: AbortSignal;
  onProgress?: (written: number, total: number) => void;
}

export interface SeedManifest {
  generator: number;
  seed: string;
  resumes: number;
  jobs: number;
  formats: SeedFormat[];
  byFormat: Record<string, number>;
  /** SHA-256 over every output file's name and content hash, in order: equal digests mean equal bytes. */
  digest: string;
}

export interface SeedReport extends SeedManifest {
  out: string;
  resumesDir: string;
  jobsFile: string;
  durationMs: number;
}

/**
 * Writes `resumes` synthetic resumes and `jobs` synthetic jobs, deterministically
 * from `seed`. The folder must be empty or hold an earlier seed's output (which
 * is replaced).
 */
export async function seedData(options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const formats = [...new Set(options.formats ?? ['pdf', 'docx'])] as SeedFormat[];
  for (const f of formats) {
    if (!SEED_FORMATS.includes(f)) throw new ValidationError(`Unknown format "${f}"`, { field: 'formats', code: 'E_USAGE', hint: `Use a comma-separated list of ${SEED_FORMATS.join(', ')}.` });
  }
  if (formats.length === 0) throw new ValidationError('No formats given', { field: 'formats', code: 'E_USAGE', hint: 'Example: --formats pdf,docx' });
  for (const [name, n] of [['resumes', options.resumes], ['jobs', options.jobs]] as const) {
    if (!Number.isInteger(n) || n < 0) throw new ValidationError(`${name} must be a whole number ≥ 0, got ${n}`, { field: name, code: 'E_USAGE' });
  }
  const out = options.out;
  const manifestFile = join(out, 'manifest.json');
  if (existsSync(manifestFile)) await rm(join(out, 'resumes'), { recursive: true, force: true });
  else if (existsSync(out) && readdirSync(out).length > 0) {
    throw new ValidationError(`${out} is not empty and holds no earlier seed output`, {
      field: 'out',
      code: 'E_SEED_OUT_NOT_EMPTY',
      file: out,
      hint: 'Pass --out with a new or empty folder (or one `talent seed` wrote before).',
    });
  }
  const resumesDir = join(out, 'resumes');
  await mkdir(resumesDir, { recursive: true });

  const digest = createHash('sha256');
  const byFormat: Record<string, number> = {};
  for (let i = 0; i < options.resumes; i++) {
    if (options.signal?.aborted) throw new AbortError();
    const resume = generateResume(options.seed, i);
    const format = derive(options.seed, 'format', i).pick(formats);
    const bytes = await renderResume(resume, format);
    const name = `${resume.file}.${format}`;
    await writeFile(join(resumesDir, name), bytes);
    digest.update(`${name}\0${createHash('sha256').update(bytes).digest('hex')}\n`);
    byFormat[format] = (byFormat[format] ?? 0) + 1;
    options.onProgress?.(i + 1, options.resumes);
  }
  const jobsFile = join(out, 'jobs.jsonl');
  const jobs = Array.from({ length: options.jobs }, (_, i) => JSON.stringify(generateJob(options.seed, i)));
  const jobsText = jobs.length ? `${jobs.join('\n')}\n` : '';
  await writeFile(jobsFile, jobsText);
  digest.update(`jobs.jsonl\0${createHash('sha256').update(jobsText).digest('hex')}\n`);

  const manifest: SeedManifest = {
    generator: SEED_GENERATOR_VERSION,
    seed: String(options.seed),
    resumes: options.resumes,
    jobs: options.jobs,
    formats,
    byFormat,
    digest: digest.digest('hex'),
  };
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, out, resumesDir, jobsFile, durationMs: Math.round(performance.now() - started) };
}

/** The manifest of an earlier seed run in `out`, if any (for callers that cache seeded folders). */
export async function readSeedManifest(out: string): Promise<SeedManifest | undefined> {
  try {
    return JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as SeedManifest;
  } catch {
    return undefined;
  }
}
