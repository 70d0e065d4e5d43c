/**
 * The OpenSearch request bodies the SearchIndex adapter sends, as pure
 * functions (the fake in test/helpers checks the same shapes).
 * - Index: https://docs.opensearch.org/latest/mappings/supported-field-types/knn-vector/
 * - k-NN query: https://docs.opensearch.org/latest/query-dsl/specialized/k-nn/
 * - Scores: https://docs.opensearch.org/latest/mappings/supported-field-types/knn-spaces/
 */

export const FIELDS = { id: 'doc_id', text: 'text', vector: 'vector' } as const;

/**
 * One index per kind (`<prefix>-candidate`, `<prefix>-job`), so no query needs
 * a kind filter: k-NN with filters behaves differently per engine.
 */
export function indexBody(dimensions: number, engine: 'faiss' | 'lucene') {
  return {
    settings: { index: { knn: true } },
    mappings: {
      properties: {
        [FIELDS.id]: { type: 'keyword' },
        // The english analyzer stems ("nurses" finds "nurse") and drops stop words, like the local FTS5 porter tokenizer.
        [FIELDS.text]: { type: 'text', analyzer: 'english' },
        [FIELDS.vector]: {
          type: 'knn_vector',
          dimension: dimensions,
          method: { name: 'hnsw', space_type: 'cosinesimil', engine, parameters: { m: 16, ef_construction: 128 } },
        },
      },
    },
  };
}

export function knnQuery(vector: Float32Array, k: number) {
  return { size: k, _source: [FIELDS.id], query: { knn: { [FIELDS.vector]: { vector: Array.from(vector), k } } } };
}

/**
 * For the cosinesimil space OpenSearch scores a hit (1 + cos) / 2, so higher is
 * closer and scores stay positive; the port promises the cosine itself.
 */
export const cosineFromKnnScore = (score: number) => 2 * score - 1;

/** Terms as plain text (no query syntax exists in match queries, so none can be injected); cleaned like the local FTS query. */
export function cleanTerms(terms: string[]): string[] {
  const cleaned = terms.map((t) => t.replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return [...new Set(cleaned)];
}

/** BM25: each term is an OR-ed clause, a phrase when it has several words (`match_phrase`), a word otherwise (`match`). */
export function keywordQuery(terms: string[], k: number) {
  return {
    size: k,
    _source: [FIELDS.id],
    query: {
      bool: {
        should: terms.map((t) => (t.includes(' ') ? { match_phrase: { [FIELDS.text]: t } } : { match: { [FIELDS.text]: t } })),
        minimum_should_match: 1,
      },
    },
  };
}

/** Documents by our id (not `_id`: Serverless vector collections assign their own). */
export function byIdsQuery(ids: string[], source: string[] | false) {
  return { size: Math.min(10_000, ids.length * 4), _source: source, query: { terms: { [FIELDS.id]: ids } } };
}

export interface BulkItemResult {
  status: number;
  _id?: string;
  error?: { type?: string; reason?: string };
}

/** Items of a `_bulk` response that failed, except deletes of documents already gone (404). */
export function bulkFailures(items: Array<Record<string, BulkItemResult>>): Array<{ action: string; index: number } & BulkItemResult> {
  const out: Array<{ action: string; index: number } & BulkItemResult> = [];
  items.forEach((item, index) => {
    const [action, result] = Object.entries(item)[0] ?? [];
    if (!action || !result) return;
    if (result.status >= 300 && !(action === 'delete' && result.status === 404)) out.push({ action, index, ...result });
  });
  return out;
}
