/**
 * Real pathological input for the extraction limits: a well-formed DOCX with
 * `paragraphs` short paragraphs, under every zip-bomb limit (it compresses about 20×, under the 100× limit).
 * mammoth on this machine (Node 20, main thread): 40,000 paragraphs (163 KiB) take about
 * 1 s and over 100 MiB of heap; 300,000 (1.2 MiB) about 9 s and 1.7 GiB.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** A zip of `entries`, deflated, with honest headers. */
export function zip(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const comp = deflateRawSync(data, { level: 1 });
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(data.length, 24);
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

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

export function bigDocx(paragraphs: number): Uint8Array {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) parts.push(`<w:p><w:r><w:t>Line ${i} of a very long document, word${i % 97}</w:t></w:r></w:p>`);
  const xml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${parts.join('')}</w:body></w:document>`;
  return new Uint8Array(zip([{ name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) }, { name: 'word/document.xml', data: Buffer.from(xml) }]));
}
