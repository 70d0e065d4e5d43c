import { listZip } from './extract/zip.js';

/** Media types recognised by their first bytes, never by the file name. */
export type DetectedType =
  | { kind: 'pdf'; mediaType: 'application/pdf' }
  | { kind: 'docx'; mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }
  | { kind: 'odt'; mediaType: 'application/vnd.oasis.opendocument.text' }
  | { kind: 'zip'; mediaType: 'application/zip' }
  | { kind: 'doc'; mediaType: 'application/msword' }
  | { kind: 'ole'; mediaType: 'application/x-ole-storage' }
  /** A password-protected Office Open XML file (DOCX, XLSX…): an OLE file holding the encrypted package. */
  | { kind: 'encrypted-ooxml'; mediaType: 'application/x-ole-storage' }
  | { kind: 'rtf'; mediaType: 'application/rtf' }
  | { kind: 'image'; mediaType: string }
  | { kind: 'html'; mediaType: 'text/html' }
  | { kind: 'text'; mediaType: 'text/plain' }
  | { kind: 'binary'; mediaType: 'application/octet-stream' }
  | { kind: 'empty'; mediaType: 'application/x-empty' };

const WORD_DOCUMENT = Buffer.from('WordDocument', 'utf16le');
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

const startsWith = (b: Uint8Array, sig: number[], offset = 0) => sig.every((v, i) => b[offset + i] === v);

/** Recognises the document type from its bytes alone (the file name is never consulted). */
export function detectType(bytes: Uint8Array): DetectedType {
  if (bytes.length === 0) return { kind: 'empty', mediaType: 'application/x-empty' };
  // %PDF may be preceded by a little junk; readers accept it within the first 1 KiB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return { kind: 'pdf', mediaType: 'application/pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // ODF puts an uncompressed `mimetype` entry first, so its value sits at a fixed offset.
    const lead = Buffer.from(bytes.subarray(30, 120)).toString('latin1');
    if (lead.startsWith('mimetypeapplication/vnd.oasis.opendocument.text')) return { kind: 'odt', mediaType: 'application/vnd.oasis.opendocument.text' };
    const names = listZip(bytes)?.map((e) => e.name);
    if (names?.includes('word/document.xml')) return { kind: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    if (names?.includes('content.xml') && names.includes('META-INF/manifest.xml')) return { kind: 'odt', mediaType: 'application/vnd.oasis.opendocument.text' };
    // No readable central directory (a truncated download): judge by the local headers seen at the start.
    if (!names) {
      const probe = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
      if (probe.includes('word/')) return { kind: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    }
    return { kind: 'zip', mediaType: 'application/zip' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE compound file is a Word document when its directory names a WordDocument stream
    // (UTF-16LE), and an encrypted DOCX when it names an EncryptedPackage stream (MS-OFFCRYPTO).
    const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (all.includes(WORD_DOCUMENT)) return { kind: 'doc', mediaType: 'application/msword' };
    return all.includes(ENCRYPTED_PACKAGE) ? { kind: 'encrypted-ooxml', mediaType: 'application/x-ole-storage' } : { kind: 'ole', mediaType: 'application/x-ole-storage' };
  }
  if (head.startsWith('{\\rtf')) return { kind: 'rtf', mediaType: 'application/rtf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { kind: 'image', mediaType: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mediaType: 'image/jpeg' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { kind: 'image', mediaType: 'image/tiff' };
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return { kind: 'image', mediaType: 'image/webp' };
  // BMP: "BM", then the file's size, and a DIB header of a known size.
  if (head.startsWith('BM') && bytes.length > 26 && [12, 40, 52, 56, 64, 108, 124].includes(Buffer.from(bytes.subarray(14, 18)).readUInt32LE(0))) return { kind: 'image', mediaType: 'image/bmp' };
  if (looksLikeText(bytes)) {
    return looksLikeHtml(decodeText(bytes.subarray(0, 4096))) ? { kind: 'html', mediaType: 'text/html' } : { kind: 'text', mediaType: 'text/plain' };
  }
  return { kind: 'binary', mediaType: 'application/octet-stream' };
}

/** A doctype, an <html> element, or a <body>/<head> near the start; a Markdown file mentioning <div> is not HTML. */
export function looksLikeHtml(head: string): boolean {
  const t = head.replace(/^\uFEFF/, '').trimStart().slice(0, 2048).toLowerCase();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!doctype html/.test(t) || /^(<!--[\s\S]*?-->\s*)*<html[\s>]/.test(t) || (/^<(head|body|meta|title)[\s>]/.test(t) && /<\/(head|body|title|p|div)>/.test(t));
}

/**
 * Text (UTF-16 with BOM, UTF-8 that decodes cleanly, else a legacy single-byte file read as
 * Windows-1252, as old Notepad saves "José García") with almost no control characters.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  const unicode = utf8(sample) ?? (sample.length < bytes.length ? utf8(sample.subarray(0, sample.length - 4)) : undefined);
  const text = unicode ?? WINDOWS_1252.decode(sample);
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    // In a legacy file, the five bytes Windows-1252 leaves undefined (0x81, 0x8D…) count as control too.
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (!unicode && c >= 0x7f && c <= 0x9f)) control++;
  }
  return control / Math.max(1, text.length) < 0.01;
}

/** Windows-1252's 0x80–0x9F (0 where it defines none); every other byte is its Latin-1 code point. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Windows-1252, written out: Node 20's TextDecoder('windows-1252') decodes as Latin-1, turning
 * the en dash (0x96) and curly quotes into C1 control characters. (Other Windows code pages,
 * such as windows-1251, decode correctly.)
 */
export const WINDOWS_1252 = {
  decode(bytes: Uint8Array): string {
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b));
      out += String.fromCharCode(...chunk);
    }
    return out;
  },
};

/** The bytes as UTF-8, or undefined when they are not valid UTF-8 (a cut multi-byte character included). */
function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Text from bytes: UTF-16 by its BOM, UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return (utf8(bytes) ?? WINDOWS_1252.decode(bytes)).replace(/^\uFEFF/, '');
}
