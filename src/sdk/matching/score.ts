import type { Weights } from '../config.js';
import type { Candidate, Explanation, Job, RequirementCheck, ScoreComponent } from '../model/index.js';
import { candidateTitles, checkSkill, EvidenceLines, linesAt, locationFit, titleSimilarity, type Verdict } from './features.js';
import { analyseResume } from './match-data.js';
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

export interface ScoreOptions {
  /** Blind mode: no location fit, and evidence quoted from the redacted resume. */
  blind?: boolean;
  /** Extra must-have skills (e.g. `--skills`), on top of the job's own `mustHave`. */
  mustHave?: string[];
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
const VERDICT_VALUE: Record<Verdict, number> = { met: 1, partial: 0.5, missing: 0 };

export type ComponentName = keyof Weights;

/**
 * Everything about one (job, candidate) pair that does not depend on the
 * weights: component values, which components apply, and the requirement
 * checks. Computed once; `combine` turns it into a score for any weights
 * (which is how the evaluation script tunes the weights).
 */
export interface CandidateFeatures {
  values: Partial<Record<ComponentName, number>>;
  requirements: RequirementCheck[];
  /** False when a must-have requirement is not met. */
  eligible: boolean;
  explanation: Omit<Explanation, 'components' | 'summary'>;
}

/** Computes the weight-independent features of a candidate for a job. */
export function candidateFeatures(input: ScoreInput, taxonomy: SkillTaxonomy, options: ScoreOptions = {}): CandidateFeatures {
  const { job, candidate } = input;
  // Skills and evidence come from the redacted text, so a name such as "Ruby" is never a skill;
  // both were computed at import when the record holds current match data (match-data.ts).
  const { redacted, mentions } = analyseResume(candidate, taxonomy);
  const shown = options.blind ? redacted : candidate.text;
  const evidence = new EvidenceLines(redacted, shown);
  const mustHave = new Set([...(job.mustHave ?? []), ...(options.mustHave ?? []).map((s) => taxonomy.normalise(s))]);

  const requirements: RequirementCheck[] = [];
  const skillReq = (skill: string, kind: 'skill' | 'niceToHave') => {
    const check = checkSkill(skill, redacted, mentions, taxonomy);
    const r: RequirementCheck = {
      kind,
      requirement: skill,
      mustHave: mustHave.has(skill),
      verdict: check.verdict,
      ...(check.detail ? { detail: check.detail } : {}),
      evidence: evidence.at(check.offsets),
    };
    requirements.push(r);
    return r;
  };
  const required = job.requiredSkills.map((s) => skillReq(s, 'skill'));
  const nice = job.niceToHaveSkills.map((s) => skillReq(s, 'niceToHave'));
  // Must-haves from the caller that the job does not list still have to be met.
  for (const s of mustHave) if (!job.requiredSkills.includes(s) && !job.niceToHaveSkills.includes(s)) skillReq(s, 'skill');

  const years = candidate.profile.totalYears;
  if (job.minYears > 0) {
    const v: Verdict = years >= job.minYears ? 'met' : years >= job.minYears / 2 ? 'partial' : 'missing';
    // Evidence: the lines of the dated roles the years were counted from.
    const offsets = candidate.profile.experience
      .filter((e) => e.start && e.title)
      .map((e) => redacted.indexOf(e.title!))
      .filter((i) => i >= 0);
    requirements.push({ kind: 'experience', requirement: `${job.minYears}+ years`, mustHave: false, verdict: v, detail: `${years} years`, evidence: evidence.at(offsets) });
  }

  const title = titleSimilarity(job.title, candidateTitles(redacted, candidate.profile.experience.map((e) => e.title ?? '').filter(Boolean)));
  requirements.push({
    kind: 'title',
    requirement: job.title,
    mustHave: false,
    verdict: title.value >= 0.6 ? 'met' : title.value >= 0.3 ? 'partial' : 'missing',
    ...(title.bestTitle ? { detail: `closest title: ${title.bestTitle}` } : { detail: 'no similar title' }),
    evidence: title.bestTitle && redacted.includes(title.bestTitle) ? evidence.at([redacted.indexOf(title.bestTitle)]) : [],
  });

  const loc = options.blind ? undefined : locationFit(job.location, candidate.profile.location);
  if (loc) {
    const where = candidate.profile.location ? candidate.text.indexOf(candidate.profile.location) : -1;
    requirements.push({ kind: 'location', requirement: job.location!, mustHave: false, verdict: loc.verdict, detail: loc.detail, evidence: where >= 0 ? linesAt(candidate.text, [where]) : [] });
  }

  const coverage = (rs: RequirementCheck[]) => rs.reduce((s, r) => s + VERDICT_VALUE[r.verdict], 0) / rs.length;
  const values: CandidateFeatures['values'] = {
    ...(required.length ? { requiredSkills: coverage(required) } : {}),
    ...(nice.length ? { niceToHaveSkills: coverage(nice) } : {}),
    semantic: semanticValue(input.similarity),
    keyword: clamp01(input.keywordRelevance),
    ...(job.minYears > 0 ? { experience: clamp01(years / job.minYears) } : {}),
    title: title.value,
    ...(loc ? { location: loc.value } : {}),
  };

  return {
    values,
    requirements,
    eligible: requirements.every((r) => !r.mustHave || r.verdict === 'met'),
    explanation: {
      matchedRequiredSkills: required.filter((r) => r.verdict === 'met').map((r) => r.requirement),
      missingRequiredSkills: required.filter((r) => r.verdict !== 'met').map((r) => r.requirement),
      partialRequiredSkills: required.filter((r) => r.verdict === 'partial').map((r) => r.requirement),
      matchedNiceToHaveSkills: nice.filter((r) => r.verdict === 'met').map((r) => r.requirement),
      semanticSimilarity: round(input.similarity),
      candidateYears: years,
      requiredYears: job.minYears,
      retrieval: input.retrieval,
      requirements,
      title: { similarity: round(title.value), ...(title.bestTitle ? { bestTitle: title.bestTitle } : {}) },
      ...(options.blind ? { blind: true } : {}),
    },
  };
}

/**
 * The highest score a candidate can get for this job, knowing only its
 * retrieval signals: the components `candidateFeatures` would compute, with
 * every one that needs the resume (skills, experience, title, location) at
 * its maximum. No candidate scores above its bound (`combine` is monotonic and
 * rounds the same way), so ranking can leave out candidates whose bound is
 * below the current top without changing the result.
 */
export function scoreUpperBound(job: Job, similarity: number, keywordRelevance: number, weights: Weights, options: Pick<ScoreOptions, 'blind'> = {}): number {
  const values: CandidateFeatures['values'] = {
    ...(job.requiredSkills.length ? { requiredSkills: 1 } : {}),
    ...(job.niceToHaveSkills.length ? { niceToHaveSkills: 1 } : {}),
    semantic: semanticValue(similarity),
    keyword: clamp01(keywordRelevance),
    ...(job.minYears > 0 ? { experience: 1 } : {}),
    title: 1,
    ...(!options.blind && locationFit(job.location, undefined) ? { location: 1 } : {}),
  };
  return combine(values, weights).score;
}

/** The weighted mean of the components that apply, each with its contribution (they sum to the score). */
export function combine(values: CandidateFeatures['values'], weights: Weights): { score: number; components: ScoreComponent[] } {
  const applicable = (Object.keys(values) as ComponentName[]).filter((name) => values[name] !== undefined);
  const totalWeight = applicable.reduce((s, name) => s + weights[name], 0) || 1;
  const components = applicable.map((name) => ({
    name,
    value: round(values[name]!),
    weight: weights[name],
    contribution: round((values[name]! * weights[name]) / totalWeight),
  }));
  const score = round(clamp01(applicable.reduce((s, name) => s + (values[name]! * weights[name]) / totalWeight, 0)));
  return { score, components };
}

function summarise(f: CandidateFeatures, job: Job): string {
  const e = f.explanation;
  const bits: string[] = [];
  if (job.requiredSkills.length) {
    const partial = e.partialRequiredSkills ?? [];
    const missing = e.missingRequiredSkills.filter((s) => !partial.includes(s));
    const gaps = [...(missing.length ? [`missing: ${missing.join(', ')}`] : []), ...(partial.length ? [`partly: ${partial.join(', ')}`] : [])];
    bits.push(`meets ${e.matchedRequiredSkills.length}/${job.requiredSkills.length} required skills${gaps.length ? ` (${gaps.join('; ')})` : ''}`);
  }
  bits.push(job.minYears > 0 ? `${e.candidateYears} years of experience vs ${job.minYears} required` : `${e.candidateYears} years of experience`);
  if (e.title?.bestTitle && e.title.similarity >= 0.3) bits.push(`title: ${e.title.bestTitle}`);
  const loc = f.requirements.find((r) => r.kind === 'location');
  if (loc && loc.verdict !== 'met') bits.push(`location: ${loc.detail}`);
  bits.push(`semantic similarity ${e.semanticSimilarity.toFixed(2)}`);
  const unmet = f.requirements.filter((r) => r.mustHave && r.verdict !== 'met').map((r) => r.requirement);
  if (unmet.length) bits.push(`lacks must-have: ${unmet.join(', ')}`);
  return bits.join('; ');
}

/**
 * The score of one candidate for one job, in [0, 1]: a weighted mean of the
 * components that apply to this job (a job with no required skills has no
 * required-skills component, and its weight is not counted), with the
 * explanation of every part.
 */
export function scoreCandidate(
  input: ScoreInput,
  weights: Weights,
  taxonomy: SkillTaxonomy,
  options: ScoreOptions = {},
): { score: number; explanation: Explanation; eligible: boolean } {
  const f = candidateFeatures(input, taxonomy, options);
  const { score, components } = combine(f.values, weights);
  return { score, eligible: f.eligible, explanation: { components, ...f.explanation, summary: summarise(f, input.job) } };
}
