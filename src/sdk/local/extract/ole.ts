/**
 * Just enough of the OLE compound file format (MS-CFB) to read one flag of a legacy Word file:
 * whether it is password-protected (MS-DOC: the FIB's fEncrypted bit), so it is refused by
 * name instead of failing as "damaged" inside word-extractor.
 */

/** The first bytes of a stream stored in regular sectors, or undefined when it cannot be found (or lives in the mini stream). */
function streamHead(bytes: Uint8Array, name: string, length: number): Uint8Array | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 512) return undefined;
  const size = 1 << buf.readUInt16LE(0x1e);
  if (size !== 512 && size !== 4096) return undefined;
  const sectorAt = (n: number) => (n + 1) * size;
  // The FAT sectors named in the header (the first 109: files up to about 7 MiB at 512-byte sectors).
  const fat: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = buf.readUInt32LE(0x4c + 4 * i);
    if (s >= 0xfffffffa) break;
    fat.push(s);
  }
  const next = (n: number): number => {
    const perSector = size / 4;
    const fs = fat[Math.floor(n / perSector)];
    if (fs === undefined || sectorAt(fs) + size > buf.length) return 0xfffffffe;
    return buf.readUInt32LE(sectorAt(fs) + 4 * (n % perSector));
  };
  const cutoff = buf.readUInt32LE(0x38);
  for (let dir = buf.readUInt32LE(0x30), hops = 0; dir < 0xfffffffa && hops < 1000; dir = next(dir), hops++) {
    for (let at = sectorAt(dir); at + 128 <= Math.min(sectorAt(dir) + size, buf.length); at += 128) {
      const nameLength = buf.readUInt16LE(at + 0x40);
      if (nameLength < 2 || nameLength > 64 || buf.toString('utf16le', at, at + nameLength - 2) !== name) continue;
      const start = buf.readUInt32LE(at + 0x74);
      const streamSize = buf.readUInt32LE(at + 0x78);
      if (streamSize < cutoff || sectorAt(start) + length > buf.length) return undefined;
      return buf.subarray(sectorAt(start), sectorAt(start) + length);
    }
  }
  return undefined;
}

/** True when a Word 97–2003 file is encrypted or obfuscated (FIB: wIdent 0xA5EC, fEncrypted bit 0x0100 of the flags at 0x0A). */
export function wordDocumentEncrypted(bytes: Uint8Array): boolean {
  const fib = streamHead(bytes, 'WordDocument', 12);
  if (!fib) return false;
  const view = Buffer.from(fib.buffer, fib.byteOffset, fib.byteLength);
  return view.readUInt16LE(0) === 0xa5ec && (view.readUInt16LE(0x0a) & 0x0100) !== 0;
}
