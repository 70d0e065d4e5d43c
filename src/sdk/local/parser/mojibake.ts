/**
 * Repairs mojibake: UTF-8 text that was decoded as Windows-1252 somewhere before it reached us
 * ("ExÃ©cutive" for "Exécutive", "â€“" for "–", "Â " for a no-break space). Resume builders and
 * HTML-to-PDF exports do this often, and the broken letters split words and hide separators.
 *
 * Each run of a UTF-8 lead byte followed by continuation bytes (read back through Windows-1252)
 * is decoded again as UTF-8 and kept only if it decodes cleanly. A run cut short where the
 * export dropped a byte Windows-1252 has no character for ("ï¼" for a full-width hyphen) cannot
 * be restored; the common punctuation leads (â, ï) then become U+FFFD, which the experience
 * parser reads as a separator, instead of letters that look like words.
 */

/** Windows-1252's characters in 0x80–0x9F, by byte. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const BYTE_OF = new Map<string, number>([...CP1252_HIGH].map((c, i) => [c, 0x80 + i]));
for (let b = 0x80; b <= 0xff; b++) if (!BYTE_OF.has(String.fromCharCode(b)) && b >= 0xa0) BYTE_OF.set(String.fromCharCode(b), b);
for (let b = 0x80; b <= 0x9f; b++) if (!BYTE_OF.has(String.fromCharCode(b))) BYTE_OF.set(String.fromCharCode(b), b);

const CONTINUATION = `[\\u0080-\\u00BF${CP1252_HIGH.replace(/[\u0080-\u009f]/g, '')}]`;
/** A lead byte (Â–ô as Windows-1252 letters) and one to three continuation bytes. */
const RUN = new RegExp(`[\\u00C2-\\u00F4]${CONTINUATION}{1,3}`, 'g');

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes a lead byte announces: 2 for C2–DF, 3 for E0–EF, 4 for F0–F4. */
const lengthOf = (lead: number) => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2);

export function repairMojibake(text: string): string {
  if (!/[\u00C2-\u00F4]/.test(text)) return text;
  // "Â" alone before a space or a line end is what is left of a no-break space (C2 A0) whose
  // second byte became a plain space; no language writes "Â" as a word of its own.
  return text.replace(/(?<=\p{Ll}|^|\s)\u00C2(?=[ \t]|$)/gmu, ' ').replace(RUN, repairRun);
}

function repairRun(run: string): string {
  const bytes = [...run].map((c) => BYTE_OF.get(c)!);
  const need = lengthOf(bytes[0]!);
  if (bytes.length >= need) {
    try {
      return utf8.decode(new Uint8Array(bytes.slice(0, need))) + run.slice(need);
    } catch {
      return run;
    }
  }
  // Cut short: only the punctuation leads are safe to call broken ("café»" is good French).
  return /^[âï]/.test(run) ? '\uFFFD' : run;
}
