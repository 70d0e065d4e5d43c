/** Pure pieces of extraction: RTF and markup converters, PDF reading order. */
import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeMarkdown, markdownToText, odfPageText, odfToText, wordXmlToText } from '../../src/sdk/local/extract/markup.js';
import { linesFromItems, type PdfTextItem } from '../../src/sdk/local/extract/pdf-layout.js';
import { rtfToText } from '../../src/sdk/local/extract/rtf.js';
import { normaliseText } from '../../src/sdk/local/extract/decode.js';

const item = (str: string, x: number, y: number, size = 10): PdfTextItem => ({ str, transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5, height: size });

describe('RTF', () => {
  it('skips tables of fonts and colours, decodes escapes and keeps paragraphs and cells', () => {
    const rtf = String.raw`{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}{\*\generator X;}` +
      String.raw`{\info{\author Nobody}}Jos\'e9 M\u252?ller\par Caf\'e9 \endash  Bar\line next{\*\unknown hidden}\par` +
      String.raw`\trowd A1\cell B1\cell\row {\field{\*\fldinst HYPERLINK "x"}{\fldrslt link}}}`;
    expect(rtfToText(rtf)).toBe('José Müller\nCafé – Bar\nnext\nA1 | B1\nlink');
  });

  it("decodes Windows-1252's own characters (quotes, dashes, euro), not Latin-1's control codes", () => {
    expect(rtfToText(String.raw`{\rtf1\ansi\ansicpg1252 \'93Go\'94 \'96 \'80 5k}`)).toBe('“Go” – € 5k');
  });
});

describe('text normalisation', () => {
  it('spells out ligatures and drops soft hyphens and zero-width characters', () => {
    expect(normaliseText('Certi\ufb01ed e\ufb03cient pro\ufb01le\r\ndevelop\u00adment te\u200bam')).toBe('Certified efficient profile\ndevelopment team');
  });
});

describe('markup', () => {
  it('HTML: blocks are lines, cells in row order, entities decoded', () => {
    expect(htmlToText('<h1>A &amp; B</h1><ul><li>one</li><li>two</li></ul><table><tr><td>x</td><td>y</td></tr></table><script>no()</script>')).toBe('A & B\n\n• one\n\n• two\n\nx | y');
  });

  it('ODF: paragraphs, list items, tabs and spaces', () => {
    const xml = '<office:text><text:h>Skills</text:h><text:list><text:list-item><text:p>Go<text:tab/>5 years</text:p></text:list-item></text:list><text:p>a<text:s text:c="3"/>b</text:p></office:text>';
    expect(odfToText(xml)).toBe('Skills\n• Go\t5 years\na   b');
  });

  it('DOCX page header: paragraphs, table cells, tabs and breaks; field codes, tab stops and text-box fallbacks left out', () => {
    const xml =
      '<w:hdr><w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr><w:r><w:t>Jane Roe</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>1</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>jane@example.com</w:t></w:r></w:p><w:p><w:r><w:t>Austin, TX</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>(512) 555-0100</w:t><w:br/><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p></w:hdr>';
    expect(wordXmlToText(xml)).toBe('Jane Roe\tPage 1\njane@example.com Austin, TX | (512) 555-0100\nx\nBoxed');
  });

  it('ODF page headers and footers: each once, hidden ones left out', () => {
    const styles =
      '<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Jane Roe | jane@example.com</text:p></style:header>' +
      '<style:header-first><text:p>Jane Roe | jane@example.com</text:p></style:header-first><style:header-left style:display="false"><text:p>hidden</text:p></style:header-left>' +
      '<style:footer><text:p>linkedin.com/in/jroe</text:p></style:footer></style:master-page></office:master-styles>';
    expect(odfPageText(styles)).toEqual({ headers: ['Jane Roe | jane@example.com'], footers: ['linkedin.com/in/jroe'] });
  });

  it('Markdown: recognised by its marks, converted to text, links keep their URL', () => {
    const md = '# Jane Roe\n**Engineer** at [Acme](https://acme.example)\n\n## Skills\n- `Go`, *Rust*\n[github.com](https://github.com/jroe)';
    expect(looksLikeMarkdown(md)).toBe(true);
    expect(looksLikeMarkdown('Jane Roe\nC# developer, #1 in sales')).toBe(false);
    expect(markdownToText(md)).toBe('Jane Roe\nEngineer at Acme (https://acme.example)\n\nSkills\n• Go, Rust\nhttps://github.com/jroe');
  });
});

describe('PDF reading order', () => {
  it('reads a sidebar column before the main column, never interleaved', () => {
    const items: PdfTextItem[] = [item('Jane Roe, Engineer', 40, 760, 16)];
    const side = ['SKILLS', 'Go', 'Python', 'SQL', 'LANGUAGES', 'English'];
    side.forEach((s, i) => items.push(item(s, 40, 700 - i * 12.5, 9)));
    const main = ['EXPERIENCE', 'Engineer, Acme Corp', 'Built the billing system', 'Led two teams', 'EDUCATION', 'B.S., State University'];
    main.forEach((s, i) => items.push(item(s, 240, 703 - i * 15, 10.5)));
    expect(linesFromItems(items, 612).split('\n').filter(Boolean)).toEqual(['Jane Roe, Engineer', ...side, ...main]);
  });

  it('keeps rows whose parts share baselines (tables, right-aligned dates) in row order', () => {
    const items: PdfTextItem[] = [];
    ['Languages', 'Cloud', 'Data', 'Tools'].forEach((s, i) => items.push(item(s, 50, 700 - i * 13)));
    ['Go, Python', 'AWS, GCP', 'PostgreSQL', 'Git, Make'].forEach((s, i) => items.push(item(s, 300, 700 - i * 13)));
    expect(linesFromItems(items, 612)).toBe('Languages | Go, Python\nCloud | AWS, GCP\nData | PostgreSQL\nTools | Git, Make');
  });

  it('keeps a space the document writes, however narrow, but adds none where it writes none', () => {
    // As in a LiveCareer PDF: "Problem", a 1.8 pt space item, then "Solving" 1 pt further on.
    const words = (spaceY: number | undefined): PdfTextItem[] => [
      { str: 'Administrative Management, Problem', transform: [11.4, 0, 0, 11.4, 33.3, 341.2], width: 137.6, height: 11.4 },
      ...(spaceY === undefined ? [] : [{ str: ' ', transform: [11.4, 0, 0, 11.4, 170.9, spaceY], width: 1.8, height: 0 }]),
      { str: 'Solving, POS', transform: [11.4, 0, 0, 11.4, 171.9, 341.2], width: 60, height: 11.4 },
    ];
    expect(linesFromItems(words(341.2), 612)).toBe('Administrative Management, Problem Solving, POS');
    expect(linesFromItems(words(undefined), 612)).toBe('Administrative Management, ProblemSolving, POS');
    // A whitespace item on another baseline says nothing about this gap.
    expect(linesFromItems(words(300), 612)).toBe('Administrative Management, ProblemSolving, POS');
  });
});
