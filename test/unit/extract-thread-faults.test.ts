/**
 * The extraction thread's answers to a decoder that crashes the thread and to a
 * worker that cannot start, with faulty worker modules in place of the real one
 * (no real input is known to crash pdf.js or mammoth this way).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { TalentError } from '../../src/sdk/errors.js';
import { ExtractionError } from '../../src/sdk/errors.js';
import { ExtractionThread } from '../../src/sdk/local/extract-thread.js';
import { DEFAULT_ZIP_LIMITS } from '../../src/sdk/local/extract/zip.js';

const WORKERS = join(import.meta.dirname, '..', 'fixtures', 'workers');
const threads: ExtractionThread[] = [];
const thread = (file: string) => {
  const t = new ExtractionThread({ decode: { maxPages: 1, maxOcrPages: 0, ocr: false, zipLimits: DEFAULT_ZIP_LIMITS }, timeoutMs: 10_000, memoryMb: 64, module: { url: pathToFileURL(join(WORKERS, file)) } });
  threads.push(t);
  return t;
};
afterEach(async () => {
  for (const t of threads.splice(0)) await t.close();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as TalentError,
  );

describe('a crashing decoder', () => {
  it('fails that file alone with E_EXTRACT_CRASHED, naming it; the files around it are read', async () => {
    const t = thread('crash-on-ff.mjs');
    const [before, crashed, after] = await Promise.all([
      t.run(new Uint8Array([1, 2, 3]), 'a.pdf'),
      failure(t.run(new Uint8Array([0xff, 0]), 'b.pdf')),
      t.run(new Uint8Array([4, 5]), 'c.pdf'),
    ]);
    expect(before.text).toBe('read 3 bytes');
    expect(crashed).toBeInstanceOf(ExtractionError);
    expect(crashed).toMatchObject({ code: 'E_EXTRACT_CRASHED', file: 'b.pdf' });
    expect(crashed!.message).toMatch(/b\.pdf.*exited with code 70/);
    expect(after.text).toBe('read 2 bytes');
  });
});

describe('a worker that cannot start', () => {
  it('fails each file with E_EXTRACT_UNAVAILABLE and a hint to reinstall', async () => {
    const t = thread('fails-to-load.mjs');
    const errors = await Promise.all([failure(t.run(new Uint8Array([1]), 'a.pdf')), failure(t.run(new Uint8Array([2]), 'b.pdf'))]);
    for (const e of errors) {
      expect(e).toMatchObject({ code: 'E_EXTRACT_UNAVAILABLE' });
      expect(e!.message).toMatch(/Cannot find package pdfjs-dist/);
      expect(e!.hint).toMatch(/npm ci/);
    }
  });

  it('says so when the worker module is missing', async () => {
    const e = await failure(thread('no-such-worker.mjs').run(new Uint8Array([1]), 'a.pdf'));
    expect(e).toMatchObject({ code: 'E_EXTRACT_UNAVAILABLE' });
  });
});
