/**
 * Structured re-ranking features: pure functions of a job and a candidate,
 * each in [0, 1], each with the evidence a recruiter can check.
 */
import type { SkillTaxonomy } from './taxonomy.js';

/** A line of the resume that supports a verdict (1-based line number). */
export interface EvidenceLine {
  line: number;
  text: string;
}

export type Verdict = 'met' | 'partial' | 'missing';

const MAX_EVIDENCE = 3;
const MAX_LINE = 180;

// Words that say how senior or which contract, not what the job is.
const TITLE_STOP = new Set([
  'senior', 'sr', 'junior', 'jr', 'lead', 'principal', 'staff', 'head', 'chief', 'associate', 'assistant', 'intern', 'trainee',
  'i', 'ii', 'iii', 'iv', 'of', 'and', 'the', 'for', 'a', 'an', 'to', 'in', 'at', 'with', 'remote', 'hybrid', 'contract', 'freelance',
  'part', 'full', 'time', 'entry', 'level', 'mid', 'experienced', 'b2b', 'b2c', 'team', 'member',
]);
const TITLE_SYNONYMS: Record<string, string> = {
  dev: 'developer', developers: 'developer', programmer: 'developer', eng: 'engineer', engineers: 'engineer', mgr: 'manager',
  managers: 'manager', admin: 'administrator', sre: 'reliability', qa: 'quality', hr: 'human', hrbp: 'human', rn: 'nurse',
  accountants: 'accountant', analysts: 'analyst', consultants: 'consultant', designers: 'designer', exec: 'executive',
  'dot net': 'net', dotnet: 'net', devops: 'devops', ui: 'ui', ux: 'ux',
};

/** Normalised content words of a job title: lower case, no seniority words, common abbreviations expanded. */
export function titleTokens(title: string): string[] {
  const words = title
    .toLowerCase()
    .replace(/\.net\b/g, ' net ')
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter(Boolean)
    .map((w) => TITLE_SYNONYMS[w] ?? (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .filter((w) => !TITLE_STOP.has(w));
  return [...new Set(words)];
}

/** A title the candidate has held or states, with how much it counts (1 = current). */
export interface CandidateTitle {
  text: string;
  weight: number;
}

const HEADLINE_SKIP = /^(education|skills?|experience|summary|profile|objective|contact|projects?|company|description|details|personal|languages?|certifications?|resume|curriculum vitae|cv)\b/i;
const ROLE_LABEL = /^\s*(?:role|designation|position|job title|title|current role|current position)\s*[:\-–]\s*(.{2,80})$/i;

/**
 * The titles a candidate can be matched on: the headline (short lines at the
 * top of the resume, under the name, such as "Java Developer"), lines labelled
 * "Role:" or "Designation:", and the parsed experience titles, most recent
 * first (each older one counts 10% less, down to 60%).
 */
export function candidateTitles(text: string, experienceTitles: string[]): CandidateTitle[] {
  const out: CandidateTitle[] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const line of lines.slice(0, 15)) {
    const words = line.split(/\s+/);
    if (words.length > 6 || /[@\d[\]]/.test(line) || HEADLINE_SKIP.test(line)) continue;
    out.push({ text: line, weight: 1 });
  }
  for (const line of lines) {
    const m = ROLE_LABEL.exec(line);
    if (m) out.push({ text: m[1]!.trim(), weight: 0.9 });
  }
  experienceTitles.forEach((t, i) => out.push({ text: t, weight: Math.max(0.6, 1 - 0.1 * i) }));
  return out;
}

/**
 * How well a candidate's titles match the job title: the best, over the
 * candidate's titles, of the share of the job title's content words found in
 * that title, times the title's weight.
 */
export function titleSimilarity(jobTitle: string, titles: CandidateTitle[]): { value: number; bestTitle?: string } {
  const job = titleTokens(jobTitle);
  if (job.length === 0) return { value: 0 };
  let best = 0;
  let bestTitle: string | undefined;
  for (const t of titles) {
    const c = new Set(titleTokens(t.text));
    if (c.size === 0) continue;
    const v = (job.filter((w) => c.has(w)).length / job.length) * t.weight;
    if (v > best) {
      best = v;
      bestTitle = t.text.trim();
    }
  }
  return { value: best, ...(bestTitle ? { bestTitle } : {}) };
}

/** US state names (lower case) and their postal codes. */
export const US_STATE_NAMES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT', delaware: 'DE',
  florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA', kansas: 'KS', kentucky: 'KY',
  louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI', minnesota: 'MN', mississippi: 'MS', missouri: 'MO',
  montana: 'MT', nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH', 'new jersey': 'NJ', 'new mexico': 'NM', 'new york': 'NY',
  'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR', pennsylvania: 'PA', 'rhode island': 'RI',
  'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT', vermont: 'VT', virginia: 'VA',
  washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY', 'district of columbia': 'DC',
};

function splitPlace(place: string): { city: string; region: string } {
  const parts = place.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
  const city = parts[0] ?? '';
  const rawRegion = parts.slice(1).join(', ');
  const region = US_STATE_NAMES[rawRegion] ?? rawRegion.toUpperCase();
  return { city, region };
}

export const isRemote = (location: string | undefined) => Boolean(location && /\bremote\b|\banywhere\b/i.test(location));

/**
 * Location fit: 1 for a remote job or the same city; 0.5 for the same state or
 * region (a move or a commute), or when the candidate's location is unknown;
 * 0 otherwise. Undefined when the job states no location.
 */
export function locationFit(jobLocation: string | undefined, candidateLocation: string | undefined): { value: number; verdict: Verdict; detail: string } | undefined {
  if (!jobLocation || !jobLocation.trim()) return undefined;
  if (isRemote(jobLocation)) return { value: 1, verdict: 'met', detail: 'remote job' };
  if (!candidateLocation) return { value: 0.5, verdict: 'partial', detail: 'the resume states no location' };
  const j = splitPlace(jobLocation);
  const c = splitPlace(candidateLocation);
  if (j.city && j.city === c.city && (!j.region || !c.region || j.region === c.region)) return { value: 1, verdict: 'met', detail: `lives in ${candidateLocation}` };
  if (j.region && j.region === c.region) return { value: 0.5, verdict: 'partial', detail: `lives in ${candidateLocation}, same state/region` };
  return { value: 0, verdict: 'missing', detail: `lives in ${candidateLocation}` };
}

/**
 * The 1-based lines of `text` holding the given character offsets, at most
 * three, quoted from `shown` (the same text before redaction: redaction keeps
 * lines, so line numbers agree). Long lines are cut around the mention.
 */
export function linesAt(text: string, offsets: number[], shown: string = text): EvidenceLine[] {
  return new EvidenceLines(text, shown).at(offsets);
}

/**
 * `linesAt` for many calls on one resume: the line breaks are found and
 * `shown` split once, on first use, instead of on every call.
 */
export class EvidenceLines {
  private newlines: number[] | undefined;
  private shownNewlines: number[] | undefined;

  constructor(private readonly text: string, private readonly shown: string = text) {}

  /** The number of line breaks before `pos`. */
  private breaksBefore(pos: number): number {
    this.newlines ??= lineBreaks(this.text);
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newlines[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Line `n` (1-based) of `shown`, '' past its end. */
  private shownLine(n: number): string {
    const breaks = this.shown === this.text ? (this.newlines ??= lineBreaks(this.text)) : (this.shownNewlines ??= lineBreaks(this.shown));
    if (n - 1 > breaks.length) return '';
    return this.shown.slice(n === 1 ? 0 : breaks[n - 2]! + 1, breaks[n - 1] ?? this.shown.length);
  }

  at(offsets: number[]): EvidenceLine[] {
    const out: EvidenceLine[] = [];
    const seen = new Set<number>();
    for (const offset of [...offsets].sort((a, b) => a - b)) {
      const start = this.text.lastIndexOf('\n', offset - 1) + 1;
      const line = 1 + this.breaksBefore(start);
      if (seen.has(line)) continue;
      seen.add(line);
      const raw = this.shownLine(line).replace(/\s+/g, ' ').trim();
      if (!raw) continue;
      const at = offset - start;
      const from = Math.max(0, Math.min(at - MAX_LINE / 2, raw.length - MAX_LINE));
      const quoted = raw.length <= MAX_LINE ? raw : `${from > 0 ? '…' : ''}${raw.slice(from, from + MAX_LINE)}${from + MAX_LINE < raw.length ? '…' : ''}`;
      out.push({ line, text: quoted });
      if (out.length >= MAX_EVIDENCE) break;
    }
    return out;
  }
}

function lineBreaks(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const STOP = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'in', 'on', 'for', 'to', 'with', 'skills', 'skill', 'management', 'experience']);

// A query checks the same few phrases against hundreds of resumes: each is compiled once.
const phraseRegExps = new Map<string, RegExp>();

/** Offsets of a phrase in the text, as a whole word or phrase, any case. */
function phraseOffsets(text: string, phrase: string): number[] {
  let re = phraseRegExps.get(phrase);
  if (!re) {
    if (phraseRegExps.size >= 1000) phraseRegExps.clear();
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase.trim()).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
    phraseRegExps.set(phrase, re);
  }
  // matchAll works on a copy of the expression, so the shared one keeps lastIndex 0.
  return [...text.matchAll(re)].map((m) => m.index);
}

export interface SkillCheck {
  verdict: Verdict;
  /** Character offsets of the supporting mentions. */
  offsets: number[];
  detail?: string;
}

/**
 * Whether a resume shows a skill. Known skills match through the taxonomy
 * (any alias: "ReactJS" meets "React"); unknown ones by the phrase. A
 * multi-word requirement whose words appear but not together (e.g. "pipeline"
 * and "forecasting" for "Pipeline Forecasting") is partial.
 */
export function checkSkill(skill: string, text: string, mentions: Map<string, number[]>, taxonomy: SkillTaxonomy): SkillCheck {
  const canonical = taxonomy.canonical(skill);
  const viaTaxonomy = canonical ? mentions.get(canonical) : undefined;
  if (viaTaxonomy) return { verdict: 'met', offsets: viaTaxonomy };
  // Unknown skills by their phrase. Known ones only through the taxonomy, which knows that
  // "Go" is a skill and "go" a verb.
  const direct = canonical ? [] : phraseOffsets(text, skill);
  if (direct.length) return { verdict: 'met', offsets: direct };
  const words = skill
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((w) => w.length > 2 && !STOP.has(w));
  if (words.length >= 2) {
    const found = words.map((w) => phraseOffsets(text, w));
    const present = found.filter((f) => f.length > 0).length;
    if (present / words.length >= 0.5) {
      return { verdict: 'partial', offsets: found.flatMap((f) => f.slice(0, 1)), detail: `${present} of ${words.length} words found, not as one phrase` };
    }
  }
  return { verdict: 'missing', offsets: [] };
}

/** Canonical skill name → offsets of its mentions in the text. */
export function mentionIndex(text: string, taxonomy: SkillTaxonomy): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of taxonomy.findMentions(text)) {
    const list = out.get(m.name);
    if (list) list.push(m.index);
    else out.set(m.name, [m.index]);
  }
  return out;
}
