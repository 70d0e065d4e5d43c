/**
 * Offline OCR with tesseract.js (WebAssembly, in a worker thread) and the
 * English model shipped in the npm package @tesseract.js-data/eng, so nothing
 * is downloaded at install or run time. Each call gets its own tesseract worker, started
 * from the extraction thread (../extract-thread.ts) and terminated when the call ends;
 * when a file runs past its time limit the extraction thread is terminated, and its
 * tesseract worker with it. The `signal` covers callers that run OCR outside that thread.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Tesseract from 'tesseract.js';
import { ExtractionError } from '../../errors.js';

type TesseractModule = typeof Tesseract;

export interface OcrResult {
  text: string;
  /** The text of each image, in order. */
  pages: string[];
  /** Mean word confidence, 0–100, over the words kept. */
  confidence: number;
  /** Letters in words recognised with at least MIN_WORD_CONFIDENCE. */
  confidentLetters: number;
}

/** Words below this confidence (0–100) are noise from logos, lines and speckles. */
export const MIN_WORD_CONFIDENCE = 60;

/** Lines below this confidence are dropped. */
export const MIN_LINE_CONFIDENCE = 40;

/** The npm packages OCR loads: the engine and its English model. Tests name a missing one to see OCR unavailable. */
export interface OcrPackages {
  engine: string;
  model: string;
}

export const OCR_PACKAGES: OcrPackages = { engine: 'tesseract.js', model: '@tesseract.js-data/eng' };

const INSTALL_HINT = 'Reinstall talent\'s dependencies (`npm ci`), or `npm install tesseract.js@7.0.0 @tesseract.js-data/eng@1.0.0`.';

const langPaths = new Map<string, string>();

/** The folder holding eng.traineddata.gz; E_OCR_UNAVAILABLE when the model package is missing. */
export function ocrLangPath(packages: OcrPackages = OCR_PACKAGES, file?: string): string {
  const cached = langPaths.get(packages.model);
  if (cached) return cached;
  try {
    const require = createRequire(import.meta.url);
    // The LSTM-only "best_int" model: 2.9 MB, the same accuracy class as the 11 MB default for printed text.
    const path = join(dirname(require.resolve(`${packages.model}/package.json`)), '4.0.0_best_int');
    langPaths.set(packages.model, path);
    return path;
  } catch (err) {
    throw new ExtractionError(`${file ? `${file}: ` : ''}OCR is unavailable: the English OCR model (${packages.model}) is not installed`, {
      code: 'E_OCR_UNAVAILABLE',
      file,
      hint: INSTALL_HINT,
      cause: err,
    });
  }
}

async function loadEngine(packages: OcrPackages, file: string | undefined): Promise<TesseractModule> {
  try {
    return (await import(packages.engine)) as TesseractModule;
  } catch (err) {
    throw new ExtractionError(`${file ? `${file}: ` : ''}OCR is unavailable: ${packages.engine} is not installed`, { code: 'E_OCR_UNAVAILABLE', file, hint: INSTALL_HINT, cause: err });
  }
}

/**
 * Recognises the text of each image (PNG, JPEG, TIFF, WebP, BMP bytes) in order.
 * Rejects with E_EXTRACT_TIMEOUT when `signal` aborts, E_OCR_UNAVAILABLE when a package is missing.
 */
export async function ocrImages(images: Uint8Array[], options: { signal?: AbortSignal; file?: string; packages?: OcrPackages } = {}): Promise<OcrResult> {
  const packages = options.packages ?? OCR_PACKAGES;
  const langPath = ocrLangPath(packages, options.file);
  const tesseract = await loadEngine(packages, options.file);
  const { signal, file } = options;
  throwIfAborted(signal, file);
  // cacheMethod 'none': read the model from the package, write nothing into the working directory.
  const worker = await tesseract.createWorker('eng', tesseract.OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  // Tesseract's own messages ("Estimating resolution as 185") would reach the user's stderr.
  await worker.setParameters({ debug_file: '/dev/null' });
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(timeoutError(file));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const pages: string[] = [];
    let confSum = 0;
    let words = 0;
    let confidentLetters = 0;
    for (const image of images) {
      throwIfAborted(signal, file);
      const { data } = await Promise.race([worker.recognize(Buffer.from(image), { rotateAuto: true }, { text: true, blocks: true }), aborted]);
      const kept: string[] = [];
      for (const block of data.blocks ?? []) {
        for (const para of block.paragraphs) {
          for (const line of para.lines) {
            const good = line.words.filter((w) => w.confidence >= MIN_WORD_CONFIDENCE);
            for (const w of good) {
              confSum += w.confidence;
              words++;
              confidentLetters += (w.text.match(/\p{L}/gu) ?? []).length;
            }
            // Lines read with some confidence are kept whole (a URL or "|" may score low on its own);
            // the stray marks OCR reads into a logo or a photo score far lower.
            if (line.confidence >= MIN_LINE_CONFIDENCE && good.length) kept.push(line.text.trim());
          }
          kept.push('');
        }
      }
      pages.push(kept.join('\n'));
    }
    return { text: pages.join('\n\n'), pages, confidence: words ? confSum / words : 0, confidentLetters };
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    // Terminating also stops a recognition still running after an abort.
    await worker.terminate().catch(() => undefined);
  }
}

function throwIfAborted(signal: AbortSignal | undefined, file: string | undefined): void {
  if (signal?.aborted) throw timeoutError(file);
}

export function timeoutError(file: string | undefined): ExtractionError {
  return new ExtractionError(`${file ?? 'document'}: extraction took longer than its time limit and was stopped`, {
    code: 'E_EXTRACT_TIMEOUT',
    file,
    retryable: false,
    hint: 'The file is unusually large or complex (e.g. many scanned pages). Raise parsing.extractTimeoutMs, or export a smaller PDF with a text layer.',
  });
}
