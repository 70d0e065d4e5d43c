import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Candidate, Job, RecordStore } from '../../src/sdk/index.js';

/** Every RecordStore adapter passes this suite (LangChain-style standard tests). */
export function recordStoreContract(name: string, make: () => Promise<RecordStore>) {
  describe(`RecordStore contract: ${name}`, () => {
    let store: RecordStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await store.close();
    });

    const candidate = (n: number, extra: Partial<Candidate> = {}): Candidate => ({
      id: `c_${String(n).padStart(16, '0')}`,
      source: `/resumes/${n}.pdf`,
      contentHash: String(n).padStart(64, '0'),
      mediaType: 'application/pdf',
      text: `resume ${n}`,
      importedAt: '2026-01-01T00:00:00.000Z',
      profile: { name: `Person ${n}`, emails: [], phones: [], links: [], skills: [{ name: 'Go' }], experience: [], education: [], certifications: [], languages: [], roles: [], totalYears: n },
      ...extra,
    });
    const job = (id: string, title = 'Engineer'): Job => ({ id, title, description: '', requiredSkills: ['Go'], niceToHaveSkills: [], minYears: 2, updatedAt: '2026-01-01T00:00:00.000Z' });

    it('round-trips candidates and reports missing ids as undefined', async () => {
      await store.putCandidates([candidate(1), candidate(2)]);
      expect(await store.getCandidate(candidate(1).id)).toEqual(candidate(1));
      expect(await store.getCandidate('c_missing')).toBeUndefined();
      expect(await store.countCandidates()).toBe(2);
    });

    it('round-trips the precomputed match data of a candidate', async () => {
      const mentions: Array<[string, number[]]> = Array.from({ length: 300 }, (_, i) => [`Skill ${i}`, [i * 10, i * 10 + 5]]);
      const c = candidate(9, { text: 'Person 9\nGo and SQL', match: { key: '1:abc', lines: [[0, '[name]']], mentions: [...mentions, ['Structured Only', []]] } });
      await store.putCandidates([c]);
      expect(await store.getCandidate(c.id)).toEqual(c);
      expect((await store.getCandidates([c.id]))[0]).toEqual(c);
    });

    it('upserts candidates by id', async () => {
      await store.putCandidates([candidate(1)]);
      await store.putCandidates([candidate(1, { source: '/elsewhere/1.pdf' })]);
      expect(await store.countCandidates()).toBe(1);
      expect((await store.getCandidate(candidate(1).id))?.source).toBe('/elsewhere/1.pdf');
    });

    it('gets many candidates, skipping unknown ids, in the order asked', async () => {
      await store.putCandidates([candidate(1), candidate(2), candidate(3)]);
      const got = await store.getCandidates([candidate(3).id, 'c_nope', candidate(1).id]);
      expect(got.map((c) => c.id)).toEqual([candidate(3).id, candidate(1).id]);
    });

    it('pages through candidates with a cursor, each exactly once', async () => {
      await store.putCandidates(Array.from({ length: 7 }, (_, i) => candidate(i + 1)));
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listCandidates({ limit: 3, cursor });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.cursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(7);
    });

    it('upserts and lists jobs', async () => {
      await store.putJobs([job('J-1'), job('J-2')]);
      await store.putJobs([job('J-1', 'Staff Engineer')]);
      expect((await store.getJob('J-1'))?.title).toBe('Staff Engineer');
      expect(await store.getJob('J-9')).toBeUndefined();
      expect((await store.listJobs()).items.map((j) => j.id).sort()).toEqual(['J-1', 'J-2']);
    });

    it('stores the latest matches per job', async () => {
      const m = (score: number) => ({
        rank: 1,
        candidateId: candidate(1).id,
        name: 'Person 1',
        score,
        source: '/r/1.pdf',
        explanation: { components: [], matchedRequiredSkills: [], missingRequiredSkills: [], matchedNiceToHaveSkills: [], semanticSimilarity: 0.5, candidateYears: 1, requiredYears: 0, retrieval: {}, summary: '' },
      });
      await store.putMatches({ jobId: 'J-1', createdAt: '2026-01-01T00:00:00.000Z', matches: [m(0.5)] });
      await store.putMatches({ jobId: 'J-1', createdAt: '2026-01-02T00:00:00.000Z', matches: [m(0.7)] });
      const got = await store.getMatches('J-1');
      expect(got?.createdAt).toBe('2026-01-02T00:00:00.000Z');
      expect(got?.matches[0]?.score).toBe(0.7);
      expect(await store.getMatches('J-2')).toBeUndefined();
    });

    it('journals outcomes by content hash, the last write winning', async () => {
      const h = 'a'.repeat(64);
      await store.putJournalEntries([{ contentHash: h, source: '/x.pdf', status: 'failed', errorCode: 'E_X', errorMessage: 'bad', retryable: true, updatedAt: '2026-01-01T00:00:00.000Z' }]);
      expect((await store.getJournalEntries([h])).get(h)).toMatchObject({ status: 'failed', errorCode: 'E_X', retryable: true });
      await store.putJournalEntries([{ contentHash: h, source: '/x.pdf', status: 'done', candidateId: 'c_1', updatedAt: '2026-01-02T00:00:00.000Z' }]);
      const e = (await store.getJournalEntries([h, 'b'.repeat(64)]));
      expect(e.size).toBe(1);
      expect(e.get(h)).toMatchObject({ status: 'done', candidateId: 'c_1' });
    });
  });
}
