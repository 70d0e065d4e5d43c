/**
 * Parses every sample resume (PDF and DOCX, through the real extractor) and
 * compares the profile with the structured source the samples are rendered from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/sdk/index.js';
import { LocalTextExtractor } from '../../src/sdk/local/extract.js';
import { parseProfile } from '../../src/sdk/local/parser/index.js';
import { parseDate } from '../../src/sdk/local/parser/dates.js';
// @ts-expect-error -- plain JS module with JSDoc types
import { resumes } from '../../scripts/sample-resumes.mjs';

interface SampleResume {
  file: string;
  format: 'pdf' | 'docx';
  name: string;
  contact: { email: string; phone: string; location: string };
  skills: string[];
  experience: Array<{ title: string; company: string; start: string; end: string }>;
  education: Array<{ degree: string; institution: string; year: number }>;
}

const taxonomy = loadTaxonomy();
const extractor = new LocalTextExtractor();
const referenceDate = new Date('2026-11-01T00:00:00Z');
const ROOT = join(import.meta.dirname, '..', '..');

describe.each((resumes as SampleResume[]).map((r) => [`${r.file}.${r.format}`, r] as const))('parsing %s', (_label, r) => {
  const load = async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'samples', 'resumes', `${r.file}.${r.format}`)));
    const { text } = await extractor.extract({ bytes, fileName: r.file });
    return parseProfile(text, { taxonomy, referenceDate });
  };

  it('finds the contact details', async () => {
    const p = await load();
    expect(p.name).toBe(r.name);
    expect(p.emails).toContain(r.contact.email);
    expect(p.phones).toContain(`+1${r.contact.phone.replace(/\D/g, '')}`);
    expect(p.location).toBe(r.contact.location);
  });

  it('finds every experience entry with title, company and dates', async () => {
    const p = await load();
    expect(p.experience.map((e) => [e.title, e.company, e.start, e.current ? 'Present' : e.end])).toEqual(
      r.experience.map((e) => [e.title, e.company, parseDate(e.start), e.end === 'Present' ? 'Present' : parseDate(e.end)]),
    );
    expect(p.totalYears).toBeGreaterThan(0);
  });

  it('finds the education', async () => {
    const p = await load();
    expect(p.education.map((e) => [e.institution, e.graduationYear])).toEqual(r.education.map((e) => [e.institution, e.year]));
  });

  it('finds the listed skills the taxonomy knows', async () => {
    const p = await load();
    const names = p.skills.map((s) => s.name);
    const known = r.skills.map((s) => taxonomy.canonical(s.replace(/\s*\(.*\)$/, ''))).filter((s): s is string => Boolean(s));
    expect(known.length).toBeGreaterThan(3);
    expect(names).toEqual(expect.arrayContaining(known));
  });
});
