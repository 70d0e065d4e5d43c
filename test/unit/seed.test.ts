import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateJob, generateResume, seedData } from '../../src/pipelines/index.js';
import { createRng } from '../../src/pipelines/seed/prng.js';
import { LocalTextExtractor } from '../../src/sdk/local/extract.js';
import { RuleBasedParser } from '../../src/sdk/local/parser/index.js';
import { loadTaxonomy } from '../../src/sdk/matching/taxonomy.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'talent-seed-'));
/** SHA-256 of every file in a folder tree, by relative name. */
const hashes = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [join(d.parentPath, d.name).slice(dir.length), createHash('sha256').update(readFileSync(join(d.parentPath, d.name))).digest('hex')]),
  );

describe('talent seed', () => {
  it('writes the same bytes for the same seed, and different bytes for another seed', async () => {
    const opts = { resumes: 9, jobs: 4, formats: ['pdf', 'docx', 'txt'] };
    const [a, b, c] = [tmp(), tmp(), tmp()];
    const ra = await seedData({ ...opts, seed: 'alpha', out: a });
    const rb = await seedData({ ...opts, seed: 'alpha', out: b });
    const rc = await seedData({ ...opts, seed: 'beta', out: c });
    expect(Object.keys(hashes(a))).toHaveLength(9 + 2);
    expect(hashes(a)).toEqual(hashes(b));
    expect(ra.digest).toBe(rb.digest);
    expect(rc.digest).not.toBe(ra.digest);
    expect(Object.values(hashes(c))).not.toEqual(Object.values(hashes(a)));
    expect(Object.keys(ra.byFormat).sort()).toEqual(['docx', 'pdf', 'txt']);
  });

  it('generates item i independently of how many are generated, across professions', () => {
    expect(generateResume(7, 3)).toEqual(generateResume(7, 3));
    expect(generateResume(7, 3)).not.toEqual(generateResume(8, 3));
    const professions = new Set(Array.from({ length: 10 }, (_, i) => generateResume(1, i).profession));
    expect(professions.size).toBe(10);
    const job = generateJob(1, 0);
    expect(job.requiredSkills.length).toBeGreaterThanOrEqual(3);
    expect(job.id).toBe('SJ-00001');
  });

  it('renders resumes the parser reads back: name, e-mail, skills and experience', async () => {
    const out = tmp();
    const report = await seedData({ resumes: 6, jobs: 0, seed: 'parse', formats: ['pdf', 'docx'], out });
    const extractor = new LocalTextExtractor();
    const parser = new RuleBasedParser({ taxonomy: loadTaxonomy([]), defaultCountry: 'US' });
    for (const f of readdirSync(report.resumesDir).sort()) {
      const index = Number(f.slice(0, 6)) - 1;
      const truth = generateResume('parse', index);
      const { text } = await extractor.extract({ bytes: new Uint8Array(readFileSync(join(report.resumesDir, f))), fileName: f });
      const profile = await parser.parse(text);
      expect(profile.name, f).toBe(truth.name);
      expect(profile.emails, f).toContain(truth.contact.email);
      expect(profile.skills.length, f).toBeGreaterThanOrEqual(Math.min(5, truth.skills.length));
      expect(profile.experience.length, f).toBe(truth.experience.length);
    }
  });

  it('refuses a folder that is not empty and not an earlier seed output', async () => {
    const out = tmp();
    await seedData({ resumes: 1, jobs: 0, seed: 1, out: join(out, 'x') });
    await expect(seedData({ resumes: 1, jobs: 0, seed: 1, out })).rejects.toMatchObject({ code: 'E_SEED_OUT_NOT_EMPTY', hint: expect.any(String) });
    // An earlier seed output is replaced, not added to.
    const again = await seedData({ resumes: 2, jobs: 0, seed: 2, out: join(out, 'x') });
    expect(readdirSync(again.resumesDir)).toHaveLength(2);
    await expect(seedData({ resumes: 1, jobs: 0, seed: 1, out: tmp(), formats: ['rtf'] })).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('has a PRNG whose streams are stable and roughly uniform', () => {
    const a = createRng('x');
    const b = createRng('x');
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(Array.from({ length: 10_000 }, () => b.next())).toEqual(xs);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
