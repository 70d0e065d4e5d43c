/**
 * Configuration: one zod schema, resolved from layers with provenance.
 *
 * Precedence, highest first: flags (the `overrides` argument) > `TALENT_*`
 * environment variables > the project config file (found by cosmiconfig from
 * the working directory up to the project root) > the user config file
 * (`$XDG_CONFIG_HOME/talent/config.json`) > defaults.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { ENV_VARS, readEnv } from './env.js';
import { ConfigError } from './errors.js';
import { xdgConfigHome, xdgDataHome } from './internal/paths.js';

/**
 * Weight of each score component (relative: the score is the weighted mean of
 * the components that apply to a job). Defaults were tuned on the evaluation
 * data (see the README, "Matching quality"); `scripts/eval-match.ts --tune` repeats it.
 */
export const WeightsSchema = z
  .object({
    requiredSkills: z.number().min(0).default(0.4),
    niceToHaveSkills: z.number().min(0).default(0.1),
    semantic: z.number().min(0).default(0.2),
    keyword: z.number().min(0).default(0.15),
    experience: z.number().min(0).default(0.15),
    title: z.number().min(0).default(0.4),
    location: z.number().min(0).default(0.05),
  })
  .refine((w) => Object.values(w).some((v) => v > 0), 'at least one weight must be positive');
export type Weights = z.infer<typeof WeightsSchema>;

export const ConfigSchema = z.object({
  /** `local` (default): everything on this machine. `aws`: S3, Textract, Bedrock, DynamoDB, OpenSearch, SNS. */
  backend: z.enum(['local', 'aws']).default('local'),
  /** Local backend: folder holding `talent.db` and `blobs/`. Default `$XDG_DATA_HOME/talent`. */
  dataDir: z.string().min(1),
  /** `use`: Universal Sentence Encoder shipped in npm (512-d). `fake`: deterministic, for tests only. */
  embedder: z.enum(['use', 'fake']).default('use'),
  parsing: z
    .object({
      /** ISO 3166 alpha-2 country for phone numbers written without a country code. */
      defaultCountry: z.string().length(2).toUpperCase().default('US'),
      /** Skills added to the bundled taxonomy: `{ name, aliases?, category?, implied? }`. */
      extraSkills: z
        .array(z.object({ name: z.string().min(1), aliases: z.array(z.string()).default([]), category: z.string().optional(), implied: z.array(z.string()).optional() }))
        .default([]),
      /** OCR (offline, tesseract.js) for images and scanned PDF pages. */
      ocr: z.boolean().default(true),
      /** Time limit for extracting one file, in milliseconds; the file then fails with E_EXTRACT_TIMEOUT. */
      extractTimeoutMs: z.number().int().min(1000).max(3_600_000).default(120_000),
      /** Heap limit for decoding one file (its worker thread), in MiB; the file then fails with E_EXTRACT_MEMORY. */
      extractMemoryMb: z.number().int().min(64).max(16_384).default(256),
    })
    .prefault({}),
  matching: z
    .object({
      weights: WeightsSchema.prefault({}),
      /** How many candidates each retriever (vector, keyword) returns before fusion and re-ranking. */
      retrievalDepth: z.number().int().min(1).max(10_000).default(200),
      /** Blind mode by default: no location fit, personal details hidden in results (see README, "Blind mode"). */
      blind: z.boolean().default(false),
    })
    .prefault({}),
  import: z
    .object({
      concurrency: z.number().int().min(1).max(64).default(2),
      embedBatchSize: z.number().int().min(1).max(256).default(16),
      /** `talent import`'s worker threads (extract, parse, embed) on the local backend; 0 = none. Default: one per core. */
      workers: z.number().int().min(0).max(64).optional(),
    })
    .prefault({}),
  /** Where `--notify` sends the top matches (see the README, "Notifications"). */
  notify: z
    .object({
      /** `stderr` (default) or `stdout`: one JSON line per notification; `file`: appended to `file`; `webhook`: signed POST. */
      target: z.enum(['stderr', 'stdout', 'file', 'webhook']).default('stderr'),
      file: z.string().optional(),
      webhook: z
        .object({
          url: z.url({ protocol: /^https?$/ }).optional(),
          /** HMAC-SHA256 key; prefer TALENT_NOTIFY_WEBHOOK_SECRET over writing it in a file. */
          secret: z.union([z.string(), z.number().transform(String)]).optional(),
          retries: z.number().int().min(0).max(10).default(4),
          timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
        })
        .prefault({}),
    })
    .prefault({}),
  /** The aws backend: resource names come from `talent deploy`'s stack outputs. */
  aws: z
    .object({
      region: z.string().optional(),
      profile: z.string().optional(),
      /** CloudFormation stack that `talent deploy` manages. */
      stackName: z.string().default('talent'),
      /** S3 bucket for original resumes (content-addressed keys). */
      bucket: z.string().optional(),
      /** KMS key id or ARN for SSE-KMS on the bucket; S3-managed keys when absent. */
      kmsKeyId: z.string().optional(),
      /** DynamoDB table (single-table design) for candidates, jobs, matches and the import journal. */
      table: z.string().optional(),
      opensearch: z
        .object({
          endpoint: z.string().optional(),
          /** `aoss` for OpenSearch Serverless, `es` for a managed domain (SigV4 service name). */
          service: z.enum(['aoss', 'es']).default('aoss'),
          index: z.string().default('talent'),
          /** k-NN engine for the HNSW graph. faiss: Serverless and OpenSearch 2.19+ (cosine); lucene: older domains. */
          engine: z.enum(['faiss', 'lucene']).default('faiss'),
        })
        .prefault({}),
      /** SNS topic for match notifications. */
      topicArn: z.string().optional(),
      bedrock: z
        .object({
          parseModelId: z.string().default('anthropic.claude-3-5-haiku-20241022-v1:0'),
          embedModelId: z.string().default('amazon.titan-embed-text-v2:0'),
          embedDimensions: z.union([z.literal(256), z.literal(512), z.literal(1024)]).default(1024),
        })
        .prefault({}),
      textract: z
        .object({
          /** PDFs with a text layer are read locally (free, exact); `always` sends every PDF to Textract OCR. */
          pdfs: z.enum(['when-no-text', 'always']).default('when-no-text'),
          /** Longest wait for an asynchronous (multi-page PDF) job, in seconds. */
          jobTimeoutSeconds: z.number().int().min(10).max(3600).default(600),
        })
        .prefault({}),
      /** Endpoint overrides per service, for emulators and VPC endpoints. */
      endpoints: z
        .object({
          s3: z.string().optional(),
          dynamodb: z.string().optional(),
          textract: z.string().optional(),
          bedrock: z.string().optional(),
          sns: z.string().optional(),
          sts: z.string().optional(),
          cloudformation: z.string().optional(),
        })
        .prefault({}),
    })
    .prefault({}),
});
export type TalentConfig = z.infer<typeof ConfigSchema>;
/** What a caller may pass: any subset, nested. */
export type TalentConfigInput = DeepPartial<z.input<typeof ConfigSchema>>;
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

export type LayerName = 'default' | 'user' | 'project' | 'env' | 'flag';

export interface ResolvedConfig {
  config: TalentConfig;
  /** For each dotted leaf path, the layer that set it (and the file, for file layers). */
  provenance: Record<string, { layer: LayerName; file?: string }>;
  files: { user?: string; project?: string };
}

export interface ResolveOptions {
  /** Highest precedence: values from command-line flags or from code. */
  overrides?: TalentConfigInput;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Skip the user and project config files (tests, or `createTalent({ config })` in code). */
  noFiles?: boolean;
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function flatten(obj: Plain, prefix = ''): Array<[string, unknown]> {
  return Object.entries(obj).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return isPlain(v) ? flatten(v, path) : v === undefined ? [] : [[path, v] as [string, unknown]];
  });
}

function setPath(obj: Plain, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (!isPlain(cur[k])) cur[k] = {};
    cur = cur[k] as Plain;
  }
  cur[keys[keys.length - 1]!] = value;
}

function readJsonConfig(file: string): Plain {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isPlain(parsed)) throw new Error('the top level must be an object');
    return parsed;
  } catch (err) {
    throw new ConfigError(`Cannot read config file ${file}: ${(err as Error).message}`, {
      file,
      hint: 'Fix the JSON, or delete the file to use defaults.',
      cause: err,
    });
  }
}

async function findProjectConfig(cwd: string, env: NodeJS.ProcessEnv): Promise<{ file: string; values: Plain } | undefined> {
  const explicit = readEnv('TALENT_CONFIG', env);
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig('talent', { searchStrategy: 'project' });
  try {
    const found = explicit ? await explorer.load(resolve(cwd, explicit)) : await explorer.search(cwd);
    if (!found || found.isEmpty) return undefined;
    if (!isPlain(found.config)) throw new Error('the top level must be an object');
    return { file: found.filepath, values: found.config };
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`Cannot read config file ${explicit ?? '(project config)'}: ${(err as Error).message}`, {
      hint: 'Fix the file, or run `talent init` to write a fresh one.',
      cause: err,
    });
  }
}

/** Paths in a config file are relative to that file's folder. */
function anchorPaths(values: Plain, base: string): Plain {
  const copy = structuredClone(values);
  if (typeof copy.dataDir === 'string' && !isAbsolute(copy.dataDir)) copy.dataDir = resolve(base, copy.dataDir);
  const notify = copy.notify;
  if (isPlain(notify) && typeof notify.file === 'string' && !isAbsolute(notify.file)) notify.file = resolve(base, notify.file);
  return copy;
}

function envLayer(env: NodeJS.ProcessEnv): Plain {
  const out: Plain = {};
  for (const v of ENV_VARS) {
    const value = 'configPath' in v ? readEnv(v.name, env) : undefined;
    if (value !== undefined && 'configPath' in v) setPath(out, v.configPath, value);
  }
  return out;
}

/** Resolves the configuration from every layer; throws ConfigError naming the layer at fault. */
export async function resolveConfig(options: ResolveOptions = {}): Promise<ResolvedConfig> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const layers: Array<{ layer: LayerName; file?: string; values: Plain }> = [
    { layer: 'default', values: { dataDir: join(xdgDataHome(env), 'talent') } },
  ];
  const files: ResolvedConfig['files'] = {};
  if (!options.noFiles) {
    const userFile = join(xdgConfigHome(env), 'talent', 'config.json');
    if (existsSync(userFile)) {
      layers.push({ layer: 'user', file: userFile, values: anchorPaths(readJsonConfig(userFile), dirname(userFile)) });
      files.user = userFile;
    }
    const project = await findProjectConfig(cwd, env);
    if (project) {
      layers.push({ layer: 'project', file: project.file, values: anchorPaths(project.values, dirname(project.file)) });
      files.project = project.file;
    }
  }
  layers.push({ layer: 'env', values: anchorPaths(envLayer(env), cwd) });
  if (options.overrides) layers.push({ layer: 'flag', values: anchorPaths(options.overrides as Plain, cwd) });

  const merged: Plain = {};
  const provenance: ResolvedConfig['provenance'] = {};
  for (const l of layers) {
    for (const [path, value] of flatten(l.values)) {
      setPath(merged, path, value);
      provenance[path] = { layer: l.layer, ...(l.file ? { file: l.file } : {}) };
    }
  }
  // Numbers from the environment arrive as strings.
  const coerced = coerceNumbers(merged);
  const parsed = ConfigSchema.safeParse(coerced);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    const from = provenance[path] ?? Object.entries(provenance).find(([p]) => p.startsWith(`${path}.`))?.[1];
    const where = from ? ` (set by ${from.layer}${from.file ? ` in ${from.file}` : ''})` : '';
    throw new ConfigError(`Invalid config value at "${path}"${where}: ${issue.message}`, {
      file: from?.file,
      hint: 'Run `talent config show` to see every value and where it comes from.',
    });
  }
  for (const [path] of flatten(parsed.data as unknown as Plain)) provenance[path] ??= { layer: 'default' };
  return { config: parsed.data, provenance, files };
}

function coerceNumbers(obj: Plain): Plain {
  const out: Plain = {};
  for (const [k, v] of Object.entries(obj)) {
    if (isPlain(v)) out[k] = coerceNumbers(v);
    else if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && k !== 'dataDir' && k !== 'file' && k !== 'profile') out[k] = Number(v);
    else out[k] = v;
  }
  return out;
}
