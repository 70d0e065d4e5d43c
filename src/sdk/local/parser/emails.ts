/**
 * E-mail addresses in resume text, including what lossy exports do to them: the label glued
 * in front ("Emailjohn@x.com", "EMAILROHINI.K@GMAIL.COM") and the next label glued behind
 * ("john@x.comPhone: …", "JOHN@X.COMMOBILE"); and addresses written against spam harvesters
 * ("jane [at] example [dot] com").
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** A label glued before the address: only a capitalised "Email"/"E-mail" (+ "id"), as lowercase could be the address. */
const GLUED_PREFIX = /^(?:E-?mail|E-?MAIL)(?:[-_]?(?:id|Id|ID))?(?=[A-Za-z0-9]{2})/;

/** Labels that follow an e-mail in contact lines and lose the space before them. */
const NEXT_LABEL = /(phone|mobile|mob|cell|tel|contact|address|linkedin|github|website)$/i;
/** Top-level domains common enough that "comPhone"/"COMMOBILE" reads as one of them plus a label. */
const COMMON_TLD = /^(?:com|net|org|edu|gov|info|biz|io|co|in|uk|us|ca|au|de|fr|sg|br|ae|nz|ie)$/i;

/** An address written against spam harvesters: "jane [at] example [dot] com", "jane(at)example.com". */
const OBFUSCATED = /([A-Za-z0-9._%+-]+)\s*[[(]\s*at\s*[\])]\s*([A-Za-z0-9-]+(?:(?:\s*[[(]\s*dot\s*[\])]\s*|\.)[A-Za-z0-9-]+)*(?:\s*[[(]\s*dot\s*[\])]\s*|\.)[A-Za-z]{2,})\b/gi;

export interface EmailSpan {
  email: string;
  /** Where the address starts and ends in the text (labels glued to it excluded). */
  index: number;
  end: number;
}

/** The last domain label cut where a glued word starts: "comPhone" → "com", "COMMOBILE" → "COM". */
function tldCut(tld: string): string {
  const switchCase = /[a-z][A-Z]/.exec(tld);
  if (switchCase) return tld.slice(0, switchCase.index + 1);
  const label = NEXT_LABEL.exec(tld);
  if (label && COMMON_TLD.test(tld.slice(0, label.index))) return tld.slice(0, label.index);
  return tld;
}

export function findEmailSpans(text: string): EmailSpan[] {
  const out: EmailSpan[] = [];
  for (const m of text.matchAll(EMAIL)) {
    let raw = m[0];
    let index = m.index;
    const prefix = GLUED_PREFIX.exec(raw);
    if (prefix) {
      raw = raw.slice(prefix[0].length);
      index += prefix[0].length;
    }
    const dot = raw.lastIndexOf('.');
    raw = raw.slice(0, dot + 1) + tldCut(raw.slice(dot + 1));
    out.push({ email: raw.toLowerCase(), index, end: index + raw.length });
  }
  for (const m of text.matchAll(OBFUSCATED)) {
    const domain = m[2]!.replace(/\s*[[(]\s*dot\s*[\])]\s*/gi, '.');
    out.push({ email: `${m[1]}@${domain}`.toLowerCase(), index: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Distinct addresses, lower-cased, in order of appearance. */
export function findEmails(text: string): string[] {
  return [...new Set(findEmailSpans(text).map((s) => s.email))];
}
