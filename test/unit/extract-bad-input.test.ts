/**
 * Bad input: each file fails alone with a named code, a message naming the
 * file and a hint, quickly, and never yields a profile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractionError } from '../../src/sdk/errors.js';
import { LocalTextExtractor } from '../../src/sdk/local/extract.js';
import { detectType } from '../../src/sdk/local/detect.js';
import { checkZipLimits, listZip } from '../../src/sdk/local/extract/zip.js';
import { imageSize } from '../../src/sdk/local/extract/image.js';

const BAD = join(import.meta.dirname, '..', 'fixtures', 'bad');
const read = (f: string) => new Uint8Array(readFileSync(join(BAD, f)));
const extractor = new LocalTextExtractor();

async function failure(bytes: Uint8Array, fileName: string, ex = extractor): Promise<ExtractionError> {
  try {
    await ex.extract({ bytes, fileName });
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractionError);
    return err as ExtractionError;
  }
  throw new Error(`${fileName} was extracted, expected an error`);
}

describe('bad input', () => {
  it.each([
    ['encrypted.pdf', 'E_EXTRACT_ENCRYPTED_PDF', /password/i],
    // Password-protected Word and ODT files: LibreOffice's (ODT, DOC) and Office's container (DOCX).
    ['encrypted.docx', 'E_EXTRACT_ENCRYPTED', /unprotected copy/],
    ['encrypted.odt', 'E_EXTRACT_ENCRYPTED', /unprotected copy/],
    ['encrypted.doc', 'E_EXTRACT_ENCRYPTED', /unprotected copy/],
    ['truncated.pdf', 'E_EXTRACT_CORRUPT_PDF', /re-download/i],
    ['zip-bomb.docx', 'E_ZIP_BOMB', /re-save/i],
    ['zip-bomb-forged.docx', 'E_ZIP_BOMB', /re-save/i],
    ['empty.pdf', 'E_EMPTY_FILE', /re-export/i],
    ['binary.pdf', 'E_UNSUPPORTED_FORMAT', /Supported: PDF, DOCX, DOC/],
    ['logo.png', 'E_NO_TEXT', /OCR found no readable text/],
  ])('%s → %s', async (file, code, hint) => {
    const err = await failure(read(file), file);
    expect(err.code).toBe(code);
    expect(err.message).toContain(file);
    expect(err.hint).toMatch(hint);
    expect(err.fault).toBe('user');
  });

  it('refuses text that is binary instead of inventing a profile from it', async () => {
    // An RTF whose escapes spell control bytes (as a damaged or encrypted payload would): it is RTF by its
    // first bytes, and decodes to junk with a few letters in it.
    const escapes = Array.from({ length: 600 }, (_, i) => `\\'${((i * 7) % 31 + 1).toString(16).padStart(2, '0')}`).join('');
    const junk = `{\\rtf1\\ansi Jane Roe, engineer ${escapes} Chicago}`;
    const err = await failure(new TextEncoder().encode(junk), 'junk.rtf');
    expect(err.code).toBe('E_EXTRACT_CORRUPT');
    expect(err.message).toMatch(/junk\.rtf decodes to binary, not text \(\d+ % control/);
  });

  it('says why a forged zip header is refused', async () => {
    expect((await failure(read('zip-bomb-forged.docx'), 'x.docx')).message).toMatch(/inflates past its declared 2048 bytes/);
    expect((await failure(read('zip-bomb.docx'), 'x.docx')).message).toMatch(/expands \d+× \(limit 100×\)/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const err = await failure(new Uint8Array(2048), 'big.pdf', new LocalTextExtractor({ maxBytes: 1024 }));
    expect(err.code).toBe('E_FILE_TOO_LARGE');
  });

  it('stops a file that runs past its time limit', async () => {
    // OCR of a page takes about a second here; 50 ms is far too little. The extraction thread, and
    // tesseract's worker started from it, are terminated (test/unit/extract-limits.test.ts covers what follows).
    const page = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'formats', 'resume.png')));
    const slow = new LocalTextExtractor({ timeoutMs: 50 });
    const err = await failure(page, 'slow.png', slow);
    await slow.close();
    expect(err.code).toBe('E_EXTRACT_TIMEOUT');
    expect(err.hint).toMatch(/extractTimeoutMs/);
  });

  it('refuses images when OCR is turned off, and scans then have no text', async () => {
    const noOcr = new LocalTextExtractor({ ocr: false });
    const png = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'formats', 'resume.png')));
    expect((await failure(png, 'scan.png', noOcr)).code).toBe('E_UNSUPPORTED_FORMAT');
    const scan = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'formats', 'resume-scanned.pdf')));
    const err = await failure(scan, 'scan.pdf', noOcr);
    expect(err.code).toBe('E_NO_TEXT');
    expect(err.hint).toMatch(/parsing.ocr/);
  });

  it('refuses an image whose header declares too many pixels, before decoding', async () => {
    const png = Buffer.from(readFileSync(join(BAD, 'logo.png')));
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    expect(imageSize(png)).toEqual({ width: 100_000, height: 100_000 });
    expect((await failure(new Uint8Array(png), 'huge.png')).code).toBe('E_IMAGE_TOO_LARGE');
  });

  it('one bad file does not disturb the next one', async () => {
    const results = await Promise.allSettled([
      extractor.extract({ bytes: read('zip-bomb.docx'), fileName: 'a.docx' }),
      extractor.extract({ bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'formats', 'resume.docx'))), fileName: 'b.docx' }),
      extractor.extract({ bytes: read('truncated.pdf'), fileName: 'c.pdf' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
  });
});

describe('detection by content', () => {
  it.each([
    ['%PDF-1.7\n', 'pdf'],
    ['{\\rtf1\\ansi hello}', 'rtf'],
    ['<!DOCTYPE html><html><body>x</body></html>', 'html'],
    ['<html lang="en"><p>x</p></html>', 'html'],
    ['# Jane\n\nSee <div> in the docs', 'text'],
    ['plain resume text', 'text'],
  ])('%j → %s', (content, kind) => {
    expect(detectType(new TextEncoder().encode(content)).kind).toBe(kind);
  });

  it('reads a Windows-1252 text or HTML file (old Notepad, a latin-1 page) instead of refusing it as binary', async () => {
    // One byte per character; \x96 is Windows-1252's en dash.
    const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
    const text = 'José García\nIngeniero de software \x96 Madrid\njose@example.com\nSkills: Python, Go, PostgreSQL';
    expect(detectType(latin1(text)).kind).toBe('text');
    expect((await extractor.extract({ bytes: latin1(text), fileName: 'jose.txt' })).text).toContain('José García\nIngeniero de software – Madrid');
    const html = `<html><head><meta charset="iso-8859-1"></head><body><p>${text.replace(/\n/g, '</p><p>')}</p></body></html>`;
    expect((await extractor.extract({ bytes: latin1(html), fileName: 'jose.html' })).text).toContain('José García');
    // Random bytes are still no text.
    expect(detectType(read('binary.pdf')).kind).toBe('binary');
  });

  it('recognises WebP and BMP images, and reads their size from the header', () => {
    const webp = (chunk: string, body: number[]) => new Uint8Array(Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBP' + chunk, 'latin1'), Buffer.from(body)]));
    // VP8 (lossy): chunk size, frame tag, start code, 14-bit width and height.
    const lossy = webp('VP8 ', [0, 0, 0, 0, 0, 0, 0, 0x9d, 0x01, 0x2a, 0x20, 0x03, 0x58, 0x02]);
    expect(detectType(lossy)).toEqual({ kind: 'image', mediaType: 'image/webp' });
    expect(imageSize(lossy)).toEqual({ width: 800, height: 600 });
    // VP8L (lossless): signature 0x2f, then width-1 and height-1 in 14 bits each.
    const bits = (800 - 1) | ((600 - 1) << 14);
    expect(imageSize(webp('VP8L', [0, 0, 0, 0, 0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff]))).toEqual({ width: 800, height: 600 });
    const bmp = Buffer.alloc(54);
    bmp.write('BM', 0);
    bmp.writeUInt32LE(40, 14);
    bmp.writeInt32LE(9000, 18);
    bmp.writeInt32LE(-6000, 22);
    expect(detectType(new Uint8Array(bmp))).toEqual({ kind: 'image', mediaType: 'image/bmp' });
    expect(imageSize(new Uint8Array(bmp))).toEqual({ width: 9000, height: 6000 });
    // Text that starts with "BM" is no bitmap.
    expect(detectType(new TextEncoder().encode('BMW service technician, 8 years'))).toEqual({ kind: 'text', mediaType: 'text/plain' });
  });

  it('tells a Word document from another OLE file', () => {
    const doc = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'formats', 'resume.doc')));
    expect(detectType(doc).kind).toBe('doc');
    const other = new Uint8Array(doc);
    // Rename the WordDocument stream in the directory: now it is some other compound file.
    const name = Buffer.from('WordDocument', 'utf16le');
    const at = Buffer.from(other).indexOf(name);
    other.set(Buffer.from('XordDocument', 'utf16le'), at);
    expect(detectType(other).kind).toBe('ole');
  });

  it('reads zip directories and applies the limits to declared sizes', () => {
    const entries = listZip(read('zip-bomb.docx'))!;
    expect(entries.map((e) => e.name)).toContain('word/document.xml');
    expect(() => checkZipLimits(entries, 'x.docx', { maxEntries: 5000, maxTotalBytes: 1024, maxEntryBytes: 1e9, maxRatio: 1e9 })).toThrow(/expand to/);
    expect(() => checkZipLimits(entries, 'x.docx', { maxEntries: 1, maxTotalBytes: 1e12, maxEntryBytes: 1e12, maxRatio: 1e9 })).toThrow(/3 entries/);
  });
});
