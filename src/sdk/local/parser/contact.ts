import type { Profile } from '../../model/index.js';
import { findEmailSpans } from './emails.js';
import { findContactPhones, type PhoneResult } from './phones.js';
import { INDIA_CITIES, INDIA_STATES, placeIn, US_STATES } from './places.js';
import { TITLE_WORDS } from './experience.js';
import { headingOf } from './sections.js';

export { INDIA_STATES };

const URL_RE = /\b(?:https?:\/\/)?(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s,;|)]*)?/gi;

export { findEmails } from './emails.js';

/** The person's phone numbers (rules in phones.ts), for a resume `inferCountry` placed in `country`. */
export function findPhonesDetailed(text: string, country: string): PhoneResult {
  return findContactPhones(text, country);
}

/** Phone numbers in E.164 where the country is known (see phones.ts); as written otherwise. */
export function findPhones(text: string, defaultCountry: string): string[] {
  return findContactPhones(text, inferCountry(text, defaultCountry)).phones;
}

/**
 * The country a resume's numbers are most likely from, when its text says:
 * Indian states or "India", UK places, else `fallback`. Used for numbers written without "+country"
 * when the contact block itself names no place.
 */
export function inferCountry(text: string, fallback: string): string {
  const sample = text.slice(0, 20_000);
  // "Jagiroad, ASSAM, IN", "Pune, IN": an Indian place before ", IN" is India, not Indiana.
  const indianPlace = new RegExp(`\\b(?:${INDIA_STATES}|${INDIA_CITIES})$`, 'i');
  const us = [...sample.matchAll(new RegExp(CITY_STATE.source, 'g'))].filter((m) => US_STATES.has(m[2]!) && !(m[2] === 'IN' && indianPlace.test(m[1]!))).length;
  const india = (sample.match(new RegExp(`\\b(India|${INDIA_STATES}|${INDIA_CITIES}|${INDIA_LANGUAGES})\\b`, 'gi')) ?? []).length;
  const uk = (sample.match(/\b(United Kingdom|England|Scotland|Wales|London)\b/g) ?? []).length;
  if (india > us && india >= uk && india > 0) return 'IN';
  if (uk > us && uk > 0) return 'GB';
  return fallback;
}

export function findLinks(text: string): Profile['links'] {
  const links: Profile['links'] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(URL_RE)) {
    const raw = m[0].replace(/[.)]+$/, '');
    const before = text[m.index - 1];
    if (before === '@' || /@/.test(raw)) continue; // part of an e-mail address
    const lower = raw.toLowerCase();
    const kind = lower.includes('linkedin.com') ? 'linkedin' : lower.includes('github.com') ? 'github' : /^(https?:\/\/|www\.)/.test(lower) || /\.(dev|io|me|site|design|portfolio)\b/.test(lower) ? 'portfolio' : undefined;
    if (!kind) continue; // bare domains like "example.com" in prose are not links
    const url = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
    if (seen.has(url.toLowerCase())) continue;
    seen.add(url.toLowerCase());
    links.push({ kind, url });
  }
  return links;
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*\p{L}|\p{Lu}\.?|(?:de|da|van|von|der|del|la|le|di|bin|al)\.?)$/u;
/** Words that make a line no person's name: headings, skills, and organisations (an agency's letterhead above the resume). */
const NOT_NAME =
  /\b(resume|curriculum|vitae|cv|page|summary|profile|objective|contact|address|email|phone|confidential|and|of|the|for|id|membership|number|skills?|knowledge|techniques|development|science|technical|technological|computer|senior|junior|inspector|educator|labou?rer|maintainer|distributor|evaluator|selector|worker|helper|customer|service|media|construction|warehouse|partners|staffing|recruitment|recruiting|talent|solutions|consulting|agency|group|associates|services|technologies|inc|llc|ltd|limited|corp|corporation|company)\b/i;
/** Title words that are also common surnames ("Jane Cook", "Tom Foreman"): they alone do not make a line a title. */
const SURNAME_TITLES = /^(?:cook|foreman|fellows?|head|lead|coach|partner|pilot|writer|clerk|buyer|banker)$/i;
/** A line with a job-title word ("Substitute Teacher", "Sous Chef", "Purchasing Agent") is a title, not a name. */
const namesTitle = (line: string) => line.split(/\s+/).some((w) => TITLE_WORDS.test(w) && !SURNAME_TITLES.test(w));

/** "Name: Jane Doe". */
const NAME_LABEL = /^(?:full\s+)?name\s*[:\-–]\s*/i;
/** "Resume of Jane Doe", "CV – Jane Doe". */
const RESUME_OF = /^(?:r[eé]sum[eé]|cv|curriculum vitae)\s*(?:of\s+|[:\-–]\s*)?(?=\p{Lu})/iu;
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|adv|shri|sri|smt)\.?\s+(?=\p{Lu})/iu;
/** Credentials and suffixes after a comma: ", MBA", ", PMP, CSM", ", Ph.D.", ", RN, BSN", ", Jr.". */
const CREDENTIALS = /(?:,\s*(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4}|Ph\.?\s?D|Ed\.?\s?D|[MJ]\.\s?D|P\.?\s?Eng|Jr|Sr|I{2,3}|IV)\.?)+\s*$/;
/** Pronouns in brackets: "(she/her)". */
const PRONOUNS = /\s*\((?:she|he|they|ze|xe)\/\w+(?:\/\w+)?\)/gi;

/**
 * The part of a header line that may be a name, cleaned: before the first separator ("|", a
 * bullet, a tab and, with `spacedDash`, a spaced dash), without e-mail addresses, links and
 * phone numbers beside it, a "Name:" label, an honorific ("Dr.", "Mr.", "Adv."), pronouns or
 * credentials after a comma.
 */
function nameCandidate(raw: string, spacedDash: boolean): string {
  let line = raw;
  for (const s of findEmailSpans(line).reverse()) line = `${line.slice(0, s.index)} ${line.slice(s.end)}`;
  line = line
    .replace(/\b(?:https?:\/\/|www\.)\S+|\b[\w.-]+\.(?:com|net|org|io|me|in|dev)\/\S*/gi, ' ')
    .replace(/\+?\(?\d[\d\s().-]{6,}\d/g, ' ')
    .trim();
  // The part before the first separator only: after a title comes more about the job ("FIELD BASED
  // NURSE CHART REVIEWER - HEALTHCARE INFORMATICS"), not the person's name.
  const first = line.replace(spacedDash ? /\s*(?:[|•·\t]|\s[–—-]\s).*$/ : /\s*[|•·\t].*$/, '');
  return first.replace(NAME_LABEL, '').replace(RESUME_OF, '').replace(HONORIFIC, '').replace(PRONOUNS, '').replace(CREDENTIALS, '').trim();
}

/** A cleaned candidate as a name, in title case where it is written in capitals; undefined when it is none. */
function asName(line: string): string | undefined {
  if (!line || /[@\d]/.test(line) || headingOf(line) || NOT_NAME.test(line) || namesTitle(line)) return undefined;
  const words = line.split(/\s+/);
  if (words.length < 2 || words.length > 5 || !words.every((w) => NAME_WORD.test(w))) return undefined;
  return words.map((w) => (w === w.toUpperCase() && w.length > 2 ? w[0] + w.slice(1).toLowerCase() : w)).join(' ');
}

/**
 * The person's name: the first short line of capitalised words near the top (up to 8 lines, the
 * part before a separator). Failing that, the first three lines before a heading, cut at a spaced
 * dash too ("Jane Doe – Senior Engineer"): further down, "Data Structure - Experience - 6
 * months" is a skill line.
 */
export function findName(headerLines: string[]): string | undefined {
  for (const spacedDash of [false, true]) {
    for (const raw of headerLines.slice(0, spacedDash ? 3 : 8)) {
      if (spacedDash && headingOf(raw)) break;
      const name = asName(nameCandidate(raw, spacedDash));
      if (name) return name;
    }
  }
  return undefined;
}

const CITY_STATE = /\b([A-Z][a-zA-Z.'-]+(?:\s[A-Z][a-zA-Z.'-]+){0,3}),\s*([A-Z]{2})\b(?:\s+\d{5})?/;
/** Languages spoken mainly in India: "Languages known: English & Hindi" places a resume there. */
const INDIA_LANGUAGES = 'Hindi|Marathi|Tamil|Telugu|Kannada|Malayalam|Gujarati|Punjabi|Bengali|Odia|Konkani';
/** "Pune, Maharashtra", "Kopargaon, MAHARASHTRA, IN". */
export const CITY_INDIAN_STATE = new RegExp(`\\b([A-Z][A-Za-z.]+),\\s*(${INDIA_STATES})(?:,\\s*IN\\b)?`, 'i');
const CITY_COUNTRY = /\b([A-Z][a-zA-Z.'-]+(?:\s[A-Z][a-zA-Z.'-]+){0,2}),\s*(United States|USA|UK|United Kingdom|Canada|India|Germany|France|Australia|Ireland|Netherlands|Spain|Italy|Singapore|Nigeria|Kenya|Brazil|Mexico)\b/;

/**
 * The place near the top: after "Location:" / "Address:", else the first part of a header line
 * (between separators, e-mail addresses and links aside) that names one (see placeIn).
 */
export function findLocation(headerLines: string[]): string | undefined {
  for (const line of headerLines.slice(0, 12)) {
    const labelled = /^(?:location|address|based in)\s*[:-]\s*(.+)$/i.exec(line.trim());
    if (labelled) return labelled[1]!.split('|')[0]!.trim();
  }
  for (const line of headerLines.slice(0, 12)) {
    for (const part of line.split(/\s*(?:[|•·;]|\s[–—]\s)\s*/)) {
      if (part.includes('@') || /https?:|www\./i.test(part)) continue;
      const place = placeIn(part);
      if (place) return place;
    }
  }
  return undefined;
}

export function isLocation(fragment: string): boolean {
  const f = fragment.trim();
  if (/^(remote|hybrid|on-?site)$/i.test(f)) return true;
  const m = CITY_STATE.exec(f);
  if (m && US_STATES.has(m[2]!) && m[0].length >= f.length - 6) return true;
  const c = CITY_COUNTRY.exec(f) ?? CITY_INDIAN_STATE.exec(f);
  return Boolean(c && c[0].length >= f.length - 2);
}
