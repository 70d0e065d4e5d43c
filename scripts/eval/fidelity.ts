/**
 * Extraction fidelity: renders resume text to PDF (pdf-lib, Helvetica) and
 * DOCX (docx) in a temporary folder, extracts it again through the local
 * extractor and measures token recall against the text: the share of the
 * text's words (with multiplicity) found in the extracted text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { LocalTextExtractor } from '../../src/sdk/local/extract.js';

/** Helvetica in pdf-lib encodes WinAnsi only: other characters become "?" in both the PDF and the reference. */
export function winAnsi(text: string): string {
  return text.replace(/[^\x20-\x7e\n\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');
}

export function wordTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of the reference's tokens (as a multiset) present in the candidate. */
export function tokenRecall(reference: string, candidate: string): number {
  const have = new Map<string, number>();
  for (const t of wordTokens(candidate)) have.set(t, (have.get(t) ?? 0) + 1);
  const ref = wordTokens(reference);
  let found = 0;
  for (const t of ref) {
    const n = have.get(t) ?? 0;
    if (n > 0) {
      found++;
      have.set(t, n - 1);
    }
  }
  return ref.length ? found / ref.length : 1;
}

async function renderPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = 10;
  const width = 512;
  let page = doc.addPage([612, 792]);
  let y = 742;
  for (const para of text.split('\n')) {
    const lines: string[] = [];
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
    for (const l of lines) {
      if (y < 50) {
        page = doc.addPage([612, 792]);
        y = 742;
      }
      // A single word wider than the page is cut into the next line by characters.
      let rest = l;
      while (rest) {
        let cut = rest.length;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        page.drawText(rest.slice(0, cut), { x: 50, y, size, font });
        rest = rest.slice(cut);
        if (rest) y -= 13;
      }
      y -= 13;
    }
  }
  return doc.save();
}

async function renderDocx(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: text.split('\n').map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export interface FidelityRow {
  id: string;
  pdf: number;
  docx: number;
}

export async function measureFidelity(resumes: Array<{ id: string; text: string }>, extractor: LocalTextExtractor): Promise<FidelityRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'talent-eval-'));
  try {
    const rows: FidelityRow[] = [];
    for (const r of resumes) {
      const text = winAnsi(r.text);
      const pdf = await renderPdf(text);
      const docx = await renderDocx(text);
      writeFileSync(join(dir, `${r.id}.pdf`), pdf);
      writeFileSync(join(dir, `${r.id}.docx`), docx);
      const fromPdf = await extractor.extract({ bytes: pdf, fileName: `${r.id}.pdf` });
      const fromDocx = await extractor.extract({ bytes: docx, fileName: `${r.id}.docx` });
      rows.push({ id: r.id, pdf: tokenRecall(text, fromPdf.text), docx: tokenRecall(text, fromDocx.text) });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
