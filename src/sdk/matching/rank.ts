import type { Weights } from '../config.js';
import type { Job, Match } from '../model/index.js';
import type { Embedder, RecordStore, SearchIndex } from '../ports/index.js';
import { reciprocalRankFusion } from './fusion.js';
import { scoreCandidate } from './score.js';
import type { SkillTaxonomy } from './taxonomy.js';

export interface RankDeps {
  embedder: Embedder;
  index: SearchIndex;
  records: RecordStore;
  taxonomy: SkillTaxonomy;
}

export interface RankOptions {
  top: number;
  weights: Weights;
  /** Candidates each retriever returns before fusion. */
  depth: number;
}

const SENIORITY = /^(senior|sr|junior|jr|lead|principal|staff|head|chief|associate|assistant|intern|i|ii|iii|iv|of|and|the|for|a|an|to|in|remote)$/i;

/** The text a job is embedded from. */
export function jobEmbeddingText(job: Job): string {
  return [job.title, job.description, `Required skills: ${job.requiredSkills.join(', ')}`, `Nice to have: ${job.niceToHaveSkills.join(', ')}`].join('\n');
}

/** Keyword terms for a job: every skill under each of its names, and the title's words. */
export function jobKeywordTerms(job: Job, taxonomy: SkillTaxonomy): string[] {
  const skills = [...job.requiredSkills, ...job.niceToHaveSkills].flatMap((s) => [s, ...taxonomy.aliasesOf(s)]);
  const titleWords = job.title.split(/[\s/,&()-]+/).filter((w) => w.length > 1 && !SENIORITY.test(w));
  return [...new Set([...skills, ...titleWords])];
}

/**
 * Candidates for a job: vector and keyword retrieval, fused by reciprocal rank
 * (k = 60), then every fused candidate re-scored on structured features
 * (skills, experience, similarity, keyword relevance) and sorted by that score.
 */
export async function rankCandidatesForJob(job: Job, deps: RankDeps, options: RankOptions): Promise<Match[]> {
  const query = await deps.embedder.embedQuery(jobEmbeddingText(job));
  const [vectorHits, keywordHits] = await Promise.all([
    deps.index.vectorSearch('candidate', query, options.depth),
    deps.index.keywordSearch('candidate', jobKeywordTerms(job, deps.taxonomy), options.depth),
  ]);
  const fused = reciprocalRankFusion([vectorHits, keywordHits]);
  if (fused.length === 0) return [];

  const similarity = new Map(vectorHits.map((h) => [h.id, h.score]));
  const missing = fused.filter((f) => !similarity.has(f.id)).map((f) => f.id);
  if (missing.length) for (const [id, s] of await deps.index.similarities('candidate', query, missing)) similarity.set(id, s);
  const bestKeyword = keywordHits[0]?.score ?? 0;
  const keyword = new Map(keywordHits.map((h) => [h.id, bestKeyword > 0 ? h.score / bestKeyword : 0]));
  const fusedRank = new Map(fused.map((f, i) => [f.id, i]));

  const candidates = await deps.records.getCandidates(fused.map((f) => f.id));
  const scored = candidates.map((candidate) => {
    const f = fused[fusedRank.get(candidate.id)!]!;
    const { score, explanation } = scoreCandidate(
      {
        job,
        candidate,
        similarity: similarity.get(candidate.id) ?? 0,
        keywordRelevance: keyword.get(candidate.id) ?? 0,
        retrieval: { ...(f.ranks[0] ? { vectorRank: f.ranks[0] } : {}), ...(f.ranks[1] ? { keywordRank: f.ranks[1] } : {}) },
      },
      options.weights,
      deps.taxonomy,
    );
    return { candidate, score, explanation, fused: fusedRank.get(candidate.id)! };
  });
  scored.sort((a, b) => b.score - a.score || a.fused - b.fused);
  return scored.slice(0, options.top).map((s, i) => ({
    rank: i + 1,
    candidateId: s.candidate.id,
    name: s.candidate.profile.name ?? null,
    score: s.score,
    source: s.candidate.source,
    explanation: s.explanation,
  }));
}
