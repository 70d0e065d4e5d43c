// A minimal zip writer (deflate, no ZIP64) for test fixtures: scripts/make-fixtures.mjs writes the
// zip-bomb fixtures with it, test/helpers/big-docx.ts the large DOCX files of the extraction limits.
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip of `entries`. `declared` overrides an entry's declared uncompressed size (a forged header);
 * `level` is the deflate level (1 is fast for large entries).
 * @param {Array<{ name: string, data: Buffer, declared?: number }>} entries
 * @param {{ level?: number }} [options]
 * @returns {Buffer}
 */
export function zip(entries, { level = 9 } = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, declared } of entries) {
    const comp = deflateRawSync(data, { level });
    const nameBuf = Buffer.from(name);
    const size = declared ?? data.length;
    const crc = crc32(data);
    // Both headers end in the same block: method, time, date, CRC, sizes, name length.
    const local = header(30, 0x04034b50, 4, { crc, compressed: comp.length, size, nameLength: nameBuf.length });
    const central = header(46, 0x02014b50, 6, { crc, compressed: comp.length, size, nameLength: nameBuf.length });
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, comp);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A local (30 bytes) or central (46 bytes) file header with its signature, "version needed" 2.0 at
 * `at`, and from there on the block the two share: flags, deflate method, CRC, sizes, name length.
 * @param {number} length
 * @param {number} signature
 * @param {number} at
 * @param {{ crc: number, compressed: number, size: number, nameLength: number }} fields
 * @returns {Buffer}
 */
function header(length, signature, at, { crc, compressed, size, nameLength }) {
  const b = Buffer.alloc(length);
  b.writeUInt32LE(signature, 0);
  b.writeUInt16LE(20, at);
  b.writeUInt16LE(8, at + 4);
  b.writeUInt32LE(crc, at + 10);
  b.writeUInt32LE(compressed, at + 14);
  b.writeUInt32LE(size, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
  return b;
}
