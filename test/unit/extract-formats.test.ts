/**
 * Every supported format, through the real extractor and parser, against the
 * invented resume the fixtures were rendered from (scripts/make-fixtures.mjs).
 * Images and the scanned PDF go through offline OCR (tesseract.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/sdk/index.js';
import { LocalTextExtractor } from '../../src/sdk/local/extract.js';
import { parseProfile } from '../../src/sdk/local/parser/index.js';
// @ts-expect-error -- plain JS module with JSDoc types
import { resume } from '../../scripts/fixture-resume.mjs';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'formats');
const taxonomy = loadTaxonomy();
const extractor = new LocalTextExtractor();
const r = resume as {
  name: string;
  email: string;
  skills: string[];
  experience: Array<{ title: string; company: string; start: string; end: string }>;
};

const FORMATS: Array<[file: string, mediaType: string, ocr: boolean]> = [
  ['resume.txt', 'text/plain', false],
  ['resume.md', 'text/markdown', false],
  ['resume.html', 'text/html', false],
  ['resume.pdf', 'application/pdf', false],
  ['resume-two-column.pdf', 'application/pdf', false],
  ['resume.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
  ['resume.doc', 'application/msword', false],
  ['resume.odt', 'application/vnd.oasis.opendocument.text', false],
  ['resume.rtf', 'application/rtf', false],
  // Name, headline and contact line in the page header, links in the footer, as Word templates place them.
  ['resume-header.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
  ['resume-header.odt', 'application/vnd.oasis.opendocument.text', false],
  ['resume-header.doc', 'application/msword', false],
  ['resume.png', 'image/png', true],
  ['resume.jpg', 'image/jpeg', true],
  ['resume.tiff', 'image/tiff', true],
  ['resume-scanned.pdf', 'application/pdf', true],
];

const parse = async (file: string, as = file) => {
  const extracted = await extractor.extract({ bytes: new Uint8Array(readFileSync(join(DIR, file))), fileName: as });
  return { extracted, profile: parseProfile(extracted.text, { taxonomy, referenceDate: new Date('2026-11-01T00:00:00Z') }) };
};

describe.each(FORMATS)('%s', (file, mediaType, ocr) => {
  it('parses to the expected profile', async () => {
    const { extracted, profile: p } = await parse(file);
    expect(extracted.mediaType).toBe(mediaType);
    if (ocr) expect(extracted.warnings.join(' ')).toMatch(/OCR/);
    expect(p.name).toBe(r.name);
    expect(p.emails).toEqual([r.email]);
    expect(p.phones).toEqual(['+13125550142']);
    expect(p.location).toBe('Chicago, IL');
    expect(p.links.map((l) => l.kind).sort()).toEqual(['github', 'linkedin']);
    expect(p.skills.map((s) => s.name)).toEqual(expect.arrayContaining(r.skills));
    expect(p.experience.map((e) => [e.title, e.company, e.start, e.current ? 'Present' : e.end])).toEqual([
      ['Senior Software Engineer', 'Lakeshore Payments Inc.', '2021-03', 'Present'],
      ['Software Engineer', 'Prairie Freight Systems', '2017-06', '2021-02'],
    ]);
    expect(p.education).toEqual([expect.objectContaining({ degree: 'B.S.', level: 'Bachelor', field: 'Computer Science', graduationYear: 2017 })]);
    expect(p.education[0]!.institution).toMatch(/^University of Illinois Urbana-Champaign/);
    expect(p.certifications).toHaveLength(2);
    expect(p.certifications[1]).toBe('Certified Kubernetes Administrator (CKA)');
    expect(p.languages).toEqual(['English', 'Spanish']);
    // The summary's "7 years of experience" wins over the dates (9.5 years), as a recruiter reads it.
    expect(p.totalYears).toBe(7);
    expect(p.seniority).toBe('senior');
    // Years of use come from the dated entries that mention the skill.
    expect(p.skills.find((s) => s.name === 'Terraform')?.years).toBeCloseTo(3.8, 1);
  });
});

describe('reading order', () => {
  it('keeps the sidebar of a two-column PDF out of the experience entries', async () => {
    const { extracted, profile } = await parse('resume-two-column.pdf');
    for (const e of profile.experience) expect(e.description).not.toMatch(/Kubernetes Administrator|Spanish|linkedin|\(312\)/);
    // The sidebar's skills come out as a block, in their own order.
    expect(extracted.text).toMatch(/SKILLS\nGo\nPython\nPostgreSQL\nKubernetes/);
  });

  it('reads a PDF table row by row', async () => {
    const { extracted } = await parse('resume.pdf');
    expect(extracted.text).toContain('Infrastructure | Kubernetes, Terraform, AWS, Docker');
    expect(extracted.text).toContain('Senior Software Engineer, Lakeshore Payments Inc. | Mar 2021 - Present');
  });

  it('keeps HTML tables in rows and leaves scripts and styles out', async () => {
    const { extracted } = await parse('resume.html');
    expect(extracted.text).toContain('Data | PostgreSQL, Kafka, gRPC');
    expect(extracted.text).not.toMatch(/analytics|font-family/);
  });
});

describe('PDF text outside the page text', () => {
  it('reads the values typed into a fillable form', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([612, 792]);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    page.drawText('Optional Application for Federal Employment', { x: 50, y: 750, size: 12, font });
    const form = pdf.getForm();
    for (const [name, value, y] of [['Name', 'Jane Roe', 700], ['Email', 'jane.roe@example.com', 670], ['Phone', '(312) 555-0142', 640]] as const) {
      page.drawText(`${name}:`, { x: 50, y: y + 5, size: 10, font });
      const field = form.createTextField(name);
      field.setText(value);
      field.addToPage(page, { x: 130, y, width: 300, height: 20, font });
    }
    const extracted = await extractor.extract({ bytes: await pdf.save(), fileName: 'of612.pdf' });
    const p = parseProfile(extracted.text, { taxonomy, referenceDate: new Date('2026-11-01T00:00:00Z') });
    expect(p.emails).toEqual(['jane.roe@example.com']);
    expect(p.phones).toEqual(['+13125550142']);
    expect(extracted.text).toContain('Jane Roe');
  });
});

describe('a skewed photo or scan', () => {
  it('is straightened before OCR: a page 5° off still gives its e-mail and employers', async () => {
    const img = await loadImage(readFileSync(join(DIR, 'resume.png')));
    const angle = (5 * Math.PI) / 180;
    const width = Math.ceil(img.width * Math.cos(angle) + img.height * Math.sin(angle));
    const height = Math.ceil(img.height * Math.cos(angle) + img.width * Math.sin(angle));
    const canvas = createCanvas(width, height);
    const g = canvas.getContext('2d');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, width, height);
    g.translate(width / 2, height / 2);
    g.rotate(angle);
    g.drawImage(img, -img.width / 2, -img.height / 2);
    const extracted = await extractor.extract({ bytes: new Uint8Array(canvas.toBuffer('image/png')), fileName: 'photo.png' });
    const p = parseProfile(extracted.text, { taxonomy, referenceDate: new Date('2026-11-01T00:00:00Z') });
    expect(p.emails).toEqual([r.email]);
    expect(p.experience.map((e) => e.company)).toEqual(['Lakeshore Payments Inc.', 'Prairie Freight Systems']);
  });
});

describe('scans with a thin text layer', () => {
  it('reads a scanned page by OCR although a stamped line gives it a text layer of its own', async () => {
    // An agency's line stamped over a scan: 40 letters of text layer, the resume only in the image.
    const pdf = await PDFDocument.create();
    const png = await pdf.embedPng(readFileSync(join(DIR, 'resume.png')));
    const page = pdf.addPage([612, 792]);
    page.drawImage(png, { x: 20, y: 20, width: 572, height: Math.min(740, (572 * png.height) / png.width) });
    page.drawText('Submitted by Acme Staffing Agency, Candidate Profile', { x: 40, y: 775, size: 9, font: await pdf.embedFont(StandardFonts.Helvetica) });
    const extracted = await extractor.extract({ bytes: await pdf.save(), fileName: 'stamped-scan.pdf' });
    expect(extracted.warnings.join(' ')).toMatch(/OCR/);
    const p = parseProfile(extracted.text, { taxonomy, referenceDate: new Date('2026-11-01T00:00:00Z') });
    expect(p.emails).toEqual([r.email]);
    expect(p.experience.map((e) => e.company)).toContain('Lakeshore Payments Inc.');
  });
});

describe('detection by content, not by name', () => {
  it.each([
    ['resume.docx', 'cv.pdf'],
    ['resume.pdf', 'cv.docx'],
    ['resume.rtf', 'cv.txt'],
    ['resume.doc', 'resume'],
    ['resume.png', 'photo.pdf'],
  ])('%s renamed to %s still parses', async (file, as) => {
    const { profile } = await parse(file, as);
    expect(profile.name).toBe(r.name);
  });
});
