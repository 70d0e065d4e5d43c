/**
 * The texts a candidate is indexed by. Both are built from the REDACTED resume
 * (see redact.ts), so names, contact details, addresses, age and gender words
 * never reach the embedding or the keyword index, in blind mode or not.
 */
import type { Candidate } from '../model/index.js';
import { analyseResume } from './match-data.js';
import { redactResume, redactText } from './redact.js';
import type { SkillTaxonomy } from './taxonomy.js';

type Indexable = Pick<Candidate, 'profile' | 'text' | 'match'>;

/** The redacted resume, from the stored match data when there is a taxonomy to check it against. */
const redactedResume = (c: Indexable, taxonomy?: SkillTaxonomy) => (taxonomy ? analyseResume(c, taxonomy).redacted : redactResume(c.text, c.profile));

/**
 * The profile's skills, less any found only in redacted details (a person
 * called "Ruby" is not a Ruby programmer), when a taxonomy is given.
 */
function indexedSkills(c: Indexable, taxonomy?: SkillTaxonomy): string[] {
  const names = c.profile.skills.map((s) => s.name);
  if (!taxonomy) return names;
  const present = new Set(analyseResume(c, taxonomy).skills);
  return names.filter((n) => present.has(n));
}

/** The text a candidate is embedded from: role titles and skills first, then the resume, all redacted. */
export function candidateEmbeddingText(c: Indexable, taxonomy?: SkillTaxonomy): string {
  const p = c.profile;
  const head = [p.experience.map((e) => e.title).filter(Boolean).join('; '), indexedSkills(c, taxonomy).join(', '), p.summary ?? ''].join('\n');
  return `${redactText(head, { name: p.name, emails: p.emails, phones: p.phones, location: p.location })}\n${redactedResume(c, taxonomy)}`;
}

/** The text a candidate is found by keyword: the redacted resume plus the canonical names of its skills. */
export function candidateKeywordText(c: Indexable, taxonomy?: SkillTaxonomy): string {
  return `${redactedResume(c, taxonomy)}\n${indexedSkills(c, taxonomy).join(', ')}`;
}
