/**
 * The texts a candidate is indexed by. Both are built from the REDACTED resume
 * (see redact.ts), so names, contact details, addresses, age and gender words
 * never reach the embedding or the keyword index, in blind mode or not.
 */
import type { Candidate } from '../model/index.js';
import { redactResume, redactText } from './redact.js';
import type { SkillTaxonomy } from './taxonomy.js';

type Indexable = Pick<Candidate, 'profile' | 'text'>;

/**
 * The profile's skills, less any found only in redacted details (a person
 * called "Ruby" is not a Ruby programmer), when a taxonomy is given.
 */
function indexedSkills(c: Indexable, taxonomy?: SkillTaxonomy): string[] {
  const names = c.profile.skills.map((s) => s.name);
  if (!taxonomy) return names;
  const present = new Set(taxonomy.findSkills(redactResume(c.text, c.profile)));
  return names.filter((n) => present.has(n));
}

/** The text a candidate is embedded from: role titles and skills first, then the resume, all redacted. */
export function candidateEmbeddingText(c: Indexable, taxonomy?: SkillTaxonomy): string {
  const p = c.profile;
  const head = [p.experience.map((e) => e.title).filter(Boolean).join('; '), indexedSkills(c, taxonomy).join(', '), p.summary ?? ''].join('\n');
  return `${redactText(head, { name: p.name, emails: p.emails, phones: p.phones, location: p.location })}\n${redactResume(c.text, p)}`;
}

/** The text a candidate is found by keyword: the redacted resume plus the canonical names of its skills. */
export function candidateKeywordText(c: Indexable, taxonomy?: SkillTaxonomy): string {
  return `${redactResume(c.text, c.profile)}\n${indexedSkills(c, taxonomy).join(', ')}`;
}
