import type { Weights } from '../config.js';
import type { Candidate, Explanation, Job, ScoreComponent } from '../model/index.js';
import type { SkillTaxonomy } from './taxonomy.js';

export interface ScoreInput {
  job: Job;
  candidate: Candidate;
  /** Cosine similarity of the job and resume embeddings. */
  similarity: number;
  /** BM25 relevance divided by the best in the result list, in [0, 1] (0 when not retrieved by keyword). */
  keywordRelevance: number;
  retrieval: Explanation['retrieval'];
}

/**
 * Cosine similarities between a job and a resume under the local model fall
 * mostly between 0.2 (unrelated) and 0.7 (same role); this maps that band to [0, 1].
 */
export const SEMANTIC_FLOOR = 0.2;
export const SEMANTIC_CEILING = 0.7;

export function semanticValue(similarity: number): number {
  return clamp01((similarity - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR));
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/** Whether the candidate has `skill`: through the taxonomy, or for skills it does not know, by the phrase in the text. */
export function hasSkill(candidate: Candidate, skill: string, taxonomy: SkillTaxonomy): boolean {
  const canonical = taxonomy.canonical(skill);
  if (canonical) return candidate.profile.skills.some((s) => s.name === canonical);
  const escaped = skill.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(candidate.text);
}

/**
 * The score of one candidate for one job, in [0, 1]: a weighted mean of the
 * components that apply to this job (a job with no required skills has no
 * required-skills component, and its weight is not counted), with the
 * explanation of every part.
 */
export function scoreCandidate(input: ScoreInput, weights: Weights, taxonomy: SkillTaxonomy): { score: number; explanation: Explanation } {
  const { job, candidate } = input;
  const matchedRequired = job.requiredSkills.filter((s) => hasSkill(candidate, s, taxonomy));
  const missingRequired = job.requiredSkills.filter((s) => !matchedRequired.includes(s));
  const matchedNice = job.niceToHaveSkills.filter((s) => hasSkill(candidate, s, taxonomy));
  const years = candidate.profile.totalYears;

  const parts: Array<[keyof Weights, number, boolean]> = [
    ['requiredSkills', job.requiredSkills.length ? matchedRequired.length / job.requiredSkills.length : 0, job.requiredSkills.length > 0],
    ['niceToHaveSkills', job.niceToHaveSkills.length ? matchedNice.length / job.niceToHaveSkills.length : 0, job.niceToHaveSkills.length > 0],
    ['semantic', semanticValue(input.similarity), true],
    ['keyword', clamp01(input.keywordRelevance), true],
    ['experience', job.minYears > 0 ? clamp01(years / job.minYears) : 0, job.minYears > 0],
  ];
  const applicable = parts.filter(([, , applies]) => applies);
  const totalWeight = applicable.reduce((s, [name]) => s + weights[name], 0) || 1;
  const components: ScoreComponent[] = applicable.map(([name, value]) => ({
    name,
    value: round(value),
    weight: weights[name],
    contribution: round((value * weights[name]) / totalWeight),
  }));
  const score = round(clamp01(components.reduce((s, c) => s + c.contribution, 0)));

  const bits: string[] = [];
  if (job.requiredSkills.length) {
    bits.push(`meets ${matchedRequired.length}/${job.requiredSkills.length} required skills${missingRequired.length ? ` (missing: ${missingRequired.join(', ')})` : ''}`);
  }
  if (job.minYears > 0) bits.push(`${years} years of experience vs ${job.minYears} required`);
  else bits.push(`${years} years of experience`);
  bits.push(`semantic similarity ${input.similarity.toFixed(2)}`);

  return {
    score,
    explanation: {
      components,
      matchedRequiredSkills: matchedRequired,
      missingRequiredSkills: missingRequired,
      matchedNiceToHaveSkills: matchedNice,
      semanticSimilarity: round(input.similarity),
      candidateYears: years,
      requiredYears: job.minYears,
      retrieval: input.retrieval,
      summary: bits.join('; '),
    },
  };
}
