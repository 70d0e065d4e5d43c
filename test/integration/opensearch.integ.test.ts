/**
 * The OpenSearch adapter's requests and failure handling, through the fake
 * (which checks bodies against the documented DSL). Fixture shapes follow:
 * _bulk https://docs.opensearch.org/latest/api-reference/document-apis/bulk/,
 * k-NN query https://docs.opensearch.org/latest/query-dsl/specialized/k-nn/.
 */
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenSearchIndex } from '../../src/sdk/aws/opensearch-index.js';
import { clearAwsEnv, CREDENTIALS, REGION } from '../helpers/aws-emulators.js';
import { startOpenSearchFake, type OpenSearchFake } from '../helpers/opensearch-fake/server.js';

clearAwsEnv();
const unit = (...xs: number[]) => Float32Array.from(xs.map((x) => x / Math.hypot(...xs)));
const signed = (url: string, service: 'es' | 'aoss') => new Client({ ...AwsSigv4Signer({ region: REGION, service, getCredentials: async () => CREDENTIALS }), node: url });
const noSleep = async () => undefined;

let domain: OpenSearchFake;
let aoss: OpenSearchFake;
let n = 0;
beforeAll(async () => {
  [domain, aoss] = await Promise.all([startOpenSearchFake({ flavor: 'domain', sigv4: 'es' }), startOpenSearchFake({ flavor: 'aoss-vector', sigv4: 'aoss' })]);
});
afterAll(async () => {
  await Promise.all([domain?.close(), aoss?.close()]);
});

describe('OpenSearch SearchIndex adapter', () => {
  it('creates a knn index (HNSW, cosinesimil, faiss) with an english-analysed text field, once', async () => {
    const index = new OpenSearchIndex(signed(domain.url, 'es'), { index: `t${++n}`, dimensions: 4, service: 'es' });
    await index.upsert('candidate', [{ id: 'a', text: 'Go engineer', vector: unit(1, 0, 0, 0) }]);
    await index.upsert('candidate', [{ id: 'b', text: 'Nurse', vector: unit(0, 1, 0, 0) }]);
    const creates = domain.requests.filter((r) => r.method === 'PUT' && r.path === `/t${n}-candidate`);
    expect(creates).toHaveLength(1);
    expect(JSON.parse(creates[0]!.body)).toEqual({
      settings: { index: { knn: true } },
      mappings: {
        properties: {
          doc_id: { type: 'keyword' },
          text: { type: 'text', analyzer: 'english' },
          vector: { type: 'knn_vector', dimension: 4, method: { name: 'hnsw', space_type: 'cosinesimil', engine: 'faiss', parameters: { m: 16, ef_construction: 128 } } },
        },
      },
    });
  });

  it('sends a k-NN query and maps the (1 + cos) / 2 score back to the cosine', async () => {
    const index = new OpenSearchIndex(signed(domain.url, 'es'), { index: `t${++n}`, dimensions: 4, service: 'es' });
    await index.upsert('candidate', [
      { id: 'a', text: 'x', vector: unit(1, 0, 0, 0) },
      { id: 'b', text: 'y', vector: unit(-1, 0, 0, 0) },
    ]);
    const hits = await index.vectorSearch('candidate', unit(1, 0, 0, 0), 5);
    expect(hits.map((h) => h.id)).toEqual(['a', 'b']);
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    expect(hits[1]!.score).toBeCloseTo(-1, 5);
    const body = JSON.parse(domain.requests.filter((r) => r.path === `/t${n}-candidate/_search`).at(-1)!.body);
    expect(body).toEqual({ size: 5, _source: ['doc_id'], query: { knn: { vector: { vector: [1, 0, 0, 0], k: 5 } } } });
  });

  it('ORs keyword terms as match / match_phrase clauses and ranks by BM25', async () => {
    const index = new OpenSearchIndex(signed(domain.url, 'es'), { index: `t${++n}`, dimensions: 4, service: 'es' });
    await index.upsert('candidate', [
      { id: 'ml', text: 'Machine learning engineer; machine learning pipelines and machine learning research', vector: unit(1, 0, 0, 0) },
      { id: 'ops', text: 'Learning about machine maintenance', vector: unit(0, 1, 0, 0) },
      { id: 'cook', text: 'Pastry chef', vector: unit(0, 0, 1, 0) },
    ]);
    const hits = await index.keywordSearch('candidate', ['machine learning', 'Kubernetes'], 10);
    // "Learning about machine" has both words but not the phrase.
    expect(hits.map((h) => h.id)).toEqual(['ml']);
    const body = JSON.parse(domain.requests.filter((r) => r.path === `/t${n}-candidate/_search`).at(-1)!.body);
    expect(body.query.bool).toEqual({ should: [{ match_phrase: { text: 'machine learning' } }, { match: { text: 'Kubernetes' } }], minimum_should_match: 1 });
  });

  it('on a Serverless vector collection sends no document ids, replaces old versions by doc_id, and never duplicates', async () => {
    const index = new OpenSearchIndex(signed(aoss.url, 'aoss'), { index: `t${++n}`, dimensions: 4, service: 'aoss' });
    await index.upsert('candidate', [{ id: 'c1', text: 'Registered nurse', vector: unit(0, 1, 0, 0) }]);
    await index.upsert('candidate', [{ id: 'c1', text: 'Pastry chef', vector: unit(0, 0, 0, 1) }]);
    const bulks = aoss.requests.filter((r) => r.path === '/_bulk').map((r) => r.body.trim().split('\n').map((l) => JSON.parse(l)));
    for (const lines of bulks) for (const l of lines) if (l.index) expect(l.index._id).toBeUndefined();
    expect(bulks.at(-1)!.filter((l) => l.delete)).toHaveLength(1);
    expect(aoss.indices.get(`t${n}-candidate`)!.docs.size).toBe(1);
    expect((await index.keywordSearch('candidate', ['pastry'], 10)).map((h) => h.id)).toEqual(['c1']);
  });

  it('fails clearly when a collection rejects document ids (document mode pointed at a vector collection)', async () => {
    const index = new OpenSearchIndex(signed(aoss.url, 'aoss'), { index: `t${++n}`, dimensions: 4, service: 'aoss', idMode: 'document' });
    await expect(index.upsert('candidate', [{ id: 'x', text: 'x', vector: unit(1, 0, 0, 0) }])).rejects.toMatchObject({
      code: 'E_INDEX_BULK',
      message: expect.stringContaining('Document ID is not supported in create/index operation request'),
    });
  });

  it('retries bulk items rejected with 429, and names items that fail for good', async () => {
    const index = new OpenSearchIndex(signed(domain.url, 'es'), { index: `t${++n}`, dimensions: 4, service: 'es', sleep: noSleep });
    domain.rejectWrites(2);
    await index.upsert('candidate', [
      { id: 'a', text: 'one', vector: unit(1, 0, 0, 0) },
      { id: 'b', text: 'two', vector: unit(0, 1, 0, 0) },
      { id: 'c', text: 'three', vector: unit(0, 0, 1, 0) },
    ]);
    expect(domain.indices.get(`t${n}-candidate`)!.docs.size).toBe(3);
    const bad = index.upsert('candidate', [{ id: 'd', text: 'wrong width', vector: Float32Array.from([1, 0]) }]);
    await expect(bad).rejects.toMatchObject({ code: 'E_INDEX_BULK', message: expect.stringMatching(/index d: 400 mapper_parsing_exception/) });
  });

  it('refuses an existing index built for another vector width', async () => {
    const name = `t${++n}`;
    await new OpenSearchIndex(signed(domain.url, 'es'), { index: name, dimensions: 4, service: 'es' }).upsert('job', [{ id: 'J', text: 'x', vector: unit(1, 0, 0, 0) }]);
    const wider = new OpenSearchIndex(signed(domain.url, 'es'), { index: name, dimensions: 8, service: 'es' });
    await expect(wider.upsert('job', [{ id: 'J', text: 'x', vector: new Float32Array(8).fill(0.25) }])).rejects.toMatchObject({ code: 'E_EMBEDDER_MISMATCH' });
  });

  it('searching an index that does not exist yet finds nothing instead of failing', async () => {
    const index = new OpenSearchIndex(signed(domain.url, 'es'), { index: `t${++n}`, dimensions: 4, service: 'es' });
    expect(await index.vectorSearch('candidate', unit(1, 0, 0, 0), 3)).toEqual([]);
    expect(await index.keywordSearch('candidate', ['go'], 3)).toEqual([]);
  });

  it('an unsigned or wrongly signed request is an access error naming the permission', async () => {
    const index = new OpenSearchIndex(new Client({ node: aoss.url }), { index: `t${++n}`, dimensions: 4, service: 'aoss' });
    await expect(index.upsert('candidate', [{ id: 'a', text: 'x', vector: unit(1, 0, 0, 0) }])).rejects.toMatchObject({
      code: 'E_AWS_ACCESS_DENIED',
      hint: expect.stringContaining('aoss:APIAccessAll'),
    });
  });
});

describe('the OpenSearch fake enforces the DSL', () => {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { error?: { type?: string } } };
  };
  let fake: OpenSearchFake;
  beforeAll(async () => {
    fake = await startOpenSearchFake();
    await fetch(`${fake.url}/dsl`, { method: 'PUT', body: JSON.stringify({ settings: { index: { knn: true } }, mappings: { properties: { v: { type: 'knn_vector', dimension: 2, method: { name: 'hnsw', space_type: 'cosinesimil' } } } } }) });
  });

  afterAll(() => fake?.close());

  it.each([
    ['an unknown query type', { query: { fuzzy_magic: {} } }, 'parsing_exception'],
    ['a vector of the wrong width', { query: { knn: { v: { vector: [1, 2, 3], k: 1 } } } }, 'illegal_argument_exception'],
    ['a knn query without k', { query: { knn: { v: { vector: [1, 2] } } } }, 'illegal_argument_exception'],
    ['an unknown top-level key', { query: { match_all: {} }, knn: {} }, 'parsing_exception'],
  ])('rejects %s with 400', async (_name, body, type) => {
    const r = await post('/dsl/_search', body);
    expect(r.status).toBe(400);
    expect(r.body.error?.type).toBe(type);
  });

  it('rejects a knn_vector mapping without index.knn', async () => {
    const res = await fetch(`${fake.url}/nok`, { method: 'PUT', body: JSON.stringify({ mappings: { properties: { v: { type: 'knn_vector', dimension: 2, method: { name: 'hnsw' } } } } }) });
    expect(res.status).toBe(400);
  });
});
