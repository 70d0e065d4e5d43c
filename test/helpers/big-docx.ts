/**
 * Real pathological input for the extraction limits: a well-formed DOCX with
 * `paragraphs` short paragraphs, under every zip-bomb limit (it compresses about 20×, under the 100× limit).
 * mammoth on this machine (Node 20, main thread): 40,000 paragraphs (163 KiB) take about
 * 1 s and over 100 MiB of heap; 300,000 (1.2 MiB) about 9 s and 1.7 GiB.
 */
// @ts-expect-error -- plain JS module with JSDoc types
import { zip } from '../../scripts/lib/zip.mjs';


const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

export function bigDocx(paragraphs: number): Uint8Array {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) parts.push(`<w:p><w:r><w:t>Line ${i} of a very long document, word${i % 97}</w:t></w:r></w:p>`);
  const xml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${parts.join('')}</w:body></w:document>`;
  return new Uint8Array(zip([{ name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) }, { name: 'word/document.xml', data: Buffer.from(xml) }], { level: 1 }));
}
