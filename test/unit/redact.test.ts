import { describe, expect, it } from 'vitest';
import { candidateEmbeddingText, candidateKeywordText, loadTaxonomy, redactText } from '../../src/sdk/index.js';
import { parseProfile } from '../../src/sdk/local/parser/index.js';
import { fill, PERSONAS_A, PERSONAS_B, TEMPLATES } from '../helpers/blind.js';

const taxonomy = loadTaxonomy();
const parse = (text: string) => parseProfile(text, { taxonomy, referenceDate: new Date('2024-06-01T00:00:00Z') });

describe('redactText', () => {
  it.each([
    ['an e-mail', 'Write to jane.doe@example.com today', 'Write to [email] today'],
    ['a phone', 'Call (206) 555-0142 or +91 98765 43210', 'Call [phone] or [phone]'],
    ['a LinkedIn link', 'See linkedin.com/in/janedoe for more', 'See [link] for more'],
    ['a labelled date of birth', 'Date of Birth: 12/03/1985', 'Date of Birth: [age]'],
    ['an age in prose', 'I am 34 years old and aged 34', 'I am [age] and [age]'],
    ['gender labels and pronouns', 'Gender: Female\nShe led the team; his code', 'Gender: [gender]\n[gender] led the team; [gender] code'],
    ['marital status', 'Marital Status: Married', 'Marital Status: [marital status]'],
    ['a street address line', 'Jane Doe\n1204 Pine Street, Seattle, WA 98101\nEngineer', 'Jane Doe\n[address]\nEngineer'],
    ['an honorific before a name', 'Reported to Mr. Smith', 'Reported to [gender] Smith'],
  ])('replaces %s', (_what, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    ['skills written in capitals', 'MS Excel, MS SQL Server, MS in Physics'],
    ['date ranges and years', 'Jan 2019 – Present, 2016-2018, 2019 - 2021'],
    ['prose with numbers', 'Led 3 teams in a new way; 40% faster'],
    ['a verb that is also a name part', 'will deliver the project'],
  ])('keeps %s', (_what, input) => {
    expect(redactText(input, { name: 'Will Turner' })).toBe(input);
  });

  it('replaces the parsed name, whole and by parts, and the home location', () => {
    const out = redactText('MARCUS CHEN\nMarcus led the move from Seattle, WA to the cloud.', { name: 'Marcus Chen', location: 'Seattle, WA' });
    expect(out).toBe('[name]\n[name] led the move from [location] to the cloud.');
  });

  it('keeps the number of lines, so evidence line numbers refer to the original', () => {
    for (const t of TEMPLATES) {
      const text = fill(t, PERSONAS_A[0]!);
      expect(redactText(text, { name: 'Marcus Chen', location: 'Seattle, WA' }).split('\n')).toHaveLength(text.split('\n').length);
    }
  });
});

describe('index texts are blind', () => {
  it('are identical for resumes that differ only in personal details', () => {
    TEMPLATES.forEach((t, i) => {
      const a = fill(t, PERSONAS_A[i]!);
      const b = fill(t, PERSONAS_B[i]!);
      expect(a).not.toBe(b);
      const ca = { text: a, profile: parse(a) };
      const cb = { text: b, profile: parse(b) };
      expect(candidateEmbeddingText(ca, taxonomy)).toBe(candidateEmbeddingText(cb, taxonomy));
      expect(candidateKeywordText(ca, taxonomy)).toBe(candidateKeywordText(cb, taxonomy));
      for (const leak of [PERSONAS_A[i]!.NAME, PERSONAS_A[i]!.EMAIL, 'Pine Street', PERSONAS_A[i]!.DOB]) {
        expect(candidateEmbeddingText(ca, taxonomy)).not.toContain(leak);
      }
    });
  });

  it('does not index a skill that only appears in a name', () => {
    const text = 'Ruby Chen\nruby.chen@example.com\n\nSKILLS\nPython, SQL';
    const c = { text, profile: parse(text) };
    expect(c.profile.skills.map((s) => s.name)).toContain('Ruby');
    expect(candidateKeywordText(c, taxonomy).split('\n').at(-1)).not.toContain('Ruby');
  });
});
