import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/sdk/index.js';
import { cosine } from '../../src/sdk/matching/vectors.js';

export function embedderContract(name: string, make: () => Promise<Embedder>, options: { semantic: boolean }) {
  describe(`Embedder contract: ${name}`, () => {
    it('returns one unit vector of the declared width per text, in order, deterministically', async () => {
      const e = await make();
      const texts = ['Go backend engineer', 'ICU registered nurse', 'Go backend engineer'];
      const vs = await e.embedDocuments(texts);
      expect(vs).toHaveLength(3);
      for (const v of vs) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v.length).toBe(e.dimensions);
        expect(Math.hypot(...v)).toBeCloseTo(1, 3);
      }
      expect(cosine(vs[0]!, vs[2]!)).toBeCloseTo(1, 4);
      expect(await e.embedDocuments([])).toEqual([]);
    });

    it('embeds a query like a document', async () => {
      const e = await make();
      const [d] = await e.embedDocuments(['accountant with GAAP experience']);
      expect(cosine(await e.embedQuery('accountant with GAAP experience'), d!)).toBeCloseTo(1, 4);
    });

    if (options.semantic) {
      it('puts related texts closer than unrelated ones (no shared words)', async () => {
        const e = await make();
        const [nurse, icu, code] = await e.embedDocuments([
          'registered nurse caring for patients in the intensive care unit',
          'hospital clinician treating critically ill people',
          'software developer writing JavaScript for web browsers',
        ]);
        expect(cosine(nurse!, icu!)).toBeGreaterThan(cosine(nurse!, code!) + 0.1);
      });
    }
  });
}
