/**
 * Writes a deployed stack's outputs into the project config file, so the next
 * `talent` command uses the aws backend with those resources. Merges: only
 * `backend` and the `aws` keys that come from the stack change.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { readEnv } from '../env.js';
import { ConfigError } from '../errors.js';

/** The config values a stack's outputs set (`backend: "aws"` and part of `aws`). */
export interface DeployedConfig {
  backend: 'aws';
  aws: {
    region?: string;
    bucket?: string;
    table?: string;
    kmsKeyId?: string;
    topicArn?: string;
    opensearch?: { endpoint?: string; service?: 'aoss' | 'es' };
  };
}

/** Maps the template's Outputs (names fixed by infra/talent.yaml) to config keys. */
export function configFromOutputs(outputs: Record<string, string>, region?: string): DeployedConfig {
  const service = outputs.OpenSearchService === 'es' || outputs.OpenSearchService === 'aoss' ? outputs.OpenSearchService : undefined;
  const aws: DeployedConfig['aws'] = {
    ...(region ? { region } : {}),
    ...(outputs.BucketName ? { bucket: outputs.BucketName } : {}),
    ...(outputs.TableName ? { table: outputs.TableName } : {}),
    ...(outputs.KmsKeyArn ? { kmsKeyId: outputs.KmsKeyArn } : {}),
    ...(outputs.TopicArn ? { topicArn: outputs.TopicArn } : {}),
  };
  if (outputs.OpenSearchEndpoint || service) {
    aws.opensearch = { ...(outputs.OpenSearchEndpoint ? { endpoint: outputs.OpenSearchEndpoint } : {}), ...(service ? { service } : {}) };
  }
  return { backend: 'aws', aws };
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge of `patch` into `base`: objects merge, everything else in `patch` wins. */
export function mergeConfig(base: Plain, patch: Plain): Plain {
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = isPlain(v) && isPlain(out[k]) ? mergeConfig(out[k] as Plain, v) : v;
  return out;
}

export interface WriteConfigOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** A config file named explicitly (`--config` / TALENT_CONFIG); otherwise cosmiconfig's search from `cwd`. */
  file?: string;
  values: DeployedConfig;
  /** Compute the result without writing (dry runs). */
  dryRun?: boolean;
}

export interface WriteConfigResult {
  file: string;
  created: boolean;
  /** The whole file's content after the merge (for package.json: the `talent` key). */
  config: Plain;
}

/** Picks the file to write: the explicit one, the one cosmiconfig finds, or `.talentrc.json` in `cwd`. */
async function targetFile(opts: WriteConfigOptions): Promise<string> {
  const explicit = opts.file ?? readEnv('TALENT_CONFIG', opts.env ?? process.env);
  if (explicit) return resolve(opts.cwd, explicit);
  const { cosmiconfig } = await import('cosmiconfig');
  // Same search as config resolution, so we write where the next command will read.
  const found = await cosmiconfig('talent', { searchStrategy: 'project', cache: false })
    .search(opts.cwd)
    .catch(() => null);
  return found?.filepath ?? join(opts.cwd, '.talentrc.json');
}

/**
 * Merges the stack's values into the project config file (creating
 * `.talentrc.json` if there is none). A YAML or JavaScript config file is
 * left alone: the error lists the values to add by hand.
 */
export async function writeDeployedConfig(opts: WriteConfigOptions): Promise<WriteConfigResult> {
  const file = await targetFile(opts);
  const name = basename(file);
  const isPackageJson = name === 'package.json';
  const exists = existsSync(file);
  let text = exists ? await readFile(file, 'utf8') : '';
  let whole: Plain = {};
  if (exists && text.trim() !== '') {
    const ext = extname(name);
    const jsonLike = ext === '.json' || name === '.talentrc';
    let parsed: unknown;
    try {
      parsed = jsonLike ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!isPlain(parsed)) {
      throw new ConfigError(`Cannot update ${file}: talent writes stack outputs only into JSON config files`, {
        code: 'E_CONFIG_NOT_JSON',
        file,
        hint: `Add these values to it yourself: ${JSON.stringify(opts.values)}`,
      });
    }
    whole = parsed;
  } else {
    text = '';
  }
  const current = isPackageJson ? (isPlain(whole.talent) ? whole.talent : {}) : whole;
  const merged = mergeConfig(current, opts.values as unknown as Plain);
  const next = isPackageJson ? { ...whole, talent: merged } : merged;
  if (!opts.dryRun) {
    const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
    const tmp = `${file}.talent-${process.pid}.tmp`;
    await mkdir(dirname(file), { recursive: true });
    // Write then rename: an interrupted write never leaves a half-written config behind.
    await writeFile(tmp, `${JSON.stringify(next, null, indent)}\n`);
    await rename(tmp, file);
  }
  return { file, created: !exists, config: merged };
}
