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
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBuf.length, 28);
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
