/** Reciprocal rank fusion (Cormack et al., 2009): score(d) = Σ 1 / (k + rank_i(d)), ranks from 1. */
export interface FusedHit {
  id: string;
  score: number;
  /** 1-based rank of the document in each input list (undefined where absent). */
  ranks: Array<number | undefined>;
}

export function reciprocalRankFusion(lists: Array<Array<{ id: string }>>, k = 60): FusedHit[] {
  const byId = new Map<string, FusedHit>();
  lists.forEach((list, li) => {
    list.forEach((hit, r) => {
      let f = byId.get(hit.id);
      if (!f) {
        f = { id: hit.id, score: 0, ranks: lists.map(() => undefined) };
        byId.set(hit.id, f);
      }
      if (f.ranks[li] === undefined) {
        f.ranks[li] = r + 1;
        f.score += 1 / (k + r + 1);
      }
    });
  });
  return [...byId.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
