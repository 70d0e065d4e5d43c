/**
 * The extraction thread's limits, with real pathological documents (large but
 * well-formed DOCX files, under every zip-bomb limit): a file over its time or
 * heap limit is stopped and fails alone with a named error, and the same
 * extractor then reads the next file in a fresh thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractionError } from '../../src/sdk/errors.js';
import { LocalTextExtractor } from '../../src/sdk/local/extract.js';
import { extractImage } from '../../src/sdk/local/extract/image.js';
import { OCR_PACKAGES } from '../../src/sdk/local/extract/ocr.js';
import { listZip, checkZipLimits, DEFAULT_ZIP_LIMITS } from '../../src/sdk/local/extract/zip.js';
import { bigDocx } from '../helpers/big-docx.js';

const FORMATS = join(import.meta.dirname, '..', 'fixtures', 'formats');
const good = () => new Uint8Array(readFileSync(join(FORMATS, 'resume.docx')));
const extractors: LocalTextExtractor[] = [];
const make = (o: ConstructorParameters<typeof LocalTextExtractor>[0]) => {
  const e = new LocalTextExtractor(o);
  extractors.push(e);
  return e;
};
afterAll(async () => {
  for (const e of extractors) await e.close();
});

async function failure(p: Promise<unknown>): Promise<ExtractionError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExtractionError);
  return err as ExtractionError;
}

describe('extraction limits', () => {
  it('the pathological documents pass the zip-bomb checks: only the limits below stop them', () => {
    for (const n of [40_000, 300_000]) {
      const entries = listZip(bigDocx(n))!;
      expect(() => checkZipLimits(entries, 'big.docx', DEFAULT_ZIP_LIMITS)).not.toThrow();
    }
  });

  it('stops a file that runs past its time limit, then reads the next file in a new thread', async () => {
    // mammoth needs over 20 s for 300,000 paragraphs here; the limit is 2 s, and the heap is left large.
    const ex = make({ timeoutMs: 2000, memoryMb: 4096 });
    const err = await failure(ex.extract({ bytes: bigDocx(300_000), fileName: 'slow.docx' }));
    expect(err.code).toBe('E_EXTRACT_TIMEOUT');
    expect(err.message).toContain('slow.docx');
    expect(err.hint).toMatch(/extractTimeoutMs/);
    const next = await ex.extract({ bytes: good(), fileName: 'good.docx' });
    expect(next.text).toMatch(/Dana Whitfield/);
  });

  it('stops a file that needs more memory than its limit, then reads the next file', async () => {
    const ex = make({ memoryMb: 64 });
    const err = await failure(ex.extract({ bytes: bigDocx(40_000), fileName: 'huge.docx' }));
    expect(err.code).toBe('E_EXTRACT_MEMORY');
    expect(err.file).toBe('huge.docx');
    expect(err.message).toMatch(/huge\.docx.*64 MiB/);
    expect(err.hint).toMatch(/parsing\.extractMemoryMb/);
    expect(err.fault).toBe('user');
    expect((await ex.extract({ bytes: good(), fileName: 'good.docx' })).text).toMatch(/Dana Whitfield/);
  });

  it('fails only the file over the limit among files sent at once, in any order', async () => {
    const ex = make({ memoryMb: 64 });
    const results = await Promise.allSettled([
      ex.extract({ bytes: good(), fileName: 'a.docx' }),
      ex.extract({ bytes: bigDocx(40_000), fileName: 'huge.docx' }),
      ex.extract({ bytes: good(), fileName: 'b.docx' }),
      ex.extract({ bytes: new TextEncoder().encode('Jane Example\nSoftware engineer with ten years of Go and SQL.'), fileName: 'c.txt' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'E_EXTRACT_MEMORY', file: 'huge.docx' });
  });

  it('fails files still waiting when closed, and works again afterwards', async () => {
    const ex = make({ timeoutMs: 60_000 });
    const outcomes = Promise.allSettled([ex.extract({ bytes: bigDocx(300_000), fileName: 'slow.docx' }), ex.extract({ bytes: good(), fileName: 'waiting.docx' })]);
    await ex.close();
    for (const r of await outcomes) expect(r).toMatchObject({ status: 'rejected', reason: { code: 'E_ABORTED' } });
    expect((await ex.extract({ bytes: good(), fileName: 'again.docx' })).text).toMatch(/Dana Whitfield/);
  });
});

describe('OCR unavailable', () => {
  const png = () => new Uint8Array(readFileSync(join(FORMATS, 'resume.png')));

  it('names the missing model package and how to install it', async () => {
    const err = await failure(extractImage(png(), 'image/png', { ocr: true, file: 'scan.png', packages: { ...OCR_PACKAGES, model: '@tesseract.js-data/not-installed' } }));
    expect(err.code).toBe('E_OCR_UNAVAILABLE');
    expect(err.message).toMatch(/scan\.png.*@tesseract\.js-data\/not-installed/);
    expect(err.hint).toMatch(/npm ci/);
    expect(err.hint).toMatch(/npm install tesseract\.js@7\.0\.0 @tesseract\.js-data\/eng@1\.0\.0/);
  });

  it('names the missing engine package', async () => {
    const err = await failure(extractImage(png(), 'image/png', { ocr: true, file: 'scan.png', packages: { ...OCR_PACKAGES, engine: 'tesseract-not-installed' } }));
    expect(err.code).toBe('E_OCR_UNAVAILABLE');
    expect(err.message).toMatch(/tesseract-not-installed is not installed/);
    expect(err.hint).toMatch(/npm ci/);
  });
});
