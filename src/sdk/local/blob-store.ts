import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { NotFoundError, ValidationError } from '../errors.js';
import type { BlobStore } from '../ports/index.js';

const KEY = /^[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/;

/** Content-addressed files under `<root>/ab/cd/<sha256>.<ext>`; writes are atomic (temp file + rename). */
export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new ValidationError(`Invalid blob key "${key}"`, { field: 'key' });
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(bytes: Uint8Array, options: { extension?: string } = {}): Promise<{ key: string; sha256: string }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const ext = options.extension?.replace(/^\./, '').toLowerCase();
    const key = ext && /^[a-z0-9]{1,10}$/.test(ext) ? `${sha256}.${ext}` : sha256;
    const path = this.pathOf(key);
    if (await exists(path)) return { key, sha256 };
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    return { key, sha256 };
  }

  async get(key: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`No blob "${key}"`, { code: 'E_BLOB_NOT_FOUND' });
      throw err;
    }
  }

  async has(key: string): Promise<boolean> {
    return exists(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
