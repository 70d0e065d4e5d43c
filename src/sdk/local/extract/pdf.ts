/**
 * PDF text through pdf.js (legacy build, Node): the text layer in reading order
 * (see pdf-layout.ts), and for pages without one (scans), the page rendered to
 * an image with @napi-rs/canvas and read by OCR.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ExtractionError } from '../../errors.js';
import type { Decoded, Hyperlink } from './links.js';
import { linesFromItems, type PdfTextItem } from './pdf-layout.js';
import { ocrImages, timeoutError } from './ocr.js';

export interface PdfOptions {
  maxPages: number;
  /** Pages without a text layer that are rendered and OCR'd; 0 disables OCR. */
  maxOcrPages: number;
  signal?: AbortSignal;
  file?: string;
}

/** A page with fewer letters than this in its text layer is treated as a scan. */
const PAGE_MIN_LETTERS = 20;
/**
 * A page with fewer letters than this that paints an image is read by OCR too: a scan under a
 * stamped line ("Submitted by Acme Staffing", a page header) has a thin text layer of its own.
 * The OCR text replaces the layer's only when it has more letters.
 */
const THIN_PAGE_LETTERS = 200;
/** Render scans at about 200 dpi, capped in pixels so a huge page cannot exhaust memory. */
const OCR_SCALE = 200 / 72;
const MAX_RENDER_PIXELS = 12_000_000;

let standardFonts: string | undefined;
function standardFontDataUrl(): string | undefined {
  try {
    standardFonts ??= pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/').href;
    return standardFonts;
  } catch {
    return undefined;
  }
}

export async function extractPdf(bytes: Uint8Array, options: PdfOptions): Promise<Decoded> {
  const { file, signal } = options;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    standardFontDataUrl: standardFontDataUrl(),
  });
  const onAbort = () => void task.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    signal?.removeEventListener('abort', onAbort);
    if (signal?.aborted) throw timeoutError(file);
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
    const pages = Math.min(doc.numPages, options.maxPages);
    const warnings = doc.numPages > pages ? [`only the first ${pages} of ${doc.numPages} pages were read`] : [];
    const parts: string[] = [];
    const scans: number[] = [];
    const links: Hyperlink[] = [];
    for (let p = 1; p <= pages; p++) {
      if (signal?.aborted) throw timeoutError(file);
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const annotations = (await page.getAnnotations()) as PdfAnnotation[];
      // Link annotations: "LinkedIn" or an icon set on the profile's URL.
      for (const a of annotations) if (a.subtype === 'Link' && a.url) links.push({ target: a.url, text: '' });
      const text = linesFromItems([...(content.items as PdfTextItem[]), ...formFieldItems(annotations)], page.view[2]! - page.view[0]!);
      const count = letters(text);
      if (count < PAGE_MIN_LETTERS || (count < THIN_PAGE_LETTERS && (await paintsImage(page, pdfjs.OPS)))) scans.push(p);
      parts.push(text);
      page.cleanup();
    }
    let ocrPages = 0;
    if (scans.length && options.maxOcrPages > 0) {
      const todo = scans.slice(0, options.maxOcrPages);
      if (scans.length > todo.length) warnings.push(`only ${todo.length} of ${scans.length} scanned pages were read by OCR`);
      const images: Uint8Array[] = [];
      for (const p of todo) {
        if (signal?.aborted) throw timeoutError(file);
        images.push(await renderPage(doc, p));
      }
      const res = await ocrImages(images, { signal, file });
      todo.forEach((p, k) => {
        const ocrText = res.pages[k] ?? '';
        if (letters(ocrText) > letters(parts[p - 1]!)) {
          parts[p - 1] = ocrText;
          ocrPages++;
        }
      });
      if (ocrPages) warnings.push(`${ocrPages} page(s) without a text layer were read by OCR`);
    }
    return { text: parts.join('\n\n'), mediaType: 'application/pdf', pages: doc.numPages, warnings, links };
  } catch (err) {
    if (err instanceof ExtractionError) throw err;
    if (signal?.aborted) throw timeoutError(file);
    throw new ExtractionError(`${file ?? 'document'}: reading the PDF's text failed: ${(err as Error).message}`, {
      code: 'E_EXTRACT_CORRUPT_PDF',
      file,
      hint: 'Re-export the PDF; if it opens fine elsewhere, report it with the file.',
      cause: err,
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await doc.destroy();
  }
}

type PdfDocument = PDFDocumentProxy;

/** What pdf.js reports of an annotation, as far as extraction reads it. */
interface PdfAnnotation {
  subtype?: string;
  url?: string;
  fieldType?: string;
  fieldValue?: unknown;
  rect?: number[];
  textSize?: number;
  defaultAppearanceData?: { fontSize?: number };
}

/**
 * The values typed into a fillable form's text and choice fields (an application form such as
 * the OF-612): they live in widget annotations, not in the page's text, so they become text
 * items where their boxes are, a line per line of the value, for the reading order to place.
 */
function formFieldItems(annotations: PdfAnnotation[]): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  for (const a of annotations) {
    if (a.subtype !== 'Widget' || (a.fieldType !== 'Tx' && a.fieldType !== 'Ch') || !a.rect || a.rect.length < 4) continue;
    const value = Array.isArray(a.fieldValue) ? a.fieldValue.join(', ') : typeof a.fieldValue === 'string' ? a.fieldValue : '';
    if (!value.trim()) continue;
    const size = a.textSize || a.defaultAppearanceData?.fontSize || 10;
    const [x1, , , y2] = a.rect as [number, number, number, number];
    value.split(/\r\n?|\n/).forEach((line, i) => {
      if (line.trim()) items.push({ str: line, transform: [size, 0, 0, size, x1 + 2, y2 - size * (1.2 * i + 1)], width: line.length * size * 0.5, height: size });
    });
  }
  return items;
}

/** Whether the page paints an image (a scan, a photo, a logo). */
async function paintsImage(page: Awaited<ReturnType<PdfDocument['getPage']>>, ops: Record<string, number>): Promise<boolean> {
  const { fnArray } = await page.getOperatorList();
  const image = new Set([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageXObjectRepeat, ops.paintJpegXObject].filter((op) => op !== undefined));
  return fnArray.some((op) => image.has(op));
}

/** Renders one page to PNG with the canvas factory pdf.js uses in Node (@napi-rs/canvas). */
async function renderPage(doc: PdfDocument, pageNumber: number): Promise<Uint8Array> {
  const page = await doc.getPage(pageNumber);
  try {
    let viewport = page.getViewport({ scale: OCR_SCALE });
    const pixels = viewport.width * viewport.height;
    if (pixels > MAX_RENDER_PIXELS) viewport = page.getViewport({ scale: OCR_SCALE * Math.sqrt(MAX_RENDER_PIXELS / pixels) });
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    // Scans often have transparent backgrounds; OCR wants dark text on white.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
    const png = canvas.toBuffer('image/png');
    factory.destroy({ canvas, context });
    return new Uint8Array(png);
  } finally {
    page.cleanup();
  }
}

interface CanvasFactory {
  create(width: number, height: number): { canvas: { width: number; height: number; toBuffer(mime: string): Buffer }; context: { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void } };
  destroy(pair: unknown): void;
}

const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
