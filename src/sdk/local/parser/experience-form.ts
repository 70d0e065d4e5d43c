/**
 * Experience written as labelled fields, as job-portal exports and forms do:
 *
 *     company - Tata Consultancy Services
 *     description - Role: ETL Developer. Duration: January 2017 to Till Date …
 *
 * Each "company" line opens an entry; "Role", "Designation" or "Position"
 * lines name its title; the first date range in its text gives its dates.
 */
import type { Experience } from '../../model/index.js';
import { findDateRange } from './dates.js';
import { COMPANY_WORDS, TITLE_WORDS } from './experience.js';
import { stripBullet } from './sections.js';

const COMPANY_FIELD = /^\s*(?:company|employer|organi[sz]ation|company name)\s*[-:–]+\s*(.*)$/i;
const DESCRIPTION_FIELD = /^\s*(?:description|details|responsibilities)\s*[-:–]+\s*(.*)$/i;
const ROLE_FIELD = /^\s*(?:[•*-]\s*)?(?:role|designation|position|job title|title)\s*[.:–-]*\s+(?![&a])(.{2,60}?)\s*\.?$/i;

/**
 * "Worked with ICICI Merchant Services as Sales Manager. (16th Jan 2017 to 30th Aug 2018)",
 * "Currently Working at NOVA ENGINEERING WORKS Since MAY 2018", "Working in SURYA FITNESS as a
 * design engineer": an employer, and perhaps a title, written as a sentence inside an entry's text.
 */
const WORKED_AT = /\b(?:(?:work(?:ed|ing)|employed|associated)\s+(with|at|for|in)|experience\s+at)\s+(?:M\/s\.?\s*)?(\p{Lu}[^;:\n]{1,70}?)\.?\s*(?:,\s*)?(?:\bas\s+(?:an?\s+)?([^(\n]{3,50}?)\s*(?:\.(?<!\b(?:Sr|Jr|Snr|Asst|Dy)\.)|\(|$|\bfrom\b|\bsince\b)|\bsince\b|\bfrom\b|\(|$)/iu;

/**
 * "Worked as a Software Engineer in Technosoft Corporation, Chennai from Aug 2015": the title
 * first, then the employer (capitalised, up to a comma, "from", "since" or the sentence's end).
 */
const WORKED_AS_IN = /\b(?:[Ww]ork(?:ed|ing)|[Ee]mployed)\s+as\s+(?:an?\s+)?([^,.\n]{3,50}?)\s+(?:in|at|with|for)\s+(?:M\/s\.?\s*)?(\p{Lu}[^;:,.\n]{1,70}?)\s*(?=,|\(|\bfrom\b|\bsince\b|\.(?:\s|$)|$)/u;

/** An employer and title read from a "Worked with X as Y" (or "Worked as Y in X") sentence, with the dates on its line. */
function workedAt(line: string): Omit<Experience, 'skills'> | undefined {
  const asIn = WORKED_AS_IN.exec(line);
  const at = WORKED_AT.exec(line);
  // [sentence, employer, title, preposition]
  const m = asIn && TITLE_WORDS.test(asIn[1]!) ? [asIn[0], asIn[2]!, asIn[1], 'as'] : at ? [at[0], at[2]!, at[3], at[1]] : undefined;
  if (!m) return undefined;
  // "ALIA CONSTRUCTION AT NALLASOPARA (WEST) Mumbai": what follows " at " is a place.
  // ", Airoli": a place after the name.
  const company = m[1]!.split(/\s+at\s+/i)[0]!.replace(/,\s*\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?$/u, '').replace(/[\s,]+$/, '').trim();
  if (company.split(/\s+/).length > 8 || !/\p{Lu}/u.test(company[0] ?? '') || PLACEHOLDER.test(company)) return undefined;
  const title = m[2]?.trim();
  // Without "as <title>", only a name that looks like an employer ("Worked with Hadoop" names a tool).
  const employerLike = COMPANY_WORDS.test(company) || !/\p{Ll}/u.test(company) || /^experience/i.test(m[0]!);
  if (!(title && TITLE_WORDS.test(title)) && !employerLike) return undefined;
  // "Working in SURYA FITNESS as …" names an employer; "working in Java as …" does not.
  if (m[3]?.toLowerCase() === 'in' && !employerLike) return undefined;
  return sentenceEntry(line, company, title && TITLE_WORDS.test(title) ? title : undefined);
}

/** An entry for an employer a line of text names, with that line's dates. */
function sentenceEntry(line: string, company: string, title?: string): Omit<Experience, 'skills'> {
  const range = findDateRange(line);
  return {
    company,
    ...(title ? { title } : {}),
    ...(range ? { start: range.start, ...(range.end ? { end: range.end } : {}), current: range.current } : { current: false }),
    description: line.trim(),
  };
}

const LEGAL_FORM = /\b(?:pvt|private|ltd|limited|inc|llc|llp|corp|corporation|co|company|group|gmbh|plc)\b\.?/i;
/** Words that name something built, not who built it ("Online Bus Booking Portal", "News Portal"; not "system", which many employers bear). */
const PRODUCT = /\b(?:portal|site|website|application|app|module|tool|search)\b/i;

/**
 * Whether a company field's value can name an employer. Forms get projects, clients, lists and
 * courts in that field: "Genentech, Biogen, Astellas Pharma, Polaris", "News Portal", "Gauhati
 * High Court", "Domain- Manufacturing". A legal form ("Pvt Ltd", "Inc") always names one.
 */
export function namesEmployer(value: string): boolean {
  if (DEPARTMENT.test(value)) return false;
  // "ERP System, CRM for Real Estate Company", "Clinical Testing, Lab Work and Diagnostic Testing":
  // what was built, or a list, whatever legal word it ends in; a registered name still counts.
  if ((/\sfor\s/i.test(value) || /,.*\sand\s/i.test(value)) && !REGISTERED.test(value)) return false;
  if (LEGAL_FORM.test(value)) return true;
  if (value.length < 3 || (value.match(/,/g) ?? []).length >= 2) return false;
  if (/\bcourts?$/i.test(value) || /^domain\b/i.test(value)) return false;
  return !PRODUCT.test(value);
}

/** Values a form leaves in the company field that name no employer. */
const PLACEHOLDER = /^(?:current project|project|projects|career timeline|timeline|present|n\/?a|none|nil|no|-+|own practice|private practice|self[- ]employed|freelance|freelancer|nature of work)$/i;
/** "DBA in Marketplace Technologies Ltd", "Consultant at Infosys": a short title before the employer. */
const TITLE_IN_COMPANY = /^(\S+(?:\s+\S+){0,3}?)\s+(?:in|at|with|@)\s+(\p{Lu}.{2,})$/u;
/** The first line of a project's description: its technology stack, client or title. */
const PROJECT_BLOCK = /^\s*(?:environment|technologies|technology used|tech stack|platform|client|project title|title)\s*[:\-–]/i;
/** A department, not an employer: "LifeKonnect Department", "PMO", "HR". */
const DEPARTMENT = /\b(?:department|dept)\.?$|^(?:hr|pmo|it|sales|marketing|finance|accounts|admin|administration|operations|purchase|procurement|production|quality|qa|r&d|legal|logistics)$/i;
/** A registered company's legal form (not "company" or "group", which descriptions use too). */
const REGISTERED = /\b(?:pvt|private limited|ltd|limited|inc|llc|llp|corp|gmbh|plc)\b\.?/i;
/** "At Lavisa Infrastructure Bangalore   Sep 2015- Oct 2016": an employer line inside an entry's description. */
const AT_EMPLOYER = /^(?:[•?*-]\s*)?At\s+(\p{Lu}[\p{L}\p{N}&.'() -]{2,70}?)\s*[,-]?\s*$/u;

/**
 * True when the lines use labelled company fields: "Company: X", or "company - X" with
 * "description - …" fields. A dash alone is no label ("Company Name – City, State" is a header).
 */
export function isFormExperience(lines: string[]): boolean {
  const fields = lines.filter((l) => COMPANY_FIELD.test(l));
  return fields.some((l) => /^\s*[\p{L} ]+?\s*:/u.test(l)) || (fields.length >= 1 && lines.some((l) => DESCRIPTION_FIELD.test(l)));
}

/** A title in the company slot ("company - HR Assistant") is a title, not an employer. */
export function looksLikeTitle(s: string): boolean {
  return TITLE_WORDS.test(s) && !COMPANY_WORDS.test(s) && !NOT_A_TITLE.test(s) && s.split(/\s+/).length <= 6;
}

/** Title words in an employer's name: "CAPGEMINI Head Office", "Atri Developers", "Shah Builders & Engineers". */
const NOT_A_TITLE = /\bhead office\b|\b(?:developers|engineers|consultants|builders|architects|designers|contractors)$/i;

/**
 * Entries whose title was read from their description rather than a field: a
 * "Title - Employer" line elsewhere in the form is the better source and replaces it.
 */
export const TITLE_FROM_TEXT = new WeakSet<object>();

/**
 * "I was working as a trainer.", "Working as Executive (Legal) at …": a title in a sentence;
 * not an extra duty ("Worked as Management Representative for maintaining the ISO system").
 */
const WORKING_AS = /\b(?:work(?:ed|ing)|employed|serv(?:ed|ing))\s+as\s+(?:an?\s+)?(\p{L}[\p{L} .&/-]{1,40}?)(?=\s+(?:at|in|with|from|since|under|on)\b|\s+for\b(?!\s+\p{L}+ing\b)|\s*[.,;(]|\s*$)/iu;

/**
 * The title of an entry whose fields name none: a description that is only a title
 * ("description - software Test engineer"), or a "working as …" sentence. "Worked with X
 * as Y" gives the entry's title only when X is the entry's employer (or, for an entry naming
 * none, another entry's).
 */
function titleInText(body: string[], company: string | undefined, known: string[]): string | undefined {
  const first = body[0] ? stripBullet(body[0]).trim() : '';
  // Only when the title is the whole description: a first line of several is often a summary.
  if (body.length === 1 && !/[.:;()]/.test(first) && headedByTitle(first)) return first;
  for (const l of body) {
    // "Worked as X in <another employer>": the title goes with that employer's own entry.
    const other = WORKED_AS_IN.exec(l)?.[2];
    if (other && !(company && sameEmployer(company, other))) continue;
    const as = WORKING_AS.exec(l)?.[1];
    const at = workedAt(l);
    // An entry without a company takes the title only when another entry names that employer;
    // otherwise the sentence's employer gets an entry of its own (parseFormExperience).
    const same = at?.company && (company ? sameEmployer(company, at.company) : known.some((k) => sameEmployer(k, at.company!)));
    const title = (as ?? (same ? at.title : undefined))?.trim();
    if (title && headedByTitle(title)) return title;
  }
  return undefined;
}

/**
 * The employer of an entry whose company field names none: a description opening with a
 * registered name ("description - United Health Care India Pvt. Ltd"), or an "At <employer>
 * <dates>" line.
 */
function companyInText(body: string[]): { company: string; title?: string } | undefined {
  const first = body[0] ? stripBullet(body[0]).trim().replace(/[.,]+$/, '') : '';
  if (REGISTERED.test(first) && first.split(/\s+/).length <= 8 && !/[:;]/.test(first) && !DUTY_START.test(first) && !findDateRange(first)) return { company: first };
  for (const [i, l] of body.entries()) {
    const range = findDateRange(l);
    if (!range) continue;
    const m = AT_EMPLOYER.exec(l.slice(0, range.index));
    if (!m || !namesEmployer(m[1]!.trim())) continue;
    // The title often has the next line to itself ("At Lavisa Infrastructure   Sep 2015- Oct 2016 / Software developer").
    const next = body[i + 1] ? stripBullet(body[i + 1]!).trim() : '';
    return { company: m[1]!.trim(), ...(next && !/[.:;]/.test(next) && headedByTitle(next) ? { title: next } : {}) };
  }
  return undefined;
}

/** "Heading Pune Branch [M/s Deltannex Integrators Pvt. Ltd.]": "M/s" (Messrs) before a registered name marks an employer. */
const MESSRS = /\bM\/s\.?\s+(\p{Lu}[^\])\n;:]{2,60}?\b(?:pvt|private|ltd|limited|llp|inc)\b\.?(?:\s*(?:pvt|private|ltd|limited|llp|inc)\b\.?)*)/iu;

function messrs(line: string): Omit<Experience, 'skills'> | undefined {
  const m = MESSRS.exec(line);
  // "Client   M/s Teva API India Pvt Ltd": a client, not the employer.
  if (!m || /\b(?:client|customer)s?\b/i.test(line.slice(0, m.index))) return undefined;
  return sentenceEntry(line, m[1]!.trim());
}

/** A sentence, not a name: "Handled payroll for Acme Pvt Ltd". */
const DUTY_START = /^(?:i|we|he|she|at|worked|working|handled|managed|responsible|involved|part of)\b/i;

/** A short phrase whose last word names a role: "software Test engineer", "trainer". */
function headedByTitle(s: string): boolean {
  const words = s.split(/\s+/).filter(Boolean);
  return words.length >= 1 && words.length <= 5 && TITLE_WORDS.test(words[words.length - 1]!) && !NOT_A_TITLE.test(s);
}

/**
 * @param isSkill whether a value is a skill's name ("SAP BODS", "UGC NET"): the company field
 *   of some forms holds the technology or exam instead of an employer.
 */
export function parseFormExperience(lines: string[], isSkill: (value: string) => boolean = () => false): Array<Omit<Experience, 'skills'>> {
  const entries: Array<{ company?: string; title?: string; body: string[] }> = [];
  for (const line of lines) {
    const c = COMPANY_FIELD.exec(line);
    if (c) {
      const value = c[1]!.trim().replace(/[.,;]+$/, '');
      const entry: { company?: string; title?: string; body: string[] } = { body: [] };
      const titled = TITLE_IN_COMPANY.exec(value);
      if (value && looksLikeTitle(value)) entry.title = value;
      else if (titled && TITLE_WORDS.test(titled[1]!) && namesEmployer(titled[2]!)) {
        // "DBA in Marketplace Technologies Ltd": the title, then the employer.
        entry.title = titled[1]!;
        entry.company = titled[2]!;
      } else if (value && !PLACEHOLDER.test(value) && !isSkill(value) && namesEmployer(value)) entry.company = value;
      entries.push(entry);
      continue;
    }
    const current = entries[entries.length - 1];
    if (!current) continue;
    const d = DESCRIPTION_FIELD.exec(line);
    current.body.push(d ? d[1]! : line);
  }
  const known = entries.flatMap((e) => (e.company ? [e.company] : []));
  const parsed = entries
    .filter((e) => e.company || e.title || e.body.some((l) => l.trim()))
    .map((e) => {
      const body = e.body.map((l) => l.trim()).filter(Boolean);
      let title = e.title;
      if (!title) {
        for (const l of body) {
          const r = ROLE_FIELD.exec(stripBullet(l));
          if (r && TITLE_WORDS.test(r[1]!)) {
            title = r[1]!.trim();
            break;
          }
        }
      }
      // A project's block ("description - Environment: ASP.NET, C#, …") puts its client or product in
      // the company field: "Wachovia, North Carolina USA", "PF Trust System". A registered name stays.
      if (e.company && PROJECT_BLOCK.test(body[0] ?? '') && !REGISTERED.test(e.company)) delete e.company;
      const found = e.company ? undefined : companyInText(body);
      const guessed = title ? undefined : (found?.title ?? titleInText(body, e.company, known));
      const range = body.map((l) => findDateRange(l)).find(Boolean);
      const company = e.company ?? found?.company;
      const entry = {
        ...(title || guessed ? { title: title ?? guessed } : {}),
        ...(company ? { company } : {}),
        ...(range ? { start: range.start, ...(range.end ? { end: range.end } : {}), current: range.current } : { current: false }),
        description: body.map(stripBullet).join('\n'),
      };
      if (guessed) TITLE_FROM_TEXT.add(entry);
      return entry;
    });
  // Employers named in sentences ("Worked with X as Y") that no company field names.
  const out: Array<Omit<Experience, 'skills'>> = [];
  for (const entry of parsed) {
    out.push(entry);
    for (const line of entry.description.split('\n')) {
      const found = workedAt(line) ?? messrs(line);
      if (!found) continue;
      if (![...parsed, ...out].some((e) => e.company && sameEmployer(e.company, found.company!))) out.push(found);
    }
  }
  return out;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').replace(/\b(pvt|private|ltd|limited|inc|llp|llc|the)\b/g, ' ').replace(/\s+/g, ' ').trim();

/** Two spellings of one employer ("Mahal Pvt Ltd." and "Mahal"; "Infosys" inside "Infosys BPO"). */
export function sameEmployer(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  return Boolean(x && y && (x === y || x.includes(y) || y.includes(x)));
}
