import type { Client } from '@opensearch-project/opensearch';
import { backoffDelayMs, ConfigError, TalentError } from '../errors.js';
import { cosine } from '../matching/vectors.js';
import type { IndexDocument, IndexKind, SearchHit, SearchIndex } from '../ports/index.js';
import { awsCall, isAwsNotFound, sleep as realSleep, translateAwsError, type AwsCallContext } from './errors.js';
import { bulkFailures, byIdsQuery, cleanTerms, cosineFromKnnScore, FIELDS, indexBody, keywordQuery, knnQuery, type BulkItemResult } from './opensearch-queries.js';

export interface OpenSearchIndexOptions {
  /** Index name prefix; the indexes are `<prefix>-candidate` and `<prefix>-job`. */
  index: string;
  dimensions: number;
  engine?: 'faiss' | 'lucene';
  /** SigV4 service: `aoss` (Serverless) or `es` (a managed domain). */
  service: 'aoss' | 'es';
  /**
   * `document`: our id is the document `_id`, so an index action replaces the
   * old version (domains, Serverless *search* collections). `field`: Serverless
   * *vector search* collections reject custom `_id`s ("Document ID is not
   * supported in create/index operation request"), so old versions are found
   * by the `doc_id` field and deleted, and searches drop duplicates.
   * Default: `field` for `aoss`, `document` for `es`.
   */
  idMode?: 'document' | 'field';
  /** Docs per `_bulk` request. Default 100 (about 2 MB with 1024-d vectors). */
  bulkSize?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called by close(), e.g. to release the SDK clients the backend created (an injected client stays open). */
  onClose?: () => Promise<void> | void;
}

type Hit = { _id: string; _score?: number; _source?: Record<string, unknown> };

/**
 * The SearchIndex port on Amazon OpenSearch Service or Serverless: an HNSW
 * `knn_vector` field (cosine) next to an english-analysed text field; `_bulk`
 * writes with per-item error handling (429s retried, other failures named);
 * k-NN queries for vector search and BM25 bool/match queries for keywords.
 * The matcher fuses the two lists exactly as on the local backend.
 */
export class OpenSearchIndex implements SearchIndex {
  private readonly idMode: 'document' | 'field';
  private readonly ready = new Map<IndexKind, Promise<void>>();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly client: Client, private readonly options: OpenSearchIndexOptions) {
    this.idMode = options.idMode ?? (options.service === 'aoss' ? 'field' : 'document');
    this.sleep = options.sleep ?? realSleep;
  }

  indexName(kind: IndexKind): string {
    return `${this.options.index}-${kind}`.toLowerCase();
  }

  private ctx(operation: string, kind: IndexKind): AwsCallContext {
    return { service: 'opensearch', operation, resource: this.indexName(kind), opensearchService: this.options.service };
  }

  /** Creates the index on first write, and refuses an existing one built for another vector width. */
  private ensureIndex(kind: IndexKind): Promise<void> {
    let p = this.ready.get(kind);
    if (!p) {
      p = this.createIfMissing(kind);
      p.catch(() => this.ready.delete(kind));
      this.ready.set(kind, p);
    }
    return p;
  }

  private async createIfMissing(kind: IndexKind): Promise<void> {
    const index = this.indexName(kind);
    const exists = await awsCall(this.ctx('HeadIndex', kind), () => this.client.indices.exists({ index }));
    if (exists.body) {
      const mapping = await awsCall(this.ctx('GetMapping', kind), () => this.client.indices.getMapping({ index }));
      const body = mapping.body as Record<string, { mappings?: { properties?: Record<string, { dimension?: number }> } }>;
      const dim = Object.values(body)[0]?.mappings?.properties?.[FIELDS.vector]?.dimension;
      if (dim !== undefined && dim !== this.options.dimensions) {
        throw new ConfigError(`OpenSearch index ${index} holds ${dim}-d vectors, but the embedder makes ${this.options.dimensions}-d ones`, {
          code: 'E_EMBEDDER_MISMATCH',
          hint: `Set aws.bedrock.embedDimensions to ${dim}, or use another aws.opensearch.index and re-import.`,
        });
      }
      return;
    }
    try {
      await this.client.indices.create({ index, body: indexBody(this.options.dimensions, this.options.engine ?? 'faiss') as never });
    } catch (err) {
      // Another process created it first: fine.
      if ((err as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type === 'resource_already_exists_exception') return;
      throw translateAwsError(err, this.ctx('CreateIndex', kind));
    }
  }

  async upsert(kind: IndexKind, docs: IndexDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await this.ensureIndex(kind);
    const _index = this.indexName(kind);
    const latest = [...new Map(docs.map((d) => [d.id, d])).values()];
    for (let i = 0; i < latest.length; i += this.options.bulkSize ?? 100) {
      const batch = latest.slice(i, i + (this.options.bulkSize ?? 100));
      const stale = this.idMode === 'field' ? await this.serverIds(kind, batch.map((d) => d.id)) : [];
      const ops: Array<Record<string, unknown>> = stale.map((_id) => ({ delete: { _index, _id } }));
      for (const d of batch) {
        ops.push(this.idMode === 'document' ? { index: { _index, _id: d.id } } : { index: { _index } });
        ops.push({ [FIELDS.id]: d.id, [FIELDS.text]: d.text, [FIELDS.vector]: Array.from(d.vector) });
      }
      await this.bulk(kind, ops);
    }
  }

  async remove(kind: IndexKind, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const _index = this.indexName(kind);
    const targets = this.idMode === 'document' ? ids : await this.serverIds(kind, ids);
    if (targets.length) await this.bulk(kind, targets.map((_id) => ({ delete: { _index, _id } })));
  }

  async vectorSearch(kind: IndexKind, vector: Float32Array, k: number): Promise<SearchHit[]> {
    if (k <= 0) return [];
    const hits = await this.search(kind, knnQuery(vector, Math.min(k, 10_000)), 'Search');
    return this.distinct(hits, k).map((h) => ({ id: h.id, score: cosineFromKnnScore(h.score) }));
  }

  async keywordSearch(kind: IndexKind, terms: string[], k: number): Promise<SearchHit[]> {
    const cleaned = cleanTerms(terms);
    if (cleaned.length === 0 || k <= 0) return [];
    const hits = await this.search(kind, keywordQuery(cleaned, Math.min(k, 10_000)), 'Search');
    return this.distinct(hits, k);
  }

  async similarities(kind: IndexKind, vector: Float32Array, ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const wanted = [...new Set(ids)];
    for (let i = 0; i < wanted.length; i += 500) {
      const part = wanted.slice(i, i + 500);
      const hits = await this.search(kind, byIdsQuery(part, [FIELDS.id, FIELDS.vector]), 'Search');
      for (const h of hits) {
        const id = h._source?.[FIELDS.id];
        const v = h._source?.[FIELDS.vector];
        if (typeof id === 'string' && Array.isArray(v) && !out.has(id)) out.set(id, cosine(vector, Float32Array.from(v as number[])));
      }
    }
    return out;
  }

  async storedVector(kind: IndexKind, id: string, text: string): Promise<Float32Array | undefined> {
    const hits = await this.search(kind, byIdsQuery([id], [FIELDS.id, FIELDS.text, FIELDS.vector]), 'Search');
    // The text is in the document's _source: a vector is reused only for the same text.
    const hit = hits.find((h) => h._source?.[FIELDS.id] === id && h._source?.[FIELDS.text] === text && Array.isArray(h._source?.[FIELDS.vector]));
    return hit ? Float32Array.from(hit._source![FIELDS.vector] as number[]) : undefined;
  }

  async close(): Promise<void> {
    await this.options.onClose?.();
  }

  /** Runs a search; a missing index means nothing was indexed yet, so no hits. */
  private async search(kind: IndexKind, body: object, operation: string): Promise<Hit[]> {
    try {
      const res = await this.client.search({ index: this.indexName(kind), body: body as never });
      return ((res.body as { hits?: { hits?: Hit[] } }).hits?.hits ?? []) as Hit[];
    } catch (err) {
      if (isAwsNotFound(err)) return [];
      throw translateAwsError(err, this.ctx(operation, kind));
    }
  }

  /** Our ids with their scores, best first, each id once (a Serverless vector collection can briefly hold two versions). */
  private distinct(hits: Hit[], k: number): SearchHit[] {
    const seen = new Set<string>();
    const out: SearchHit[] = [];
    for (const h of hits) {
      const id = h._source?.[FIELDS.id];
      if (typeof id !== 'string' || seen.has(id)) continue;
      seen.add(id);
      out.push({ id, score: h._score ?? 0 });
    }
    return out.slice(0, k);
  }

  /** The server-assigned `_id`s of the documents with these ids (field mode). */
  private async serverIds(kind: IndexKind, ids: string[]): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < ids.length; i += 500) out.push(...(await this.search(kind, byIdsQuery(ids.slice(i, i + 500), false), 'Search')).map((h) => h._id));
    return out;
  }

  /**
   * One `_bulk` request; items rejected with 429 (queue full) are sent again
   * with backoff, any other failed item fails the call naming the documents.
   */
  private async bulk(kind: IndexKind, ops: Array<Record<string, unknown>>): Promise<void> {
    let pending = ops;
    for (let attempt = 0; ; attempt++) {
      const res = await awsCall(this.ctx('Bulk', kind), () =>
        this.client.bulk({ body: pending, ...(this.options.service === 'es' && this.idMode === 'document' ? { refresh: 'wait_for' as const } : {}) }),
      );
      const body = res.body as { errors?: boolean; items?: Array<Record<string, BulkItemResult>> };
      if (!body.errors) return;
      const failures = bulkFailures(body.items ?? []);
      if (failures.length === 0) return;
      const throttled = failures.filter((f) => f.status === 429);
      if (throttled.length === failures.length && attempt < 4) {
        // Re-send just the rejected actions (and their document lines).
        pending = throttled.flatMap((f) => opsOfAction(pending, f.index));
        await this.sleep(backoffDelayMs(attempt));
        continue;
      }
      const first = failures.slice(0, 3).map((f) => `${f.action} ${f._id ?? '?'}: ${f.status} ${f.error?.type ?? ''} ${f.error?.reason ?? ''}`.trim());
      throw new TalentError(`OpenSearch rejected ${failures.length} of ${body.items?.length ?? 0} bulk actions on ${this.indexName(kind)}: ${first.join('; ')}`, {
        code: 'E_INDEX_BULK',
        fault: 'provider',
        retryable: failures.every((f) => f.status === 429 || f.status >= 500),
        provider: 'aws:opensearch',
        hint: 'The first failures are quoted above; a mapping error means the index was created with another schema (use a fresh aws.opensearch.index).',
      });
    }
  }
}

/** The lines of the n-th action in a bulk body (a delete is one line, an index is two). */
function opsOfAction(ops: Array<Record<string, unknown>>, n: number): Array<Record<string, unknown>> {
  let action = 0;
  for (let i = 0; i < ops.length; action++) {
    const width = 'delete' in ops[i]! ? 1 : 2;
    if (action === n) return ops.slice(i, i + width);
    i += width;
  }
  return [];
}
