/**
 * A small, defensive ZIP reader for DOCX and ODT. It reads the central
 * directory, refuses archives whose declared sizes or compression ratios look
 * like a zip bomb, and inflates entries with a hard output cap equal to their
 * declared size, so a lying header cannot make us allocate more than we agreed to.
 */
import { inflateRawSync } from 'node:zlib';
import { ExtractionError } from '../../errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Most entries an archive may have. Default 5,000. */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. Default 200 MiB. */
  maxTotalBytes: number;
  /** One entry's uncompressed size. Default 100 MiB. */
  maxEntryBytes: number;
  /** Compression ratio above which a large entry (over 1 MiB) is refused. Default 100. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalBytes: 200 * 1048576, maxEntryBytes: 100 * 1048576, maxRatio: 100 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Central-directory entries, or undefined when `bytes` is not a readable zip. */
export function listZip(bytes: Uint8Array): ZipEntry[] | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is within the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return undefined;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const bomb = (file: string | undefined, why: string) =>
  new ExtractionError(`${file ?? 'document'} looks like a zip bomb: ${why}`, {
    code: 'E_ZIP_BOMB',
    file,
    hint: 'A resume never expands to this size. Open and re-save the document in Word or LibreOffice; if it came from outside, treat it as hostile.',
  });

/** Checks the declared sizes against the limits; throws E_ZIP_BOMB. */
export function checkZipLimits(entries: ZipEntry[], file?: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  if (entries.length > limits.maxEntries) throw bomb(file, `${entries.length} entries (limit ${limits.maxEntries})`);
  let total = 0;
  for (const e of entries) {
    // ZIP64 markers: no resume needs an entry over 4 GiB.
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw bomb(file, `${e.name} declares a ZIP64 size`);
    if (e.size > limits.maxEntryBytes) throw bomb(file, `${e.name} expands to ${mib(e.size)} (limit ${mib(limits.maxEntryBytes)})`);
    if (e.size > 1048576 && e.size / Math.max(1, e.compressedSize) > limits.maxRatio) {
      throw bomb(file, `${e.name} expands ${Math.round(e.size / Math.max(1, e.compressedSize))}× (limit ${limits.maxRatio}×)`);
    }
    total += e.size;
  }
  if (total > limits.maxTotalBytes) throw bomb(file, `its entries expand to ${mib(total)} in all (limit ${mib(limits.maxTotalBytes)})`);
}

/** Inflates one entry, never producing more than its declared size; a larger output means a forged header. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, file?: string): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw corrupt(file, `bad local header for ${entry.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw corrupt(file, `${entry.name} is cut short`);
  if (entry.method === 0) return Buffer.from(data.subarray(0, entry.size));
  if (entry.method !== 8) throw corrupt(file, `${entry.name} uses compression method ${entry.method}`);
  try {
    // One byte of slack tells "exactly the declared size" from "more than declared".
    const out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    if (out.length > entry.size) throw bomb(file, `${entry.name} inflates past its declared ${entry.size} bytes`);
    return out;
  } catch (err) {
    if (err instanceof ExtractionError) throw err;
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw bomb(file, `${entry.name} inflates past its declared ${entry.size} bytes`);
    throw corrupt(file, `${entry.name}: ${(err as Error).message}`);
  }
}

/** Verifies every entry inflates to no more than it declares (the actual-size half of the bomb check). */
export function verifyEntries(bytes: Uint8Array, entries: ZipEntry[], file?: string): void {
  for (const e of entries) if (!e.name.endsWith('/')) readEntry(bytes, e, file);
}

function corrupt(file: string | undefined, why: string) {
  return new ExtractionError(`${file ?? 'document'} is a damaged zip archive (DOCX/ODT): ${why}`, {
    code: 'E_EXTRACT_CORRUPT_ZIP',
    file,
    hint: 'Open and re-save it in Word or LibreOffice, or export it as PDF; a truncated download shows up this way.',
  });
}

const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
