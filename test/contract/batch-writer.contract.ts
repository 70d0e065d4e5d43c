import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchWriter, Candidate, RecordStore, SearchIndex } from '../../src/sdk/index.js';

export interface BatchWriterTarget {
  batch: BatchWriter;
  records: RecordStore;
  index: SearchIndex;
  close(): Promise<void>;
}

const unit = (...xs: number[]) => Float32Array.from(xs.map((x) => x / Math.hypot(...xs)));

/** Every BatchWriter (an optional capability) passes this suite. Vectors are 4-dimensional. */
export function batchWriterContract(name: string, make: () => Promise<BatchWriterTarget>) {
  describe(`BatchWriter contract: ${name}`, () => {
    let t: BatchWriterTarget;
    beforeEach(async () => {
      t = await make();
    });
    afterEach(async () => {
      await t.close();
    });

    const candidate = (n: number): Candidate => ({
      id: `c_${String(n).padStart(16, '0')}`,
      source: `/resumes/${n}.pdf`,
      contentHash: String(n).padStart(64, '0'),
      mediaType: 'application/pdf',
      text: `resume ${n} welder`,
      importedAt: '2026-01-01T00:00:00.000Z',
      profile: { name: `Person ${n}`, emails: [], phones: [], links: [], skills: [], experience: [], education: [], certifications: [], languages: [], roles: [], totalYears: n },
    });
    const batchOf = (ns: number[], vector = (n: number) => unit(1, n, 0, 0)) => ({
      candidates: ns.map(candidate),
      documents: ns.map((n) => ({ id: candidate(n).id, text: `welder number${n}`, vector: vector(n) })),
      journal: ns.map((n) => ({ contentHash: candidate(n).contentHash, source: candidate(n).source, status: 'done' as const, candidateId: candidate(n).id, updatedAt: '2026-01-01T00:00:00.000Z' })),
    });

    it('writes records, index documents and journal entries of a batch', async () => {
      await t.batch.writeCandidateBatch(batchOf([1, 2, 3]));
      expect(await t.records.countCandidates()).toBe(3);
      expect((await t.records.getCandidate(candidate(2).id))?.source).toBe('/resumes/2.pdf');
      expect((await t.index.vectorSearch('candidate', unit(1, 2, 0, 0), 1))[0]?.id).toBe(candidate(2).id);
      expect((await t.index.keywordSearch('candidate', ['number3'], 5)).map((h) => h.id)).toEqual([candidate(3).id]);
      const journal = await t.records.getJournalEntries([candidate(1).contentHash, candidate(3).contentHash]);
      expect([...journal.values()].map((e) => e.status)).toEqual(['done', 'done']);
    });

    it('is idempotent: writing the same batch again changes nothing', async () => {
      await t.batch.writeCandidateBatch(batchOf([1, 2]));
      await t.batch.writeCandidateBatch(batchOf([1, 2]));
      expect(await t.records.countCandidates()).toBe(2);
      expect(await t.index.vectorSearch('candidate', unit(1, 0, 0, 0), 10)).toHaveLength(2);
    });

    it('writes all of a batch or none of it', async () => {
      await t.batch.writeCandidateBatch(batchOf([1]));
      // The third document's vector has the wrong width, so the store must reject it — and the whole batch with it.
      const bad = batchOf([2, 3, 4], (n) => (n === 4 ? unit(1, 1, 1) : unit(1, n, 0, 0)));
      await expect(t.batch.writeCandidateBatch(bad)).rejects.toThrow();
      expect(await t.records.countCandidates()).toBe(1);
      expect(await t.index.vectorSearch('candidate', unit(1, 0, 0, 0), 10)).toHaveLength(1);
      expect((await t.records.getJournalEntries([candidate(2).contentHash])).size).toBe(0);
      expect(await t.index.keywordSearch('candidate', ['number2'], 5)).toHaveLength(0);
    });
  });
}
