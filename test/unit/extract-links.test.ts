/**
 * Hyperlink targets hidden behind words ("LinkedIn", "Portfolio") in DOCX, ODT, HTML and PDF
 * reach the text, so the parser finds the person's links; links to employers or schools don't.
 */
import { Document, ExternalHyperlink, Header, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/sdk/index.js';
import { decodeDocument } from '../../src/sdk/local/extract/decode.js';
import { personalLinks } from '../../src/sdk/local/extract/links.js';
import { odfToText, wordXmlToText } from '../../src/sdk/local/extract/markup.js';
import { DEFAULT_ZIP_LIMITS } from '../../src/sdk/local/extract/zip.js';
import { parseProfile } from '../../src/sdk/local/parser/index.js';

const options = { maxPages: 10, maxOcrPages: 0, ocr: false, zipLimits: DEFAULT_ZIP_LIMITS };
const taxonomy = loadTaxonomy();
const BODY = ['Summary', 'Backend engineer with seven years of payment systems work in Go and PostgreSQL.', 'Experience', 'Software Engineer, Acme Payments, 2019 - 2024'];

async function profileOf(bytes: Uint8Array, file: string) {
  const extracted = await decodeDocument(bytes, file, options);
  return { text: extracted.text, links: parseProfile(extracted.text, { taxonomy }).links.map((l) => [l.kind, l.url]), emails: parseProfile(extracted.text, { taxonomy }).emails };
}

const link = (text: string, target: string) => new ExternalHyperlink({ link: target, children: [new TextRun({ text, style: 'Hyperlink' })] });

describe('hyperlink targets', () => {
  it('DOCX: links in the body and the page header, e-mail behind "Email me"; not the employer\'s site', async () => {
    const doc = new Document({
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun('Jane Roe | '), link('GitHub', 'https://github.com/jroe')] })] }) },
          children: [
            new Paragraph({ children: [link('LinkedIn', 'https://www.linkedin.com/in/jane-roe/'), new TextRun(' | '), link('Portfolio', 'https://janeroe.design'), new TextRun(' | '), link('Email me', 'mailto:jane.roe@example.com')] }),
            ...BODY.map((t) => new Paragraph({ children: [new TextRun(t)] })),
            new Paragraph({ children: [new TextRun('Worked at '), link('Acme Payments', 'https://acme-payments.example/about')] }),
          ],
        },
      ],
    });
    const { text, links, emails } = await profileOf(new Uint8Array(await Packer.toBuffer(doc)), 'jane.docx');
    expect(links).toEqual([
      ['github', 'https://github.com/jroe'],
      ['linkedin', 'https://www.linkedin.com/in/jane-roe/'],
      ['portfolio', 'https://janeroe.design'],
    ]);
    expect(emails).toEqual(['jane.roe@example.com']);
    expect(text).not.toContain('acme-payments.example');
    // The targets come last, under their own heading, after the body.
    expect(text.endsWith('Links\nhttps://github.com/jroe\nhttps://www.linkedin.com/in/jane-roe/\nhttps://janeroe.design\njane.roe@example.com')).toBe(true);
  });

  it('PDF: link annotations on a profile site or an e-mail address', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([612, 792]);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    ['Jane Roe', 'LinkedIn  |  Email', ...BODY].forEach((t, i) => page.drawText(t, { x: 50, y: 740 - i * 20, size: 11, font }));
    const annot = (x: number, uri: string) =>
      pdf.context.register(
        pdf.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [x, 715, x + 40, 730], Border: [0, 0, 0], A: { Type: 'Action', S: 'URI', URI: PDFString.of(uri) } }),
      );
    page.node.set(PDFName.of('Annots'), pdf.context.obj([annot(50, 'https://linkedin.com/in/jane-roe'), annot(110, 'mailto:jane.roe@example.com'), annot(200, 'https://www.example.edu/')]));
    const { links, emails } = await profileOf(await pdf.save(), 'jane.pdf');
    expect(links).toEqual([['linkedin', 'https://linkedin.com/in/jane-roe']]);
    expect(emails).toEqual(['jane.roe@example.com']);
  });

  it('HTML: anchors on profile words or sites, shown URLs not repeated', async () => {
    const html = `<html><body><h1>Jane Roe</h1><p><a href="https://github.com/jroe">code</a> · <a href="https://janeroe.design">My website</a> · <a href="https://linkedin.com/in/jane-roe">linkedin.com/in/jane-roe</a> · <a href="https://state.example.edu">State University</a></p>${BODY.map((t) => `<p>${t}</p>`).join('')}</body></html>`;
    const { text, links } = await profileOf(new TextEncoder().encode(html), 'jane.html');
    expect(links).toEqual([
      ['linkedin', 'https://linkedin.com/in/jane-roe'],
      ['github', 'https://github.com/jroe'],
      ['portfolio', 'https://janeroe.design'],
    ]);
    expect(text.match(/linkedin\.com/g)).toHaveLength(1);
  });

  it('ODT and DOCX parts: link targets with the words they are set on; HYPERLINK field codes', () => {
    const odf: Array<{ target: string; text: string }> = [];
    odfToText('<text:p><text:a xlink:href="https://janeroe.design">Portfolio</text:a></text:p>', odf);
    expect(odf).toEqual([{ target: 'https://janeroe.design', text: 'Portfolio' }]);
    const word: Array<{ target: string; text: string }> = [];
    const xml =
      '<w:p><w:hyperlink r:id="rId7"><w:r><w:t>Blog</w:t></w:r></w:hyperlink>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://gitlab.com/jroe" </w:instrText></w:r><w:r><w:t>GitLab</w:t></w:r></w:p>';
    expect(wordXmlToText(xml, word, (id) => (id === 'rId7' ? 'https://jroe.blog' : undefined))).toBe('BlogGitLab');
    expect(word).toEqual([
      { target: 'https://jroe.blog', text: 'Blog' },
      { target: 'https://gitlab.com/jroe', text: '' },
    ]);
  });

  it('keeps e-mail addresses and profile links once, at most ten, and nothing else', () => {
    const links = [
      { target: 'https://www.linkedin.com/in/a', text: '' },
      { target: 'http://linkedin.com/in/a/', text: 'again' },
      { target: 'https://employer.example', text: 'Employer' },
      { target: 'javascript:alert(1)', text: 'Portfolio' },
      { target: 'mailto:a%40b.example?subject=Hi', text: '' },
      { target: 'mailto:shown@example.com', text: '' },
    ];
    expect(personalLinks('Reach me at shown@example.com', links)).toEqual(['https://www.linkedin.com/in/a', 'a@b.example']);
    expect(personalLinks('', Array.from({ length: 20 }, (_, i) => ({ target: `https://github.com/u${i}`, text: '' })))).toHaveLength(10);
  });
});
