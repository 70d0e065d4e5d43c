/**
 * Contact-details evaluation: hand-written contact blocks (test/fixtures/contact-labels.json)
 * joined to real resume bodies of the CSV, parsed like the real resumes of eval-parse.ts,
 * scored on e-mails and phones. The bodies' own numbers (dates, PIN codes, CTC figures,
 * versions, IDs) are the hard negatives; the CSV is read at run time, never stored.
 */
import { readFileSync } from 'node:fs';
import type { Profile } from '../../src/sdk/model/index.js';
import { add, compareExact, emptyCounts, normEmail, normPhone, type Counts } from './match.js';

export interface ContactCase {
  id: string;
  /** Id of the CSV resume whose text follows (or precedes) the block. */
  body: string;
  position: 'top' | 'bottom';
  block: string;
  emails: string[];
  phones: string[];
}

export interface ContactResult {
  cases: number;
  emails: Counts;
  phones: Counts;
  /** Cases with any miss or extra, for reading the errors. */
  errors: Array<{ id: string; emails: [string[], string[]]; phones: [string[], string[]] }>;
}

export function loadContactCases(path: string): ContactCase[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: ContactCase[] }).cases;
}

/** The document a case stands for: the block above the body, or below it. */
export function contactDocument(c: ContactCase, body: string): string {
  return c.position === 'top' ? `${c.block}\n${body}` : `${body}\n\n${c.block}`;
}

/**
 * Parses every case with `parse` (the caller passes the same parser and options as for the
 * real resumes) and counts e-mails and phones with the eval's matching rules.
 */
export function evalContacts(bodies: Map<string, string>, cases: ContactCase[], parse: (text: string) => Profile): ContactResult {
  const missing = cases.filter((c) => !bodies.has(c.body)).map((c) => `${c.id} (${c.body})`);
  if (missing.length) throw new Error(`contact cases whose body is not in the CSV: ${missing.join(', ')}`);
  let emails = emptyCounts();
  let phones = emptyCounts();
  const errors: ContactResult['errors'] = [];
  for (const c of cases) {
    const p = parse(contactDocument(c, bodies.get(c.body)!));
    const e = compareExact(p.emails, c.emails, normEmail);
    const ph = compareExact(p.phones, c.phones, normPhone);
    emails = add(emails, e);
    phones = add(phones, ph);
    if (e.fp || e.fn || ph.fp || ph.fn) errors.push({ id: c.id, emails: [p.emails, c.emails], phones: [p.phones, c.phones] });
  }
  return { cases: cases.length, emails, phones, errors };
}
