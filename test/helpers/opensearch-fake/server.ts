/**
 * A local HTTP stand-in for OpenSearch (no server runs on this machine). It
 * speaks the REST API the SearchIndex adapter uses and answers with the
 * documented response shapes; request bodies are checked as OpenSearch checks
 * them (see store.ts), and each request is recorded for assertions.
 *
 * Flavours:
 * - `domain`: an OpenSearch Service domain / self-managed cluster.
 * - `aoss-vector`: an OpenSearch Serverless vector search collection, which
 *   rejects custom document ids in index/create actions with
 *   `illegal_argument_exception: Document ID is not supported in create/index
 *   operation request` and has no `_refresh` API.
 * Writes are visible at once in both (Serverless is eventually consistent;
 * the adapter's de-duplication covers the gap, the fake does not model it).
 *
 * With `sigv4` set, every request must carry a SigV4 Authorization header for
 * that service and an x-amz-content-sha256 equal to the body's hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DslError, FakeIndex } from './store.js';

export interface OpenSearchFakeOptions {
  flavor?: 'domain' | 'aoss-vector';
  sigv4?: 'aoss' | 'es';
  /** The next N index/create actions are rejected with 429 es_rejected_execution_exception (a full write queue). */
  rejectNextWrites?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
}

export interface OpenSearchFake {
  url: string;
  /** Rejects the next N index/create actions with 429. */
  rejectWrites(n: number): void;
  indices: Map<string, FakeIndex>;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

type Obj = Record<string, unknown>;
const errorBody = (status: number, type: string, reason: string, extra: Obj = {}) => ({ error: { root_cause: [{ type, reason, ...extra }], type, reason, ...extra }, status });

export async function startOpenSearchFake(options: OpenSearchFakeOptions = {}): Promise<OpenSearchFake> {
  const flavor = options.flavor ?? 'domain';
  let rejectNextWrites = options.rejectNextWrites ?? 0;
  const indices = new Map<string, FakeIndex>();
  const requests: RecordedRequest[] = [];

  const handle = (method: string, path: string, query: URLSearchParams, raw: string, headers: IncomingMessage['headers']): [number, unknown] => {
    if (options.sigv4) {
      const auth = String(headers.authorization ?? '');
      const scope = auth.match(/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9]+)\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/);
      const hash = createHash('sha256').update(raw, 'utf8').digest('hex');
      if (!scope || scope[2] !== options.sigv4 || headers['x-amz-content-sha256'] !== hash) {
        return [403, { message: `The request signature we calculated does not match the signature you provided (expected SigV4 for service ${options.sigv4}).` }];
      }
    }
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const json = (): unknown => {
      if (!raw) return undefined;
      try {
        return JSON.parse(raw);
      } catch {
        throw new DslError(400, 'parse_exception', 'request body is not valid JSON');
      }
    };
    const index = (name: string) => {
      const i = indices.get(name);
      if (!i) throw new DslError(404, 'index_not_found_exception', `no such index [${name}]`);
      return i;
    };

    if (parts.length === 0) {
      if (flavor === 'aoss-vector') return [404, { message: 'Not Found' }];
      return [200, { name: 'fake', cluster_name: 'fake', version: { distribution: 'opensearch', number: '2.19.0' }, tagline: 'The OpenSearch Project: https://opensearch.org/' }];
    }
    if (parts[0] === '_bulk' || parts[1] === '_bulk') {
      if (method !== 'POST' && method !== 'PUT') return [405, errorBody(405, 'method_not_allowed', `Incorrect HTTP method for uri [${path}] and method [${method}]`)];
      if (flavor === 'aoss-vector' && query.has('refresh')) throw new DslError(400, 'illegal_argument_exception', 'refresh is not supported');
      return [200, bulk(raw, parts[1] === '_bulk' ? parts[0] : undefined)];
    }
    if (parts[0] === '_mget' || parts[1] === '_mget') return [200, mget(json(), parts[1] === '_mget' ? parts[0] : undefined)];
    const [name, op] = parts as [string, string | undefined];
    if (!op) {
      if (method === 'HEAD') return [indices.has(name) ? 200 : 404, undefined];
      if (method === 'PUT') {
        if (indices.has(name)) throw new DslError(400, 'resource_already_exists_exception', `index [${name}] already exists`);
        indices.set(name, FakeIndex.create(name, json()));
        return [200, { acknowledged: true, shards_acknowledged: true, index: name }];
      }
      if (method === 'DELETE') {
        index(name);
        indices.delete(name);
        return [200, { acknowledged: true }];
      }
    }
    if (op === '_mapping' && method === 'GET') return [200, { [name]: { mappings: index(name).body.mappings } }];
    if (op === '_refresh') {
      if (flavor === 'aoss-vector') return [404, { message: 'Not Found' }];
      index(name);
      return [200, { _shards: { total: 1, successful: 1, failed: 0 } }];
    }
    if (op === '_search' && (method === 'GET' || method === 'POST')) return [200, search(index(name), json() ?? {})];
    return [400, { error: `no handler found for uri [${path}] and method [${method}]` }];
  };

  const search = (i: FakeIndex, body: unknown) => {
    const b = body as Obj;
    for (const k of Object.keys(b)) if (!['size', 'from', '_source', 'query'].includes(k)) throw new DslError(400, 'parsing_exception', `Unknown key for a START_OBJECT in [${k}].`);
    const size = b.size === undefined ? 10 : Number(b.size);
    if (!Number.isInteger(size) || size < 0 || size > 10000) throw new DslError(400, 'illegal_argument_exception', `[size] must be in [0, 10000], got ${String(b.size)}`);
    const matched = i.evaluate(b.query ?? { match_all: {} });
    const ranked = [...matched.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const hits = ranked.slice(Number(b.from ?? 0), Number(b.from ?? 0) + size).map(([id, score]) => ({
      _index: i.name,
      _id: id,
      _score: score,
      ...(b._source === false ? {} : { _source: pick(i.docs.get(id)!.source, b._source) }),
    }));
    return {
      took: 1,
      timed_out: false,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: { total: { value: ranked.length, relation: 'eq' }, max_score: ranked[0]?.[1] ?? null, hits },
    };
  };

  const mget = (body: unknown, pathIndex?: string) => {
    const b = body as { ids?: string[]; docs?: Array<{ _id: string; _index?: string }> };
    const wanted = b.ids ? b.ids.map((_id) => ({ _id, _index: pathIndex })) : (b.docs ?? []);
    return {
      docs: wanted.map((w) => {
        const doc = w._index ? indices.get(w._index)?.docs.get(w._id) : undefined;
        return doc ? { _index: w._index, _id: w._id, _version: doc.version, _seq_no: doc.seqNo, _primary_term: 1, found: true, _source: doc.source } : { _index: w._index, _id: w._id, found: false };
      }),
    };
  };

  /** `_bulk`: NDJSON action lines, each index/create followed by its document; one result per action, in order. */
  const bulk = (raw: string, pathIndex?: string) => {
    if (!raw.endsWith('\n')) throw new DslError(400, 'illegal_argument_exception', 'The bulk request must be terminated by a newline [\\n]');
    const lines = raw.split('\n').filter((l) => l.length > 0);
    const items: Obj[] = [];
    for (let n = 0; n < lines.length; n++) {
      const action = JSON.parse(lines[n]!) as Record<string, Obj>;
      const keys = Object.keys(action);
      if (keys.length !== 1 || !['index', 'create', 'delete', 'update'].includes(keys[0]!)) throw new DslError(400, 'illegal_argument_exception', `Malformed action/metadata line [${n + 1}]`);
      const kind = keys[0]!;
      const meta = action[kind]!;
      const _index = (meta._index as string | undefined) ?? pathIndex;
      const doc = kind === 'delete' ? undefined : JSON.parse(lines[++n] ?? 'null');
      const result = (status: number, extra: Obj) => items.push({ [kind]: { _index, _id: meta._id ?? null, status, ...extra } });
      try {
        if (!_index) throw new DslError(400, 'action_request_validation_exception', 'Validation Failed: 1: index is missing;');
        const i = indices.get(_index);
        if (!i) throw new DslError(404, 'index_not_found_exception', `no such index [${_index}]`);
        if (kind === 'update') throw new DslError(400, 'illegal_argument_exception', 'the fake does not model update actions');
        if (kind === 'delete') {
          const existed = i.docs.delete(String(meta._id));
          result(existed ? 200 : 404, { result: existed ? 'deleted' : 'not_found', _version: 1, _shards: { total: 2, successful: 1, failed: 0 } });
          continue;
        }
        if (rejectNextWrites > 0) {
          rejectNextWrites--;
          throw new DslError(429, 'es_rejected_execution_exception', 'rejected execution of coordinating operation');
        }
        if (flavor === 'aoss-vector' && meta._id !== undefined) throw new DslError(400, 'illegal_argument_exception', 'Document ID is not supported in create/index operation request');
        const id = (meta._id as string | undefined) ?? randomBytes(15).toString('base64url');
        if (kind === 'create' && i.docs.has(id)) throw new DslError(409, 'version_conflict_engine_exception', `[${id}]: version conflict, document already exists`);
        const outcome = i.put(id, doc);
        const d = i.docs.get(id)!;
        items.push({ [kind]: { _index, _id: id, _version: d.version, result: outcome, _shards: { total: 2, successful: 1, failed: 0 }, _seq_no: d.seqNo, _primary_term: 1, status: outcome === 'created' ? 201 : 200 } });
      } catch (err) {
        if (!(err instanceof DslError)) throw err;
        result(err.status, { error: { type: err.type, reason: err.message } });
      }
    }
    return { took: 1, errors: items.some((it) => Number((Object.values(it)[0] as Obj).status) >= 300 && !('result' in (Object.values(it)[0] as Obj))), items };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://fake');
      requests.push({ method: req.method ?? 'GET', path: url.pathname, body: raw });
      let status: number;
      let body: unknown;
      try {
        [status, body] = handle(req.method ?? 'GET', url.pathname, url.searchParams, raw, req.headers);
      } catch (err) {
        if (err instanceof DslError) [status, body] = [err.status, errorBody(err.status, err.type, err.message)];
        else [status, body] = [500, errorBody(500, 'exception', (err as Error).message)];
      }
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(body === undefined || req.method === 'HEAD' ? undefined : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    rejectWrites: (n: number) => void (rejectNextWrites = n),
    indices,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function pick(source: Obj, fields: unknown): Obj {
  if (fields === undefined || fields === true) return source;
  const wanted = Array.isArray(fields) ? (fields as string[]) : typeof fields === 'string' ? [fields] : [];
  return Object.fromEntries(Object.entries(source).filter(([k]) => wanted.includes(k)));
}
