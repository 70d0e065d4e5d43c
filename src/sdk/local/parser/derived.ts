/**
 * Fields derived from the parsed parts: the headline, years of experience the
 * resume states, the seniority level and the per-field confidence.
 */
import type { Confidence, Experience, Profile, SeniorityLevel } from '../../model/index.js';
import { headingOf } from './sections.js';
import { TITLE_WORDS } from './experience.js';

/** A line that reads as a job title: title words, short, no contact details or sentence punctuation. */
export function isTitleLine(line: string): boolean {
  const t = line.trim();
  return t.length > 1 && t.length <= 80 && t.split(/\s+/).length <= 8 && !/[@\d]|https?:|www\.|[.;!?]$/.test(t) && !headingOf(t) && TITLE_WORDS.test(t);
}

/** The professional title under the name: the first title-like line of the header after the name. */
export function findHeadline(header: string[], name: string | undefined): string | undefined {
  const lines = header.map((l) => l.trim()).filter(Boolean).slice(0, 6);
  const start = name ? lines.findIndex((l) => l.toLowerCase().includes(name.toLowerCase().split(' ')[0]!)) + 1 : 0;
  for (const l of lines.slice(start)) {
    const first = l.split(/\s+[|•·]\s+/)[0]!;
    if (isTitleLine(first)) return first;
  }
  return undefined;
}

/** Number words a resume may spell its years in ("over fifteen years", "twenty-eight (28) years"). */
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty'];
const NUM = `(\\d{1,2}(?:\\.\\d)?|(?:twenty|thirty|forty)(?:[- ](?:${WORDS.slice(1, 10).join('|')}))?|${WORDS.slice(1).join('|')})(?:\\s*\\(\\d{1,2}\\))?`;
/** "15 solid years", "10+ long years": a word of emphasis between the number and the unit. */
const UNIT = `(?:(?:solid|full|long|plus)\\s+)?(?:years?|yrs?)`;
const STATED = [
  // "6 years of experience", "9yrs experience", "10 plus years' proven experience", "8+ years in",
  // "12 years of extensive experience", "20 years of banking experience"
  new RegExp(`\\b${NUM}\\s*\\+?\\s*(?:plus\\s+)?${UNIT}['’]?(?:\\s+(?:and\\s+)?(\\d{1,2})\\s*months?)?\\s+(?:of\\s+)?(?:(?:total|overall|proven|professional|work|working|relevant|industry|it|hands-on|rich)\\s+)*(?:[a-z-]+\\s+){0,2}?(?:experience|exp\\b)`, 'gi'),
  // "experience of 2 years", "Experience:- 1 Year 3 Months", "an exp of 6 years"
  new RegExp(`\\b(?:experience|exp)\\b\\s*(?:of|:-?|-|–)\\s*(?:around\\s+|about\\s+|over\\s+)?${NUM}\\s*\\+?\\s*${UNIT}(?:\\s+(?:and\\s+)?(\\d{1,2})\\s*months?)?`, 'gi'),
  // "more than 14 years in multi-media", "over 10 years in social services", "for over 22 years with",
  // "with 20 years in technical support": a claim about a career, not "sales grew over 2 years"
  new RegExp(`\\b(?:over|more than|nearly|almost|close to)\\s+${NUM}\\s*\\+?\\s*${UNIT}\\s+(?:in|of|as|within|with)\\b`, 'gi'),
  new RegExp(`\\bwith\\s+${NUM}\\s*\\+?\\s*${UNIT}\\s+(?:in|of)\\b`, 'gi'),
];

const numberOf = (s: string) => {
  const w = s.toLowerCase().replace(/\s*\(\d+\)$/, '');
  if (/^\d/.test(w)) return Number(w);
  const [tens, unit] = w.split(/[- ]/);
  return TENS.includes(tens!) ? TENS.indexOf(tens!) * 10 + (unit ? WORDS.indexOf(unit) : 0) : WORDS.indexOf(w);
};

/**
 * The largest number of years of experience the text states, or undefined. Give it the text
 * without the references: "37 Years of Experience" under a referee's name is theirs.
 */
export function statedYears(text: string): number | undefined {
  let best: number | undefined;
  for (const re of STATED) {
    for (const m of text.matchAll(re)) {
      const years = numberOf(m[1]!) + (m[2] ? Number(m[2]) / 12 : 0);
      if (years > 0 && years <= 50 && (best === undefined || years > best)) best = Math.round(years * 10) / 10;
    }
  }
  return best;
}

const LEVEL_WORDS: Array<[SeniorityLevel, RegExp]> = [
  ['executive', /\b(chief|ceo|cto|cfo|coo|cio|vp|vice president|president|director|head of|founder|co-founder|partner|general manager|managing director)\b/i],
  ['principal', /\b(principal|distinguished|fellow)\b/i],
  ['lead', /\b(lead|staff|manager|team leader|supervisor|architect)\b/i],
  ['senior', /\b(senior|sr\.?)(?=\s|$)/i],
  ['junior', /\b(junior|jr\.?|associate|graduate|entry[- ]level|trainee|assistant)(?=\s|$)/i],
  ['intern', /\b(intern|internship|apprentice)\b/i],
];

/**
 * The seniority level from the most recent title (current, else latest start),
 * falling back to the headline, then to years of experience: under 2 junior,
 * under 5 mid, otherwise senior. Years alone never make lead or above.
 */
export function seniorityOf(experience: Experience[], headline: string | undefined, totalYears: number): { level?: SeniorityLevel; fromTitle: boolean } {
  const dated = experience.filter((e) => e.title);
  const latest = [...dated].sort((a, b) => Number(b.current) - Number(a.current) || (b.start ?? '').localeCompare(a.start ?? ''))[0];
  for (const title of [latest?.title, headline]) {
    if (!title) continue;
    for (const [level, re] of LEVEL_WORDS) if (re.test(title)) return { level, fromTitle: true };
  }
  if (totalYears <= 0) return { fromTitle: false };
  return { level: totalYears < 2 ? 'junior' : totalYears < 5 ? 'mid' : 'senior', fromTitle: false };
}

export interface ConfidenceInputs {
  profile: Omit<Profile, 'confidence'>;
  nameInFirstLines: boolean;
  validatedPhones: number;
  locationLabelled: boolean;
  summaryFromSection: boolean;
  skillsSection: boolean;
  yearsSource: 'dates' | 'stated' | 'none';
  seniorityFromTitle: boolean;
}

const round = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * Per-field confidence (0–1), by how each field was found. A field not found is 0.
 * The values are fixed by rule (see docs/parsing.md), not probabilities fitted on data.
 */
export function confidenceOf(i: ConfidenceInputs): Confidence {
  const p = i.profile;
  const emailLocal = p.emails[0]?.split('@')[0]?.toLowerCase() ?? '';
  const nameMatchesEmail = Boolean(p.name && p.name.toLowerCase().split(/\s+/).some((w) => w.length > 2 && emailLocal.includes(w)));
  return {
    name: !p.name ? 0 : round(Math.min(1, (i.nameInFirstLines ? 0.8 : 0.6) + (nameMatchesEmail ? 0.15 : 0))),
    emails: p.emails.length ? 0.95 : 0,
    phones: p.phones.length ? round(i.validatedPhones / p.phones.length >= 1 ? 0.9 : 0.6) : 0,
    links: p.links.length ? 0.9 : 0,
    location: !p.location ? 0 : i.locationLabelled ? 0.85 : 0.7,
    summary: !p.summary ? 0 : i.summaryFromSection ? 0.85 : 0.5,
    skills: !p.skills.length ? 0 : i.skillsSection ? 0.85 : 0.6,
    experience: !p.experience.length ? 0 : round(0.95 * mean(p.experience.map((e) => (Number(Boolean(e.title)) + Number(Boolean(e.company)) + Number(Boolean(e.start))) / 3))),
    education: !p.education.length ? 0 : round(0.95 * mean(p.education.map((e) => (Number(Boolean(e.degree)) + Number(Boolean(e.institution)) + Number(Boolean(e.graduationYear))) / 3))),
    certifications: p.certifications.length ? 0.75 : 0,
    languages: p.languages.length ? 0.8 : 0,
    roles: p.roles?.length ? 0.7 : 0,
    totalYears: i.yearsSource === 'dates' ? round(0.9 * mean(p.experience.map((e) => (e.start ? 1 : 0)))) : i.yearsSource === 'stated' ? 0.6 : 0,
    seniority: !p.seniority ? 0 : i.seniorityFromTitle ? 0.75 : 0.5,
  };
}
