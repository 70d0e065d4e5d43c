import type { Experience } from '../../model/index.js';
import { isLocation } from './contact.js';
import { findDateRange } from './dates.js';
import { isBullet, stripBullet } from './sections.js';

export const TITLE_WORDS =
  /\b(engineer|developer|programmer|architect|manager|director|lead|head|analyst|scientist|consultant|specialist|administrator|coordinator|officer|associate|executive|representative|assistant|technician|designer|nurse|accountant|auditor|controller|bookkeeper|clerk|teacher|instructor|professor|lecturer|tutor|partner|intern|trainee|apprentice|president|vp|vice president|founder|co-founder|owner|cto|ceo|cfo|coo|supervisor|operator|advocate|attorney|lawyer|paralegal|counsel|physician|therapist|pharmacist|chef|cook|trainer|coach|recruiter|generalist|planner|strategist|writer|editor|researcher|fellow|agent|broker|advisor|adviser|buyer|merchandiser|tester|sre|devops|dba|leader|nutritionist|dietitian|lecturer|drafter|foreman|electrician|mechanic|pilot|secretary|receptionist|cashier|banker|underwriter|actuary|economist|statistician|marketer|producer|artist|photographer|account executive|business partner|member of technical staff|co-op|coop)s?\b/i;
export const COMPANY_WORDS =
  /\b(inc|llc|ltd|limited|corp|corporation|company|co|group|gmbh|plc|technologies|technology|solutions|systems|labs|laboratories|bank|hospital|clinic|health|healthcare|medical|university|college|school|institute|partners|associates|consulting|services|software|studios|agency|foundation|logistics|financial|capital|insurance|industries|manufacturing|motors|energy|pharma|pharmaceuticals|networks|media|retail|holdings|ventures|enterprises|international|global)\b\.?/i;

/**
 * Splits a header line into fragments at " | ", " — ", " – ", " - ", " at ", " @ ", tabs, wide
 * gaps, a full-width hyphen or a character lost to mojibake (U+FFFD).
 */
export function headerFragments(line: string): string[] {
  return line
    .split(/\s+[|–—\-－]\s+|\s*[|\uFFFD]\s*|\s+(?:at|@)\s+|\t+|\s{3,}/)
    .flatMap(splitAfterPlace)
    // "Denver , CO": HTML-to-PDF exports put a space before the comma.
    .map((f) => f.replace(/\s+,/g, ',').replace(/^[\s,;:()]+|[\s,;:()]+$/g, '').trim())
    .filter((f) => f.length > 0);
}

const US_STATE_CODES = 'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC';
/** "Acme Corp Denver , CO Staff Accountant": a US place ends the employer part and the title follows. */
const AFTER_PLACE = new RegExp(`^(.*\\p{Lu}[\\p{L}.'-]*\\s?,\\s?(?:${US_STATE_CODES.replace(/ /g, '|')}|State))\\s+(\\p{L}.*)$`, 'u');

function splitAfterPlace(fragment: string): string[] {
  const m = AFTER_PLACE.exec(fragment);
  return m ? [m[1]!, m[2]!] : [fragment];
}

/** Every occurrence, for matchAll (compiled once: header splitting runs for each fragment of each resume). */
const TITLE_WORDS_ALL = new RegExp(TITLE_WORDS.source, 'gi');
const COMPANY_WORDS_ALL = new RegExp(COMPANY_WORDS.source, 'gi');

/** "Acme Corp Sacramento, CA": an employer ending in a company word, then its place. */
function employerBeforePlace(fragment: string): [string, string] | undefined {
  const words = [...fragment.matchAll(COMPANY_WORDS_ALL)];
  const last = words[words.length - 1];
  if (!last) return undefined;
  const end = last.index + last[0].length;
  const place = fragment.slice(end).replace(/^[\s,.]+/, '');
  return place && /^\p{Lu}/u.test(place) && isLocation(place) ? [fragment.slice(0, end).trim(), place] : undefined;
}

/** Words after a title that grade it rather than name an employer ("Accountant II", "Engineer Sr."). */
const GRADE = /^(?:[IVX]{1,4}|\d{1,2}|Sr\.?|Jr\.?|Grade|Level|[-–/&,])$/;

/**
 * "Billing Accountant Company Name", "Sales Associate Walmart": a title and an employer run
 * together. Splits after the last title word when capitalised words that name no title follow.
 */
function splitTitleEmployer(fragment: string): [string, string] | undefined {
  const words = [...fragment.matchAll(TITLE_WORDS_ALL)];
  const last = words[words.length - 1];
  if (!last) return undefined;
  let end = last.index + last[0].length;
  if (!/^\s/.test(fragment.slice(end))) return undefined;
  // Grades stay with the title: "Accountant II Acme Corp" is "Accountant II" at "Acme Corp".
  for (const g of fragment.slice(end).matchAll(/\s+(\S+)/g)) {
    if (!GRADE.test(g[1]!)) break;
    end += g[0].length;
  }
  const rest = fragment.slice(end).trim();
  if (!/^\p{Lu}/u.test(rest) || TITLE_WORDS.test(rest)) return undefined;
  return [fragment.slice(0, end).trim(), rest];
}

/** "City, State", "Pune, Maharashtra": a place, even one no table knows, is no title. */
const PLACE_LIKE = /^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*)*, \p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*)?$/u;
/** A duty, not a header: a sentence opening with a verb ("Assisted Product Managers with the launch …"). */
const DUTY = /^(?:assisted|assist|oversee|oversaw|trained|train|operated?|managed|manage|developed|develop|supported|support|handled|handle|performed|perform|responsible|worked|prepared|prepare|created|create|maintained|maintain|coordinated|provided|provide|ensured|ensure|designed|implemented|conducted|established|processed|\d+\.)\b/i;

/** A fragment that can name a title, an employer or a place: short, and no duty sentence. */
const plausible = (f: string) => f.split(/\s+/).length <= 10 && !(DUTY.test(f) && f.split(/\s+/).length > 3);

/**
 * A left-over fragment with no title word that still reads as no title: a heading
 * ("Responsibilities"), a verb ("Consulted", "Assist in"), a lone function word, or a sentence
 * ("Cold call customers that responded to ads"). Titles the word list lacks pass ("Barista",
 * "Day Care Provider", "grill closer").
 */
const NOT_TITLE =
  /^(?:responsibilities|duties|accomplishments|achievements|highlights|description|summary|skills|the|a|an|and|or|of|in)$|^\p{L}+ed$|\b(?:in|on|to|for|with|and|of)$|\b(?:that|which|who|whom|responded|is|are|was|were)\b/iu;

function classify(fragments: string[]): Pick<Experience, 'title' | 'company' | 'location'> {
  let title: string | undefined;
  let company: string | undefined;
  let location: string | undefined;
  const rest: string[] = [];
  for (const f of fragments.filter(plausible)) {
    const at = !location && !company && isLocation(f) ? employerBeforePlace(f) : undefined;
    if (at) [company, location] = at;
    else if (!location && isLocation(f)) location = f;
    else if (!title && TITLE_WORDS.test(f) && !COMPANY_WORDS.test(f)) title = f;
    else if (!company && COMPANY_WORDS.test(f) && !TITLE_WORDS.test(f)) company = f;
    else rest.push(f);
  }
  for (const f of rest) {
    const split = !title && !company ? splitTitleEmployer(f) : undefined;
    if (split) {
      title = split[0];
      if (isLocation(split[1])) location ??= split[1];
      else company = split[1];
    } else if (!title && TITLE_WORDS.test(f)) title = f;
    else if (!company) company = f;
    else if (!title && !PLACE_LIKE.test(f) && !NOT_TITLE.test(f)) title = f;
  }
  // "Senior Engineer, Northwind Logistics", "Registered Nurse, ICU, Valley Hospital": with no company
  // elsewhere, the company starts at the first comma-separated part that names an organisation
  // (or is the last part).
  if (title && !company && title.includes(', ')) {
    const parts = title.split(', ');
    let at = parts.findIndex((p, i) => i > 0 && COMPANY_WORDS.test(p));
    if (at < 0) at = parts.length - 1;
    const rest = parts.slice(at).join(', ');
    if (!isLocation(rest)) {
      company = rest;
      title = parts.slice(0, at).join(', ');
    }
  }
  return { title, company, location };
}

const looksLikeHeader = (line: string) => {
  const t = line.trim();
  // A trailing period ends a sentence, unless it ends an abbreviation ("Lakeshore Payments Inc.").
  const sentence = /[.;]$/.test(t) && !/\b(inc|ltd|co|corp|llc|llp|plc|jr|sr|st|intl|bros|pvt)\.$/i.test(t);
  return t.length > 0 && t.length <= 90 && !isBullet(line) && !sentence && t.split(/\s+/).length <= 12;
};

/**
 * Experience entries from the experience section. Each entry is anchored on a
 * line carrying a date range; its title and company come from that line and
 * the header-like lines just above it (or just below, when the dates come first).
 */
export function parseExperience(lines: string[]): Array<Omit<Experience, 'skills'>> {
  const anchors: number[] = [];
  lines.forEach((l, i) => {
    if (!isBullet(l) && findDateRange(l)) anchors.push(i);
  });
  const entries: Array<Omit<Experience, 'skills'>> = [];
  const used = new Set<number>();
  anchors.forEach((a, k) => {
    const line = lines[a]!;
    const range = findDateRange(line)!;
    const residual = (line.slice(0, range.index) + ' ' + line.slice(range.index + range.match.length)).replace(/[(),|–—-]\s*$/g, '').trim();
    const headerLines: number[] = [];
    const prevAnchor = k > 0 ? anchors[k - 1]! : -1;
    // Up to two header-like lines directly above, not owned by the previous entry.
    for (let j = a - 1; j > prevAnchor && headerLines.length < 2; j--) {
      const l = lines[j]!;
      if (!l.trim()) {
        if (headerLines.length) break;
        continue;
      }
      if (!looksLikeHeader(l) || used.has(j)) break;
      headerLines.unshift(j);
    }
    // Header lines directly above belong to this entry only if the previous entry had description lines in between.
    const fragments = [...headerLines.map((j) => lines[j]!), residual].flatMap(headerFragments);
    let next = a + 1;
    if (classify(fragments).title === undefined || fragments.length < 2) {
      // Dates first, then title and company on the following lines.
      while (next < lines.length && next < a + 3 && looksLikeHeader(lines[next]!) && !findDateRange(lines[next]!) && fragments.length < 3) {
        fragments.push(...headerFragments(lines[next]!));
        next++;
      }
    }
    headerLines.forEach((j) => used.add(j));
    const nextAnchor = k + 1 < anchors.length ? anchors[k + 1]! : lines.length;
    const body: string[] = [];
    for (let j = next; j < nextAnchor; j++) body.push(lines[j]!);
    // Trailing header-like lines belong to the next entry.
    if (k + 1 < anchors.length) {
      let drop = 0;
      for (let j = body.length - 1; j >= 0 && drop < 2; j--) {
        if (!body[j]!.trim()) continue;
        if (looksLikeHeader(body[j]!)) drop++;
        else break;
      }
      let removed = 0;
      while (removed < drop && body.length) {
        const last = body.pop()!;
        if (last.trim()) removed++;
      }
    }
    const { title, company, location } = classify(fragments);
    entries.push({
      ...(title ? { title } : {}),
      ...(company ? { company } : {}),
      ...(location ? { location } : {}),
      start: range.start,
      ...(range.end ? { end: range.end } : {}),
      current: range.current,
      description: body.map(stripBullet).filter(Boolean).join('\n'),
    });
  });
  return entries;
}
