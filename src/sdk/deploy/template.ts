/**
 * The bundled CloudFormation template (`infra/talent.yaml`) and a YAML reader
 * that understands CloudFormation's short-form intrinsic tags (`!Ref`,
 * `!GetAtt`, `!Sub`, …), turning them into their long JSON form
 * (`{ Ref: … }`, `{ "Fn::GetAtt": [...] }`) exactly as CloudFormation does.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, type Tags, type YAMLMap, type YAMLSeq } from 'yaml';
import { ConfigError, TalentError } from '../errors.js';

/** A CloudFormation template in its JSON form (only the parts talent reads are typed). */
export interface CfnTemplate {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Parameters?: Record<string, CfnParameter>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Description?: string; Condition?: string }>;
}

export interface CfnParameter {
  Type: string;
  Default?: string | number;
  AllowedValues?: string[];
  AllowedPattern?: string;
  Description?: string;
}

export interface CfnResource {
  Type: string;
  Condition?: string;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Properties?: Record<string, unknown>;
}

/** The template as text (what CloudFormation receives) and parsed (what talent inspects). */
export interface LoadedTemplate {
  path: string;
  body: string;
  template: CfnTemplate;
}

// Short form → long form. `Ref` and `Condition` keep their bare key; everything else is `Fn::<Name>`.
const INTRINSICS = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or',
  'FindInMap', 'GetAZs', 'ImportValue', 'Base64', 'Cidr', 'Transform', 'ToJsonString', 'Length',
] as const;

const longKey = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);

function scalarValue(name: string, value: string): unknown {
  // `!GetAtt Resource.Attribute` → ["Resource", "Attribute"]; the attribute may itself contain dots.
  if (name === 'GetAtt') {
    const dot = value.indexOf('.');
    return dot < 0 ? value : [value.slice(0, dot), value.slice(dot + 1)];
  }
  return value;
}

/** yaml tags: each intrinsic accepts a scalar, a sequence or a map, as CloudFormation's own parser does. */
const CFN_TAGS: Tags = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => ({ [longKey(name)]: scalarValue(name, value) }) },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (seq: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [longKey(name)]: seq.toJSON() }) },
  { tag: `!${name}`, collection: 'map' as const, resolve: (map: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [longKey(name)]: map.toJSON() }) },
]);

/**
 * Parses CloudFormation YAML (short-form tags included) into the template's JSON form.
 * Unknown tags and YAML errors are reported with their line, naming `file`.
 *
 * @example parseCloudFormationYaml('Value: !GetAtt Bucket.Arn') // { Value: { 'Fn::GetAtt': ['Bucket', 'Arn'] } }
 */
export function parseCloudFormationYaml(text: string, file = '(template)'): unknown {
  const doc = parseDocument(text, { customTags: CFN_TAGS, prettyErrors: true, uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    throw new ConfigError(`Cannot parse CloudFormation template ${file}: ${problems[0]!.message}`, {
      code: 'E_TEMPLATE_INVALID',
      file,
      hint: 'Fix the YAML; CloudFormation short-form tags (!Ref, !GetAtt, !Sub, …) are supported.',
    });
  }
  return doc.toJS({ maxAliasCount: 100 });
}

/** Checks the top-level shape of a parsed template. */
export function asTemplate(value: unknown, file = '(template)'): CfnTemplate {
  const v = value as Partial<CfnTemplate> | null;
  if (!v || typeof v !== 'object' || !v.Resources || typeof v.Resources !== 'object') {
    throw new ConfigError(`${file} is not a CloudFormation template: it has no Resources section`, { code: 'E_TEMPLATE_INVALID', file });
  }
  return v as CfnTemplate;
}

/**
 * Where the bundled template lives: `infra/talent.yaml` at the package root,
 * found by walking up from this module (works from `src/`, `dist/` and an installed package).
 */
export function bundledTemplatePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'infra', 'talent.yaml');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new TalentError('The bundled CloudFormation template infra/talent.yaml is missing', {
    code: 'E_TEMPLATE_MISSING',
    fault: 'internal',
    hint: 'Reinstall talent: the npm package ships infra/talent.yaml.',
  });
}

/** Reads and parses a template file (default: the bundled one). */
export async function loadTemplate(path = bundledTemplatePath()): Promise<LoadedTemplate> {
  const body = await readFile(path, 'utf8');
  return { path, body, template: asTemplate(parseCloudFormationYaml(body, path), path) };
}
