/**
 * Indexes, documents and the query DSL subset the SearchIndex adapter uses,
 * validated as OpenSearch validates them (unknown keys and malformed clauses
 * are 400s with OpenSearch's error types) and scored for real: BM25 for text,
 * the k-NN plugin's space scores for vectors. References:
 * - index + knn_vector mapping: https://docs.opensearch.org/latest/mappings/supported-field-types/knn-vector/
 * - k-NN query: https://docs.opensearch.org/latest/query-dsl/specialized/k-nn/
 * - bool / match / match_phrase / multi_match / term(s) / ids: https://docs.opensearch.org/latest/query-dsl/
 */
import { analyze, bm25, knnScore, phraseFreq, type FieldStats, type Token } from './analysis.js';

export class DslError extends Error {
  constructor(readonly status: number, readonly type: string, reason: string) {
    super(reason);
  }
}

interface FieldMapping {
  type: 'text' | 'keyword' | 'knn_vector';
  analyzer?: string;
  dimension?: number;
  space?: string;
}

interface Doc {
  source: Record<string, unknown>;
  version: number;
  seqNo: number;
  tokens: Map<string, Token[]>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const only = (o: Obj, allowed: string[], where: string) => {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new DslError(400, 'parsing_exception', `[${where}] unknown field [${k}]`);
};

export class FakeIndex {
  readonly docs = new Map<string, Doc>();
  private seq = 0;

  constructor(readonly name: string, readonly fields: Record<string, FieldMapping>, readonly body: Obj) {}

  /** PUT /<index>: settings.index.knn must be true for knn_vector fields; every knn_vector needs a dimension and an HNSW method. */
  static create(name: string, body: unknown): FakeIndex {
    if (!/^[a-z0-9][a-z0-9_.-]*$/.test(name)) throw new DslError(400, 'invalid_index_name_exception', `Invalid index name [${name}], must be lowercase`);
    if (!isObj(body)) throw new DslError(400, 'parse_exception', 'request body is required');
    only(body, ['settings', 'mappings'], 'create index');
    const props = (body.mappings as Obj | undefined)?.properties;
    if (!isObj(props)) throw new DslError(400, 'mapper_parsing_exception', 'mappings.properties is required');
    const fields: Record<string, FieldMapping> = {};
    let knn = false;
    for (const [field, m] of Object.entries(props)) {
      if (!isObj(m)) throw new DslError(400, 'mapper_parsing_exception', `mapping of [${field}] must be an object`);
      if (m.type === 'text') fields[field] = { type: 'text', analyzer: typeof m.analyzer === 'string' ? m.analyzer : 'standard' };
      else if (m.type === 'keyword') fields[field] = { type: 'keyword' };
      else if (m.type === 'knn_vector') {
        knn = true;
        const dim = m.dimension;
        if (!Number.isInteger(dim) || (dim as number) < 1 || (dim as number) > 16000) throw new DslError(400, 'mapper_parsing_exception', `dimension of [${field}] must be an integer in [1, 16000]`);
        const method = m.method as Obj | undefined;
        if (!isObj(method) || method.name !== 'hnsw') throw new DslError(400, 'mapper_parsing_exception', `[${field}] needs method.name "hnsw"`);
        only(method, ['name', 'space_type', 'engine', 'parameters'], 'method');
        const space = (method.space_type as string | undefined) ?? 'l2';
        if (!['l2', 'cosinesimil', 'innerproduct', 'l1', 'linf'].includes(space)) throw new DslError(400, 'mapper_parsing_exception', `unknown space_type [${space}]`);
        if (!['faiss', 'lucene', 'nmslib', undefined].includes(method.engine as string | undefined)) throw new DslError(400, 'mapper_parsing_exception', `unknown engine [${String(method.engine)}]`);
        fields[field] = { type: 'knn_vector', dimension: dim as number, space };
      } else throw new DslError(400, 'mapper_parsing_exception', `the fake does not model field type [${String(m.type)}] of [${field}]`);
    }
    const settings = (body.settings as Obj | undefined)?.index as Obj | undefined;
    if (knn && settings?.knn !== true) throw new DslError(400, 'mapper_parsing_exception', 'knn_vector fields need the index setting index.knn: true');
    return new FakeIndex(name, fields, body);
  }

  /** Indexes one document, validating vectors against the mapping (a bulk item error, not a request error). */
  put(id: string, source: unknown): 'created' | 'updated' {
    if (!isObj(source)) throw new DslError(400, 'mapper_parsing_exception', 'the document must be an object');
    const tokens = new Map<string, Token[]>();
    for (const [field, value] of Object.entries(source)) {
      const m = this.fields[field];
      if (!m) continue; // dynamic mapping: the fake keeps unknown fields in _source only
      if (m.type === 'knn_vector') {
        if (!Array.isArray(value) || value.length !== m.dimension || !value.every((x) => typeof x === 'number' && Number.isFinite(x))) {
          throw new DslError(400, 'mapper_parsing_exception', `failed to parse field [${field}] of type [knn_vector]: vector length must be ${m.dimension}`);
        }
      } else if (typeof value !== 'string') throw new DslError(400, 'mapper_parsing_exception', `failed to parse field [${field}] of type [${m.type}]`);
      else if (m.type === 'text') tokens.set(field, analyze(value, m.analyzer!));
    }
    const old = this.docs.get(id);
    this.docs.set(id, { source, version: (old?.version ?? 0) + 1, seqNo: this.seq++, tokens });
    return old ? 'updated' : 'created';
  }

  stats(field: string): FieldStats {
    const stats: FieldStats = { docs: 0, totalLength: 0, docFreq: new Map() };
    for (const d of this.docs.values()) {
      const t = d.tokens.get(field);
      if (!t) continue;
      stats.docs++;
      stats.totalLength += t.length;
      for (const term of new Set(t.map((x) => x.term))) stats.docFreq.set(term, (stats.docFreq.get(term) ?? 0) + 1);
    }
    return stats;
  }

  /** Evaluates a query: the matching documents and their scores. */
  evaluate(q: unknown): Map<string, number> {
    if (!isObj(q) || Object.keys(q).length !== 1) throw new DslError(400, 'parsing_exception', 'a query must be an object with exactly one query type');
    const [type, body] = Object.entries(q)[0]!;
    const all = [...this.docs.keys()];
    switch (type) {
      case 'match_all':
        return new Map(all.map((id) => [id, 1]));
      case 'knn':
        return this.knn(body);
      case 'match':
      case 'match_phrase':
        return this.text(type, body);
      case 'multi_match': {
        if (!isObj(body) || typeof body.query !== 'string' || !Array.isArray(body.fields)) throw new DslError(400, 'parsing_exception', '[multi_match] needs query and fields');
        const kind = body.type === 'phrase' ? 'match_phrase' : 'match';
        const out = new Map<string, number>();
        for (const f of body.fields as string[]) for (const [id, s] of this.text(kind, { [f]: body.query })) out.set(id, Math.max(out.get(id) ?? 0, s));
        return out;
      }
      case 'term':
      case 'terms': {
        if (!isObj(body) || Object.keys(body).length !== 1) throw new DslError(400, 'parsing_exception', `[${type}] query needs one field`);
        const [field, value] = Object.entries(body)[0]!;
        const values = type === 'terms' ? value : [isObj(value) ? value.value : value];
        if (!Array.isArray(values)) throw new DslError(400, 'parsing_exception', '[terms] query needs an array of values');
        const set = new Set(values.map(String));
        return new Map(all.filter((id) => set.has(String(this.docs.get(id)!.source[field]))).map((id) => [id, 1]));
      }
      case 'ids': {
        if (!isObj(body) || !Array.isArray(body.values)) throw new DslError(400, 'parsing_exception', '[ids] query needs values');
        return new Map((body.values as string[]).filter((id) => this.docs.has(id)).map((id) => [id, 1]));
      }
      case 'bool':
        return this.bool(body);
      default:
        throw new DslError(400, 'parsing_exception', `unknown query [${type}]`);
    }
  }

  private knn(body: unknown): Map<string, number> {
    if (!isObj(body) || Object.keys(body).length !== 1) throw new DslError(400, 'parsing_exception', '[knn] query needs exactly one field');
    const [field, spec] = Object.entries(body)[0]!;
    const m = this.fields[field];
    if (m?.type !== 'knn_vector') throw new DslError(400, 'query_shard_exception', `field [${field}] is not a knn_vector field`);
    if (!isObj(spec)) throw new DslError(400, 'parsing_exception', '[knn] field spec must be an object');
    only(spec, ['vector', 'k', 'filter', 'boost', 'method_parameters'], 'knn');
    const { vector, k } = spec;
    if (!Array.isArray(vector) || vector.length !== m.dimension) throw new DslError(400, 'illegal_argument_exception', `query vector has invalid dimension: ${Array.isArray(vector) ? vector.length : 0}. Dimension should be: ${m.dimension}`);
    if (!Number.isInteger(k) || (k as number) < 1 || (k as number) > 10000) throw new DslError(400, 'illegal_argument_exception', '[knn] k must be an integer in [1, 10000]');
    const scored = [...this.docs.entries()]
      .filter(([, d]) => Array.isArray(d.source[field]))
      .map(([id, d]) => [id, knnScore(m.space!, vector as number[], d.source[field] as number[])] as [string, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, k as number);
    return new Map(scored);
  }

  private text(type: 'match' | 'match_phrase', body: unknown): Map<string, number> {
    if (!isObj(body) || Object.keys(body).length !== 1) throw new DslError(400, 'parsing_exception', `[${type}] query doesn't support multiple fields`);
    const [field, spec] = Object.entries(body)[0]!;
    const query = typeof spec === 'string' ? spec : isObj(spec) && typeof spec.query === 'string' ? spec.query : undefined;
    if (query === undefined) throw new DslError(400, 'parsing_exception', `[${type}] needs a query string`);
    const m = this.fields[field];
    if (!m || m.type === 'knn_vector') return new Map();
    const qTokens = m.type === 'text' ? analyze(query, m.analyzer!) : [{ term: query, position: 0 }];
    const stats = this.stats(field);
    const out = new Map<string, number>();
    for (const [id, d] of this.docs) {
      const tokens = m.type === 'text' ? d.tokens.get(field) : d.source[field] === query ? [{ term: query, position: 0 }] : [];
      if (!tokens?.length) continue;
      let score = 0;
      if (type === 'match_phrase') {
        const f = phraseFreq(tokens, qTokens);
        // Lucene scores a phrase with the summed idf of its terms.
        if (f > 0) score = qTokens.reduce((s, q) => s + bm25(f, tokens.length, stats, stats.docFreq.get(q.term) ?? 0), 0);
      } else {
        for (const q of new Set(qTokens.map((t) => t.term))) {
          const f = tokens.filter((t) => t.term === q).length;
          if (f > 0) score += bm25(f, tokens.length, stats, stats.docFreq.get(q) ?? 0);
        }
      }
      if (score > 0) out.set(id, score);
    }
    return out;
  }

  private bool(body: unknown): Map<string, number> {
    if (!isObj(body)) throw new DslError(400, 'parsing_exception', '[bool] must be an object');
    only(body, ['must', 'should', 'filter', 'must_not', 'minimum_should_match', 'boost'], 'bool');
    const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    const must = list(body.must).map((q) => this.evaluate(q));
    const filter = list(body.filter).map((q) => this.evaluate(q));
    const mustNot = list(body.must_not).map((q) => this.evaluate(q));
    const should = list(body.should).map((q) => this.evaluate(q));
    const msm = body.minimum_should_match === undefined ? (must.length || filter.length ? 0 : 1) : Number(body.minimum_should_match);
    const out = new Map<string, number>();
    for (const id of this.docs.keys()) {
      if (![...must, ...filter].every((r) => r.has(id)) || mustNot.some((r) => r.has(id))) continue;
      const matched = should.filter((r) => r.has(id));
      if (should.length && matched.length < msm) continue;
      out.set(id, [...must, ...matched].reduce((s, r) => s + r.get(id)!, 0));
    }
    return out;
  }
}
