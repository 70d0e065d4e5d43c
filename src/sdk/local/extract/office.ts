/** Word-processor formats: DOCX (mammoth), ODT (content.xml), legacy DOC (word-extractor), RTF. */
import { ExtractionError } from '../../errors.js';
import type { ExtractedText } from '../../ports/index.js';
import { odfToText } from './markup.js';
import { rtfToText } from './rtf.js';
import { checkZipLimits, listZip, readEntry, verifyEntries, type ZipLimits } from './zip.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Zip-level checks first (declared and actual sizes), then mammoth on an archive known to be sane. */
export async function extractDocx(bytes: Uint8Array, file?: string, limits?: ZipLimits): Promise<ExtractedText> {
  const entries = listZip(bytes);
  if (!entries) throw corruptDocx(file, 'its zip directory is missing or cut short');
  checkZipLimits(entries, file, limits);
  verifyEntries(bytes, entries, file);
  const mammoth = await import('mammoth');
  try {
    const res = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { text: res.value, mediaType: DOCX, warnings: res.messages.map((m) => m.message) };
  } catch (err) {
    throw corruptDocx(file, (err as Error).message, err);
  }
}

export async function extractOdt(bytes: Uint8Array, file?: string, limits?: ZipLimits): Promise<ExtractedText> {
  const entries = listZip(bytes);
  if (!entries) throw corrupt(file, 'ODT', 'its zip directory is missing or cut short');
  checkZipLimits(entries, file, limits);
  const content = entries.find((e) => e.name === 'content.xml');
  if (!content) throw corrupt(file, 'ODT', 'it has no content.xml');
  const xml = readEntry(bytes, content, file).toString('utf8');
  try {
    return { text: odfToText(xml), mediaType: 'application/vnd.oasis.opendocument.text', warnings: [] };
  } catch (err) {
    throw corrupt(file, 'ODT', (err as Error).message, err);
  }
}

/** Legacy Word 97–2003 (.doc), an OLE compound file. Other OLE files (.xls, .msg) are refused as unsupported. */
export async function extractDoc(bytes: Uint8Array, file?: string): Promise<ExtractedText> {
  const { default: WordExtractor } = await import('word-extractor');
  let doc;
  try {
    doc = await new WordExtractor().extract(Buffer.from(bytes));
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    // word-extractor says so when the compound file holds no WordDocument stream.
    if (/WordDocument|Invalid|not a Word|Unsupported/i.test(message) && !/short|truncat|end of/i.test(message)) {
      throw new ExtractionError(`${file ?? 'document'} is an Office compound file but not a Word document (${message})`, {
        code: 'E_UNSUPPORTED_FORMAT',
        file,
        hint: 'Supported: PDF, DOCX, DOC, ODT, RTF, HTML, text, Markdown and images. Save the resume in one of these.',
        cause: err,
      });
    }
    throw corrupt(file, 'DOC', message, err);
  }
  // Headers often carry the name and contact line; the body follows.
  const headers = doc.getHeaders({ includeFooters: false }).trim();
  const body = doc.getBody();
  const text = [headers, body, doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }).trim()].filter(Boolean).join('\n\n');
  return { text: text.replace(/\r/g, '\n'), mediaType: 'application/msword', warnings: [] };
}

export function extractRtf(bytes: Uint8Array): ExtractedText {
  // RTF is 7-bit ASCII with escapes; Latin-1 keeps every byte as one character for the tokenizer.
  return { text: rtfToText(Buffer.from(bytes).toString('latin1')), mediaType: 'application/rtf', warnings: [] };
}

function corruptDocx(file: string | undefined, why: string, cause?: unknown) {
  return new ExtractionError(`${file ?? 'document'} is a damaged DOCX: ${why}`, {
    code: 'E_EXTRACT_CORRUPT_DOCX',
    file,
    hint: 'Open and re-save it in Word or LibreOffice, or export it as PDF.',
    cause,
  });
}

function corrupt(file: string | undefined, kind: string, why: string, cause?: unknown) {
  return new ExtractionError(`${file ?? 'document'} is a damaged ${kind} file: ${why}`, {
    code: 'E_EXTRACT_CORRUPT',
    file,
    hint: 'Open and re-save it in Word or LibreOffice, or export it as PDF.',
    cause,
  });
}
