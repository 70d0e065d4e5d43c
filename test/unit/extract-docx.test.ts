/**
 * DOCX text mammoth does not read: a text box written without its VML copy (DrawingML only) and
 * a simple field's result. Both reach the text once; a text box with its VML copy is not doubled.
 */
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/sdk/local/extract/decode.js';
import { DEFAULT_ZIP_LIMITS } from '../../src/sdk/local/extract/zip.js';
// @ts-expect-error -- plain JS module with JSDoc types
import { zip } from '../../scripts/lib/zip.mjs';

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const box = (paragraphs: string[], vml: boolean) =>
  `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${paragraphs.map(p).join('')}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
  (vml ? `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${paragraphs.map(p).join('')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` : '') +
  '</mc:AlternateContent></w:r></w:p>';

async function textOf(body: string): Promise<string> {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${body}</w:body></w:document>`;
  const bytes = zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: Buffer.from(xml) },
  ]);
  return (await decodeDocument(new Uint8Array(bytes), 'cv.docx', { maxPages: 10, maxOcrPages: 0, ocr: false, zipLimits: DEFAULT_ZIP_LIMITS })).text;
}

describe('DOCX text mammoth misses', () => {
  it('reads a DrawingML-only text box (a sidebar) and a simple field once, after the body', async () => {
    const text = await textOf(
      p('Jane Roe') + box(['Contact', 'jane@example.com', 'Skills: Go, Rust'], false) + p('Experience') + '<w:p><w:fldSimple w:instr="MERGEFIELD Phone"><w:r><w:t>+1 312 555 0142</w:t></w:r></w:fldSimple></w:p>',
    );
    expect(text).toBe('Jane Roe\n\nExperience\n\nContact\njane@example.com\nSkills: Go, Rust\n+1 312 555 0142');
  });

  it('does not double a text box mammoth reads through its VML copy', async () => {
    const text = await textOf(p('Jane Roe') + box(['Skills: Go, Rust'], true) + p('Experience'));
    expect(text.match(/Skills: Go, Rust/g)).toHaveLength(1);
  });
});
