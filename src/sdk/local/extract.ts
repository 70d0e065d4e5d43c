import { ExtractionError } from '../errors.js';
import type { ExtractedText, ExtractInput, TextExtractor } from '../ports/index.js';
import { decodeText, detectType } from './detect.js';

export interface LocalExtractorOptions {
  /** Larger files are refused before any parsing. Default 25 MiB. */
  maxBytes?: number;
  /** Only the first pages of a PDF are read. Default 30. */
  maxPages?: number;
}

/** Minimum letters for a document to count as having text at all. */
const MIN_LETTERS = 20;

/** Local text extraction: PDF (pdf.js), DOCX (mammoth), plain text and Markdown; detection by content. */
export class LocalTextExtractor implements TextExtractor {
  private readonly maxBytes: number;
  private readonly maxPages: number;

  constructor(options: LocalExtractorOptions = {}) {
    this.maxBytes = options.maxBytes ?? 25 * 1024 * 1024;
    this.maxPages = options.maxPages ?? 30;
  }

  async extract({ bytes, fileName }: ExtractInput): Promise<ExtractedText> {
    const file = fileName;
    if (bytes.length > this.maxBytes) {
      throw new ExtractionError(`${file ?? 'document'} is ${(bytes.length / 1048576).toFixed(1)} MiB, over the ${(this.maxBytes / 1048576).toFixed(0)} MiB limit`, {
        code: 'E_FILE_TOO_LARGE',
        file,
        hint: 'Resumes are rarely over a few MiB: check the file, or compress its images.',
      });
    }
    const type = detectType(bytes);
    let result: ExtractedText;
    switch (type.kind) {
      case 'empty':
        throw new ExtractionError(`${file ?? 'document'} is empty (0 bytes)`, { code: 'E_EMPTY_FILE', file, hint: 'Re-export or re-download the resume.' });
      case 'pdf':
        result = await this.extractPdf(bytes, file);
        break;
      case 'docx':
        result = await extractDocx(bytes, file);
        break;
      case 'text':
        result = { text: decodeText(bytes), mediaType: 'text/plain', warnings: [] };
        break;
      case 'image':
        throw new ExtractionError(`${file ?? 'document'} is an image (${type.mediaType}); this version does not run OCR`, {
          code: 'E_UNSUPPORTED_FORMAT',
          file,
          hint: 'Save the resume as PDF with a text layer, DOCX or text.',
        });
      case 'ole':
      case 'rtf':
        throw new ExtractionError(`${file ?? 'document'} is a legacy Word/RTF document (${type.mediaType}), not supported yet`, {
          code: 'E_UNSUPPORTED_FORMAT',
          file,
          hint: 'Save it as DOCX or PDF and import it again.',
        });
      default:
        throw new ExtractionError(`${file ?? 'document'} is not a supported document (detected ${type.mediaType} from its content)`, {
          code: 'E_UNSUPPORTED_FORMAT',
          file,
          hint: 'Supported: PDF, DOCX, plain text and Markdown. A renamed or corrupt file shows up this way.',
        });
    }
    result.text = normaliseText(result.text);
    const letters = (result.text.match(/\p{L}/gu) ?? []).length;
    if (letters < MIN_LETTERS) {
      throw new ExtractionError(`${file ?? 'document'} has no usable text (${letters} letters found)`, {
        code: 'E_NO_TEXT',
        file,
        hint: type.kind === 'pdf' ? 'It is probably a scanned PDF with no text layer: export it with text, or OCR it first.' : 'Check that the file holds the resume text.',
      });
    }
    return result;
  }

  private async extractPdf(bytes: Uint8Array, file?: string): Promise<ExtractedText> {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
    const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'PasswordException') {
        throw new ExtractionError(`${file ?? 'document'} is an encrypted (password-protected) PDF`, {
          code: 'E_EXTRACT_ENCRYPTED_PDF',
          file,
          hint: 'Ask for an unprotected copy, or print it to a new PDF without a password.',
          cause: err,
        });
      }
      throw new ExtractionError(`${file ?? 'document'} is a damaged PDF: ${(err as Error).message}`, {
        code: 'E_EXTRACT_CORRUPT_PDF',
        file,
        hint: 'Re-export or re-download the PDF; a truncated download shows up this way.',
        cause: err,
      });
    }
    try {
      const pages = Math.min(doc.numPages, this.maxPages);
      const warnings = doc.numPages > pages ? [`only the first ${pages} of ${doc.numPages} pages were read`] : [];
      const parts: string[] = [];
      for (let p = 1; p <= pages; p++) {
        const page = await doc.getPage(p);
        const content = await page.getTextContent();
        parts.push(linesFromItems(content.items as PdfTextItem[]));
        page.cleanup();
      }
      return { text: parts.join('\n\n'), mediaType: 'application/pdf', pages: doc.numPages, warnings };
    } catch (err) {
      throw new ExtractionError(`${file ?? 'document'}: reading the PDF's text failed: ${(err as Error).message}`, {
        code: 'E_EXTRACT_CORRUPT_PDF',
        file,
        hint: 'Re-export the PDF; if it opens fine elsewhere, report it with the file.',
        cause: err,
      });
    } finally {
      await doc.destroy();
    }
  }
}

interface PdfTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

/** Groups pdf.js text items into lines by their baseline, top to bottom, left to right. */
export function linesFromItems(items: PdfTextItem[]): string {
  const positioned = items
    .filter((i) => typeof i.str === 'string' && i.transform)
    .map((i) => ({ str: i.str!, x: i.transform![4]!, y: i.transform![5]!, w: i.width ?? 0, h: Math.abs(i.height ?? i.transform![3] ?? 10) || 10 }));
  positioned.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<typeof positioned> = [];
  for (const it of positioned) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (line && ref && Math.abs(ref.y - it.y) <= Math.max(2, Math.min(ref.h, it.h) * 0.5)) line.push(it);
    else lines.push([it]);
  }
  const out: string[] = [];
  let prevY: number | undefined;
  let prevH = 10;
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let text = '';
    let end: number | undefined;
    for (const it of line) {
      if (end !== undefined && it.x - end > it.h * 0.15 && !text.endsWith(' ') && !it.str.startsWith(' ')) text += ' ';
      text += it.str;
      end = it.x + it.w;
    }
    const y = line[0]!.y;
    // A gap of more than ~1.5 lines marks a paragraph break.
    if (prevY !== undefined && prevY - y > prevH * 2) out.push('');
    out.push(text.trimEnd());
    prevY = y;
    prevH = line[0]!.h;
  }
  return out.join('\n');
}

async function extractDocx(bytes: Uint8Array, file?: string): Promise<ExtractedText> {
  const mammoth = await import('mammoth');
  try {
    const res = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { text: res.value, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', warnings: res.messages.map((m) => m.message) };
  } catch (err) {
    throw new ExtractionError(`${file ?? 'document'} is a damaged DOCX: ${(err as Error).message}`, {
      code: 'E_EXTRACT_CORRUPT_DOCX',
      file,
      hint: 'Open and re-save it in Word or LibreOffice, or export it as PDF.',
      cause: err,
    });
  }
}

/** Unifies line endings and odd spaces, collapses runs of blank lines, keeps line structure. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/[ ]{2,}/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
