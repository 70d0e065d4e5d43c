/**
 * What ranking needs from a resume that does not depend on the job: the
 * redacted text and the skill mentions in it. Redacting a resume and scanning
 * it for skills cost about a millisecond each, and a query re-scores up to 400
 * candidates, so this is computed once, when the candidate is prepared, and
 * stored in the candidate record (`Candidate.match`). It travels through the
 * RecordStore like the rest of the record, on every backend.
 *
 * A stored copy is used only when its `key` says it was computed by this
 * version of the code with this taxonomy. Otherwise (candidates stored before
 * it existed, a taxonomy with other skills, a newer redaction or matcher) it
 * is computed again at query time (the same result, just slower) and written
 * back, so each stale record costs that once.
 */
import type { Candidate, CandidateMatchData } from '../model/index.js';
import type { RecordStore } from '../ports/index.js';
import { mentionIndex } from './features.js';
import { redactResume } from './redact.js';
import type { SkillTaxonomy } from './taxonomy.js';

/**
 * Bump when redactText (redact.ts) or SkillTaxonomy.findMentions (taxonomy.ts)
 * change what they produce: stored match data of an older version is then ignored.
 */
export const MATCH_DATA_VERSION = 2;

export type { CandidateMatchData };

/** The redacted resume and its skill mentions, ready for scoring. */
export interface ResumeAnalysis {
  redacted: string;
  /** Canonical skill → offsets in `redacted` (empty for skills known only from structured data). A fresh map per call. */
  mentions: Map<string, number[]>;
  /** Skills mentioned in the redacted text, in order of first mention. */
  skills: string[];
}

type Analysable = Pick<Candidate, 'text' | 'profile'> & { match?: CandidateMatchData };

export const matchDataKey = (taxonomy: SkillTaxonomy) => `${MATCH_DATA_VERSION}:${taxonomy.fingerprint}`;

function analyse(c: Analysable, taxonomy: SkillTaxonomy): ResumeAnalysis {
  // Skills come from the redacted text, so a name such as "Ruby" is never a skill.
  const redacted = redactResume(c.text, c.profile);
  const mentions = mentionIndex(redacted, taxonomy);
  const skills = [...mentions.keys()];
  // Profile skills not found in the text at all came from structured data (another system's
  // profile): they count, without evidence. Those found only in redacted details do not.
  let inOriginal: Map<string, number[]> | undefined;
  for (const s of c.profile.skills) {
    if (mentions.has(s.name)) continue;
    inOriginal ??= mentionIndex(c.text, taxonomy);
    if (!inOriginal.has(s.name)) mentions.set(s.name, []);
  }
  return { redacted, mentions, skills };
}

/** Computes the match data to store with a candidate. */
export function computeMatchData(c: Analysable, taxonomy: SkillTaxonomy): CandidateMatchData {
  const a = analyse(c, taxonomy);
  const before = c.text.split('\n');
  const after = a.redacted.split('\n');
  const mentions = [...a.mentions].map(([name, offsets]): [string, number[]] => [name, offsets]);
  if (before.length !== after.length) return { key: matchDataKey(taxonomy), redacted: a.redacted, mentions };
  const lines: Array<[number, string]> = [];
  after.forEach((line, i) => {
    if (line !== before[i]) lines.push([i, line]);
  });
  return { key: matchDataKey(taxonomy), lines, mentions };
}

/**
 * The redacted resume and its skill mentions: from the stored match data when
 * it is current, else computed now.
 */
export function analyseResume(c: Analysable, taxonomy: SkillTaxonomy): ResumeAnalysis {
  const m = c.match;
  if (!m || m.key !== matchDataKey(taxonomy)) return analyse(c, taxonomy);
  let redacted = m.redacted;
  if (redacted === undefined) {
    const lines = c.text.split('\n');
    for (const [i, line] of m.lines ?? []) lines[i] = line;
    redacted = lines.join('\n');
  }
  const mentions = new Map<string, number[]>();
  const skills: string[] = [];
  for (const [name, offsets] of m.mentions) {
    mentions.set(name, offsets);
    if (offsets.length) skills.push(name);
  }
  return { redacted, mentions, skills };
}

/** The candidate with current match data (computed when missing or stale). */
export function withMatchData<T extends Analysable>(c: T, taxonomy: SkillTaxonomy): T & { match: CandidateMatchData } {
  return c.match?.key === matchDataKey(taxonomy) ? (c as T & { match: CandidateMatchData }) : { ...c, match: computeMatchData(c, taxonomy) };
}

/**
 * The candidates with current match data. Those without it (stored by an
 * older version, or under another taxonomy) get it now, and are written back
 * so the next query finds it. A failed write-back is ignored: the ranking is
 * right either way, and a store that cannot be written (read-only) only stays slower.
 */
export async function upgradeMatchData(candidates: Candidate[], taxonomy: SkillTaxonomy, records: Pick<RecordStore, 'putCandidates'>): Promise<Candidate[]> {
  const stale: Candidate[] = [];
  const out = candidates.map((c) => {
    const current = withMatchData(c, taxonomy);
    if (current !== c) stale.push(current);
    return current;
  });
  if (stale.length) await records.putCandidates(stale).catch(() => undefined);
  return out;
}
