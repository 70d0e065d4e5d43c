/** Images (scanned or photographed resumes): size checks from the headers, then OCR. */
import { ExtractionError } from '../../errors.js';
import type { ExtractedText } from '../../ports/index.js';
import { ocrImages, type OcrPackages } from './ocr.js';

/** A 600-dpi A4 scan is 35 megapixels; anything larger is refused before decoding. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Width and height from a PNG, JPEG, TIFF, WebP or BMP header, without decoding the image. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (b[0] === 0x89 && b[1] === 0x50) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    // WebP: the first chunk after "RIFF....WEBP" (lossy VP8, lossless VP8L, extended VP8X).
    if (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') {
      const chunk = b.toString('latin1', 12, 16);
      if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
      if (chunk === 'VP8L') {
        const bits = b.readUInt32LE(21);
        return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
      }
      if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
      return undefined;
    }
    // BMP: the DIB header's width and height (negative for top-down rows).
    if (b[0] === 0x42 && b[1] === 0x4d) {
      if (b.readUInt32LE(14) === 12) return { width: b.readUInt16LE(18), height: b.readUInt16LE(20) };
      return { width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) };
    }
    if (b[0] === 0xff && b[1] === 0xd8) {
      let p = 2;
      while (p + 9 < b.length) {
        if (b[p] !== 0xff) return undefined;
        const marker = b[p + 1]!;
        if (marker === 0xff) {
          p++;
          continue;
        }
        // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
          return { height: b.readUInt16BE(p + 5), width: b.readUInt16BE(p + 7) };
        }
        p += 2 + b.readUInt16BE(p + 2);
      }
      return undefined;
    }
    const le = b[0] === 0x49;
    if ((le || b[0] === 0x4d) && b.length > 8) {
      const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
      const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
      const ifd = u32(4);
      const n = u16(ifd);
      let width = 0;
      let height = 0;
      for (let k = 0; k < n; k++) {
        const e = ifd + 2 + k * 12;
        const tag = u16(e);
        const value = u16(e + 2) === 3 ? u16(e + 8) : u32(e + 8);
        if (tag === 256) width = value;
        if (tag === 257) height = value;
      }
      return width && height ? { width, height } : undefined;
    }
  } catch {
    return undefined; // a header cut short: let the decoder report it
  }
  return undefined;
}

export async function extractImage(bytes: Uint8Array, mediaType: string, options: { signal?: AbortSignal; file?: string; ocr: boolean; packages?: OcrPackages }): Promise<ExtractedText> {
  const { file } = options;
  if (!options.ocr) {
    throw new ExtractionError(`${file ?? 'document'} is an image (${mediaType}) and OCR is turned off`, {
      code: 'E_UNSUPPORTED_FORMAT',
      file,
      hint: 'Turn OCR on (parsing.ocr: true), or save the resume as PDF with a text layer, DOCX or text.',
    });
  }
  const size = imageSize(bytes);
  if (size && size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new ExtractionError(`${file ?? 'document'} is a ${size.width}×${size.height} image, over the ${MAX_IMAGE_PIXELS / 1e6}-megapixel limit`, {
      code: 'E_IMAGE_TOO_LARGE',
      file,
      hint: 'Scan at 300 dpi or less, or export the resume as PDF.',
    });
  }
  try {
    const res = await ocrImages([bytes], options);
    // Fewer confidently read letters than a line of text: report no text rather than OCR noise.
    return { text: res.confidentLetters >= 20 ? res.text : '', mediaType, warnings: [`read by OCR (mean word confidence ${Math.round(res.confidence)})`] };
  } catch (err) {
    if (err instanceof ExtractionError) throw err;
    throw new ExtractionError(`${file ?? 'document'}: the image could not be decoded (${(err as Error).message ?? String(err)})`, {
      code: 'E_EXTRACT_CORRUPT_IMAGE',
      file,
      hint: 'Re-save or re-scan the image as PNG or JPEG.',
      cause: err,
    });
  }
}
