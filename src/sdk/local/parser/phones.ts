/**
 * Phone numbers of the person, from the lines that hold contact details: the header, lines
 * with an e-mail address and the lines around them, lines labelled as phones, and a
 * "Contact" / "Personal Details" block. Numbers are read with libphonenumber's full metadata
 * (which rejects most dates, years and IDs that only have a phone's length), for the country
 * the nearest place in the same block names, else the country the whole resume points to.
 * Numbers labelled as something else (IDs, PIN codes, dates, CTC…) are skipped.
 */
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import { findEmailSpans } from './emails.js';
import { countryOfLine } from './places.js';
import { headingOf } from './sections.js';

/** Words that name a telephone number; they win over NOT_PHONE ("Contact No:", "Mobile No."). */
const PHONE_LABEL =
  /\b(?:phone|ph|mobile|mobil|mob|cell|cellphone|cel|celular|tel|t[ée]l|t[ée]l[ée]phone|telefon|telefone|telephone|landline|contact|call|hp|handphone|whatsapp|portable|office|off|home|work|residence|alt|alternate)\b/i;
/** One-letter labels ("M: 98…", "T 0121 …") only when the letter is all the label is: "CRM-M-12345" is a case number. */
const LETTER_LABEL = /^\s*[MTWOHRC]\s*[:.]?\s*\(?$/i;
/** Words that say a number is something else. */
const NOT_PHONE =
  /\b(?:id|no|nos|number|numbers|roll|enrol+ment|employee|emp|order|ticket|invoice|ref|reference|isbn(?:-1[03])?|issn|account|a\/c|ifsc|gst|gstin|pan|aadh?aar|uid|passport|licen[cs]e|iqama|visa|seat|membership|certificate|tender|contract|part|parts|serial|batch|dob|date|birth|born|pin|pincode|zip|postal|postcode|ctc|salary|amount|version|build|ip|period|duration|timeline|cgpa|gpa|percentage|marks|registration|reg)\b/i;
/** A line that labels a phone, anywhere in the resume. */
const PHONE_LINE = /\b(?:phone|mobile|mob|cell|tel|t[ée]l|telephone|contact|ph)\b\.?\s*(?:no\.?|number|#)?\s*[:.\-–]/i;
/** Headings of a contact block that the section splitter does not know as sections. */
const CONTACT_HEADING = /^\s*(?:contact(?:\s+(?:details|information|info|me))?|personal\s+(?:details|information|info|data)|kontakt|coordonn[ée]es|contato|contacto)\s*:?\s*$/i;

/** Hard separators end a label's reach; soft ones ("/", ",") continue a list under the same label. */
const HARD_SPLIT = /\s*(?:\||•|·|;|\t|\s{3,}|\s[–—]\s)\s*/;
const SOFT_SPLIT = /\s*[/,]\s*/;

/** Tokens that are never phone numbers: IP addresses, dates, year ranges. */
const IP = /(?<![\d.+])\d{1,3}(?:\.\d{1,3}){3}(?![.\d])/g;
const DATE = /\b(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})\b/g;
const YEAR_RANGE = /\b(?:19|20)\d{2}\s*[-–]\s*(?:(?:19|20)\d{2}|\d{2})\b/g;

/** A number libphonenumber does not validate, kept as written when a label says it is a phone. */
const RAW_NUMBER = /\+?\(?\d[\d\s().-]{6,}\d/g;
/** A number dialled with the international prefix 00 ("0044 20 …", "0091-98…"). */
const INTL_00 = /(?<![\d+])00(?=[\s-]?[1-9])/g;
const NANP_SHAPE = /^(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$/;

export interface PhoneResult {
  phones: string[];
  /** How many of them libphonenumber validated for their country. */
  validated: number;
}

/** Indexes of the lines that may hold the person's contact details. */
export function contactLineIndexes(lines: string[]): Set<number> {
  const out = new Set<number>();
  const isHeading = (l: string) => Boolean(headingOf(l)) || CONTACT_HEADING.test(l);
  const firstHeading = lines.findIndex(isHeading);
  const headerEnd = Math.min(firstHeading < 0 ? lines.length : firstHeading, 20);
  for (let i = 0; i < headerEnd; i++) out.add(i);
  lines.forEach((line, i) => {
    if (PHONE_LINE.test(line)) out.add(i);
    if (CONTACT_HEADING.test(line)) for (let j = i + 1; j < Math.min(lines.length, i + 9) && !isHeading(lines[j]!); j++) out.add(j);
    if (line.includes('@') && findEmailSpans(line).length) {
      out.add(i);
      for (const step of [-1, 1]) for (let j = i + step, n = 0; n < 2 && j >= 0 && j < lines.length && !isHeading(lines[j]!); j += step, n++) out.add(j);
    }
  });
  return out;
}

/** The country the nearest place in the same block names (up to three lines away, not across a heading). */
function blockCountry(lines: string[], i: number): string | undefined {
  const own = countryOfLine(lines[i]!);
  if (own) return own;
  for (let d = 1; d <= 3; d++) {
    for (const j of [i - d, i + d]) {
      if (j < 0 || j >= lines.length) continue;
      // Stop at a heading between the number and the place.
      const between = j < i ? lines.slice(j + 1, i) : lines.slice(i + 1, j);
      if ([...between, lines[j]!].some((l) => headingOf(l) && !CONTACT_HEADING.test(l))) continue;
      const c = countryOfLine(lines[j]!);
      if (c) return c;
    }
  }
  return undefined;
}

/** The line with e-mails, IPs, dates and year ranges blanked, and labels glued to numbers set apart. */
function cleanLine(line: string): string {
  let out = line;
  for (const s of findEmailSpans(line).reverse()) out = out.slice(0, s.index) + ' | ' + out.slice(s.end);
  return out
    .replace(IP, ' ')
    .replace(DATE, ' ')
    .replace(YEAR_RANGE, ' ')
    .replace(/([A-Za-z]{2})(?=\+?\d{7})/g, '$1 ');
}

type Label = 'phone' | 'other' | undefined;
const labelOf = (segment: string): Label => {
  const cut = segment.search(/[+\d]/);
  const text = cut < 0 ? segment : segment.slice(0, cut);
  return PHONE_LABEL.test(text) || LETTER_LABEL.test(text) ? 'phone' : NOT_PHONE.test(text) ? 'other' : undefined;
};

/** Numbers in one segment: validated by libphonenumber, else as written when labelled as a phone. */
function segmentPhones(segment: string, country: string, labelled: boolean, onEmailLine: boolean): Array<{ phone: string; valid: boolean }> {
  let found = findPhoneNumbersInText(segment, { defaultCountry: country as CountryCode });
  // "0044 …": 00 is the international prefix nearly everywhere but North America (011), so a
  // US resume's "0044 7911 123456" only reads once the 00 is taken for "+".
  if (!found.length) {
    const dialled = segment.replace(INTL_00, '+');
    if (dialled !== segment) found = findPhoneNumbersInText(dialled, { defaultCountry: country as CountryCode });
  }
  if (found.length) return found.map((f) => ({ phone: f.number.number as string, valid: true }));
  if (!labelled && !onEmailLine) return [];
  const out: Array<{ phone: string; valid: boolean }> = [];
  for (const m of segment.matchAll(RAW_NUMBER)) {
    const written = m[0].trim();
    const digits = written.replace(/\D/g, '');
    if (digits.length < 8 || digits.length > 15) continue;
    // Fictional and unassigned ranges (e.g. 555-01xx) fail validation but are still how to reach the person.
    if (written.startsWith('+')) out.push({ phone: `+${digits}`, valid: false });
    else if (NANP_SHAPE.test(written) && digits.length === 10 && country === 'US') out.push({ phone: `+1${digits}`, valid: false });
    else if (labelled) out.push({ phone: written, valid: false });
  }
  return out;
}

/**
 * The person's phone numbers in E.164 where their country is known (written with "+country",
 * or placed by the block or the resume, else `fallbackCountry`), as written otherwise.
 */
export function findContactPhones(text: string, fallbackCountry: string): PhoneResult {
  const lines = text.split('\n');
  const phones = new Map<string, boolean>();
  for (const i of [...contactLineIndexes(lines)].sort((a, b) => a - b)) {
    const line = lines[i]!;
    if (!/\d{3}/.test(line.replace(/\D(?=\d)/g, ''))) continue;
    const country = blockCountry(lines, i) ?? fallbackCountry;
    const onEmailLine = findEmailSpans(line).length > 0;
    for (const group of cleanLine(line).split(HARD_SPLIT)) {
      let inherited: Label;
      for (const segment of group.split(SOFT_SPLIT)) {
        const label = labelOf(segment) ?? inherited;
        inherited = label;
        if (label === 'other' || !/\d/.test(segment)) continue;
        for (const p of segmentPhones(segment, country, label === 'phone', onEmailLine)) if (!phones.has(p.phone) || p.valid) phones.set(p.phone, p.valid);
      }
    }
  }
  return { phones: [...phones.keys()], validated: [...phones.values()].filter(Boolean).length };
}
