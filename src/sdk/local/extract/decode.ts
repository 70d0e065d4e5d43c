/**
 * Decoding one document to text, by its detected type. This runs inside the
 * extraction worker thread (see ../extract-thread.ts), where a time or memory
 * limit can stop it; `refuseEarly` holds the checks cheap enough for the caller's thread.
 */
import { ExtractionError } from '../../errors.js';
import type { ExtractedText } from '../../ports/index.js';
import { decodeText, detectType, type DetectedType } from '../detect.js';
import { extractImage } from './image.js';
import { withLinks, type Decoded, type Hyperlink } from './links.js';
import { htmlToText, looksLikeMarkdown, markdownToText } from './markup.js';
import { encryptedDocument, extractDoc, extractDocx, extractOdt, extractRtf } from './office.js';
import { extractPdf } from './pdf.js';
import type { ZipLimits } from './zip.js';

/** What the decoders need to know; plain data, so it can be sent to a worker thread. */
export interface DecodeOptions {
  maxPages: number;
  /** Pages of a PDF without a text layer read by OCR; 0 when OCR is off. */
  maxOcrPages: number;
  ocr: boolean;
  zipLimits: ZipLimits;
}

/** Minimum letters for a document to count as having text at all. */
const MIN_LETTERS = 20;

const SUPPORTED = 'Supported: PDF, DOCX, DOC, ODT, RTF, HTML, text, Markdown, PNG, JPEG, TIFF, WebP and BMP.';

/**
 * The verdict for files that need no decoder (empty, or a type we do not read):
 * an ExtractionError to throw, or undefined when the file must be decoded.
 */
export function refuseEarly(type: DetectedType, file: string | undefined): ExtractionError | undefined {
  const name = file ?? 'document';
  switch (type.kind) {
    case 'empty':
      return new ExtractionError(`${name} is empty (0 bytes)`, { code: 'E_EMPTY_FILE', file, hint: 'Re-export or re-download the resume.' });
    case 'encrypted-ooxml':
      return encryptedDocument(file, 'DOCX');
    case 'ole':
      return new ExtractionError(`${name} is an Office compound file that is not a Word document (an Excel sheet or Outlook message?)`, {
        code: 'E_UNSUPPORTED_FORMAT',
        file,
        hint: `${SUPPORTED} Save the resume in one of these.`,
      });
    case 'zip':
    case 'binary':
      return new ExtractionError(`${name} is not a supported document (detected ${type.mediaType} from its content)`, {
        code: 'E_UNSUPPORTED_FORMAT',
        file,
        hint: `${SUPPORTED} A renamed or corrupt file shows up this way.`,
      });
    default:
      return undefined;
  }
}

/** Decodes a document to normalised text; every failure is an ExtractionError naming the file. */
export async function decodeDocument(bytes: Uint8Array, file: string | undefined, options: DecodeOptions, signal?: AbortSignal): Promise<ExtractedText> {
  const type = detectType(bytes);
  const refused = refuseEarly(type, file);
  if (refused) throw refused;
  let result: Decoded;
  switch (type.kind) {
    case 'pdf':
      result = await extractPdf(bytes, { maxPages: options.maxPages, maxOcrPages: options.ocr ? options.maxOcrPages : 0, signal, file });
      break;
    case 'docx':
      result = await extractDocx(bytes, file, options.zipLimits);
      break;
    case 'odt':
      result = await extractOdt(bytes, file, options.zipLimits);
      break;
    case 'doc':
      result = await extractDoc(bytes, file);
      break;
    case 'rtf':
      result = extractRtf(bytes);
      break;
    case 'html': {
      const links: Hyperlink[] = [];
      result = { text: htmlToText(decodeText(bytes), links), mediaType: 'text/html', warnings: [], links };
      break;
    }
    case 'image':
      result = await extractImage(bytes, type.mediaType, { signal, file, ocr: options.ocr });
      break;
    default: {
      const text = decodeText(bytes);
      result = looksLikeMarkdown(text) ? { text: markdownToText(text), mediaType: 'text/markdown', warnings: [] } : { text, mediaType: 'text/plain', warnings: [] };
    }
  }
  // Link targets the text does not show ("LinkedIn" set on the profile's URL) are added to it.
  const { links: found, ...extracted } = result;
  result = extracted;
  result.text = normaliseText(withLinks(result.text, found));
  // Binary read as text (an encrypted part, a damaged stream): no profile may come of it.
  const visible = result.text.replace(/\s+/g, '');
  let junk = 0;
  for (let i = 0; i < visible.length; i++) {
    const c = visible.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) junk++;
  }
  if (visible.length && junk / visible.length > 0.05) {
    throw new ExtractionError(`${file ?? 'document'} decodes to binary, not text (${Math.round((100 * junk) / visible.length)} % control or undecodable characters)`, {
      code: 'E_EXTRACT_CORRUPT',
      file,
      hint: 'The file is damaged or encrypted: open and re-save it, or export it as PDF.',
    });
  }
  const letters = (result.text.match(/\p{L}/gu) ?? []).length;
  if (letters < MIN_LETTERS) {
    const scanned = type.kind === 'pdf' || type.kind === 'image';
    throw new ExtractionError(`${file ?? 'document'} has no usable text (${letters} letters found${scanned && options.ocr ? ', OCR included' : ''})`, {
      code: 'E_NO_TEXT',
      file,
      hint: scanned
        ? options.ocr
          ? 'OCR found no readable text: the scan may be too faint, blurred or rotated, or the image holds no text (a logo or photo). Re-scan at 300 dpi, or send the resume as PDF or DOCX.'
          : 'It is probably a scan without a text layer: turn OCR on (parsing.ocr: true) or export it with text.'
        : 'Check that the file holds the resume text.',
    });
  }
  return result;
}

const LIGATURES = ['ff', 'fi', 'fl', 'ffi', 'ffl', 'st', 'st'];

/** Unifies line endings and odd spaces, collapses runs of blank lines, keeps line structure. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    // Zero-width characters and soft hyphens ("develop\u00adment") are invisible in the document.
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    // Typographic ligatures ("certiﬁed") spell their letters.
    .replace(/[\ufb00-\ufb06]/g, (c) => LIGATURES[c.charCodeAt(0) - 0xfb00]!)
    .replace(/[ ]{2,}/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
