/**
 * Renders a resume as PDF (pdf-lib), DOCX (docx) or plain text, in one of three
 * layouts, byte-for-byte deterministically: fixed dates in the PDF info dictionary,
 * in DOCX's core.xml and in every zip entry's timestamp. `talent seed` renders its
 * synthetic resumes with it, and scripts/make-samples.mjs the hand-written samples.
 */
import type { SeedResume } from './generate.js';

export type SeedFormat = 'pdf' | 'docx' | 'txt';

/** Section headings, by section; a resume may override some of its layout's. */
export type SectionHeadings = Record<'summary' | 'skills' | 'experience' | 'education' | 'certifications' | 'languages', string>;

/** A resume to render: a seeded one, or a hand-written one with heading overrides. */
export type RenderableResume = SeedResume & { headings?: Partial<SectionHeadings> };

export interface RenderOptions {
  /** Written as the documents' creator (default `talent seed`). */
  generator?: string;
}
type BlockKind = 'name' | 'headline' | 'contact' | 'heading' | 'strong' | 'text' | 'bullet';
interface Block {
  kind: BlockKind;
  text: string;
}

const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
const DEFAULT_GENERATOR = 'talent seed';

const LAYOUTS = {
  classic: {
    headings: { summary: 'SUMMARY', skills: 'SKILLS', experience: 'EXPERIENCE', education: 'EDUCATION', certifications: 'CERTIFICATIONS', languages: 'LANGUAGES' },
    contact: (c: SeedResume['contact']) => [[c.email, c.phone, c.location].join(' | '), [c.linkedin, c.github].filter(Boolean).join(' | ')],
    skills: (s: string[]) => s.join(', '),
    entry: (e: SeedResume['experience'][number]): Block[] => [
      { kind: 'strong', text: `${e.title}, ${e.company} — ${e.start} – ${e.end}` },
      { kind: 'text', text: e.location },
    ],
    education: (d: SeedResume['education'][number]): Block[] => [{ kind: 'text', text: `${d.degree}, ${d.institution}, ${d.year}` }],
  },
  modern: {
    headings: { summary: 'Professional Summary', skills: 'Technical Skills', experience: 'Professional Experience', education: 'Education', certifications: 'Certifications', languages: 'Languages' },
    contact: (c: SeedResume['contact']) => [[c.location, c.phone, c.email].join(' • '), [c.linkedin, c.github].filter(Boolean).join(' • ')],
    skills: (s: string[]) => s.join(' • '),
    entry: (e: SeedResume['experience'][number]): Block[] => [
      { kind: 'strong', text: e.title },
      { kind: 'text', text: `${e.company} | ${e.location} | ${e.start} – ${e.end}` },
    ],
    education: (d: SeedResume['education'][number]): Block[] => [
      { kind: 'strong', text: d.degree },
      { kind: 'text', text: `${d.institution} | ${d.year}` },
    ],
  },
  compact: {
    headings: { summary: 'Summary', skills: 'Skills', experience: 'Work Experience', education: 'Education', certifications: 'Certifications', languages: 'Languages' },
    contact: (c: SeedResume['contact']) => [[c.email, c.phone, c.location, c.linkedin, c.github].filter(Boolean).join(' | ')],
    skills: (s: string[]) => s.join(' | '),
    entry: (e: SeedResume['experience'][number]): Block[] => [
      { kind: 'strong', text: `${e.company} — ${e.location}` },
      { kind: 'text', text: `${e.title} | ${e.start} - ${e.end}` },
    ],
    education: (d: SeedResume['education'][number]): Block[] => [{ kind: 'text', text: `${d.institution} — ${d.degree}, ${d.year}` }],
  },
};

function toBlocks(r: RenderableResume): Block[] {
  const L = LAYOUTS[r.layout];
  const { summary, skills, experience, education, certifications, languages } = { ...L.headings, ...r.headings } satisfies SectionHeadings;
  const blocks: Block[] = [
    { kind: 'name', text: r.name },
    { kind: 'headline', text: r.headline },
    ...L.contact(r.contact)
      .filter(Boolean)
      .map((text): Block => ({ kind: 'contact', text })),
    { kind: 'heading', text: summary },
    { kind: 'text', text: r.summary },
    { kind: 'heading', text: skills },
    { kind: 'text', text: L.skills(r.skills) },
    { kind: 'heading', text: experience },
  ];
  for (const e of r.experience) blocks.push(...L.entry(e), ...e.bullets.map((text): Block => ({ kind: 'bullet', text })));
  blocks.push({ kind: 'heading', text: education });
  for (const d of r.education) blocks.push(...L.education(d));
  if (r.certifications.length) blocks.push({ kind: 'heading', text: certifications }, ...r.certifications.map((text): Block => ({ kind: 'bullet', text })));
  if (r.languages.length) blocks.push({ kind: 'heading', text: languages }, { kind: 'text', text: r.languages.join(', ') });
  return blocks;
}

/** Plain text: one block per line, a blank line before each section heading. */
export function renderText(r: RenderableResume): string {
  const lines: string[] = [];
  for (const b of toBlocks(r)) {
    if (b.kind === 'heading') lines.push('');
    lines.push(b.kind === 'bullet' ? `• ${b.text}` : b.text);
  }
  return `${lines.join('\n')}\n`;
}

/** Renders one resume in one format. pdf-lib and docx are loaded on first use only. */
export async function renderResume(r: RenderableResume, format: SeedFormat, options: RenderOptions = {}): Promise<Uint8Array> {
  const generator = options.generator ?? DEFAULT_GENERATOR;
  if (format === 'txt') return new TextEncoder().encode(renderText(r));
  if (format === 'pdf') return renderPdf(r, toBlocks(r), generator);
  return renderDocx(r, toBlocks(r), generator);
}

const PAGE = { width: 612, height: 792 };
const MARGIN = { x: 54, top: 44, bottom: 44 };
const STYLE: Record<BlockKind, { size: number; bold: boolean; gap: number; grey: number; after?: number; rule?: boolean; indent?: number }> = {
  name: { size: 20, bold: true, gap: 4, grey: 0.08 },
  headline: { size: 12, bold: false, gap: 3, grey: 0.25 },
  contact: { size: 9.5, bold: false, gap: 1, grey: 0.3 },
  heading: { size: 11.5, bold: true, gap: 11, after: 5, grey: 0.15, rule: true },
  strong: { size: 10.5, bold: true, gap: 6, grey: 0 },
  text: { size: 10, bold: false, gap: 1, grey: 0.1 },
  bullet: { size: 10, bold: false, gap: 1.5, grey: 0.1, indent: 16 },
};

async function renderPdf(r: RenderableResume, blocks: Block[], generator: string): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(r.name);
  doc.setAuthor(r.name);
  doc.setCreator(generator);
  doc.setProducer('pdf-lib');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * MARGIN.x;
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN.top;
  const ensure = (height: number) => {
    if (y - height >= MARGIN.bottom) return false;
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN.top;
    return true;
  };
  blocks.forEach((b, i) => {
    const s = STYLE[b.kind];
    const font = s.bold ? bold : regular;
    const colour = rgb(s.grey, s.grey, s.grey + (b.kind === 'heading' ? 0.25 : 0));
    const lineHeight = s.size * 1.22;
    const indent = s.indent ?? 0;
    const lines = wrap(b.text, (t) => font.widthOfTextAtSize(t, s.size), width - indent);
    const keep = b.kind === 'heading' ? lineHeight + (s.after ?? 0) + 2 * STYLE.text.size * 1.22 : lineHeight;
    const newPage = ensure((i === 0 ? 0 : s.gap) + keep);
    if (i > 0 && !newPage) y -= s.gap;
    lines.forEach((text, n) => {
      if (n > 0) ensure(lineHeight);
      y -= s.size;
      if (b.kind === 'bullet' && n === 0) page.drawText('•', { x: MARGIN.x + 4, y, size: s.size, font: regular, color: colour });
      page.drawText(text, { x: MARGIN.x + indent, y, size: s.size, font, color: colour });
      y -= lineHeight - s.size;
    });
    if (s.rule) {
      page.drawLine({ start: { x: MARGIN.x, y: y + 2 }, end: { x: PAGE.width - MARGIN.x, y: y + 2 }, thickness: 0.75, color: rgb(0.6, 0.65, 0.75) });
      y -= s.after ?? 0;
    }
  });
  return doc.save({ useObjectStreams: false });
}

function wrap(text: string, widthOf: (t: string) => number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (!line || widthOf(next) <= maxWidth) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** docProps/core.xml with fixed dates (docx would write the current time). */
function coreXml(title: string, generator: string): string {
  const when = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>${xmlEscape(generator)}</dc:creator><cp:lastModifiedBy>${xmlEscape(generator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Sets every zip entry's DOS timestamp (local headers and central directory) to FIXED_DATE. */
function fixZipTimestamps(buf: Buffer): Buffer {
  const d = FIXED_DATE;
  const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const dosDate = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('zip: end of central directory not found');
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0, n = buf.readUInt16LE(eocd + 10); i < n; i++) {
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

async function renderDocx(r: RenderableResume, blocks: Block[], generator: string): Promise<Uint8Array> {
  const { BorderStyle, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const paragraph = (b: Block) => {
    switch (b.kind) {
      case 'name':
        return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: b.text, bold: true })] });
      case 'headline':
        return new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: b.text, size: 26, color: '404040' })] });
      case 'contact':
        return new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: b.text, size: 19, color: '4D4D4D' })] });
      case 'heading':
        return new Paragraph({
          heading: HeadingLevel.HEADING_1,
          spacing: { before: 240, after: 80 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '99A6BF', space: 1 } },
          children: [new TextRun({ text: b.text })],
        });
      case 'strong':
        return new Paragraph({ spacing: { before: 120, after: 0 }, keepNext: true, children: [new TextRun({ text: b.text, bold: true })] });
      case 'bullet':
        return new Paragraph({ bullet: { level: 0 }, spacing: { after: 20 }, children: [new TextRun({ text: b.text })] });
      default:
        return new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: b.text })] });
    }
  };
  const doc = new Document({
    title: r.name,
    creator: generator,
    lastModifiedBy: generator,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [{ properties: { page: { size: { width: 12240, height: 15840 }, margin: { top: 1080, bottom: 1080, left: 1080, right: 1080 } } }, children: blocks.map(paragraph) }],
  });
  const buf = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(r.name, generator) }]);
  return new Uint8Array(fixZipTimestamps(Buffer.from(buf)));
}
