/**
 * talent SDK: resumes in, ranked and explained matches out.
 *
 * @example
 * import { createTalent } from 'talent';
 * const talent = await createTalent({ dataDir: './.talent' });
 * await talent.jobs.upsert([{ id: 'J-1', title: 'Backend Engineer', requiredSkills: ['Go'] }]);
 * const { matches } = await talent.match.candidatesForJob('J-1', { top: 5 });
 * await talent.close();
 */
import { TalentClient } from './client.js';
import { resolveConfig, type ResolvedConfig, type TalentConfigInput } from './config.js';
import { createProviders } from './factory.js';
import { loadTaxonomy } from './matching/taxonomy.js';
import type { Providers } from './ports/index.js';

export interface CreateTalentOptions {
  /** Read the project and user config files and `TALENT_*` variables. Default true. */
  readConfigFiles?: boolean;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Replace any adapter (tests, custom backends). */
  providers?: Partial<Providers>;
  /** An already resolved config (the CLI passes one), skipping resolution. */
  resolved?: ResolvedConfig;
}

/**
 * Builds a client from config. `config` has the highest precedence, then
 * `TALENT_*` variables, the project config file, the user config file and defaults.
 * Default backend: `local`, data in `$XDG_DATA_HOME/talent`.
 */
export async function createTalent(config: TalentConfigInput = {}, options: CreateTalentOptions = {}): Promise<TalentClient> {
  const resolved =
    options.resolved ?? (await resolveConfig({ overrides: config, cwd: options.cwd, env: options.env, noFiles: options.readConfigFiles === false }));
  const taxonomy = loadTaxonomy(resolved.config.parsing.extraSkills);
  const providers = await createProviders(resolved.config, taxonomy, options.providers);
  return new TalentClient(resolved.config, providers, taxonomy);
}

export { TalentClient, candidateIdFor, sha256 } from './client.js';
export type { CandidateMatchResult, MatchOptions, MatchResult, ParsedResume, PreparedCandidate, ResumeInput, SaveOptions } from './client.js';
export { resolveConfig, ConfigSchema, WeightsSchema } from './config.js';
export type { ResolvedConfig, TalentConfig, TalentConfigInput, Weights, LayerName } from './config.js';
export { ENV_VARS } from './env.js';
export * from './errors.js';
export * from './model/index.js';
export type * from './ports/index.js';
export { SkillTaxonomy, loadTaxonomy } from './matching/taxonomy.js';
export type { SkillEntry, SkillMention } from './matching/taxonomy.js';
export { scoreCandidate, semanticValue, candidateFeatures, combine } from './matching/score.js';
export { reciprocalRankFusion } from './matching/fusion.js';
export type { MatchFilters } from './matching/rank.js';
export { redactText, redactResume } from './matching/redact.js';
export type { RedactionHints } from './matching/redact.js';
export { candidateEmbeddingText, candidateKeywordText } from './matching/index-text.js';
export { titleSimilarity, titleTokens, locationFit, candidateTitles } from './matching/features.js';
export { formatRows, rowsForJob, rowsForCandidate, EXPORT_FORMATS } from './matching/export.js';
export type { ExportFormat, MatchRow } from './matching/export.js';
export { renderMatchReport } from './matching/report-html.js';
export { detectType } from './local/detect.js';
export { diagnose } from './factory.js';
export type { DoctorCheck, DoctorReport, CheckStatus } from './doctor.js';
