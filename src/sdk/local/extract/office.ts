/** Word-processor formats: DOCX (mammoth), ODT (content.xml), legacy DOC (word-extractor), RTF. */
import { ExtractionError } from '../../errors.js';
import type { ExtractedText } from '../../ports/index.js';
import type { Decoded, Hyperlink } from './links.js';
import { decodeText } from '../detect.js';
import { htmlToText, odfPageText, odfToText, wordBoxedParagraphs, wordXmlToText } from './markup.js';
import { wordDocumentEncrypted } from './ole.js';
import { rtfToText } from './rtf.js';
import { checkZipLimits, listZip, readEntry, verifyEntries, type ZipEntry, type ZipLimits } from './zip.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Zip-level checks first (declared and actual sizes), then mammoth on an archive known to be sane. */
export async function extractDocx(bytes: Uint8Array, file?: string, limits?: ZipLimits): Promise<Decoded> {
  const entries = listZip(bytes);
  if (!entries) throw corruptDocx(file, 'its zip directory is missing or cut short');
  checkZipLimits(entries, file, limits);
  verifyEntries(bytes, entries, file);
  const mammoth = await import('mammoth');
  let res;
  try {
    res = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  } catch (err) {
    throw corruptDocx(file, (err as Error).message, err);
  }
  // Mammoth reads the body only; resume templates keep the name and contact line in the page header.
  const { headers, footers, links, paragraphs } = docxParts(bytes, entries, file);
  const body = res.value.trim();
  const text = [...headers, body, missedBy(body, paragraphs), ...footers].filter(Boolean).join('\n\n');
  return { text, mediaType: DOCX, warnings: res.messages.map((m) => m.message), links };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The text-box and simple-field paragraphs whose lines mammoth's text does not hold, one per
 * line: a text box written without the VML copy mammoth reads, or a w:fldSimple's result.
 */
function missedBy(text: string, paragraphs: string[]): string {
  const lines = new Set(text.split('\n').map(squash));
  return paragraphs.filter((p) => p.split('\n').some((l) => squash(l) && !lines.has(squash(l)))).join('\n');
}

/** A part's relationships (word/_rels/<part>.rels): id → target, a part path or an external URL. */
function relationships(bytes: Uint8Array, entries: ZipEntry[], part: string, file?: string): Map<string, string> {
  const out = new Map<string, string>();
  const slash = part.lastIndexOf('/');
  const rels = entries.find((e) => e.name === `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`);
  if (!rels) return out;
  for (const m of readEntry(bytes, rels, file).toString('utf8').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1]?.replace(/&amp;/g, '&');
    if (!id || !target) continue;
    const external = /\bTargetMode="External"/.test(m[0]);
    out.set(id, external ? target : target.startsWith('/') ? target.slice(1) : `${part.slice(0, slash)}/${target}`);
  }
  return out;
}

/**
 * What mammoth leaves out: the page headers and footers the sections use, each once, in the
 * order the sections name them (resolved through document.xml's relationships), and the
 * hyperlinks of the body, headers and footers, whose targets mammoth's text drops; and the
 * body's text-box and field paragraphs, to find those mammoth missed.
 */
function docxParts(bytes: Uint8Array, entries: ZipEntry[], file?: string): { headers: string[]; footers: string[]; links: Hyperlink[]; paragraphs: string[] } {
  const out = { headers: [] as string[], footers: [] as string[], links: [] as Hyperlink[], paragraphs: [] as string[] };
  const DOCUMENT = 'word/document.xml';
  const document = entries.find((e) => e.name === DOCUMENT);
  if (!document) return out;
  const xml = readEntry(bytes, document, file).toString('utf8');
  const rels = relationships(bytes, entries, DOCUMENT, file);
  // In the order of the text: headers, body, footers.
  const links = { header: [] as Hyperlink[], body: [] as Hyperlink[], footer: [] as Hyperlink[] };
  out.paragraphs = wordBoxedParagraphs(xml, links.body, (id) => rels.get(id));
  const seen = new Set<string>();
  for (const m of xml.matchAll(/<w:(header|footer)Reference\b[^>]*\br:id="([^"]+)"/g)) {
    const part = rels.get(m[2]!);
    const found = part && !seen.has(part) ? entries.find((e) => e.name === part) : undefined;
    if (!found) continue;
    seen.add(part!);
    const partRels = relationships(bytes, entries, part!, file);
    const kind = m[1] as 'header' | 'footer';
    const text = wordXmlToText(readEntry(bytes, found, file).toString('utf8'), links[kind], (id) => partRels.get(id));
    const list = kind === 'header' ? out.headers : out.footers;
    if (text && !list.includes(text)) list.push(text);
  }
  // Alternative-format chunks: HTML, MHT, RTF or text a converter embedded whole ("HTML to DOCX"
  // tools write the entire resume so); mammoth skips them.
  for (const m of xml.matchAll(/<w:altChunk\b[^>]*\br:id="([^"]+)"/g)) {
    const part = rels.get(m[1]!);
    const found = part ? entries.find((e) => e.name === part) : undefined;
    const text = found ? altChunkText(part!, readEntry(bytes, found, file), links.body) : '';
    if (text) out.paragraphs.push(text);
  }
  out.links = [...links.header, ...links.body, ...links.footer];
  return out;
}

/** The text of an alternative-format chunk, by its part's extension (content for MHT). */
function altChunkText(part: string, data: Buffer, links: Hyperlink[]): string {
  const ext = /\.(\w+)$/.exec(part)?.[1]?.toLowerCase() ?? '';
  if (ext === 'rtf') return rtfToText(data.toString('latin1'));
  if (ext === 'txt') return decodeText(data);
  const raw = data.toString('latin1');
  if (ext === 'mht' || ext === 'mhtml' || /^MIME-Version:/im.test(raw.slice(0, 2000))) return htmlToText(mhtHtml(raw), links);
  return htmlToText(decodeText(data), links);
}

/** The HTML part of an MHT (MIME multipart) document, its transfer encoding undone. */
function mhtHtml(mht: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(mht)?.[1];
  const parts = boundary ? mht.split(`--${boundary}`) : [mht];
  const html = parts.find((p) => /Content-Type:\s*text\/html/i.test(p.slice(0, 1000))) ?? parts[0] ?? '';
  const split = html.search(/\r?\n\r?\n/);
  const head = split < 0 ? '' : html.slice(0, split);
  let body = split < 0 ? html : html.slice(split).trimStart();
  let bytes: Buffer;
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(head)) {
    body = body.replace(/=\r?\n/g, '');
    bytes = Buffer.from(body.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  } else if (/Content-Transfer-Encoding:\s*base64/i.test(head)) bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else bytes = Buffer.from(body, 'latin1');
  return decodeText(new Uint8Array(bytes));
}

export async function extractOdt(bytes: Uint8Array, file?: string, limits?: ZipLimits): Promise<Decoded> {
  const entries = listZip(bytes);
  if (!entries) throw corrupt(file, 'ODT', 'its zip directory is missing or cut short');
  checkZipLimits(entries, file, limits);
  const content = entries.find((e) => e.name === 'content.xml');
  if (!content) throw corrupt(file, 'ODT', 'it has no content.xml');
  // A password-protected ODT keeps its manifest in the clear and says which parts are encrypted.
  const manifest = entries.find((e) => e.name === 'META-INF/manifest.xml');
  if (manifest && /<manifest:file-entry\b[^>]*manifest:full-path="content\.xml"[^>]*>\s*<manifest:encryption-data\b/.test(readEntry(bytes, manifest, file).toString('utf8'))) {
    throw encryptedDocument(file, 'ODT');
  }
  const xml = readEntry(bytes, content, file).toString('utf8');
  const styles = entries.find((e) => e.name === 'styles.xml');
  try {
    // Page headers and footers live with the master pages in styles.xml.
    const links: Hyperlink[] = [];
    const { headers, footers } = styles ? odfPageText(readEntry(bytes, styles, file).toString('utf8'), links) : { headers: [], footers: [] };
    const text = [...headers, odfToText(xml, links), ...footers].filter(Boolean).join('\n\n');
    return { text, mediaType: 'application/vnd.oasis.opendocument.text', warnings: [], links };
  } catch (err) {
    throw corrupt(file, 'ODT', (err as Error).message, err);
  }
}

/** Legacy Word 97–2003 (.doc), an OLE compound file. Other OLE files (.xls, .msg) are refused as unsupported. */
export async function extractDoc(bytes: Uint8Array, file?: string): Promise<ExtractedText> {
  if (wordDocumentEncrypted(bytes)) throw encryptedDocument(file, 'Word 97–2003 (.doc)');
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
  const text = [headers, body, doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }).trim(), doc.getFooters().trim()].filter(Boolean).join('\n\n');
  return { text: text.replace(/\r/g, '\n'), mediaType: 'application/msword', warnings: [] };
}

export function extractRtf(bytes: Uint8Array): ExtractedText {
  // RTF is 7-bit ASCII with escapes; Latin-1 keeps every byte as one character for the tokenizer.
  return { text: rtfToText(Buffer.from(bytes).toString('latin1')), mediaType: 'application/rtf', warnings: [] };
}

/** A password-protected document: it cannot be read without its password. */
export function encryptedDocument(file: string | undefined, kind: string): ExtractionError {
  return new ExtractionError(`${file ?? 'document'} is a password-protected ${kind} file`, {
    code: 'E_EXTRACT_ENCRYPTED',
    file,
    hint: 'Ask for an unprotected copy, or open it with the password and save it without one (or export it as PDF).',
  });
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
