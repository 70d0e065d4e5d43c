/**
 * Ranking reads what was computed at write time (candidates' match data, the
 * job's vector) and gives the same result as computing it again; records and
 * databases written before either existed still rank correctly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WeightsSchema } from '../../src/sdk/config.js';
import { createTalent, scoreCandidate, type Candidate, type Job, type TalentClient } from '../../src/sdk/index.js';
import { rankCandidatesForJob } from '../../src/sdk/matching/rank.js';
import { scoreUpperBound } from '../../src/sdk/matching/score.js';
import { SqliteRecordStore } from '../../src/sdk/local/record-store.js';
import { SqliteSearchIndex } from '../../src/sdk/local/search-index.js';
import { openDatabase } from '../../src/sdk/local/sqlite.js';
import { FakeEmbedder } from '../../src/sdk/testing.js';
import { BACKEND_JOB as JOB, fill, PERSONAS_A, TEMPLATES } from '../helpers/blind.js';

/** Counts the embedder's query calls. */
class CountingEmbedder extends FakeEmbedder {
  queries = 0;
  override async embedQuery(text: string): Promise<Float32Array> {
    this.queries++;
    return super.embedQuery(text);
  }
}

const open: TalentClient[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

async function client(dataDir: string, embedder = new CountingEmbedder()) {
  const talent = await createTalent({ dataDir }, { readConfigFiles: false, env: {}, providers: { embedder } });
  open.push(talent);
  return { talent, embedder };
}

async function seeded() {
  const dataDir = mkdtempSync(join(tmpdir(), 'talent-stored-'));
  const { talent, embedder } = await client(dataDir);
  const ids: string[] = [];
  for (const [i, t] of TEMPLATES.entries()) ids.push((await talent.candidates.add({ bytes: Buffer.from(fill(t, PERSONAS_A[i]!)), source: `/resumes/t${i}.txt` })).id);
  await talent.jobs.upsert([JOB]);
  return { dataDir, talent, embedder, ids };
}

const ranking = async (talent: TalentClient, blind = false) => (await talent.match.candidatesForJob('J-GO', { blind, save: false, top: 10 })).matches;

describe('ranking from data stored at write time', () => {
  it('stores match data with each candidate, and uses the job vector stored at ingest instead of embedding the job', async () => {
    const { dataDir, talent, embedder, ids } = await seeded();
    expect((await talent.candidates.get(ids[0]!)).match?.mentions.length).toBeGreaterThan(0);
    const matches = await ranking(talent);
    expect(matches).toHaveLength(3);
    expect(embedder.queries).toBe(0);
    // A job record whose text no longer matches the vector stored with it (say, a crash between
    // the record and the index write) is embedded again rather than ranked with a stale vector.
    const records = new SqliteRecordStore(openDatabase(join(dataDir, 'talent.db'), { id: 'fake-hash-v1', dimensions: 64 }), true);
    const job = (await records.getJob('J-GO'))!;
    await records.putJobs([{ ...job, description: 'Rust services on bare metal.' }]);
    await records.close();
    await ranking(talent);
    expect(embedder.queries).toBe(1);
  });

  it('candidates stored without match data rank exactly as those with it, and get it written back', async () => {
    const { dataDir, talent, ids } = await seeded();
    const withData = [await ranking(talent), await ranking(talent, true)];
    await talent.close();
    open.splice(0);
    // Rewrite the records as an older version stored them: no `match` field.
    const records = new SqliteRecordStore(openDatabase(join(dataDir, 'talent.db'), { id: 'fake-hash-v1', dimensions: 64 }), true);
    const legacy = (await records.getCandidates(ids)).map(({ match: _m, ...c }) => c as Candidate);
    expect(legacy.every((c) => c.match === undefined)).toBe(true);
    await records.putCandidates(legacy);
    await records.close();
    const again = (await client(dataDir)).talent;
    expect((await again.candidates.get(ids[0]!)).match).toBeUndefined();
    expect([await ranking(again), await ranking(again, true)]).toEqual(withData);
    // Ranking wrote the match data back: the next query reads it instead of computing it.
    expect((await again.candidates.get(ids[0]!)).match?.key).toBeDefined();
    expect(await ranking(again)).toEqual(withData[0]);
  });

  it('a version-1 database is migrated on open: similarities work, job vectors are embedded again until rewritten', async () => {
    const { dataDir, talent } = await seeded();
    const before = await ranking(talent);
    await talent.close();
    open.splice(0);
    // Turn the database back into schema version 1 (no plain vector table).
    const raw = new Database(join(dataDir, 'talent.db'));
    raw.exec("DROP TABLE index_vectors; UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    raw.close();
    const { talent: migrated, embedder } = await client(dataDir);
    expect(await ranking(migrated)).toEqual(before);
    // The text a v1 vector was written from is unknown, so the job was embedded for the query.
    expect(embedder.queries).toBe(1);
    await migrated.jobs.upsert([JOB]);
    await ranking(migrated);
    expect(embedder.queries).toBe(1);
  });

  it('the plain vector copy gives the same similarities as sqlite-vec', async () => {
    const { dataDir, talent, ids } = await seeded();
    await talent.close();
    open.splice(0);
    const db = openDatabase(join(dataDir, 'talent.db'), { id: 'fake-hash-v1', dimensions: 64 });
    const index = new SqliteSearchIndex(db, true);
    const query = await new FakeEmbedder().embedQuery('Go Kubernetes PostgreSQL engineer');
    const knn = await index.vectorSearch('candidate', query, 10);
    const sims = await index.similarities('candidate', query, [...ids, 'c_missing']);
    expect(sims.size).toBe(ids.length);
    for (const h of knn) expect(sims.get(h.id)).toBeCloseTo(h.score, 6);
    await index.close();
  });
});

describe('keyword index compaction (local)', () => {
  it('merges the FTS5 segments after a bulk load, with the same results, and skips small writes', async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'talent-fts-')), 'talent.db'), { id: 'test', dimensions: 4 });
    const index = new SqliteSearchIndex(db, true);
    const words = ['kubernetes', 'golang', 'postgres', 'nursing', 'payroll', 'react'];
    // One transaction per document, as separate import batches would be: one segment each.
    for (let i = 0; i < 40; i++) {
      await index.upsert('candidate', [{ id: `c${i}`, text: `${words[i % 6]} ${words[(i * 7) % 6]} engineer ${i % 5 === 0 ? 'kubernetes' : ''}`, vector: Float32Array.from([1, 0, 0, i]) }]);
    }
    const search = () => index.keywordSearch('candidate', ['kubernetes', 'golang', 'payroll'], 50);
    const before = await search();
    const dataRows = () => (db.prepare('SELECT count(*) AS n FROM candidate_fts_data').get() as { n: number }).n;
    const unmerged = () => (db.prepare("SELECT value FROM meta WHERE key = 'unmerged:candidate'").get() as { value: string } | undefined)?.value;
    expect(unmerged()).toBe('40');
    const rowsBefore = dataRows();
    await index.optimize('candidate');
    expect(dataRows()).toBeLessThan(rowsBefore);
    expect(unmerged()).toBeUndefined();
    expect(await search()).toEqual(before);
    // One more document into 40 is not a bulk load: no rewrite of the whole index.
    await index.upsert('candidate', [{ id: 'c40', text: 'golang engineer', vector: Float32Array.from([1, 0, 0, 1]) }]);
    const rowsAfterOne = dataRows();
    await index.optimize('candidate');
    expect(dataRows()).toBe(rowsAfterOne);
    expect(unmerged()).toBe('1');
    await index.close();
  });
});

describe('scoring only the candidates that can reach the top', () => {
  it('no candidate scores above its bound, for any job shape, blind or not', async () => {
    const { talent, ids } = await seeded();
    const weights = WeightsSchema.parse({});
    const jobs: Job[] = [
      { ...JOB, id: 'a', requiredSkills: ['Go', 'Kubernetes'], niceToHaveSkills: ['Kafka'], mustHave: undefined, updatedAt: '' } as Job,
      { id: 'b', title: 'Nurse', description: '', requiredSkills: [], niceToHaveSkills: [], minYears: 0, updatedAt: '' },
      { id: 'c', title: 'Java Developer', description: '', requiredSkills: ['Java'], niceToHaveSkills: [], minYears: 3, location: 'Remote', updatedAt: '' },
    ];
    let checked = 0;
    for (const id of ids) {
      const candidate = await talent.candidates.get(id);
      for (const job of jobs) {
        for (const blind of [false, true]) {
          for (const [similarity, keywordRelevance] of [[0.1, 0], [0.45, 0.3], [0.9, 1]] as const) {
            const s = scoreCandidate({ job, candidate, similarity, keywordRelevance, retrieval: {} }, weights, talent.taxonomy, { blind });
            expect(s.score).toBeLessThanOrEqual(scoreUpperBound(job, similarity, keywordRelevance, weights, { blind }));
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(ids.length * 18);
  });

  it('gives the same top as scoring everything, loading fewer candidates', async () => {
    const { dataDir, talent } = await seeded();
    const job = await talent.jobs.get('J-GO');
    const db = openDatabase(join(dataDir, 'talent.db'), { id: 'fake-hash-v1', dimensions: 64 });
    const records = new SqliteRecordStore(db, false);
    let loaded = 0;
    const counting = { ...records, putCandidates: records.putCandidates.bind(records), getCandidates: async (ids: string[]) => ((loaded += ids.length), records.getCandidates(ids)) } as unknown as SqliteRecordStore;
    const deps = { embedder: new FakeEmbedder(), index: new SqliteSearchIndex(db, false), records: counting, taxonomy: talent.taxonomy };
    const weights = WeightsSchema.parse({});
    for (const blind of [false, true]) {
      const all = await rankCandidatesForJob(job, deps, { top: 10, weights, depth: 200, blind });
      expect(all).toHaveLength(3);
      loaded = 0;
      // One candidate at a time, best bound first: the top 1 is found before the others are loaded.
      const one = await rankCandidatesForJob(job, deps, { top: 1, weights, depth: 200, blind, scoreChunk: 1 });
      expect(one).toEqual(all.slice(0, 1));
      expect(loaded).toBeLessThan(3);
    }
    db.close();
  });
});
