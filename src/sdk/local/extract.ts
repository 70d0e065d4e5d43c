/**
 * Local text extraction, detected by content (never by file name): PDF (pdf.js,
 * columns and tables in reading order, OCR for pages without a text layer),
 * DOCX, DOC, ODT, RTF, HTML, plain text and Markdown, and images by OCR.
 * Decoding runs in a worker thread with a time and a heap limit that really stop
 * it (extract-thread.ts); whatever goes wrong becomes an ExtractionError with a
 * stable code and a hint, for that file only.
 */
import { ExtractionError } from '../errors.js';
import type { ExtractedText, ExtractInput, TextExtractor } from '../ports/index.js';
import { detectType } from './detect.js';
import { refuseEarly } from './extract/decode.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './extract/zip.js';
import { ExtractionThread } from './extract-thread.js';

export { linesFromItems } from './extract/pdf-layout.js';
export { normaliseText } from './extract/decode.js';

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
  /** Heap limit for decoding one file, in MiB; the file then fails with E_EXTRACT_MEMORY. Default 256. */
  memoryMb?: number;
  /** Limits on DOCX/ODT archives against zip bombs. */
  zipLimits?: Partial<ZipLimits>;
}

/** The default of `parsing.extractMemoryMb`: a 100-page DOCX needs about 80 MiB of heap. */
export const DEFAULT_EXTRACT_MEMORY_MB = 256;

/**
 * The local TextExtractor. One instance can take concurrent calls: files are
 * decoded one at a time in its worker thread, each under its own limits.
 * Call `close()` when done (an idle thread does not keep the process alive either way).
 */
export class LocalTextExtractor implements TextExtractor {
  private readonly maxBytes: number;
  private readonly thread: ExtractionThread;

  constructor(options: LocalExtractorOptions = {}) {
    this.maxBytes = options.maxBytes ?? 25 * 1024 * 1024;
    const ocr = options.ocr ?? true;
    this.thread = new ExtractionThread({
      decode: { maxPages: options.maxPages ?? 30, maxOcrPages: ocr ? (options.maxOcrPages ?? 10) : 0, ocr, zipLimits: { ...DEFAULT_ZIP_LIMITS, ...options.zipLimits } },
      timeoutMs: options.timeoutMs ?? 120_000,
      memoryMb: options.memoryMb ?? DEFAULT_EXTRACT_MEMORY_MB,
    });
  }

  async extract({ bytes, fileName: file }: ExtractInput): Promise<ExtractedText> {
    if (bytes.length > this.maxBytes) {
      throw new ExtractionError(`${file ?? 'document'} is ${(bytes.length / 1048576).toFixed(1)} MiB, over the ${(this.maxBytes / 1048576).toFixed(0)} MiB limit`, {
        code: 'E_FILE_TOO_LARGE',
        file,
        hint: 'Resumes are rarely over a few MiB: check the file, or compress its images.',
      });
    }
    // Empty and unsupported files are refused here: no reason to wake the thread for them.
    const refused = refuseEarly(detectType(bytes), file);
    if (refused) throw refused;
    return this.thread.run(bytes, file);
  }

  /** Stops the worker thread. A later `extract` starts a new one. */
  async close(): Promise<void> {
    await this.thread.close();
  }
}
