/** Match latency at scale, with a per-component breakdown, and the synthetic large store it needs. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { ingestJobs } from '../src/pipelines/index.js';
import { createTalent, type BlobStore, type Candidate, type Embedder, type PreparedCandidate, type RecordStore, type SearchIndex } from '../src/sdk/index.js';
import { SqliteRecordStore } from '../src/sdk/local/record-store.js';
import { SqliteSearchIndex } from '../src/sdk/local/search-index.js';
import { openDatabase } from '../src/sdk/local/sqlite.js';
import { UseEmbedder } from '../src/sdk/local/embedder.js';
import { createRng } from '../src/pipelines/seed/prng.js';
import { percentile, profile } from './lib.js';

/** Stores originals nowhere: the synthetic copies have no files of their own. */
const noBlobs: BlobStore = {
  put: async (bytes) => ({ key: createHash('sha256').update(bytes).digest('hex'), sha256: createHash('sha256').update(bytes).digest('hex') }),
  get: async () => new Uint8Array(),
  has: async () => true,
  delete: async () => undefined,
};

/**
 * A store of `copies` × the candidates of `source` (a store built by a real
 * import): each copy keeps the parsed profile and text, gets a new id, and a
 * vector moved a little off the original (Gaussian noise, σ = 0.01 per
 * component, renormalised), so copies are near but not tied. Rebuilt only when
 * missing or built from other inputs.
 */
export async function buildReplicatedStore(source: string, dest: string, copies: number, log: (s: string) => void): Promise<number> {
  const db = new Database(join(source, 'talent.db'), { readonly: true });
  sqliteVec.load(db);
  const baseCount = (db.prepare('SELECT count(*) AS n FROM candidates').get() as { n: number }).n;
  const signature = `${baseCount}x${copies}:${(db.prepare('SELECT max(imported_at) AS m FROM candidates').get() as { m: string }).m}`;
  const stamp = join(dest, 'bench-store.json');
  if (existsSync(stamp) && JSON.parse(readFileSync(stamp, 'utf8')).signature === signature) {
    db.close();
    log(`reusing the ${baseCount * copies}-candidate store in ${dest}`);
    return baseCount * copies;
  }
  rmSync(dest, { recursive: true, force: true });
  const vectors = new Map<number, Float32Array>();
  for (const r of db.prepare('SELECT rowid, embedding FROM candidate_vec').iterate() as Iterable<{ rowid: number; embedding: Buffer }>) {
    vectors.set(r.rowid, new Float32Array(r.embedding.buffer.slice(r.embedding.byteOffset, r.embedding.byteOffset + r.embedding.byteLength)));
  }
  const rows = db.prepare("SELECT c.doc AS doc, d.rowid AS vrow FROM candidates c JOIN index_docs d ON d.kind = 'candidate' AND d.id = c.id").all() as Array<{ doc: string; vrow: number }>;
  db.close();
  const talent = await createTalent({ dataDir: dest, embedder: 'use' }, { readConfigFiles: false, env: {}, providers: { blobs: noBlobs } });
  const rng = createRng('bench-replicas');
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const t0 = performance.now();
  let batch: PreparedCandidate[] = [];
  let written = 0;
  for (let k = 0; k < copies; k++) {
    for (const { doc, vrow } of rows) {
      const c = JSON.parse(doc) as Candidate;
      const base = vectors.get(vrow)!;
      const v = k === 0 ? base : base.map((x) => x + 0.01 * gauss());
      const norm = Math.hypot(...v);
      const contentHash = createHash('sha256').update(`${c.contentHash}/${k}`).digest('hex');
      batch.push({
        candidate: { ...c, id: `c_${contentHash.slice(0, 16)}`, contentHash, source: `${c.source}#copy${k}` },
        bytes: new TextEncoder().encode(contentHash),
        warnings: [],
        vector: v.map((x) => x / norm),
        embedder: 'use-en-v1',
      });
      if (batch.length >= 1000) {
        await talent.candidates.save(batch);
        written += batch.length;
        batch = [];
        if (written % 20_000 === 0) log(`  ${written} candidates written (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      }
    }
  }
  await talent.candidates.save(batch);
  // As `talent import` does after a bulk load.
  await talent.candidates.compactIndex();
  await talent.close();
  writeFileSync(stamp, JSON.stringify({ signature }));
  log(`built ${baseCount * copies} candidates in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return baseCount * copies;
}

/**
 * Wraps a port so every method's time is added to `totals[name.method]`. Calls
 * through the wrappers run one at a time (the ranker starts two searches with
 * Promise.all, and the SQLite ports work synchronously), so each call's wall
 * time is its own.
 */
function timed<T extends object>(name: string, target: T, totals: Map<string, number>, lock: { tail: Promise<unknown> }): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        const key = `${name}.${String(prop)}`;
        const run = async () => {
          const start = performance.now();
          try {
            return await (v as (...a: unknown[]) => unknown).apply(t, args);
          } finally {
            totals.set(key, (totals.get(key) ?? 0) + performance.now() - start);
          }
        };
        const result = lock.tail.then(run, run);
        lock.tail = result.catch(() => undefined);
        return result;
      };
    },
  });
}

export interface MatchStats {
  candidates: number;
  queries: number;
  p50: number;
  p95: number;
  max: number;
  /** Mean ms per query by component. */
  breakdown: Array<{ step: string; ms: number }>;
  hotspots: Array<{ fn: string; ms: number; pct: number }>;
}

/**
 * `talent.match.candidatesForJob(job, { top: 20 })` on a warm client, every job
 * `rounds` times after one warm-up pass. The ports are wrapped to time each step.
 */
export async function measureMatch(dataDir: string, jobsFile: string, rounds: number): Promise<MatchStats> {
  const setup = await createTalent({ dataDir }, { readConfigFiles: false, env: {} });
  const jobIds = (await ingestJobs(setup, jobsFile)).jobs.map((j) => j.id);
  const candidates = await setup.candidates.count();
  await setup.close();

  const db = openDatabase(join(dataDir, 'talent.db'), { id: 'use-en-v1', dimensions: 512 });
  const totals = new Map<string, number>();
  const lock = { tail: Promise.resolve() as Promise<unknown> };
  const providers = {
    embedder: timed<Embedder>('embedder', new UseEmbedder(), totals, lock),
    index: timed<SearchIndex>('index', new SqliteSearchIndex(db), totals, lock),
    records: timed<RecordStore>('records', new SqliteRecordStore(db, true), totals, lock),
  };
  const talent = await createTalent({ dataDir }, { readConfigFiles: false, env: {}, providers });
  for (const id of jobIds) await talent.match.candidatesForJob(id, { top: 20, save: false });
  totals.clear();
  const latencies: number[] = [];
  const run = async () => {
    for (let r = 0; r < rounds; r++) {
      for (const id of jobIds) {
        const t = performance.now();
        await talent.match.candidatesForJob(id, { top: 20, save: false });
        latencies.push(performance.now() - t);
      }
    }
  };
  const hotspots = await profile(run, 10);
  await talent.close();
  const n = latencies.length;
  const steps = [...totals].filter(([step]) => !step.endsWith('.close')).map(([step, ms]) => ({ step, ms: Math.round((10 * ms) / n) / 10 }));
  const accounted = steps.reduce((s, x) => s + x.ms, 0);
  const mean = latencies.reduce((s, x) => s + x, 0) / n;
  steps.push({ step: 'fusion, scoring, explanations (the rest)', ms: Math.round(10 * (mean - accounted)) / 10 });
  return { candidates, queries: n, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), breakdown: steps.sort((a, b) => b.ms - a.ms), hotspots };
}
