import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/sdk/index.js';

export function blobStoreContract(name: string, make: () => Promise<BlobStore>) {
  describe(`BlobStore contract: ${name}`, () => {
    it('stores by content hash and reads back the same bytes', async () => {
      const store = await make();
      const bytes = new TextEncoder().encode('%PDF-1.4 resume');
      const { key, sha256 } = await store.put(bytes, { extension: 'pdf' });
      expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(key.startsWith(sha256)).toBe(true);
      expect(Buffer.from(await store.get(key)).equals(Buffer.from(bytes))).toBe(true);
      expect(await store.has(key)).toBe(true);
    });

    it('is idempotent for the same bytes', async () => {
      const store = await make();
      const bytes = new TextEncoder().encode('same');
      const a = await store.put(bytes);
      const b = await store.put(bytes);
      expect(a).toEqual(b);
    });

    it('deletes, and a missing key is a NotFoundError', async () => {
      const store = await make();
      const { key } = await store.put(new TextEncoder().encode('gone'));
      await store.delete(key);
      expect(await store.has(key)).toBe(false);
      await expect(store.get(key)).rejects.toMatchObject({ code: 'E_BLOB_NOT_FOUND' });
    });
  });
}
