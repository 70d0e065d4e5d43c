import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../src/sdk/index.js';

const unit = (...xs: number[]) => {
  const v = Float32Array.from(xs);
  const n = Math.hypot(...xs);
  return v.map((x) => x / n);
};

/** Every SearchIndex adapter passes this suite. Vectors are 4-dimensional. */
export function searchIndexContract(name: string, make: (dimensions: number) => Promise<SearchIndex>) {
  describe(`SearchIndex contract: ${name}`, () => {
    let index: SearchIndex;
    beforeEach(async () => {
      index = await make(4);
      await index.upsert('candidate', [
        { id: 'go-dev', text: 'Backend engineer writing Go services on Kubernetes', vector: unit(1, 0, 0, 0) },
        { id: 'nurse', text: 'Registered nurse in intensive care, ACLS certified', vector: unit(0, 1, 0, 0) },
        { id: 'react-dev', text: 'Frontend engineer building React apps', vector: unit(0.7, 0, 0.7, 0) },
      ]);
    });
    afterEach(async () => {
      await index.close();
    });

    it('returns nearest vectors first with cosine similarity', async () => {
      const hits = await index.vectorSearch('candidate', unit(1, 0, 0.1, 0), 2);
      expect(hits.map((h) => h.id)).toEqual(['go-dev', 'react-dev']);
      expect(hits[0]!.score).toBeGreaterThan(0.99);
      expect(hits[0]!.score).toBeLessThanOrEqual(1.0001);
    });

    it('finds documents by keyword, best first, stemming plurals', async () => {
      const hits = await index.keywordSearch('candidate', ['nurses', 'ACLS'], 10);
      expect(hits[0]?.id).toBe('nurse');
      expect(hits).toHaveLength(1);
      const both = await index.keywordSearch('candidate', ['engineer'], 10);
      expect(both.map((h) => h.id).sort()).toEqual(['go-dev', 'react-dev']);
    });

    it('treats query text as phrases, never as query syntax', async () => {
      await expect(index.keywordSearch('candidate', ['C++', 'NOT', '"', 'AND OR', '*'], 10)).resolves.toBeInstanceOf(Array);
    });

    it('replaces a document on upsert, in both retrievers', async () => {
      await index.upsert('candidate', [{ id: 'nurse', text: 'Pastry chef', vector: unit(0, 0, 0, 1) }]);
      expect((await index.keywordSearch('candidate', ['nurse'], 10)).map((h) => h.id)).not.toContain('nurse');
      expect((await index.keywordSearch('candidate', ['pastry'], 10)).map((h) => h.id)).toEqual(['nurse']);
      expect((await index.vectorSearch('candidate', unit(0, 0, 0, 1), 1))[0]?.id).toBe('nurse');
    });

    it('keeps kinds apart and removes documents', async () => {
      await index.upsert('job', [{ id: 'J-1', text: 'Go engineer', vector: unit(1, 0, 0, 0) }]);
      expect((await index.vectorSearch('job', unit(1, 0, 0, 0), 10)).map((h) => h.id)).toEqual(['J-1']);
      await index.remove('candidate', ['go-dev']);
      expect((await index.vectorSearch('candidate', unit(1, 0, 0, 0), 10)).map((h) => h.id)).not.toContain('go-dev');
      expect((await index.keywordSearch('candidate', ['kubernetes'], 10))).toHaveLength(0);
    });

    it('computes similarities for given ids only', async () => {
      const sims = await index.similarities('candidate', unit(0, 1, 0, 0), ['nurse', 'go-dev', 'missing']);
      expect(sims.get('nurse')).toBeCloseTo(1, 4);
      expect(sims.get('go-dev')).toBeCloseTo(0, 4);
      expect(sims.has('missing')).toBe(false);
    });

    it('returns the stored vector of a document only for the text it was written with', async () => {
      const stored = await index.storedVector('candidate', 'react-dev', 'Frontend engineer building React apps');
      expect(stored && Array.from(stored)).toEqual(Array.from(unit(0.7, 0, 0.7, 0)).map((x) => expect.closeTo(x, 6)));
      expect(await index.storedVector('candidate', 'react-dev', 'Frontend engineer building Vue apps')).toBeUndefined();
      expect(await index.storedVector('job', 'react-dev', 'Frontend engineer building React apps')).toBeUndefined();
      expect(await index.storedVector('candidate', 'missing', 'anything')).toBeUndefined();
      // Rewritten with another text: the old text no longer gets a vector, the new one gets the new vector.
      await index.upsert('candidate', [{ id: 'react-dev', text: 'Frontend engineer building Vue apps', vector: unit(0, 0, 1, 0) }]);
      expect(await index.storedVector('candidate', 'react-dev', 'Frontend engineer building React apps')).toBeUndefined();
      expect(Array.from((await index.storedVector('candidate', 'react-dev', 'Frontend engineer building Vue apps'))!)).toEqual([0, 0, 1, 0]);
      await index.remove('candidate', ['react-dev']);
      expect(await index.storedVector('candidate', 'react-dev', 'Frontend engineer building Vue apps')).toBeUndefined();
    });
  });
}
