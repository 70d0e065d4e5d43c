/**
 * Redaction of personal details that must not influence a ranking: name,
 * e-mail, phone, links (which usually carry the name), photo, street address
 * and home location, age and date of birth, gender and marital-status words.
 *
 * Design: the texts a candidate is indexed by (embedding and keyword text) are
 * ALWAYS built from the redacted resume, at import time. Ranking therefore
 * never sees these details, in blind mode or not, and blind ranking is exact
 * rather than approximate. What blind mode changes on top is scoring (the
 * location-fit component, which reads the candidate's home location, is not
 * used) and display (names, sources and evidence lines are shown redacted).
 *
 * Every replacement is one placeholder token, so two resumes that differ only
 * in these details redact to the same text, token for token — which is what
 * makes embeddings and BM25 (which depends on document length) identical.
 * Line structure is kept, so line numbers in evidence refer to the original.
 */

/** What the parser found, used to find the same details elsewhere in the text. */
export interface RedactionHints {
  name?: string;
  emails?: string[];
  phones?: string[];
  location?: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s,;|)]+|\b(?:[a-z0-9-]+\.)*(?:linkedin|github|gitlab|behance|dribbble|twitter|facebook|instagram)\.com\/[^\s,;|)]*/gi;
// Seven or more digits with the usual separators, optionally with a +country code.
const PHONE = /(?<![\p{L}\p{N}])(?:\+\d{1,3}[ \t.-]?)?(?:\(\d{1,5}\)[ \t.-]?)?\d{2,5}(?:[ \t.-]\d{2,5}){1,4}(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])\+?\d{10,13}(?![\p{L}\p{N}])/gu;
const LABELLED: Array<[RegExp, string]> = [
  [/^(\s*(?:full\s+)?name\s*[:\-–]\s*).+$/gim, '[name]'],
  [/^(\s*(?:(?:home|permanent|present|current|residential|mailing|postal)\s+)?address\s*[:\-–]\s*).+$/gim, '[address]'],
  [/^(\s*(?:date\s+of\s+birth|d\.?\s?o\.?\s?b\.?|birth\s*date|born(?:\s+on)?)\s*[:\-–]?\s*).+$/gim, '[age]'],
  [/^(\s*age\s*[:\-–]\s*).+$/gim, '[age]'],
  [/^(\s*(?:gender|sex)\s*[:\-–]\s*).+$/gim, '[gender]'],
  [/^(\s*marital\s+status\s*[:\-–]\s*).+$/gim, '[marital status]'],
  [/^(\s*(?:photo|photograph|picture)\s*[:\-–]?\s*).*$/gim, '[photo]'],
];
const AGE = /\b\d{1,2}[ \t]*(?:years?|yrs?)[ \t]*old\b|\baged?[ \t]+\d{1,2}\b/gi;
const GENDER_WORDS =
  /\b(?:he|she|him|her|his|hers|himself|herself|male|female|man|woman|men|women|boy|girl|husband|wife|son|daughter|father|mother|married|unmarried|divorced|widowed)\b/gi;
// Case-sensitive, and only before a capitalised word, so "MS Excel" and "MS in Physics" stay.
const HONORIFIC = /\b(?:Mr|Mrs|Ms|Mx|Miss)\b\.?(?=[ \t]+\p{Lu})/gu;
// A house number, capitalised words, and a street type: "1204 Pine Street", "12 MG Road". Case
// matters, so prose such as "3 teams in a new way" is not an address.
const STREET_TYPES = ['Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd', 'Lane', 'Ln', 'Boulevard', 'Blvd', 'Drive', 'Dr', 'Court', 'Ct', 'Way', 'Place', 'Pl', 'Terrace', 'Nagar', 'Colony', 'Marg', 'Square', 'Sq'];
const STREET = new RegExp(`\\b\\d{1,6}[A-Za-z]?,?[ \\t]+(?:\\p{Lu}[\\p{L}.'-]*[ \\t]+){1,4}(?:${STREET_TYPES.flatMap((t) => [t, t.toUpperCase()]).join('|')})\\b`, 'u');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Within one line: replacements never join lines, so line numbers survive redaction.
const phrase = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s.trim()).replace(/\s+/g, '[ \\t]+')}(?![\\p{L}\\p{N}])`, 'giu');

/**
 * The text with personal details replaced by placeholders (`[name]`, `[email]`,
 * `[phone]`, `[link]`, `[address]`, `[age]`, `[gender]`, `[photo]`, `[location]`).
 * Deterministic and line-preserving. Its output is stored with candidates
 * (matching/match-data.ts): bump MATCH_DATA_VERSION there when it changes.
 */
export function redactText(text: string, hints: RedactionHints = {}): string {
  let out = text;
  for (const [re, token] of LABELLED) out = out.replace(re, (_m, label: string) => `${label}${token}`);
  out = out.replace(EMAIL, '[email]');
  for (const e of hints.emails ?? []) if (e) out = out.replace(phrase(e), '[email]');
  out = out.replace(URL, '[link]');
  // A line holding a street address is the contact line: the whole line goes (city, ZIP and all).
  out = out.replace(/^.*$/gm, (line) => (STREET.test(line) ? '[address]' : line));
  if (hints.location && hints.location.trim().length > 1) out = out.replace(phrase(hints.location), '[location]');
  // Phones after addresses, so house numbers and ZIP codes are not mistaken for them.
  out = out.replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 7 && !/^\d{4}\s*[-–]\s*\d{4}$/.test(m.trim()) ? '[phone]' : m));
  out = out.replace(AGE, '[age]');
  out = out.replace(GENDER_WORDS, '[gender]').replace(HONORIFIC, '[gender]');
  const name = hints.name?.trim();
  if (name) {
    out = out.replace(phrase(name), '[name]');
    // Then each part on its own ("Marcus" in "Marcus led…"), as a name is written (capitalised or
    // in capitals), so a name like "Will" does not take the verb with it. Initials are skipped.
    for (const part of name.split(/\s+/).filter((p) => p.replace(/\./g, '').length > 1)) {
      const capitalised = part[0]!.toUpperCase() + part.slice(1).toLowerCase();
      for (const form of new Set([part, capitalised, part.toUpperCase()])) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, 'gu'), '[name]');
    }
  }
  return out;
}

/** Redacts a candidate's resume text with the details its parsed profile found. */
export function redactResume(text: string, profile: { name?: string; emails?: string[]; phones?: string[]; location?: string }): string {
  return redactText(text, { name: profile.name, emails: profile.emails, phones: profile.phones, location: profile.location });
}
