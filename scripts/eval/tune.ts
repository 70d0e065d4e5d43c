/**
 * Weight tuning for the evaluation: features are computed once per (job,
 * candidate) pair, then re-combined for every weight vector of a small grid.
 */
import type { Weights } from '../../src/sdk/config.js';
import { WeightsSchema } from '../../src/sdk/config.js';
import { retrieveFused, jobEmbeddingText, jobKeywordTerms, type RankDeps } from '../../src/sdk/matching/rank.js';
import { candidateFeatures, combine, type CandidateFeatures } from '../../src/sdk/matching/score.js';
import type { Job } from '../../src/sdk/model/index.js';
import { mean, metricsFor, type Metrics } from './metrics.js';

export interface JobFeatures {
  jobId: string;
  relevant: Set<string>;
  /** Candidate ids in fused (RRF) order. */
  fusedOrder: string[];
  items: Array<{ id: string; values: CandidateFeatures['values']; fused: number }>;
}

/** Retrieval and features for one job, as `rankCandidatesForJob` computes them (no filters). */
export async function collectFeatures(job: Job, relevant: Set<string>, deps: RankDeps, depth: number): Promise<JobFeatures> {
  const query = await deps.embedder.embedQuery(jobEmbeddingText(job));
  const r = await retrieveFused('candidate', query, jobKeywordTerms(job, deps.taxonomy), deps, depth);
  const candidates = await deps.records.getCandidates(r.fused.map((f) => f.id));
  const items = candidates.map((candidate) => {
    const fused = r.fused.findIndex((f) => f.id === candidate.id);
    const f = candidateFeatures(
      { job, candidate, similarity: r.similarity.get(candidate.id) ?? 0, keywordRelevance: r.keyword.get(candidate.id) ?? 0, retrieval: r.retrieval(r.fused[fused]!) },
      deps.taxonomy,
    );
    return { id: candidate.id, values: f.values, fused };
  });
  return { jobId: job.id, relevant, fusedOrder: r.fused.map((f) => f.id), items };
}

/** Candidate ids ranked by the score under `weights` (ties by fused rank), as the product ranks them. */
export function rankWith(jf: JobFeatures, weights: Weights): string[] {
  return jf.items
    .map((it) => ({ id: it.id, score: combine(it.values, weights).score, fused: it.fused }))
    .sort((a, b) => b.score - a.score || a.fused - b.fused)
    .map((x) => x.id);
}

export const evaluateWeights = (all: JobFeatures[], weights: Weights): Metrics => mean(all.map((jf) => metricsFor(rankWith(jf, weights), jf.relevant)));

const GRID = {
  requiredSkills: [0.2, 0.3, 0.4],
  semantic: [0.1, 0.2, 0.3],
  keyword: [0.05, 0.15, 0.25],
  title: [0, 0.1, 0.2, 0.3, 0.4],
};

export interface GridRow {
  weights: Weights;
  train: Metrics;
  check: Metrics[];
}

/** Every grid point scored on the training set (objective: mean of P@10 and nDCG@10) and on each check set. */
export function tune(train: JobFeatures[], checks: JobFeatures[][]): GridRow[] {
  const base = WeightsSchema.parse({});
  const rows: GridRow[] = [];
  for (const requiredSkills of GRID.requiredSkills)
    for (const semantic of GRID.semantic)
      for (const keyword of GRID.keyword)
        for (const title of GRID.title) {
          const weights = { ...base, requiredSkills, semantic, keyword, title };
          rows.push({ weights, train: evaluateWeights(train, weights), check: checks.map((c) => evaluateWeights(c, weights)) });
        }
  const objective = (m: Metrics) => (m.p10 + m.ndcg10) / 2;
  return rows.sort((a, b) => objective(b.train) - objective(a.train));
}

export function formatGrid(rows: GridRow[], trainName: string, checkNames: string[]): string {
  const fmt = (m: Metrics) => `${m.p10.toFixed(3)} / ${m.ndcg10.toFixed(3)}`;
  const base = WeightsSchema.parse({});
  const isBase = (w: Weights) => (Object.keys(GRID) as Array<keyof typeof GRID>).every((k) => w[k] === base[k]);
  const head = `| requiredSkills | semantic | keyword | title | ${trainName} P@10 / nDCG@10 | ${checkNames.map((n) => `${n} P@10 / nDCG@10`).join(' | ')} |`;
  const lines = [`Grid search (${rows.length} points; other weights at their defaults), best first on ${trainName}:`, '', head, `|${' --- |'.repeat(5 + checkNames.length)}`];
  const shown = [...rows.slice(0, 12), ...rows.filter((r) => isBase(r.weights)).map((r) => ({ ...r, isDefault: true }))];
  for (const r of shown) {
    const w = r.weights;
    const mark = 'isDefault' in r ? ' (defaults)' : '';
    lines.push(`| ${w.requiredSkills}${mark} | ${w.semantic} | ${w.keyword} | ${w.title} | ${fmt(r.train)} | ${r.check.map(fmt).join(' | ')} |`);
  }
  return lines.join('\n');
}
