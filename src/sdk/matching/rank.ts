import type { Weights } from '../config.js';
import type { Candidate, Job, JobMatch, Match } from '../model/index.js';
import type { Embedder, RecordStore, SearchHit, SearchIndex } from '../ports/index.js';
import { isRemote } from './features.js';
import { reciprocalRankFusion, type FusedHit } from './fusion.js';
import { candidateEmbeddingText, candidateKeywordText } from './index-text.js';
import { analyseResume, upgradeMatchData } from './match-data.js';
import { scoreCandidate, scoreUpperBound } from './score.js';
import type { SkillTaxonomy } from './taxonomy.js';

export interface RankDeps {
  embedder: Embedder;
  index: SearchIndex;
  records: RecordStore;
  taxonomy: SkillTaxonomy;
}

/** Filters applied after scoring: a candidate (or job) failing one is not returned. */
export interface MatchFilters {
  /** Drop matches scoring below this, in [0, 1]. */
  minScore?: number;
  /** Candidates: the resume's location must match ("Seattle, WA", "WA", "Seattle"). Jobs: the job's location, or remote. */
  location?: string;
  /** Candidates with at least this many years of experience. */
  minYears?: number;
  /** Must-have skills: a candidate lacking any one is not ranked. */
  skills?: string[];
}

export interface RankOptions {
  top: number;
  weights: Weights;
  /** Candidates each retriever returns before fusion. */
  depth: number;
  /** Blind mode: no location fit; names, sources and evidence shown redacted. */
  blind?: boolean;
  filters?: MatchFilters;
  /** Candidates loaded and scored at a time, best score bound first (default 50); the rest is skipped once it cannot reach the top. */
  scoreChunk?: number;
}

const SCORE_CHUNK = 50;

/** Inserts `x` into the descending list `xs`, keeping at most `max` entries. */
function insertDescending(xs: number[], x: number, max: number): void {
  let i = xs.length;
  while (i > 0 && xs[i - 1]! < x) i--;
  if (i >= max) return;
  xs.splice(i, 0, x);
  if (xs.length > max) xs.pop();
}

const SENIORITY = /^(senior|sr|junior|jr|lead|principal|staff|head|chief|associate|assistant|intern|i|ii|iii|iv|of|and|the|for|a|an|to|in|remote)$/i;

/** The text a job is embedded from. */
export function jobEmbeddingText(job: Job): string {
  return [job.title, job.description, `Required skills: ${job.requiredSkills.join(', ')}`, `Nice to have: ${job.niceToHaveSkills.join(', ')}`].join('\n');
}

const titleWords = (title: string) => title.split(/[\s/,&()-]+/).filter((w) => w.length > 1 && !SENIORITY.test(w));

/** Keyword terms for a job: every skill under each of its names, and the title's words. */
export function jobKeywordTerms(job: Job, taxonomy: SkillTaxonomy): string[] {
  const skills = [...job.requiredSkills, ...job.niceToHaveSkills].flatMap((s) => [s, ...taxonomy.aliasesOf(s)]);
  return [...new Set([...skills, ...titleWords(job.title)])];
}

/** Keyword terms for a candidate (to find jobs): the skills in the redacted resume and the words of its titles. */
export function candidateKeywordTerms(candidate: Candidate, taxonomy: SkillTaxonomy): string[] {
  const skills = analyseResume(candidate, taxonomy).skills;
  const titles = candidate.profile.experience.slice(0, 3).flatMap((e) => titleWords(e.title ?? ''));
  return [...new Set([...skills, ...titles])].slice(0, 60);
}

/** Does `place` ("Seattle, WA") match the filter ("Seattle", "WA", "Seattle, WA"), ignoring case? */
export function placeMatches(filter: string, place: string | undefined): boolean {
  if (!place) return false;
  const norm = (s: string) => s.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
  const f = norm(filter);
  const p = norm(place);
  if (f.length === 0) return true;
  return f.length === 1 ? p.includes(f[0]!) : f.every((part, i) => p[i] === part);
}

/**
 * Hybrid retrieval: vector and keyword search (each `depth` deep) fused by
 * reciprocal rank (k = 60), with every fused document's cosine similarity and
 * its BM25 relevance relative to the best keyword hit.
 */
export async function retrieveFused(kind: 'candidate' | 'job', query: Float32Array, terms: string[], deps: RankDeps, depth: number) {
  const [vectorHits, keywordHits]: [SearchHit[], SearchHit[]] = await Promise.all([deps.index.vectorSearch(kind, query, depth), deps.index.keywordSearch(kind, terms, depth)]);
  const fused: FusedHit[] = reciprocalRankFusion([vectorHits, keywordHits]);
  const similarity = new Map(vectorHits.map((h) => [h.id, h.score]));
  const missing = fused.filter((f) => !similarity.has(f.id)).map((f) => f.id);
  if (missing.length) for (const [id, s] of await deps.index.similarities(kind, query, missing)) similarity.set(id, s);
  const bestKeyword = keywordHits[0]?.score ?? 0;
  const keyword = new Map(keywordHits.map((h) => [h.id, bestKeyword > 0 ? h.score / bestKeyword : 0]));
  const retrieval = (f: FusedHit) => ({ ...(f.ranks[0] ? { vectorRank: f.ranks[0] } : {}), ...(f.ranks[1] ? { keywordRank: f.ranks[1] } : {}) });
  return { fused, similarity, keyword, retrieval };
}

/**
 * Candidates for a job: vector and keyword retrieval, fused by reciprocal rank
 * (k = 60), then the fused candidates re-scored on structured features
 * (skills, experience, title, location, similarity, keyword relevance),
 * filtered (must-haves, `filters`) and sorted by that score. Candidates whose
 * score bound (`scoreUpperBound`) cannot reach the top are not loaded: the
 * result is the same as scoring every one.
 */
export async function rankCandidatesForJob(job: Job, deps: RankDeps, options: RankOptions): Promise<Match[]> {
  // The job's vector was stored at ingest (its index text is its embedding text): reused
  // while the job reads the same, so a query embeds nothing.
  const text = jobEmbeddingText(job);
  const query = (await deps.index.storedVector('job', job.id, text)) ?? (await deps.embedder.embedQuery(text));
  const r = await retrieveFused('candidate', query, jobKeywordTerms(job, deps.taxonomy), deps, options.depth);
  if (r.fused.length === 0) return [];
  const filters = options.filters ?? {};
  const sim = (id: string) => r.similarity.get(id) ?? 0;
  const kw = (id: string) => r.keyword.get(id) ?? 0;

  // Candidates are loaded and scored best bound first, in chunks; once the current top is full
  // and no remaining candidate's bound reaches its last score, the rest cannot enter it.
  const pending = r.fused
    .map((f, i) => ({ f, i, bound: scoreUpperBound(job, sim(f.id), kw(f.id), options.weights, { blind: options.blind }) }))
    .sort((a, b) => b.bound - a.bound || a.i - b.i);
  const scored: Array<{ candidate: Candidate; score: number; explanation: Match['explanation']; fused: number }> = [];
  const topScores: number[] = [];
  const chunkSize = Math.max(1, options.scoreChunk ?? SCORE_CHUNK);
  for (let at = 0; at < pending.length; at += chunkSize) {
    const chunk = pending.slice(at, at + chunkSize);
    if (topScores.length >= options.top && chunk[0]!.bound < topScores[options.top - 1]!) break;
    const byId = new Map(chunk.map((p) => [p.f.id, p]));
    const candidates = await upgradeMatchData(await deps.records.getCandidates(chunk.map((p) => p.f.id)), deps.taxonomy, deps.records);
    for (const candidate of candidates) {
      if (filters.minYears !== undefined && candidate.profile.totalYears < filters.minYears) continue;
      if (filters.location !== undefined && !placeMatches(filters.location, candidate.profile.location)) continue;
      const p = byId.get(candidate.id)!;
      const s = scoreCandidate(
        { job, candidate, similarity: sim(candidate.id), keywordRelevance: kw(candidate.id), retrieval: r.retrieval(p.f) },
        options.weights,
        deps.taxonomy,
        { blind: options.blind, mustHave: filters.skills },
      );
      if (!s.eligible || s.score < (filters.minScore ?? 0)) continue;
      scored.push({ candidate, score: s.score, explanation: s.explanation, fused: p.i });
      insertDescending(topScores, s.score, options.top);
    }
  }
  scored.sort((a, b) => b.score - a.score || a.fused - b.fused);
  return scored.slice(0, options.top).map((s, i) => ({
    rank: i + 1,
    candidateId: s.candidate.id,
    name: options.blind ? null : (s.candidate.profile.name ?? null),
    score: s.score,
    source: options.blind ? `(hidden in blind mode: ${s.candidate.id})` : s.candidate.source,
    explanation: s.explanation,
  }));
}

/**
 * Jobs for a candidate: the same retrieval over the job index (the redacted
 * resume as the query) and the same scoring, so a (job, candidate) pair gets
 * the same components whichever way it is looked up. `keyword` is relative to
 * the best job found for this candidate.
 */
export async function rankJobsForCandidate(candidate: Candidate, deps: RankDeps, options: Omit<RankOptions, 'filters'> & { filters?: Pick<MatchFilters, 'minScore' | 'location'> }): Promise<JobMatch[]> {
  // The candidate's stored vector, while its record and the taxonomy give the same index text.
  const stored = await deps.index.storedVector('candidate', candidate.id, candidateKeywordText(candidate, deps.taxonomy));
  const query = stored ?? (await deps.embedder.embedQuery(candidateEmbeddingText(candidate, deps.taxonomy)));
  const r = await retrieveFused('job', query, candidateKeywordTerms(candidate, deps.taxonomy), deps, options.depth);
  const filters = options.filters ?? {};
  const scored: Array<{ job: Job; score: number; explanation: JobMatch['explanation']; fused: number }> = [];
  for (const [i, f] of r.fused.entries()) {
    const job = await deps.records.getJob(f.id);
    if (!job) continue;
    if (filters.location !== undefined && !isRemote(job.location) && !placeMatches(filters.location, job.location)) continue;
    const s = scoreCandidate(
      { job, candidate, similarity: r.similarity.get(job.id) ?? 0, keywordRelevance: r.keyword.get(job.id) ?? 0, retrieval: r.retrieval(f) },
      options.weights,
      deps.taxonomy,
      { blind: options.blind },
    );
    // A job's own must-haves apply in this direction too.
    if (!s.eligible || s.score < (filters.minScore ?? 0)) continue;
    scored.push({ job, score: s.score, explanation: s.explanation, fused: i });
  }
  scored.sort((a, b) => b.score - a.score || a.fused - b.fused);
  return scored.slice(0, options.top).map((s, i) => ({
    rank: i + 1,
    jobId: s.job.id,
    title: s.job.title,
    ...(s.job.location ? { location: s.job.location } : {}),
    score: s.score,
    explanation: s.explanation,
  }));
}
