#!/usr/bin/env node
// Renders the invented resume in scripts/fixture-resume.mjs into every format
// talent reads, plus the bad inputs, for test/unit/extract-formats.test.ts.
//
//   node scripts/make-fixtures.mjs
//
// Writes test/fixtures/formats/resume.{txt,md,html,pdf,docx,png,jpg,tiff},
// resume-two-column.pdf, resume-scanned.pdf and resume-header.docx (contact details in the
// page header and footer) (deterministic: same bytes on
// every run on the same machine; the images depend on the installed DejaVu font),
// and test/fixtures/bad/*. Only when the tools are installed (fixture time
// only, never in CI):
//   - LibreOffice (`apt-get install libreoffice-writer`): resume.doc, .odt, .rtf from resume.docx,
//     resume-header.doc and .odt from resume-header.docx, bad/encrypted.odt and .doc (password "secret")
//     (LibreOffice writes timestamps, so these differ byte-wise per run);
//   - qpdf (`apt-get install qpdf`): bad/encrypted.pdf (AES-256, user password "secret").
// Without them the committed files are kept.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from './lib/zip.mjs';
import { createCanvas } from '@napi-rs/canvas';
import { Document, Footer, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { resume, resumeLines } from './fixture-resume.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'test', 'fixtures', 'formats');
const BAD = join(ROOT, 'test', 'fixtures', 'bad');
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));
mkdirSync(OUT, { recursive: true });
mkdirSync(BAD, { recursive: true });
const write = (dir, name, data) => {
  writeFileSync(join(dir, name), data);
  console.log(`${join(dir, name).slice(ROOT.length + 1)}  ${data.length} bytes`);
};
const r = resume;
const dates = (e) => `${e.start} – ${e.end}`;

// --- Text and Markdown --------------------------------------------------------------------------
write(OUT, 'resume.txt', resumeLines().join('\n') + '\n');
write(
  OUT,
  'resume.md',
  [
    `# ${r.name}`,
    `**${r.headline}**`,
    '',
    `${r.location} · ${r.phone} · [${r.email}](mailto:${r.email})`,
    r.links.map((l) => `[${l.split('/')[0]}](https://${l})`).join(' · '),
    '',
    '## Summary',
    r.summary,
    '',
    '## Skills',
    r.skills.map((s) => `\`${s}\``).join(', '),
    '',
    '## Experience',
    ...r.experience.flatMap((e) => [`### ${e.title} — ${e.company}`, `*${e.location} | ${dates(e)}*`, '', ...e.bullets.map((b) => `- ${b}`), '']),
    '## Education',
    ...r.education.map((e) => `- **${e.degree}**, ${e.institution}, ${e.year}`),
    '',
    '## Certifications',
    ...r.certifications.map((c) => `- ${c}`),
    '',
    '## Languages',
    ...r.languages.map((l) => `- ${l}`),
    '',
  ].join('\n'),
);

// --- HTML: inline spans, a table, a script and a style that must not leak into the text ----------
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
write(
  OUT,
  'resume.html',
  `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Resume</title>
<style>body { font-family: sans-serif } .dates { float: right }</style>
<script>window.analytics = "do not read me";</script></head>
<body>
<header><h1>${r.name}</h1><p>${r.headline}</p>
<p>${r.location} &middot; ${r.phone} &middot; <a href="mailto:${r.email}">${r.email}</a></p>
<p>${r.links.map((l) => `<a href="https://${l}">${l}</a>`).join(' | ')}</p></header>
<section><h2>Summary</h2><p>${esc(r.summary)}</p></section>
<section><h2>Skills</h2>
<table><tr><th>Languages</th><td>Go, Python</td></tr>
<tr><th>Infrastructure</th><td>Kubernetes, Terraform, AWS, Docker</td></tr>
<tr><th>Data</th><td>PostgreSQL, Kafka, gRPC</td></tr></table></section>
<section><h2>Experience</h2>
${r.experience
  .map(
    (e) => `<div class="job"><div><strong>${e.title}</strong>, <span>${e.company}</span> &mdash; ${e.location} <span class="dates">${e.start} &ndash; ${e.end}</span></div>
<ul>${e.bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul></div>`,
  )
  .join('\n')}
</section>
<section><h2>Education</h2>${r.education.map((e) => `<p>${e.degree}, ${e.institution}, ${e.year}</p>`).join('')}</section>
<section><h2>Certifications</h2><ul>${r.certifications.map((c) => `<li>${c}</li>`).join('')}</ul></section>
<section><h2>Languages</h2><p>${r.languages.join(', ')}</p></section>
</body></html>
`,
);

// --- PDF, one column: right-aligned dates and a two-column skills table -------------------------
async function pdfDoc() {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  return doc;
}

function wrap(text, font, size, width) {
  const out = [];
  let line = '';
  for (const w of text.split(' ')) {
    const next = line ? `${line} ${w}` : w;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      out.push(line);
      line = w;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

async function singleColumnPdf() {
  const doc = await pdfDoc();
  const page = doc.addPage([612, 792]);
  const f = await doc.embedFont(StandardFonts.Helvetica);
  const b = await doc.embedFont(StandardFonts.HelveticaBold);
  let y = 740;
  const text = (s, x, size = 10, font = f) => page.drawText(s.replace(/–/g, '-'), { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
  const right = (s, size = 10, font = f) => text(s, 562 - font.widthOfTextAtSize(s.replace(/–/g, '-'), size), size, font);
  const heading = (s) => {
    y -= 10;
    text(s, 50, 11.5, b);
    y -= 16;
  };
  text(r.name, 50, 20, b);
  y -= 18;
  text(r.headline, 50, 11);
  y -= 14;
  text(`${r.location} | ${r.phone} | ${r.email}`, 50, 9.5);
  y -= 12;
  text(r.links.join(' | '), 50, 9.5);
  y -= 14;
  heading('SUMMARY');
  for (const l of wrap(r.summary, f, 10, 512)) {
    text(l, 50);
    y -= 13;
  }
  heading('SKILLS');
  for (const [label, list] of [['Languages', 'Go, Python'], ['Infrastructure', 'Kubernetes, Terraform, AWS, Docker'], ['Data', 'PostgreSQL, Kafka, gRPC']]) {
    text(label, 50, 10, b);
    text(list, 170, 10);
    y -= 13;
  }
  heading('EXPERIENCE');
  for (const e of r.experience) {
    text(`${e.title}, ${e.company}`, 50, 10.5, b);
    right(dates(e));
    y -= 13;
    text(e.location, 50, 9.5);
    y -= 13;
    for (const bullet of e.bullets) {
      wrap(bullet, f, 10, 490).forEach((l, i) => {
        if (i === 0) text('•', 56);
        text(l, 68);
        y -= 13;
      });
    }
    y -= 4;
  }
  heading('EDUCATION');
  for (const e of r.education) {
    text(`${e.degree}, ${e.institution}`, 50);
    right(String(e.year));
    y -= 13;
  }
  heading('CERTIFICATIONS');
  for (const c of r.certifications) {
    text(c, 50);
    y -= 13;
  }
  heading('LANGUAGES');
  text(r.languages.join(', '), 50);
  return Buffer.from(await doc.save());
}

// --- PDF, two columns: a sidebar (contact, skills, languages, certifications) beside the main column
async function twoColumnPdf() {
  const doc = await pdfDoc();
  const page = doc.addPage([612, 792]);
  const f = await doc.embedFont(StandardFonts.Helvetica);
  const b = await doc.embedFont(StandardFonts.HelveticaBold);
  const draw = (s, x, y, size, font = f) => page.drawText(s.replace(/–/g, '-'), { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
  draw(r.name, 40, 740, 22, b);
  draw(r.headline, 40, 720, 12);
  page.drawRectangle({ x: 30, y: 60, width: 180, height: 640, color: rgb(0.93, 0.94, 0.96) });
  // Sidebar: 9-pt text on a 12.5-pt leading.
  let y = 676;
  const side = (s, bold = false) => {
    for (const l of wrap(s, bold ? b : f, 9, 160)) {
      draw(l, 40, y, 9, bold ? b : f);
      y -= 12.5;
    }
  };
  const sideHeading = (s) => {
    y -= 6;
    side(s, true);
    y -= 2;
  };
  sideHeading('CONTACT');
  [r.email, r.phone, r.location, ...r.links].forEach((s) => side(s));
  sideHeading('SKILLS');
  r.skills.forEach((s) => side(s));
  sideHeading('LANGUAGES');
  r.languages.forEach((s) => side(s));
  sideHeading('CERTIFICATIONS');
  r.certifications.forEach((s) => side(s));
  // Main column: 10.5-pt text on a 15-pt leading.
  y = 680;
  const main = (s, x = 232, bold = false, width = 340) => {
    for (const l of wrap(s, bold ? b : f, 10.5, width)) {
      draw(l, x, y, 10.5, bold ? b : f);
      y -= 15;
    }
  };
  const mainHeading = (s) => {
    y -= 6;
    main(s, 232, true);
    y -= 2;
  };
  mainHeading('SUMMARY');
  main(r.summary);
  mainHeading('EXPERIENCE');
  for (const e of r.experience) {
    main(`${e.title}, ${e.company}`, 232, true);
    main(`${e.location} | ${dates(e)}`);
    for (const bullet of e.bullets) {
      const lines = wrap(bullet, f, 10.5, 320);
      lines.forEach((l, i) => {
        if (i === 0) draw('•', 236, y, 10.5);
        draw(l, 248, y, 10.5);
        y -= 15;
      });
    }
    y -= 4;
  }
  mainHeading('EDUCATION');
  for (const e of r.education) main(`${e.degree}, ${e.institution}, ${e.year}`);
  return Buffer.from(await doc.save());
}

// --- DOCX --------------------------------------------------------------------------------------
/**
 * The resume as DOCX. `inHeader`: the name, headline and contact line sit in the page header and
 * the links in the page footer, as many Word resume templates place them.
 */
async function docx({ inHeader = false } = {}) {
  const p = (text, opts = {}) => new Paragraph({ ...opts, children: [new TextRun({ text, bold: opts.bold })] });
  const h = (text) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
  const top = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: r.name, bold: true })] }),
    p(r.headline),
    p(`${r.location} | ${r.phone} | ${r.email}`),
  ];
  const links = p(r.links.join(' | '));
  const children = [
    ...(inHeader ? [] : [...top, links]),
    h('Summary'),
    p(r.summary),
    h('Skills'),
    p(r.skills.join(', ')),
    h('Experience'),
    ...r.experience.flatMap((e) => [p(`${e.title} | ${e.company} | ${e.location} | ${dates(e)}`, { bold: true }), ...e.bullets.map((b) => p(b, { bullet: { level: 0 } }))]),
    h('Education'),
    ...r.education.map((e) => p(`${e.degree}, ${e.institution}, ${e.year}`)),
    h('Certifications'),
    ...r.certifications.map((c) => p(c, { bullet: { level: 0 } })),
    h('Languages'),
    p(r.languages.join(', ')),
  ];
  const meta = { title: r.name, creator: 'talent fixture generator', lastModifiedBy: 'talent fixture generator' };
  const pages = inHeader ? { headers: { default: new Header({ children: top }) }, footers: { default: new Footer({ children: [links] }) } } : {};
  const doc = new Document({ ...meta, sections: [{ ...pages, children }] });
  const when = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${r.name}</dc:title><dc:creator>${meta.creator}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
  const buf = Buffer.from(await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }]));
  return fixZipTimestamps(buf);
}

function fixZipTimestamps(buf) {
  const dosDate = ((FIXED_DATE.getUTCFullYear() - 1980) << 9) | ((FIXED_DATE.getUTCMonth() + 1) << 5) | FIXED_DATE.getUTCDate();
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const local = buf.readUInt32LE(p + 42);
    for (const [at, off] of [[p, 12], [local, 10]]) {
      buf.writeUInt16LE(0, at + off);
      buf.writeUInt16LE(dosDate, at + off + 2);
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

// --- Images: the text resume drawn at about 110 dpi, as a photo-free "scan" --------------------
function pageCanvas(lines, { width = 1280, size = 19, leading = 28 } = {}) {
  const height = 70 + lines.length * leading;
  const c = createCanvas(width, height);
  const g = c.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#111111';
  let y = 50;
  for (const line of lines) {
    const heading = /^[A-Z ]{4,}$/.test(line) || line === r.name;
    g.font = `${heading ? 'bold ' : ''}${line === r.name ? 30 : size}px "DejaVu Sans"`;
    g.fillText(line, 40, y);
    y += leading;
  }
  return c;
}
const imageLines = resumeLines().flatMap((l) => (l.length > 96 ? wrapChars(l, 96) : [l]));
function wrapChars(text, max) {
  const out = [];
  let line = '';
  for (const w of text.split(' ')) {
    if ((line + ' ' + w).trim().length > max) {
      out.push(line);
      line = w;
    }
    else line = (line + ' ' + w).trim();
  }
  return [...out, line];
}

/** A bilevel TIFF with PackBits compression: what a document scanner writes, and small. */
function bilevelTiff(canvas) {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const rowBytes = Math.ceil(width / 8);
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(rowBytes);
    // WhiteIsZero: a set bit is black.
    for (let x = 0; x < width; x++) if (rgba[(y * width + x) * 4] < 128) row[x >> 3] |= 0x80 >> (x & 7);
    rows.push(packBits(row));
  }
  const data = Buffer.concat(rows);
  const tags = [[256, 3, width], [257, 3, height], [258, 3, 1], [259, 3, 32773], [262, 3, 0], [273, 4, 8], [277, 3, 1], [278, 3, height], [279, 4, data.length], [282, 5, 0], [283, 5, 0], [296, 3, 2]];
  const ifdAt = 8 + data.length + (data.length % 2);
  const rationalAt = ifdAt + 2 + tags.length * 12 + 4;
  const out = Buffer.alloc(rationalAt + 16);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(ifdAt, 4);
  data.copy(out, 8);
  out.writeUInt16LE(tags.length, ifdAt);
  tags.forEach(([tag, type, value], k) => {
    const e = ifdAt + 2 + k * 12;
    out.writeUInt16LE(tag, e);
    out.writeUInt16LE(type, e + 2);
    out.writeUInt32LE(1, e + 4);
    if (type === 5) out.writeUInt32LE(rationalAt + (tag === 282 ? 0 : 8), e + 8);
    else if (type === 3) out.writeUInt16LE(value, e + 8);
    else out.writeUInt32LE(value, e + 8);
  });
  for (const off of [0, 8]) {
    out.writeUInt32LE(110, rationalAt + off);
    out.writeUInt32LE(1, rationalAt + off + 4);
  }
  return out;
}

function packBits(row) {
  const out = [];
  let i = 0;
  while (i < row.length) {
    let run = 1;
    while (i + run < row.length && run < 128 && row[i + run] === row[i]) run++;
    if (run > 1) {
      out.push(257 - run, row[i]);
      i += run;
      continue;
    }
    let lit = 1;
    while (i + lit < row.length && lit < 128 && row[i + lit] !== row[i + lit - 1]) lit++;
    out.push(lit - 1, ...row.subarray(i, i + lit));
    i += lit;
  }
  return Buffer.from(out);
}

/** A PDF whose only page is an image of the resume: no text layer, as a scanner makes. */
async function scannedPdf(png, width, height) {
  const doc = await pdfDoc();
  const img = await doc.embedPng(png);
  const page = doc.addPage([612, Math.round((612 * height) / width)]);
  page.drawImage(img, { x: 0, y: 0, width: 612, height: page.getHeight() });
  return Buffer.from(await doc.save());
}

// --- Bad inputs --------------------------------------------------------------------------------

const contentTypes = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
);
const documentXml = Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>');

/** Deterministic pseudo-random bytes (xorshift32). */
/**
 * A password-protected DOCX as Office writes it (MS-OFFCRYPTO): an OLE compound file (MS-CFB,
 * version 3, 512-byte sectors) holding an EncryptionInfo and an EncryptedPackage stream instead of
 * a zip. The streams hold the agile-encryption header and random bytes (no real key: only the
 * container is read), each 4096 bytes so both live in regular sectors.
 */
function encryptedOoxml() {
  const SECTOR = 512;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const info = Buffer.alloc(4096);
  info.writeUInt16LE(4, 0);
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  info.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"></encryption>', 8, 'latin1');
  const pkg = Buffer.concat([Buffer.from([0x00, 0x20, 0, 0, 0, 0, 0, 0]), noise(4088, 7)]);
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory at sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + 4 * i);
  // Sector 0: FAT; 1: directory; 2–9: EncryptionInfo; 10–17: EncryptedPackage.
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(END, 4);
  for (const [from, to] of [[2, 9], [10, 17]]) for (let s = from; s <= to; s++) fat.writeUInt32LE(s === to ? END : s + 1, 4 * s);
  const dir = Buffer.alloc(SECTOR);
  const entry = (i, name, type, { child = FREE, right = FREE, start = END, size = 0 } = {}) => {
    const at = i * 128;
    dir.write(name, at, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    dir.writeUInt8(type, at + 0x42);
    dir.writeUInt8(1, at + 0x43); // black
    dir.writeUInt32LE(FREE, at + 0x44);
    dir.writeUInt32LE(right, at + 0x48);
    dir.writeUInt32LE(child, at + 0x4c);
    dir.writeUInt32LE(start, at + 0x74);
    dir.writeUInt32LE(size, at + 0x78);
  };
  entry(0, 'Root Entry', 5, { child: 1 });
  entry(1, 'EncryptionInfo', 2, { right: 2, start: 2, size: info.length });
  entry(2, 'EncryptedPackage', 2, { start: 10, size: pkg.length });
  for (let i = 3; i < 4; i++) {
    dir.writeUInt32LE(FREE, i * 128 + 0x44);
    dir.writeUInt32LE(FREE, i * 128 + 0x48);
    dir.writeUInt32LE(FREE, i * 128 + 0x4c);
  }
  return Buffer.concat([header, fat, dir, info, pkg]);
}

/** Saves `src` with the password "secret" through LibreOffice's API (a Basic macro in a throw-away profile). */
function saveWithPassword(tmp, src, dst, filter) {
  const profile = join(tmp, 'pw-profile');
  const env = `-env:UserInstallation=file://${profile}`;
  const module = join(profile, 'user', 'basic', 'Standard', 'Module1.xba');
  if (!existsSync(module)) execFileSync('soffice', [env, '--headless', '--terminate_after_init'], { stdio: 'ignore' });
  const q = (v) => `&quot;${v}&quot;`;
  writeFileSync(
    module,
    '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">' +
      '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">\n' +
      'Sub SaveWithPassword(src As String, dst As String, filt As String)\n' +
      `  Dim args(0) As New com.sun.star.beans.PropertyValue\n  args(0).Name = ${q('Hidden')}\n  args(0).Value = True\n` +
      `  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), ${q('_blank')}, 0, args())\n` +
      `  Dim out(1) As New com.sun.star.beans.PropertyValue\n  out(0).Name = ${q('FilterName')}\n  out(0).Value = filt\n  out(1).Name = ${q('Password')}\n  out(1).Value = ${q('secret')}\n` +
      '  doc.storeToURL(ConvertToURL(dst), out())\n  doc.close(True)\nEnd Sub\n</script:module>\n',
  );
  execFileSync('soffice', [env, '--headless', `macro:///Standard.Module1.SaveWithPassword("${src}","${dst}","${filter}")`], { stdio: 'ignore' });
}

function noise(n, seed = 0x9e3779b9) {
  const out = Buffer.alloc(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s & 0xff;
  }
  return out;
}

async function main() {
  const pdf = await singleColumnPdf();
  write(OUT, 'resume.pdf', pdf);
  write(OUT, 'resume-two-column.pdf', await twoColumnPdf());
  const docxBytes = await docx();
  write(OUT, 'resume.docx', docxBytes);
  write(OUT, 'resume-header.docx', await docx({ inHeader: true }));

  const canvas = pageCanvas(imageLines);
  const png = canvas.toBuffer('image/png');
  write(OUT, 'resume.png', png);
  write(OUT, 'resume.jpg', canvas.toBuffer('image/jpeg', 70));
  write(OUT, 'resume.tiff', bilevelTiff(canvas));
  write(OUT, 'resume-scanned.pdf', await scannedPdf(png, canvas.width, canvas.height));

  // A logo: shapes and no text.
  const logo = createCanvas(400, 300);
  const g = logo.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 400, 300);
  g.fillStyle = '#1a5fb4';
  g.beginPath();
  g.arc(200, 150, 90, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#f6d32d';
  g.fillRect(150, 100, 100, 100);
  write(BAD, 'logo.png', logo.toBuffer('image/png'));

  write(BAD, 'empty.pdf', Buffer.alloc(0));
  write(BAD, 'binary.pdf', noise(4096));
  write(BAD, 'truncated.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.4)));
  const zeros = Buffer.alloc(64 * 1048576);
  const base = [{ name: '[Content_Types].xml', data: contentTypes }, { name: 'word/document.xml', data: documentXml }];
  // Honest headers, absurd ratio: 64 MiB of zeros in about 64 KiB.
  write(BAD, 'zip-bomb.docx', zip([...base, { name: 'word/media/image1.png', data: zeros }]));
  // Forged header: declares 2 KiB, inflates to 64 MiB.
  write(BAD, 'zip-bomb-forged.docx', zip([...base, { name: 'word/media/image1.png', data: zeros, declared: 2048 }]));
  write(BAD, 'encrypted.docx', encryptedOoxml());

  const has = (cmd) => {
    try {
      execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (has('qpdf')) {
    execFileSync('qpdf', ['--encrypt', 'secret', 'owner-secret', '256', '--', join(OUT, 'resume.pdf'), join(BAD, 'encrypted.pdf')]);
    console.log('test/fixtures/bad/encrypted.pdf  (qpdf, AES-256)');
  } else console.warn('qpdf not found: keeping the committed bad/encrypted.pdf (apt-get install qpdf to regenerate)');
  if (has('soffice')) {
    const tmp = mkdtempSync(join(tmpdir(), 'talent-fixtures-'));
    const conversions = [['resume', ['doc', 'odt', 'rtf']], ['resume-header', ['doc', 'odt']]];
    const filters = { doc: 'doc:MS Word 97', odt: 'odt', rtf: 'rtf' };
    for (const [name, exts] of conversions) {
      copyFileSync(join(OUT, `${name}.docx`), join(tmp, `${name}.docx`));
      for (const ext of exts) {
        execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', filters[ext], '--outdir', tmp, join(tmp, `${name}.docx`)], { stdio: 'ignore' });
        write(OUT, `${name}.${ext}`, readFileSync(join(tmp, `${name}.${ext}`)));
      }
    }
    // Password-protected copies (password "secret"); LibreOffice 7.4 cannot encrypt DOCX, hence encryptedOoxml().
    for (const [ext, filter] of [['odt', 'writer8'], ['doc', 'MS Word 97']]) {
      saveWithPassword(tmp, join(tmp, 'resume.docx'), join(tmp, `encrypted.${ext}`), filter);
      write(BAD, `encrypted.${ext}`, readFileSync(join(tmp, `encrypted.${ext}`)));
    }
    rmSync(tmp, { recursive: true, force: true });
  } else if (!existsSync(join(OUT, 'resume.doc'))) {
    console.warn('LibreOffice (soffice) not found: resume.doc/.odt/.rtf not generated (apt-get install libreoffice-writer)');
  } else console.warn('LibreOffice (soffice) not found: keeping the committed resume.doc/.odt/.rtf');
}

await main();
