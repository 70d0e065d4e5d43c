/**
 * Local text extraction, detected by content (never by file name): PDF (pdf.js,
 * columns and tables in reading order, OCR for pages without a text layer),
 * DOCX, DOC, ODT, RTF, HTML, plain text and Markdown, and images by OCR.
 * Every file runs under a time limit and size limits; whatever goes wrong
 * becomes an ExtractionError with a stable code and a hint, for that file only.
 */
import { ExtractionError } from '../errors.js';
import type { ExtractedText, ExtractInput, TextExtractor } from '../ports/index.js';
import { decodeText, detectType } from './detect.js';
import { htmlToText, looksLikeMarkdown, markdownToText } from './extract/markup.js';
import { extractImage } from './extract/image.js';
import { extractDoc, extractDocx, extractOdt, extractRtf } from './extract/office.js';
import { timeoutError } from './extract/ocr.js';
import { extractPdf } from './extract/pdf.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './extract/zip.js';

export { linesFromItems } from './extract/pdf-layout.js';

export interface LocalExtractorOptions {
  /** Larger files are refused before any parsing. Default 25 MiB. */
  maxBytes?: number;
  /** Only the first pages of a PDF are read. Default 30. */
  maxPages?: number;
  /** Pages of a PDF without a text layer that are read by OCR. Default 10. */
  maxOcrPages?: number;
  /** OCR for images and scanned PDF pages (tesseract.js, offline). Default true. */
  ocr?: boolean;
  /** Time limit for one file, in milliseconds; the file then fails with E_EXTRACT_TIMEOUT. Default 120,000. */
  timeoutMs?: number;
  /** Limits on DOCX/ODT archives against zip bombs. */
  zipLimits?: Partial<ZipLimits>;
}

/** Minimum letters for a document to count as having text at all. */
const MIN_LETTERS = 20;

/** The local TextExtractor. Stateless: one instance can serve concurrent calls. */
export class LocalTextExtractor implements TextExtractor {
  private readonly maxBytes: number;
  private readonly maxPages: number;
  private readonly maxOcrPages: number;
  private readonly ocr: boolean;
  private readonly timeoutMs: number;
  private readonly zipLimits: ZipLimits;

  constructor(options: LocalExtractorOptions = {}) {
    this.maxBytes = options.maxBytes ?? 25 * 1024 * 1024;
    this.maxPages = options.maxPages ?? 30;
    this.ocr = options.ocr ?? true;
    this.maxOcrPages = this.ocr ? (options.maxOcrPages ?? 10) : 0;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.zipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.zipLimits };
  }

  async extract({ bytes, fileName: file }: ExtractInput): Promise<ExtractedText> {
    if (bytes.length > this.maxBytes) {
      throw new ExtractionError(`${file ?? 'document'} is ${(bytes.length / 1048576).toFixed(1)} MiB, over the ${(this.maxBytes / 1048576).toFixed(0)} MiB limit`, {
        code: 'E_FILE_TOO_LARGE',
        file,
        hint: 'Resumes are rarely over a few MiB: check the file, or compress its images.',
      });
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The race returns on time even if a decoder ignores the abort; the abort stops OCR workers and pdf.js.
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(timeoutError(file));
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([this.extractUnbounded(bytes, file, controller.signal), expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async extractUnbounded(bytes: Uint8Array, file: string | undefined, signal: AbortSignal): Promise<ExtractedText> {
    const type = detectType(bytes);
    let result: ExtractedText;
    switch (type.kind) {
      case 'empty':
        throw new ExtractionError(`${file ?? 'document'} is empty (0 bytes)`, { code: 'E_EMPTY_FILE', file, hint: 'Re-export or re-download the resume.' });
      case 'pdf':
        result = await extractPdf(bytes, { maxPages: this.maxPages, maxOcrPages: this.maxOcrPages, signal, file });
        break;
      case 'docx':
        result = await extractDocx(bytes, file, this.zipLimits);
        break;
      case 'odt':
        result = await extractOdt(bytes, file, this.zipLimits);
        break;
      case 'doc':
        result = await extractDoc(bytes, file);
        break;
      case 'rtf':
        result = extractRtf(bytes);
        break;
      case 'html':
        result = { text: htmlToText(decodeText(bytes)), mediaType: 'text/html', warnings: [] };
        break;
      case 'text': {
        const text = decodeText(bytes);
        result = looksLikeMarkdown(text) ? { text: markdownToText(text), mediaType: 'text/markdown', warnings: [] } : { text, mediaType: 'text/plain', warnings: [] };
        break;
      }
      case 'image':
        result = await extractImage(bytes, type.mediaType, { signal, file, ocr: this.ocr });
        break;
      case 'ole':
        throw new ExtractionError(`${file ?? 'document'} is an Office compound file that is not a Word document (an Excel sheet or Outlook message?)`, {
          code: 'E_UNSUPPORTED_FORMAT',
          file,
          hint: 'Supported: PDF, DOCX, DOC, ODT, RTF, HTML, text, Markdown, PNG, JPEG and TIFF. Save the resume in one of these.',
        });
      default:
        throw new ExtractionError(`${file ?? 'document'} is not a supported document (detected ${type.mediaType} from its content)`, {
          code: 'E_UNSUPPORTED_FORMAT',
          file,
          hint: 'Supported: PDF, DOCX, DOC, ODT, RTF, HTML, text, Markdown, PNG, JPEG and TIFF. A renamed or corrupt file shows up this way.',
        });
    }
    result.text = normaliseText(result.text);
    const letters = (result.text.match(/\p{L}/gu) ?? []).length;
    if (letters < MIN_LETTERS) {
      const scanned = type.kind === 'pdf' || type.kind === 'image';
      throw new ExtractionError(`${file ?? 'document'} has no usable text (${letters} letters found${scanned && this.ocr ? ', OCR included' : ''})`, {
        code: 'E_NO_TEXT',
        file,
        hint: scanned
          ? this.ocr
            ? 'OCR found no readable text: the scan may be too faint, blurred or rotated, or the image holds no text (a logo or photo). Re-scan at 300 dpi, or send the resume as PDF or DOCX.'
            : 'It is probably a scan without a text layer: turn OCR on (parsing.ocr: true) or export it with text.'
          : 'Check that the file holds the resume text.',
      });
    }
    return result;
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
