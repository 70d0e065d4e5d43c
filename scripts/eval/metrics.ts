/**
 * Ranking metrics with binary relevance. `ranked` is a list of document ids,
 * best first; `relevant` the ids that are relevant to the query.
 */

/** Share of the first k results that are relevant (k in the denominator even when fewer are returned). */
export function precisionAt(ranked: string[], relevant: Set<string>, k: number): number {
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/** nDCG@k: DCG of the ranking over the DCG of an ideal one (all relevant first), gains 1/log2(rank + 1). */
export function ndcgAt(ranked: string[], relevant: Set<string>, k: number): number {
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + (relevant.has(id) ? 1 / Math.log2(i + 2) : 0), 0);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

/** 1 / rank of the first relevant result; 0 when none is returned. */
export function reciprocalRank(ranked: string[], relevant: Set<string>): number {
  const i = ranked.findIndex((id) => relevant.has(id));
  return i === -1 ? 0 : 1 / (i + 1);
}

export interface Metrics {
  p5: number;
  p10: number;
  ndcg10: number;
  mrr: number;
}

/** The four metrics for one query. */
export function metricsFor(ranked: string[], relevant: Set<string>): Metrics {
  return { p5: precisionAt(ranked, relevant, 5), p10: precisionAt(ranked, relevant, 10), ndcg10: ndcgAt(ranked, relevant, 10), mrr: reciprocalRank(ranked, relevant) };
}

/** Macro average over queries. */
export function mean(all: Metrics[]): Metrics {
  const n = all.length || 1;
  const sum = (f: (m: Metrics) => number) => all.reduce((s, m) => s + f(m), 0) / n;
  return { p5: sum((m) => m.p5), p10: sum((m) => m.p10), ndcg10: sum((m) => m.ndcg10), mrr: sum((m) => m.mrr) };
}
