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

async function textOf(body: string, parts: Array<{ name: string; data: Buffer }> = []): Promise<string> {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}</w:body></w:document>`;
  const bytes = zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: Buffer.from(xml) },
    ...parts,
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

  it('reads an embedded HTML document (altChunk, as HTML-to-DOCX converters write a whole resume)', async () => {
    // The MHT part html-docx-js writes: MIME multipart, the HTML quoted-printable.
    const html = '<!DOCTYPE html><html><body><h1>Jos=C3=A9 Garc=C3=ADa</h1><p>jose@example.com =E2=80=93 <a href=3D"https://github.com/jgarcia">GitHub</a></p><h2>Experience</h2><p>Backend Engineer, Acme Payments, Jan 2019 =\r\n- Present</p></body></html>';
    const mht = `MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n    type="text/html";\r\n    boundary="----=mhtDocumentPart"\r\n\r\n\r\n------=mhtDocumentPart\r\nContent-Type: text/html;\r\n    charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: file:///C:/fake/document.html\r\n\r\n${html}\r\n\r\n------=mhtDocumentPart--\r\n`;
    const rels =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="htmlChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="/word/afchunk.mht"/></Relationships>';
    const text = await textOf('<w:altChunk r:id="htmlChunk"/><w:sectPr/>', [
      { name: 'word/_rels/document.xml.rels', data: Buffer.from(rels) },
      { name: 'word/afchunk.mht', data: Buffer.from(mht, 'latin1') },
    ]);
    expect(text).toBe('José García\n\njose@example.com – GitHub\n\nExperience\n\nBackend Engineer, Acme Payments, Jan 2019 - Present\n\nLinks\nhttps://github.com/jgarcia');
  });

  it('does not double a text box mammoth reads through its VML copy', async () => {
    const text = await textOf(p('Jane Roe') + box(['Skills: Go, Rust'], true) + p('Experience'));
    expect(text.match(/Skills: Go, Rust/g)).toHaveLength(1);
  });
});
