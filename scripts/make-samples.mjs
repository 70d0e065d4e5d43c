#!/usr/bin/env node
// Renders the sample resumes in scripts/sample-resumes.mjs for the quick-start
// demo and the e2e test, and writes the matching sample jobs.
//
//   node scripts/make-samples.mjs
//
// Writes (paths relative to the repository root):
//   samples/resumes/<file>.pdf | .docx   the rendered resumes
//   samples/resumes-text/<file>.txt      the same text, one paragraph per line (ground truth for tests)
//   samples/jobs.jsonl                   nine jobs, one JSON object per line
//   samples/expected-top.json            job id -> file of the expected best candidate
//
// The output is deterministic: the same input gives the same bytes on every run.
//   - PDF: pdf-lib with updateMetadata: false and fixed creation/modification dates.
//   - DOCX: docx writes the current time into docProps/core.xml and into every zip
//     entry's DOS timestamp, so core.xml is supplied as an override with fixed dates
//     and the zip timestamps are rewritten to FIXED_DATE after packing.
//
// PDFs use the standard Helvetica fonts, which only encode WinAnsi; the script
// fails loudly when a resume contains a character outside it.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { resumes } from './sample-resumes.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'samples');
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
const GENERATOR = 'talent sample generator';

// ---------------------------------------------------------------------------
// Jobs

const jobs = [
  {
    id: 'J-101',
    title: 'Senior Backend Engineer',
    description:
      'We are hiring a Senior Backend Engineer to design, build and operate the Go services behind our logistics platform. ' +
      'You will own gRPC APIs that run on Kubernetes in AWS and are backed by PostgreSQL, from design review through on-call. ' +
      'The role focuses on the performance and reliability of high-throughput distributed systems. ' +
      'You will also mentor other engineers and help set backend standards. ' +
      'Experience with event streaming (Kafka) and caching (Redis) is a plus.',
    requiredSkills: ['Go', 'Kubernetes', 'PostgreSQL', 'gRPC', 'AWS'],
    niceToHaveSkills: ['Kafka', 'Redis', 'Microservices', 'Docker', 'Terraform'],
    minYears: 6,
    location: 'Seattle, WA',
  },
  {
    id: 'J-102',
    title: 'Frontend Engineer',
    description:
      'We are looking for a Frontend Engineer to build the web experience of our customer platform in React and TypeScript. ' +
      'You will consume GraphQL APIs, write maintainable CSS and contribute to our shared design system. ' +
      'Accessibility is a first-class requirement: our products must meet WCAG 2.1 AA. ' +
      'You will work closely with designers in Figma and own the quality of your features with automated tests.',
    requiredSkills: ['React', 'TypeScript', 'CSS', 'GraphQL', 'Accessibility'],
    niceToHaveSkills: ['Next.js', 'Jest', 'Storybook', 'Figma', 'Design Systems'],
    minYears: 4,
    location: 'Remote',
  },
  {
    id: 'J-103',
    title: 'Data Scientist',
    description:
      'Join our analytics team as a Data Scientist building predictive models that drive pricing and inventory decisions. ' +
      'You will explore large datasets with SQL and Python, engineer features with pandas and train machine learning models with scikit-learn. ' +
      'A solid grounding in statistics and experiment design is essential, as you will design and read out A/B tests. ' +
      'You will present results to business stakeholders and help put models into production.',
    requiredSkills: ['Python', 'Machine Learning', 'SQL', 'pandas', 'scikit-learn', 'Statistics'],
    niceToHaveSkills: ['A/B Testing', 'XGBoost', 'Spark', 'Airflow', 'PyTorch'],
    minYears: 3,
    location: 'Chicago, IL',
  },
  {
    id: 'J-104',
    title: 'DevOps / Site Reliability Engineer',
    description:
      'We need a DevOps / Site Reliability Engineer to run the cloud platform that hosts our production services. ' +
      'You will manage AWS infrastructure as code with Terraform and operate Kubernetes clusters at scale. ' +
      'You will own monitoring and alerting with Prometheus, improve our CI/CD pipelines and lead incident response. ' +
      'Deep Linux experience and a habit of automating repetitive work are expected.',
    requiredSkills: ['Terraform', 'AWS', 'Kubernetes', 'Prometheus', 'CI/CD', 'Linux'],
    niceToHaveSkills: ['Helm', 'Grafana', 'Ansible', 'Docker', 'Python', 'Bash'],
    minYears: 5,
    location: 'Denver, CO',
  },
  {
    id: 'J-105',
    title: 'Registered Nurse – ICU',
    description:
      'Our 32-bed intensive care unit is seeking a Registered Nurse to provide high-quality patient care to critically ill adults. ' +
      'Responsibilities include continuous assessment, ventilator and hemodynamic monitoring, and titration of critical care medications. ' +
      'You will document care in our EHR (Epic) and collaborate with physicians, respiratory therapists and families. ' +
      'Current BLS and ACLS certification is required; CCRN is preferred.',
    requiredSkills: ['Patient Care', 'Critical Care', 'BLS', 'ACLS', 'EHR'],
    niceToHaveSkills: ['Epic', 'CCRN', 'Ventilator Management', 'Hemodynamic Monitoring'],
    minYears: 2,
    location: 'Phoenix, AZ',
  },
  {
    id: 'J-106',
    title: 'Staff Accountant (CPA)',
    description:
      'We are looking for a Staff Accountant to support the month-end close and GAAP financial reporting for a growing multi-entity company. ' +
      'You will prepare journal entries and account reconciliations, and build reporting schedules in Excel. ' +
      'You will be a key contact for the annual external audit and help strengthen internal controls. ' +
      'Experience with QuickBooks is required; NetSuite experience and an active CPA license are a plus.',
    requiredSkills: ['GAAP', 'Financial Reporting', 'Account Reconciliation', 'Excel', 'QuickBooks', 'Audit'],
    niceToHaveSkills: ['CPA', 'NetSuite', 'Month-End Close', 'Journal Entries', 'Variance Analysis'],
    minYears: 2,
    location: 'Boston, MA',
  },
  {
    id: 'J-107',
    title: 'HR Business Partner',
    description:
      'As HR Business Partner you will advise leaders of a 600-person technology organization on all people matters. ' +
      'You will handle employee relations cases and investigations, partner with talent acquisition on recruiting, and run compensation cycles. ' +
      'You will improve onboarding and performance management programs using data from Workday. ' +
      'SHRM-CP or SHRM-SCP certification is preferred.',
    requiredSkills: ['Employee Relations', 'Recruiting', 'Workday', 'Compensation', 'Onboarding'],
    niceToHaveSkills: ['HRIS', 'Performance Management', 'SHRM-CP', 'Workforce Planning', 'HR Analytics'],
    minYears: 5,
    location: 'Atlanta, GA',
  },
  {
    id: 'J-108',
    title: 'Mechanical Engineer',
    description:
      'We are seeking a Mechanical Engineer to design industrial pumps and drive components from concept through production. ' +
      'You will create 3D models and drawings in SolidWorks and AutoCAD and apply GD&T to production drawings. ' +
      'You will validate designs with FEA and work closely with manufacturing on design for manufacturability. ' +
      'Experience with lean manufacturing or Six Sigma problem solving is a plus.',
    requiredSkills: ['SolidWorks', 'AutoCAD', 'FEA', 'GD&T', 'Manufacturing'],
    niceToHaveSkills: ['ANSYS', 'DFM', 'Lean Manufacturing', 'Six Sigma', 'MATLAB'],
    minYears: 3,
    location: 'Milwaukee, WI',
  },
  {
    id: 'J-109',
    title: 'Account Executive, B2B SaaS',
    description:
      'We are hiring an Account Executive to win new mid-market customers for our SaaS analytics platform. ' +
      'You will run the full sales cycle from discovery to close and manage your pipeline and forecast in Salesforce. ' +
      'Strong negotiation skills are essential, as you will work with procurement and legal teams on multi-year contracts. ' +
      'A track record of exceeding quota in B2B SaaS sales is required; MEDDIC experience is a plus.',
    requiredSkills: ['Salesforce', 'Pipeline Management', 'Negotiation', 'SaaS Sales', 'B2B Sales'],
    niceToHaveSkills: ['MEDDIC', 'Prospecting', 'Forecasting', 'HubSpot', 'Outreach'],
    minYears: 3,
    location: 'San Francisco, CA',
  },
];

const expectedTop = {
  'J-101': 'marcus-chen',
  'J-102': 'priya-raman',
  'J-103': 'amara-okafor',
  'J-104': 'lukas-novak',
  'J-105': 'grace-mitchell',
  'J-106': 'rachel-goldberg',
  'J-107': 'jasmine-ortiz',
  'J-108': 'tomasz-wojcik',
  'J-109': 'kevin-brooks',
};

// ---------------------------------------------------------------------------
// Validation

const MONTH_YEAR = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/;

function validate() {
  const problems = [];
  const files = new Set();
  for (const r of resumes) {
    const where = r.file ?? '(no file)';
    if (!/^[a-z]+(-[a-z]+)+$/.test(r.file ?? '')) problems.push(`${where}: bad file name`);
    if (files.has(r.file)) problems.push(`${where}: duplicate file name`);
    files.add(r.file);
    if (!['pdf', 'docx'].includes(r.format)) problems.push(`${where}: bad format ${r.format}`);
    if (!/@example\.(com|org)$/.test(r.contact?.email ?? '')) problems.push(`${where}: e-mail must use example.com/.org`);
    if (!/^\(\d{3}\) 555-01\d\d$/.test(r.contact?.phone ?? '')) problems.push(`${where}: phone must be (NNN) 555-01xx`);
    if (!/^[A-Z][A-Za-z. ]+, [A-Z]{2}$/.test(r.contact?.location ?? '')) problems.push(`${where}: location must be "City, ST"`);
    for (const e of r.experience ?? []) {
      if (!MONTH_YEAR.test(e.start)) problems.push(`${where}: bad start "${e.start}"`);
      if (e.end !== 'Present' && !MONTH_YEAR.test(e.end)) problems.push(`${where}: bad end "${e.end}"`);
    }
  }
  const byFormat = (f) => resumes.filter((r) => r.format === f).length;
  if (resumes.length !== 12 || byFormat('pdf') !== 6 || byFormat('docx') !== 6) {
    problems.push(`expected 12 resumes (6 pdf, 6 docx), got ${resumes.length} (${byFormat('pdf')} pdf, ${byFormat('docx')} docx)`);
  }
  for (const [id, file] of Object.entries(expectedTop)) {
    if (!files.has(file)) problems.push(`expected-top ${id}: no resume "${file}"`);
    if (!jobs.some((j) => j.id === id)) problems.push(`expected-top ${id}: no such job`);
  }
  if (problems.length) throw new Error(`Invalid sample data:\n  ${problems.join('\n  ')}`);
}

// ---------------------------------------------------------------------------
// Layout: a resume becomes a list of blocks that both renderers draw and that
// the .txt ground truth is written from, so all three carry the same text.
//
// Block kinds: name, headline, contact, heading, strong (bold line), text, bullet.

const LAYOUTS = {
  // UPPERCASE headings; "Title, Company — Jan 2019 – Present" then a location line.
  classic: {
    headings: { summary: 'SUMMARY', skills: 'SKILLS', experience: 'EXPERIENCE', education: 'EDUCATION', certifications: 'CERTIFICATIONS', languages: 'LANGUAGES' },
    contact: (c) => [[c.email, c.phone, c.location].join(' | '), [c.linkedin, c.github].filter(Boolean).join(' | ')],
    skills: (s) => s.join(', '),
    entry: (e) => [
      { kind: 'strong', text: `${e.title}, ${e.company} — ${e.start} – ${e.end}` },
      { kind: 'text', text: e.location },
    ],
    education: (d) => [{ kind: 'text', text: `${d.degree}, ${d.institution}, ${d.year}` }],
  },
  // Title Case headings; title line, then "Company | City, ST | Mar 2016 – Dec 2018".
  modern: {
    headings: { summary: 'Professional Summary', skills: 'Technical Skills', experience: 'Professional Experience', education: 'Education', certifications: 'Certifications', languages: 'Languages' },
    contact: (c) => [[c.location, c.phone, c.email].join(' • '), [c.linkedin, c.github].filter(Boolean).join(' • ')],
    skills: (s) => s.join(' • '),
    entry: (e) => [
      { kind: 'strong', text: e.title },
      { kind: 'text', text: `${e.company} | ${e.location} | ${e.start} – ${e.end}` },
    ],
    education: (d) => [
      { kind: 'strong', text: d.degree },
      { kind: 'text', text: `${d.institution} | ${d.year}` },
    ],
  },
  // Company line, then "Title | Jan 2019 - Present" with a plain hyphen.
  compact: {
    headings: { summary: 'Summary', skills: 'Skills', experience: 'Work Experience', education: 'Education', certifications: 'Certifications', languages: 'Languages' },
    contact: (c) => [[c.email, c.phone, c.location, c.linkedin, c.github].filter(Boolean).join(' | ')],
    skills: (s) => s.join(' | '),
    entry: (e) => [
      { kind: 'strong', text: `${e.company} — ${e.location}` },
      { kind: 'text', text: `${e.title} | ${e.start} - ${e.end}` },
    ],
    education: (d) => [{ kind: 'text', text: `${d.institution} — ${d.degree}, ${d.year}` }],
  },
};

function toBlocks(r) {
  const L = LAYOUTS[r.layout ?? 'classic'];
  if (!L) throw new Error(`${r.file}: unknown layout "${r.layout}"`);
  const h = { ...L.headings, ...(r.headings ?? {}) };
  const blocks = [
    { kind: 'name', text: r.name },
    { kind: 'headline', text: r.headline },
    ...L.contact(r.contact).filter(Boolean).map((text) => ({ kind: 'contact', text })),
    { kind: 'heading', text: h.summary },
    { kind: 'text', text: r.summary },
    { kind: 'heading', text: h.skills },
    { kind: 'text', text: L.skills(r.skills) },
    { kind: 'heading', text: h.experience },
  ];
  for (const e of r.experience) {
    blocks.push(...L.entry(e), ...e.bullets.map((text) => ({ kind: 'bullet', text })));
  }
  blocks.push({ kind: 'heading', text: h.education });
  for (const d of r.education) blocks.push(...L.education(d));
  if (r.certifications?.length) {
    blocks.push({ kind: 'heading', text: h.certifications }, ...r.certifications.map((text) => ({ kind: 'bullet', text })));
  }
  if (r.languages?.length) {
    blocks.push({ kind: 'heading', text: h.languages }, { kind: 'text', text: r.languages.join(', ') });
  }
  return blocks;
}

/** Plain text: one block per line, a blank line before each section heading, bullets as "• ". */
function toText(blocks) {
  const lines = [];
  for (const b of blocks) {
    if (b.kind === 'heading') lines.push('');
    lines.push(b.kind === 'bullet' ? `• ${b.text}` : b.text);
  }
  return `${lines.join('\n')}\n`;
}

const wordCount = (text) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

// ---------------------------------------------------------------------------
// PDF (pdf-lib)

const PAGE = { width: 612, height: 792 }; // US Letter
const MARGIN = { x: 54, top: 44, bottom: 44 };
const STYLE = {
  name: { size: 20, bold: true, gap: 4, color: rgb(0.08, 0.08, 0.08) },
  headline: { size: 12, bold: false, gap: 3, color: rgb(0.25, 0.25, 0.25) },
  contact: { size: 9.5, bold: false, gap: 1, color: rgb(0.3, 0.3, 0.3) },
  heading: { size: 11.5, bold: true, gap: 11, after: 5, color: rgb(0.1, 0.2, 0.4), rule: true },
  strong: { size: 10.5, bold: true, gap: 6, color: rgb(0, 0, 0) },
  text: { size: 10, bold: false, gap: 1, color: rgb(0.1, 0.1, 0.1) },
  bullet: { size: 10, bold: false, gap: 1.5, color: rgb(0.1, 0.1, 0.1), indent: 16 },
};
const LEADING = 1.22;

function assertWinAnsi(text, font, context) {
  for (const ch of text) {
    try {
      font.encodeText(ch);
    } catch {
      const cp = ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new Error(`${context}: character "${ch}" (U+${cp}) cannot be encoded in WinAnsi by the PDF standard fonts in: ${JSON.stringify(text)}`);
    }
  }
}

function wrap(text, font, size, maxWidth) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || font.widthOfTextAtSize(candidate, size) <= maxWidth) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

async function renderPdf(r, blocks) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(r.name);
  doc.setAuthor(r.name);
  doc.setSubject(`Resume – ${r.headline}`);
  doc.setCreator(GENERATOR);
  doc.setProducer('pdf-lib');
  doc.setLanguage('en-US');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);

  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * MARGIN.x;

  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN.top;
  const ensure = (height) => {
    if (y - height < MARGIN.bottom) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - MARGIN.top;
      return true;
    }
    return false;
  };

  blocks.forEach((b, i) => {
    const s = STYLE[b.kind];
    const font = s.bold ? bold : regular;
    assertWinAnsi(b.text, font, `${r.file}.pdf`);
    const lineHeight = s.size * LEADING;
    const indent = s.indent ?? 0;
    const lines = wrap(b.text, font, s.size, width - indent);
    // Keep a heading with at least two lines of what follows it.
    const keep = b.kind === 'heading' ? lineHeight + (s.after ?? 0) + 2 * STYLE.text.size * LEADING : lineHeight;
    const newPage = ensure((i === 0 ? 0 : s.gap) + keep);
    if (i > 0 && !newPage) y -= s.gap;
    lines.forEach((text, n) => {
      if (n > 0) ensure(lineHeight);
      y -= s.size; // baseline
      if (b.kind === 'bullet' && n === 0) {
        page.drawText('•', { x: MARGIN.x + 4, y, size: s.size, font: regular, color: s.color });
      }
      page.drawText(text, { x: MARGIN.x + indent, y, size: s.size, font, color: s.color });
      y -= lineHeight - s.size;
    });
    if (s.rule) {
      page.drawLine({
        start: { x: MARGIN.x, y: y + 2 },
        end: { x: PAGE.width - MARGIN.x, y: y + 2 },
        thickness: 0.75,
        color: rgb(0.6, 0.65, 0.75),
      });
      y -= s.after ?? 0;
    }
  });

  return doc.save({ useObjectStreams: false });
}

// ---------------------------------------------------------------------------
// DOCX (docx)

const xmlEscape = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** docProps/core.xml as docx writes it, but with fixed dates instead of the current time. */
function coreXml({ title, subject, creator }) {
  const when = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(title)}</dc:title>` +
    `<dc:subject>${xmlEscape(subject)}</dc:subject>` +
    `<dc:creator>${xmlEscape(creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlEscape(creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Sets every entry's DOS modification time in a zip (local headers and central directory) to `date`. */
function fixZipTimestamps(buf, date) {
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('zip: end of central directory not found');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`zip: bad central directory entry at ${p}`);
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`zip: bad local header at ${local}`);
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

function docxParagraph(b) {
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
    case 'text':
      return new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: b.text })] });
    case 'bullet':
      return new Paragraph({ bullet: { level: 0 }, spacing: { after: 20 }, children: [new TextRun({ text: b.text })] });
    default:
      throw new Error(`unknown block kind ${b.kind}`);
  }
}

async function renderDocx(r, blocks) {
  const meta = { title: r.name, subject: `Resume – ${r.headline}`, creator: GENERATOR };
  const doc = new Document({
    ...meta,
    lastModifiedBy: GENERATOR,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 21 } },
        title: { run: { font: 'Calibri', size: 40, bold: true, color: '141414' } },
        heading1: { run: { font: 'Calibri', size: 24, bold: true, color: '1A3366' } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 12240, height: 15840 }, // US Letter, twips
            margin: { top: 1080, bottom: 1080, left: 1080, right: 1080 },
          },
        },
        children: blocks.map(docxParagraph),
      },
    ],
  });
  const buf = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(meta) }]);
  return fixZipTimestamps(Buffer.from(buf), FIXED_DATE);
}

// ---------------------------------------------------------------------------

async function main() {
  validate();

  // Render everything before writing anything, so a bad character leaves no half-written set.
  const outputs = [];
  for (const r of resumes) {
    const blocks = toBlocks(r);
    const text = toText(blocks);
    const words = wordCount(text);
    if (words < 250 || words > 450) throw new Error(`${r.file}: ${words} words, expected 250–450`);
    const bytes = r.format === 'pdf' ? await renderPdf(r, blocks) : await renderDocx(r, blocks);
    outputs.push({ r, text, words, bytes });
  }

  for (const dir of ['resumes', 'resumes-text']) mkdirSync(join(OUT, dir), { recursive: true });
  for (const { r, text, words, bytes } of outputs) {
    writeFileSync(join(OUT, 'resumes', `${r.file}.${r.format}`), bytes);
    writeFileSync(join(OUT, 'resumes-text', `${r.file}.txt`), text);
    console.log(`samples/resumes/${r.file}.${r.format}  ${String(words).padStart(3)} words  ${bytes.length} bytes`);
  }
  writeFileSync(join(OUT, 'jobs.jsonl'), jobs.map((j) => JSON.stringify(j)).join('\n') + '\n');
  writeFileSync(join(OUT, 'expected-top.json'), `${JSON.stringify(expectedTop, null, 2)}\n`);
  console.log(`samples/jobs.jsonl  ${jobs.length} jobs`);
  console.log('samples/expected-top.json');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
